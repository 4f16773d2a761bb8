// The heap and its tracing collector.
//
// Every object is allocated by Heap::make (the one allocation function,
// STYLE.md §15) and linked into one list. Collection is mark-and-sweep and
// runs only at a safe point of the eval loop (a loop's back edge or a call):
// allocation never collects by itself, it only raises the request bit in the
// interpreter's eval breaker. At a safe point every live value is in a root:
//   - each thread's value stack (locals, cells, operand stacks, and the
//     temporaries natives push while they call back into the VM),
//   - each thread's frames (code, function, globals), pending and handled
//     exceptions,
//   - the interpreter (modules, builtins, types, interned strings).
// A native function that holds a new object in a C++ variable while it calls
// back into Python must root it first (TempRoot in vm/api.h): that is the
// one rule the collector asks of native code.
//
// With threads, the collecting thread holds the GIL; the others are either
// waiting for it at a safe point or in a released section, where they touch
// no heap object (vm/gil.h), so their roots are complete and stable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "vm/object.h"

namespace gilvm {

struct Interpreter;

class Tracer {
 public:
  void mark(Value v) {
    if (v.is_obj()) mark(v.as_obj());
  }
  void mark(Object* o) {
    if (o != nullptr && !o->marked) {
      o->marked = true;
      gray_.push_back(o);
    }
  }
  void drain() {
    while (!gray_.empty()) {
      Object* o = gray_.back();
      gray_.pop_back();
      o->trace(*this);
    }
  }

 private:
  std::vector<Object*> gray_;
};

class Heap {
 public:
  Heap() = default;
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates and links a new object. May request (never run) a collection.
  template <class T, class... A>
  T* make(A&&... args) {
    T* o = new T(std::forward<A>(args)...);
    o->gc_next = objects_;
    objects_ = o;
    ++live_;
    if (++since_collect_ >= threshold_ || stress_) request_collect();
    return o;
  }

  // Marks from the interpreter's roots and frees what is unreachable.
  void collect(Interpreter& interp);

  // GC stress (config.h): request a collection after every allocation, so
  // the next safe point collects. The golden suite passes with it on.
  void set_stress(bool on) { stress_ = on; }
  // Calls f(Object*) for every object (live or not yet collected).
  template <class F>
  void for_each(F f) const {
    for (Object* o = objects_; o != nullptr; o = o->gc_next) f(o);
  }
  std::size_t live_objects() const { return live_; }
  std::uint64_t collections() const { return collections_; }

  // Set by the interpreter so make() can raise its eval-breaker bit.
  void set_request_hook(void (*hook)(void*), void* ctx) {
    hook_ = hook;
    hook_ctx_ = ctx;
  }

 private:
  void request_collect() {
    if (hook_ != nullptr) hook_(hook_ctx_);
  }

  Object* objects_ = nullptr;
  std::size_t live_ = 0;
  std::size_t since_collect_ = 0;
  std::size_t threshold_ = 100000;
  std::uint64_t collections_ = 0;
  bool stress_ = false;
  void (*hook_)(void*) = nullptr;
  void* hook_ctx_ = nullptr;
};

}  // namespace gilvm
