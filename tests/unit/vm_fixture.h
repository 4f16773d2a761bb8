// A running interpreter for unit tests: one Interpreter, the current thread
// registered and holding the GIL, as cli/cli.cpp sets up the main thread.
#pragma once

#include "vm/api.h"

namespace gilvm {
void set_current_thread(ThreadState* ts);

struct TestVm {
  Interpreter interp;
  ThreadState ts{interp};
  TestVm() {
    set_current_thread(&ts);
    gil_take(ts);
  }
  ~TestVm() {
    gil_drop(ts, false);
    set_current_thread(nullptr);
  }
};
}  // namespace gilvm
