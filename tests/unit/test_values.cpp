// Values, the dict table, and the collector.
#include <catch2/catch.hpp>

#include "runtime/bigint.h"
#include "vm/api.h"
#include "vm_fixture.h"

using namespace gilvm;

using Vm = TestVm;

TEST_CASE("Value is a small tagged type", "[values]") {
  static_assert(sizeof(Value) == 16);
  Value i = Value::from_int(-5);
  CHECK(i.is_int());
  CHECK(i.as_int() == -5);
  CHECK(Value::from_float(0.5).is_float());
  CHECK(Value::none().is_none());
  CHECK(Value::null().is_null());
  CHECK(Value::fail().is_fail());
  CHECK(Value::from_bool(true).identical(Value::from_bool(true)));
  CHECK_FALSE(Value::from_int(1).identical(Value::from_bool(true)));
}

TEST_CASE("ints are inline until they overflow, and come back inline", "[values]") {
  Vm vm;
  Value big = new_int(vm.ts, BigInt(INT64_MAX) + BigInt(1));
  REQUIRE(as_bigint(big) != nullptr);
  Value back = new_int(vm.ts, as_bigint(big)->v - BigInt(1));
  CHECK(back.is_int());
  CHECK(back.as_int() == INT64_MAX);
  Value sum = binary_op(vm.ts, front::BinOp::Add, Value::from_int(INT64_MAX), Value::from_int(1));
  CHECK(as_bigint(sum) != nullptr);
  Value prod = binary_op(vm.ts, front::BinOp::Mul, sum, Value::from_int(0));
  CHECK(prod.is_int());
  CHECK(prod.as_int() == 0);
}

TEST_CASE("dicts keep insertion order across deletes and growth", "[values][dict]") {
  Vm vm;
  Dict* d = new_dict(vm.ts);
  TempRoot root(vm.ts, obj(d));
  for (int i = 0; i < 100; ++i) REQUIRE(dict_set(vm.ts, d, Value::from_int(i * 7), Value::from_int(i)));
  for (int i = 0; i < 100; i += 2) REQUIRE(dict_del(vm.ts, d, Value::from_int(i * 7)) == 1);
  CHECK(d->used == 50);
  CHECK(dict_del(vm.ts, d, Value::from_int(0)) == 0);
  std::vector<std::int64_t> keys;
  dict_for_each(d, [&](Value k, Value) { keys.push_back(k.as_int()); });
  REQUIRE(keys.size() == 50);
  CHECK(keys.front() == 7);
  CHECK(keys.back() == 99 * 7);
  CHECK(std::is_sorted(keys.begin(), keys.end()));
  // Equal strings are the same key, interned or not.
  Str* a = vm.interp.intern("name");
  Value b = new_str(vm.ts, "name");
  REQUIRE(dict_set(vm.ts, d, obj(a), Value::from_int(1)));
  Value got = dict_get(vm.ts, d, b);
  REQUIRE(got.is_int());
  CHECK(got.as_int() == 1);
  // 1, 1.0 and True are the same key, as in Python.
  REQUIRE(dict_set(vm.ts, d, Value::from_float(7.0), Value::from_int(-1)));
  CHECK(dict_get(vm.ts, d, Value::from_int(7)).as_int() == -1);
}

TEST_CASE("the collector frees garbage and keeps what is rooted", "[values][gc]") {
  Vm vm;
  vm.interp.heap.collect(vm.interp);
  std::size_t base = vm.interp.heap.live_objects();
  List* kept = new_list(vm.ts);
  TempRoot root(vm.ts, obj(kept));
  for (int i = 0; i < 1000; ++i) {
    List* garbage = new_list(vm.ts);
    garbage->items.push_back(new_str(vm.ts, "x"));
    if (i % 100 == 0) kept->items.push_back(obj(garbage));
  }
  vm.interp.heap.collect(vm.interp);
  // The kept list, its 10 lists and their 10 strs survive.
  CHECK(vm.interp.heap.live_objects() == base + 21);
  CHECK(as_list(kept->items[9]) != nullptr);
  CHECK(as_str(as_list(kept->items[9])->items[0])->s == "x");
}

TEST_CASE("errors are pending exceptions, not C++ exceptions", "[values]") {
  Vm vm;
  Value r = binary_op(vm.ts, front::BinOp::Add, Value::from_int(1), new_str(vm.ts, "a"));
  REQUIRE(r.is_fail());
  Exception* e = as_exception(vm.ts.exc);
  REQUIRE(e != nullptr);
  CHECK(e->type == vm.interp.types.TypeError);
  auto msg = str_string(vm.ts, vm.ts.exc);
  REQUIRE(msg);
  CHECK(*msg == "unsupported operand type(s) for +: 'int' and 'str'");
  take_exception(vm.ts);
  CHECK(vm.ts.exc.is_null());
}
