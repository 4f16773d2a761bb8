// asyncio.gather's bookkeeping (module _asyncio; the design is in
// asyncio.h): the outer future (_GatheringFuture) and what happens as each
// child finishes, after CPython 3.11's Lib/asyncio/tasks.py gather(). The
// outer future itself is the children's done callback (a marker the loop
// dispatches to gather_child_done), so a gather of n tasks makes no closure
// and no callback objects.
#include "modules/asyncio/asyncio.h"
#include "vm/heap.h"

#include <unordered_map>

namespace gilvm::asyncio {

void GatherObj::trace(Tracer& t) {
  FutureObj::trace(t);
  t.mark(children);
}

namespace {

GatherObj* as_gather(Value v) {
  if (!v.is_obj() || v.as_obj()->kind != Kind::Opaque) return nullptr;
  return dynamic_cast<GatherObj*>(v.as_obj());
}

Object* new_gather_instance(ThreadState& ts, Type* t) { return ts.interp.heap.make<GatherObj>(t); }

// What a child (native or another kind of future) says; -1 / Fail on error.
int child_cancelled(ThreadState& ts, Value child) {
  if (FutureObj* f = as_future(child)) return f->state == FutState::Cancelled;
  Value r = call_method(ts, child, ts.interp.intern("cancelled"), {});
  return r.is_fail() ? -1 : truthy(ts, r);
}

// child.exception(): None, the exception, or Fail.
Value child_exception(ThreadState& ts, Value child) {
  if (FutureObj* f = as_future(child); f != nullptr && f->state == FutState::Finished) {
    f->log_traceback = false;
    return f->exception.is_null() ? Value::none() : f->exception;
  }
  return call_method(ts, child, ts.interp.intern("exception"), {});
}

Value child_result(ThreadState& ts, Value child) {
  if (FutureObj* f = as_future(child); f != nullptr && f->state == FutState::Finished) return f->result;
  return call_method(ts, child, state().s_result, {});
}

Value child_cancelled_error(ThreadState& ts, Value child) {
  if (FutureObj* f = as_future(child)) return make_cancelled_error(ts, f);
  return call_method(ts, child, ts.interp.intern("_make_cancelled_error"), {});
}

bool set_outer_exception(ThreadState& ts, GatherObj* outer, Value exc) {
  if (exc.is_fail()) return false;
  return future_set_exception(ts, outer, exc);
}

}  // namespace

bool gather_child_done(ThreadState& ts, GatherObj* outer, Value fut) {
  TempRoot root(ts, obj(outer));
  ++outer->finished;
  if (outer->state != FutState::Pending) {
    int c = child_cancelled(ts, fut);
    if (c < 0) return false;
    if (!c && child_exception(ts, fut).is_fail()) return false;  // retrieved: no "never retrieved" report
    return true;
  }
  if (!outer->return_exceptions) {
    int c = child_cancelled(ts, fut);
    if (c < 0) return false;
    if (c) return set_outer_exception(ts, outer, child_cancelled_error(ts, fut));
    Value exc = child_exception(ts, fut);
    if (exc.is_fail()) return false;
    if (!exc.is_none()) return set_outer_exception(ts, outer, exc);
  }
  if (outer->finished != outer->distinct) return true;
  List* results = new_list(ts, outer->children->items.size());
  TempRoot rroot(ts, obj(results));
  for (std::size_t i = 0; i < outer->children->items.size(); ++i) {
    Value child = outer->children->items[i];
    int c = child_cancelled(ts, child);
    if (c < 0) return false;
    Value res;
    if (c) {
      // CancelledError('' if msg is None else msg), as 3.11 does.
      Value msg = Value::none();
      if (FutureObj* f = as_future(child)) msg = f->cancel_message;
      if (msg.is_none()) msg = new_str(ts, "");
      TempRoot mroot(ts, msg);
      res = call(ts, state().cancelled_error, std::span<const Value>(&msg, 1));
    } else {
      res = child_exception(ts, child);
      if (!res.is_fail() && res.is_none()) res = child_result(ts, child);
    }
    if (res.is_fail()) return false;
    results->items.push_back(res);
  }
  if (outer->cancel_requested) return set_outer_exception(ts, outer, child_cancelled_error(ts, fut));
  return future_set_result(ts, outer, obj(results));
}

namespace {

Value gather_wake(ThreadState& ts, Value self, const Args& a) {
  return gather_child_done(ts, static_cast<GatherObj*>(self.as_obj()), a[0]) ? Value::none() : Value::fail();
}

// _gather(awaitables, return_exceptions, ensure_future): gather() once it
// has at least one argument. Coroutines become tasks here; futures are
// taken as they are; anything else goes through asyncio.ensure_future.
Value gather_fn(ThreadState& ts, Value self, const Args& a) {
  Tuple* aws = as_tuple(a[0]);
  if (aws == nullptr) return raise(ts, ts.interp.types.TypeError, "_gather() needs a tuple");
  int return_exceptions = truthy(ts, a[1]);
  if (return_exceptions < 0) return Value::fail();
  State& st = state();
  List* children = new_list(ts, aws->items.size());
  TempRoot croot(ts, obj(children));
  TempRoot loop_root(ts, Value::null());
  // The same awaitable twice is one child (by identity, as CPython's
  // arg_to_fut dict keyed by the objects, which are hashed by id here).
  std::unordered_map<std::int64_t, Value> seen;
  seen.reserve(aws->items.size());
  std::vector<Value> distinct;
  for (Value arg : aws->items) {
    auto it = seen.find(arg.bits());
    if (it != seen.end()) {
      children->items.push_back(it->second);
      continue;
    }
    Value fut;
    if (arg.is_obj() && arg.as_obj()->kind == Kind::Generator) {
      Value loop = loop_root.get();
      if (loop.is_null()) {
        loop = call(ts, st.get_event_loop, {});
        if (loop.is_fail()) return loop;
        loop_root.set(loop);
      }
      TaskObj* t = new_task(ts, st.task, arg, loop, Value::null());
      if (t == nullptr) return Value::fail();
      fut = obj(t);
    } else if (FutureObj* f = as_future(arg)) {
      fut = arg;
      if (loop_root.get().is_null()) loop_root.set(f->loop);
    } else {
      Value loop = loop_root.get();
      Str* names[] = {st.s_loop};
      Value kw = loop.is_null() ? Value::none() : loop;
      fut = call_kw(ts, a[2], std::span<const Value>(&arg, 1), names, std::span<const Value>(&kw, 1));
      if (fut.is_fail()) return fut;
      if (loop.is_null()) {
        Value l = get_attr(ts, fut, st.s_loop);
        if (l.is_fail()) return l;
        loop_root.set(l);
      }
    }
    seen.emplace(arg.bits(), fut);
    distinct.push_back(fut);
    children->items.push_back(fut);  // keeps fut rooted from here on
  }
  GatherObj* outer = static_cast<GatherObj*>(st.gathering->new_instance(ts, st.gathering));
  TempRoot oroot(ts, obj(outer));
  outer->loop = loop_root.get();
  outer->children = children;
  outer->distinct = distinct.size();
  outer->return_exceptions = return_exceptions != 0;
  for (Value fut : distinct) {
    if (FutureObj* f = as_future(fut)) {
      if (!add_callback(ts, f, obj(outer))) return Value::fail();
      continue;
    }
    // A callback made per child is no table row: its signature is parsed on first use.
    static const MethodDef wake_def{"_done_callback", gather_wake, "fut, /", Style::One};
    static const Signature wake_sig = parse_signature(wake_def, "_done_callback");
    Native* wake_native = new_native(ts, gather_wake, "_done_callback", obj(outer));
    wake_native->sig = &wake_sig;
    Value wake = obj(wake_native);
    TempRoot wroot(ts, wake);
    if (call_method(ts, fut, st.s_add_done_callback, std::span<const Value>(&wake, 1)).is_fail())
      return Value::fail();
  }
  return obj(outer);
}

GatherObj* self_gather(ThreadState& ts, Value self) {
  GatherObj* g = as_gather(self);
  if (g == nullptr) raise(ts, ts.interp.types.TypeError, "descriptor requires a '_GatheringFuture' object");
  return g;
}

// Cancelling the outer future cancels the children; it is cancelled itself
// once a child's CancelledError comes back (3.11's _GatheringFuture.cancel).
Value m_cancel(ThreadState& ts, Value self, const Args& a) {
  GatherObj* g = self_gather(ts, self);
  if (g == nullptr) return Value::fail();
  Value msg = a[0].is_null() ? Value::none() : a[0];
  if (g->state != FutState::Pending) return Value::from_bool(false);
  TempRoot root(ts, self);
  bool ret = false;
  for (std::size_t i = 0; i < g->children->items.size(); ++i) {
    int c = cancel_any(ts, g->children->items[i], msg);
    if (c < 0) return Value::fail();
    if (c == 1) ret = true;
  }
  if (ret) g->cancel_requested = true;
  return Value::from_bool(ret);
}

Value m_init(ThreadState& ts, Value self, const Args& a) {
  return raise(ts, ts.interp.types.TypeError, "_GatheringFuture is made by asyncio.gather()");
}

const MethodDef kMethods[] = {{"cancel", m_cancel, "msg=None", Style::Keywords, Access::Mutates}, {"__init__", m_init}};
const MethodDef kFunctions[] = {
    {"_gather", gather_fn, "awaitables, return_exceptions, ensure_future, /", Style::Positional}};

}  // namespace

bool init_gather(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Type* t = make_builtin_type(in, "_GatheringFuture", state().future, Kind::Opaque);
  t->module_name = obj(in.intern("_asyncio"));
  t->builtin = false;
  t->new_instance = new_gather_instance;
  add_methods(in, t, kMethods);
  state().gathering = t;
  dict_set_cstr(in, d, "_GatheringFuture", obj(t));
  add_functions(in, d, kFunctions);
  return true;
}

}  // namespace gilvm::asyncio
