// The argument binder (vm/native.h): signatures parsed from their text, and
// CPython's message for each way a call can fail to fit, in each style.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "vm/api.h"
#include "vm_fixture.h"

using namespace gilvm;

namespace {

Value dummy(ThreadState&, Value, const Args&) { return Value::none(); }

// One call: positional ints and keyword ints by name.
struct Call {
  std::vector<Value> pos;
  std::vector<std::pair<std::string, Value>> kw;
};

// Binds `c` to a row with `text` and `style` for the callable `qual`.
// Returns the bound values, or the TypeError's message as a str in `error`.
struct Result {
  std::vector<Value> out;
  std::string error;
};

Result bind(TestVm& vm, const char* text, Style style, const char* qual, const Call& c) {
  static std::vector<MethodDef> keep;  // rows must outlive their signature
  keep.reserve(64);
  keep.push_back(MethodDef{"f", dummy, text, style});
  Signature sig = parse_signature(keep.back(), qual);
  std::vector<Str*> names;
  std::vector<Value> values;
  for (auto& [k, v] : c.kw) {
    names.push_back(vm.interp.intern(k));
    values.push_back(v);
  }
  std::vector<Value> pos = c.pos;
  Args a{pos.data(), pos.size(), names.data(), values.data(), names.size()};
  Result r;
  r.out.assign(sig.params.size(), Value::none());
  if (!bind_args(vm.ts, sig, a, r.out.data())) {
    REQUIRE(exception_matches(vm.ts, vm.interp.types.TypeError));
    Value e = take_exception(vm.ts);
    r.error = *str_string(vm.ts, e);
  }
  return r;
}

Value I(std::int64_t i) { return Value::from_int(i); }

}  // namespace

TEST_CASE("signature text parses into parameter kinds", "[binder]") {
  static const MethodDef def{"split", dummy, "sep=None, maxsplit=-1"};
  Signature s = parse_signature(def, "str.split");
  CHECK(s.name == "split");
  CHECK(s.qual == "str.split");
  REQUIRE(s.params.size() == 2);
  CHECK(s.params[0].kind == ParamKind::PositionalOrKeyword);
  CHECK_FALSE(s.params[0].required);
  CHECK(s.max_pos == 2);
  CHECK(s.min_pos == 0);
  CHECK(s.takes_keywords);

  static const MethodDef def2{"f", dummy, "a, b=', ', /, c=(1, 2), *, d, e=3, **kw"};
  Signature t = parse_signature(def2, "f");
  REQUIRE(t.params.size() == 6);
  CHECK(t.posonly == 2);
  CHECK(t.params[1].kind == ParamKind::PositionalOnly);
  CHECK(t.params[2].kind == ParamKind::PositionalOrKeyword);
  CHECK(t.params[3].kind == ParamKind::KeywordOnly);
  CHECK(t.params[3].required);
  CHECK(t.params[5].kind == ParamKind::VarKeywords);
  CHECK(t.max_pos == 3);
  CHECK(t.min_pos == 1);
  CHECK(t.max_args == 5);
  CHECK(t.varkw == 5);
}

TEST_CASE("METH_NOARGS and METH_O messages", "[binder]") {
  TestVm vm;
  CHECK(bind(vm, "", Style::NoArgs, "str.upper", {{I(1)}, {}}).error ==
        "str.upper() takes no arguments (1 given)");
  CHECK(bind(vm, "", Style::NoArgs, "str.upper", {{}, {{"x", I(1)}}}).error ==
        "str.upper() takes no keyword arguments");
  CHECK(bind(vm, "x, /", Style::One, "str.join", {{}, {}}).error ==
        "str.join() takes exactly one argument (0 given)");
  CHECK(bind(vm, "x, /", Style::One, "len", {{I(1), I(2)}, {}}).error ==
        "len() takes exactly one argument (2 given)");
  Result ok = bind(vm, "x, /", Style::One, "len", {{I(7)}, {}});
  CHECK(ok.error.empty());
  CHECK(ok.out[0].as_int() == 7);
}

TEST_CASE("positional-only clinic messages", "[binder]") {
  TestVm vm;
  const char* sig = "width, fillchar=' ', /";
  CHECK(bind(vm, sig, Style::Positional, "str.center", {{}, {}}).error ==
        "center expected at least 1 argument, got 0");
  CHECK(bind(vm, sig, Style::Positional, "str.center", {{I(1), I(2), I(3)}, {}}).error ==
        "center expected at most 2 arguments, got 3");
  CHECK(bind(vm, "index, object, /", Style::Positional, "list.insert", {{I(1)}, {}}).error ==
        "insert expected 2 arguments, got 1");
  CHECK(bind(vm, sig, Style::Positional, "str.center", {{I(1)}, {{"fillchar", I(1)}}}).error ==
        "str.center() takes no keyword arguments");
  Result ok = bind(vm, sig, Style::Positional, "str.center", {{I(5)}, {}});
  CHECK(ok.out[0].as_int() == 5);
  CHECK(ok.out[1].is_null());  // absent optional
}

TEST_CASE("PyArg_ParseTuple messages", "[binder]") {
  TestVm vm;
  const char* sig = "sub, start=None, end=None, /";
  CHECK(bind(vm, sig, Style::Getargs, "str.find", {{}, {}}).error == "find() takes at least 1 argument (0 given)");
  CHECK(bind(vm, sig, Style::Getargs, "str.find", {{I(1), I(2), I(3), I(4)}, {}}).error ==
        "find() takes at most 3 arguments (4 given)");
  CHECK(bind(vm, "a, b, /", Style::Getargs, "f", {{I(1)}, {}}).error == "f() takes exactly 2 arguments (1 given)");
}

TEST_CASE("clinic with keywords", "[binder]") {
  TestVm vm;
  const char* split = "sep=None, maxsplit=-1";
  CHECK(bind(vm, split, Style::Keywords, "str.split", {{I(1), I(2), I(3)}, {}}).error ==
        "split() takes at most 2 arguments (3 given)");
  CHECK(bind(vm, split, Style::Keywords, "str.split", {{I(1), I(2)}, {{"maxsplit", I(2)}}}).error ==
        "split() takes at most 2 arguments (3 given)");
  CHECK(bind(vm, split, Style::Keywords, "str.split", {{}, {{"x", I(1)}}}).error ==
        "'x' is an invalid keyword argument for split()");
  CHECK(bind(vm, split, Style::Keywords, "str.split", {{I(1)}, {{"sep", I(1)}}}).error ==
        "argument for split() given by name ('sep') and position (1)");
  Result ok = bind(vm, split, Style::Keywords, "str.split", {{}, {{"maxsplit", I(4)}}});
  CHECK(ok.error.empty());
  CHECK(ok.out[0].is_null());
  CHECK(ok.out[1].as_int() == 4);

  const char* round = "number, ndigits=None";
  CHECK(bind(vm, round, Style::Keywords, "round", {{}, {}}).error ==
        "round() missing required argument 'number' (pos 1)");
  // A missing required argument is reported before an unknown keyword.
  CHECK(bind(vm, round, Style::Keywords, "round", {{}, {{"x", I(1)}}}).error ==
        "round() missing required argument 'number' (pos 1)");
  CHECK(bind(vm, "a, b, c", Style::Keywords, "f", {{}, {{"a", I(1)}, {"b", I(1)}, {"c", I(1)}, {"d", I(1)}}}).error ==
        "f() takes at most 3 keyword arguments (4 given)");
}

TEST_CASE("positional-only parameters passed by keyword", "[binder]") {
  TestVm vm;
  const char* sum = "iterable, /, start=0";
  CHECK(bind(vm, sum, Style::Keywords, "sum", {{}, {{"iterable", I(1)}}}).error ==
        "sum() takes at least 1 positional argument (0 given)");
  CHECK(bind(vm, "a, b=0, /, c=0", Style::Keywords, "f", {{I(1)}, {{"b", I(1)}}}).error ==
        "'b' is an invalid keyword argument for f()");
  Result ok = bind(vm, sum, Style::Keywords, "sum", {{I(1)}, {{"start", I(2)}}});
  CHECK(ok.out[1].as_int() == 2);
}

TEST_CASE("keyword-only parameters", "[binder]") {
  TestVm vm;
  const char* sort = "*, key=None, reverse=False";
  CHECK(bind(vm, sort, Style::Keywords, "list.sort", {{I(1)}, {}}).error == "sort() takes no positional arguments");
  const char* isclose = "a, b, *, rel_tol=1e-09, abs_tol=0.0";
  CHECK(bind(vm, isclose, Style::Keywords, "math.isclose", {{I(1), I(2), I(3)}, {}}).error ==
        "isclose() takes exactly 2 positional arguments (3 given)");
  CHECK(bind(vm, isclose, Style::Keywords, "math.isclose", {{I(1)}, {}}).error ==
        "isclose() missing required argument 'b' (pos 2)");
  CHECK(bind(vm, "a, b=1, *, c", Style::Keywords, "f", {{I(1), I(2), I(3)}, {}}).error ==
        "f() takes at most 2 positional arguments (3 given)");
  CHECK(bind(vm, "a, *, c", Style::Keywords, "f", {{I(1)}, {}}).error == "f() missing required argument 'c' (pos 2)");
  Result ok = bind(vm, isclose, Style::Keywords, "math.isclose", {{I(1)}, {{"abs_tol", I(9)}, {"b", I(2)}}});
  CHECK(ok.error.empty());
  CHECK(ok.out[1].as_int() == 2);
  CHECK(ok.out[2].is_null());
  CHECK(ok.out[3].as_int() == 9);
}

TEST_CASE("*args and **kwargs collect the rest", "[binder]") {
  TestVm vm;
  Result r = bind(vm, "*args, sep=None", Style::Keywords, "print", {{I(1), I(2)}, {{"sep", I(0)}}});
  REQUIRE(r.error.empty());
  REQUIRE(as_tuple(r.out[0]) != nullptr);
  CHECK(as_tuple(r.out[0])->items.size() == 2);
  CHECK(r.out[1].as_int() == 0);
  CHECK(bind(vm, "*args, sep=None", Style::Keywords, "print", {{}, {{"x", I(0)}}}).error ==
        "'x' is an invalid keyword argument for print()");
  Result k = bind(vm, "a, **kw", Style::Keywords, "f", {{I(1)}, {{"x", I(5)}}});
  REQUIRE(k.error.empty());
  REQUIRE(as_dict(k.out[1]) != nullptr);
  CHECK(as_dict(k.out[1])->used == 1);
  CHECK(bind(vm, "a, **kw", Style::Keywords, "f", {{I(1)}, {}}).out[1].is_null());
}
