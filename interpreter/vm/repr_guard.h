// vm/repr_guard.h — the one guard against repr() recursing through a
// container that contains itself (CPython's Py_ReprEnter/Py_ReprLeave).
//
// Each thread keeps the containers whose repr is in progress in
// ThreadState::repr_stack (vm/interp.h). A container's repr makes a
// ReprGuard first: if the container is already on the stack, `entered` is
// false and the repr prints its placeholder ("[...]", "{...}", "set(...)",
// a dict view's "..."); otherwise the container is pushed, and popped when
// the guard goes out of scope, on every return path. Per thread, because
// two threads may print the same list at once; the stack needs no lock.
#pragma once

#include <algorithm>

#include "vm/interp.h"

namespace gilvm {

class ReprGuard {
 public:
  ReprGuard(ThreadState& ts, Object* o) : ts_(ts) {
    if (std::find(ts.repr_stack.begin(), ts.repr_stack.end(), o) != ts.repr_stack.end()) return;
    ts.repr_stack.push_back(o);
    entered_ = true;
  }
  ~ReprGuard() {
    if (entered_) ts_.repr_stack.pop_back();
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  // False when the object's repr is already in progress on this thread.
  [[nodiscard]] bool entered() const { return entered_; }

 private:
  ThreadState& ts_;
  bool entered_ = false;
};

}  // namespace gilvm
