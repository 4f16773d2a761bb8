// The heap's pages (vm/heap.h): size classes, leaf pages and their lazy
// sweep, slot reuse, a constructor that throws, and (ASan builds) the
// quarantine of freed slots.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "vm/api.h"
#include "vm_fixture.h"

#if GILVM_HEAP_QUARANTINE
#include <sanitizer/asan_interface.h>
#endif

using namespace gilvm;

using Vm = TestVm;

namespace {

int g_destroyed = 0;

// A native payload of about N bytes that counts its destructions.
struct PayloadBase : Opaque {
  int tag = 12345;
  explicit PayloadBase(Type* t) : Opaque(t) {}
  ~PayloadBase() override { ++g_destroyed; }
};
template <std::size_t N>
struct Payload : PayloadBase {
  char bytes[N] = {};
  explicit Payload(Type* t) : PayloadBase(t) {}
};

struct Thrower : Opaque {
  explicit Thrower(Type* t) : Opaque(t) { throw std::runtime_error("no"); }
};

std::size_t count_objects(Heap& heap) {
  std::size_t n = 0;
  heap.for_each([&](Object*) { ++n; });
  return n;
}

// Makes `count` payloads of N bytes, keeping every 7th in `kept`.
template <std::size_t N>
void make_payloads(Vm& vm, List* kept, int count) {
  for (int i = 0; i < count; ++i) {
    auto* p = vm.interp.heap.make<Payload<N>>(vm.interp.types.object);
    if (i % 7 == 0) kept->items.push_back(obj(p));
  }
}

}  // namespace

TEST_CASE("every size class frees exactly the unreachable objects", "[heap]") {
  Vm vm;
  vm.interp.heap.collect(vm.interp);
  std::size_t base = vm.interp.heap.live_objects();
  CHECK(count_objects(vm.interp.heap) == base);
  List* kept = new_list(vm.ts);
  TempRoot root(vm.ts, obj(kept));
  g_destroyed = 0;
  // 1000 of each: small classes, the 16-byte steps' edges, the big classes.
  make_payloads<1>(vm, kept, 1000);
  make_payloads<100>(vm, kept, 1000);
  make_payloads<232>(vm, kept, 1000);
  make_payloads<300>(vm, kept, 1000);
  make_payloads<1000>(vm, kept, 1000);
  make_payloads<4000>(vm, kept, 1000);
  vm.interp.heap.collect(vm.interp);
  std::size_t survivors = kept->items.size();
  CHECK(survivors == 6 * 143);
  CHECK(g_destroyed == 6000 - static_cast<int>(survivors));
  CHECK(vm.interp.heap.live_objects() == base + 1 + survivors);
  CHECK(count_objects(vm.interp.heap) == base + 1 + survivors);
  for (Value v : kept->items) CHECK(static_cast<PayloadBase*>(v.as_obj())->tag == 12345);

  kept->items.clear();
  vm.interp.heap.collect(vm.interp);
  CHECK(g_destroyed == 6000);
  CHECK(vm.interp.heap.live_objects() == base + 1);
}

TEST_CASE("dead strs are not visited, and their slots are reused first", "[heap]") {
  Vm vm;
  vm.interp.heap.collect(vm.interp);
  std::size_t base = count_objects(vm.interp.heap);
  std::set<Object*> first;
  for (int i = 0; i < 5000; ++i) {
    // Short strs keep their text inside the object, long ones do not.
    first.insert(new_str_obj(vm.interp, i % 2 == 0 ? "short" : std::string(100, 'x')));
  }
  CHECK(count_objects(vm.interp.heap) == base + 5000);
  vm.interp.heap.collect(vm.interp);
  // Leaf pages are swept lazily: the dead are no longer objects all the same.
  CHECK(count_objects(vm.interp.heap) == base);
  CHECK(vm.interp.heap.live_objects() == base);
  int reused = 0;
  for (int i = 0; i < 5000; ++i) reused += first.count(new_str_obj(vm.interp, "again")) != 0 ? 1 : 0;
  // (ASan builds hold freed slots back for one more sweep instead.)
  CHECK(reused == (GILVM_HEAP_QUARANTINE ? 0 : 5000));
  vm.interp.heap.collect(vm.interp);
  CHECK(count_objects(vm.interp.heap) == base);
}

TEST_CASE("pages emptied by a collection are reused, not unmapped and mapped again", "[heap]") {
  Vm vm;
  Heap& heap = vm.interp.heap;
  // Each round makes about 60 pages of objects that are all dead at the
  // next collection, as a loop of short-lived objects does.
  auto round = [&] {
    for (int i = 0; i < 20000; ++i) heap.make<Payload<200>>(vm.interp.types.object);
    heap.collect(vm.interp);
  };
  // Warm-up: the first rounds map the pages (ASan builds hold a round's
  // slots back for one more sweep, so they need two rounds' worth).
  for (int i = 0; i < 3; ++i) round();
  std::size_t mapped = heap.pages_mapped();
  std::size_t unmapped = heap.pages_unmapped();
  CHECK(mapped >= 60);
  for (int i = 0; i < 5; ++i) round();
  CHECK(heap.pages_mapped() == mapped);
  CHECK(heap.pages_unmapped() == unmapped);
}

TEST_CASE("a constructor that throws leaves no object behind", "[heap]") {
  Vm vm;
  vm.interp.heap.collect(vm.interp);
  std::size_t base = count_objects(vm.interp.heap);
  CHECK_THROWS_AS(vm.interp.heap.make<Thrower>(vm.interp.types.object), std::runtime_error);
  CHECK(count_objects(vm.interp.heap) == base);
  List* l = new_list(vm.ts);
  CHECK(count_objects(vm.interp.heap) == base + 1);
  CHECK(l->items.empty());
}

#if GILVM_HEAP_QUARANTINE
TEST_CASE("ASan: a freed slot stays poisoned until its page's next sweep", "[heap]") {
  Vm vm;
  List* dead = new_list(vm.ts);
  CHECK(!__asan_address_is_poisoned(dead));
  vm.interp.heap.collect(vm.interp);
  CHECK(__asan_address_is_poisoned(dead));
  // The next lists do not take its slot while it is held.
  for (int i = 0; i < 1000; ++i) CHECK(new_list(vm.ts) != dead);
}
#endif
