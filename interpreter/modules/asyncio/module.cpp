// The _asyncio module: its types (future.cpp, task.cpp, gather.cpp,
// loop.cpp) and _setup(), by which stdlib/asyncio.py hands over the Python
// objects the native code needs (the design is in asyncio.h).
#include "modules/asyncio/asyncio.h"
#include "modules/registry.h"

namespace gilvm {

namespace {

// _setup(CancelledError, InvalidStateError, get_event_loop)
Value setup(ThreadState& ts, Value self, const Args& a) {
  asyncio::State& st = asyncio::state();
  st.cancelled_error = a[0];
  st.invalid_state_error = a[1];
  st.get_event_loop = a[2];
  return Value::none();
}

const MethodDef kFunctions[] = {
    {"_setup", setup, "CancelledError, InvalidStateError, get_event_loop, /", Style::Positional}};

}  // namespace

bool init_asyncio_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  asyncio::State& st = asyncio::state();
  st = asyncio::State{};
  // The Python objects _setup() registers live as long as the interpreter.
  in.extra_roots.push_back(&st.cancelled_error);
  in.extra_roots.push_back(&st.invalid_state_error);
  in.extra_roots.push_back(&st.get_event_loop);
  st.s_cancel = in.intern("cancel");
  st.s_msg = in.intern("msg");
  st.s_add_done_callback = in.intern("add_done_callback");
  st.s_result = in.intern("result");
  st.s_call_soon = in.intern("call_soon");
  st.s_call_exception_handler = in.intern("call_exception_handler");
  st.s_run = in.intern("_run");
  st.s_cancelled = in.intern("_cancelled");
  st.s_when = in.intern("_when");
  st.s_loop = in.intern("loop");
  st.s_blocking = in.intern("_asyncio_future_blocking");
  add_functions(in, d, kFunctions);
  return asyncio::init_future_type(ts, d) && asyncio::init_task_type(ts, d) && asyncio::init_gather(ts, d) &&
         asyncio::init_loop_type(ts, d);
}

}  // namespace gilvm
