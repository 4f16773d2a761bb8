// Coroutines (Language Reference §3.4.3 "Coroutine Objects", §6.4 "Await
// expression", §8.8 "Coroutines").
//
// A coroutine is a Generator (vm/interp.h) made by calling an async def: the
// same saved frame, resumed by gen_resume (vm/generator.cpp), with type
// `coroutine`, no __iter__/__next__ and an __await__ instead. `await x` is
// compiled as GET_AWAITABLE followed by yield from's SEND loop, so a value
// yielded by the innermost awaitable (asyncio's Future.__await__ yields the
// future) travels out through every awaiting coroutine to the event loop,
// which resumes the outermost one with send() or throw() (throw and close
// are passed down to the innermost awaitable: generator.cpp, delegate_of).
//
// The opcodes' helpers are here; so is the warning for a coroutine that dies
// without ever having started. CPython prints it when the reference count
// drops to zero, with the line then executing; gilvm's collector finds dead
// objects later, so the warning names the line that created the coroutine
// (for the usual mistake, `f()` without `await`, it is the same line), and
// coroutines still alive at exit are reported then.
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/ops.h"
#include "vm/run.h"

namespace gilvm {

namespace {

bool is_coroutine(Value v) {
  return v.is_obj() && v.as_obj()->kind == Kind::Generator && static_cast<Generator*>(v.as_obj())->is_coroutine;
}

bool is_iterator(ThreadState& ts, Value v) {
  if (v.is_obj() && (v.as_obj()->kind == Kind::Iterator || v.as_obj()->kind == Kind::Generator)) return true;
  if (v.is_obj() && v.as_obj()->type->am_send != nullptr) return true;
  return !type_lookup(type_of(ts, v), ts.interp.names.__next__).is_null();
}

}  // namespace

namespace ops {

Value get_awaitable(ThreadState& ts, Value v) {
  Interpreter& in = ts.interp;
  if (is_coroutine(v)) {
    if (!delegate_of(static_cast<Generator*>(v.as_obj())).is_null())
      return raise(ts, in.types.RuntimeError, "coroutine is being awaited already");
    return v;
  }
  Type* t = type_of(ts, v);
  Value m = type_lookup(t, in.names.__await__);
  if (m.is_null() || m.is_none())
    return raise_fmt(ts, in.types.TypeError, "object {} can't be used in 'await' expression", t->name->s);
  Value it = call(ts, m, std::span<const Value>(&v, 1));
  if (it.is_fail()) return it;
  if (is_coroutine(it)) return raise(ts, in.types.TypeError, "__await__() returned a coroutine");
  if (!is_iterator(ts, it))
    return raise_fmt(ts, in.types.TypeError, "__await__() returned non-iterator of type '{}'", type_name(ts, it));
  return it;
}

Value get_aiter(ThreadState& ts, Value v) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, v);
  if (type_lookup(t, in.names.__aiter__).is_null())
    return raise_fmt(ts, in.types.TypeError, "'async for' requires an object with __aiter__ method, got {}",
                     t->name->s);
  Value it = call_method(ts, v, in.names.__aiter__, {});
  if (it.is_fail()) return it;
  if (type_lookup(type_of(ts, it), in.names.__anext__).is_null())
    return raise_fmt(ts, in.types.TypeError,
                     "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                     type_name(ts, it));
  return it;
}

Value get_anext(ThreadState& ts, Value aiter) {
  Interpreter& in = ts.interp;
  Value aw = call_method(ts, aiter, in.names.__anext__, {});
  if (aw.is_fail()) return aw;
  Type* t = type_of(ts, aw);
  if (!is_coroutine(aw) && type_lookup(t, in.names.__await__).is_null())
    return raise_fmt(ts, in.types.TypeError,
                     "'async for' received an invalid object from __anext__: {}", t->name->s);
  return aw;
}

bool before_async_with(ThreadState& ts, Value mgr, Value& exit_fn, Value& awaitable) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, mgr);
  if (type_lookup(t, in.names.__aenter__).is_null() || type_lookup(t, in.names.__aexit__).is_null()) {
    raise_fmt(ts, in.types.TypeError, "'{}' object does not support the asynchronous context manager protocol",
              t->name->s);
    return false;
  }
  exit_fn = get_attr(ts, mgr, in.names.__aexit__);
  if (exit_fn.is_fail()) return false;
  TempRoot root(ts, exit_fn);
  awaitable = call_method(ts, mgr, in.names.__aenter__, {});
  return !awaitable.is_fail();
}

}  // namespace ops

// The text Python's warnings.showwarning gives a RuntimeWarning about a
// coroutine never awaited (the tracemalloc hint line included, as CPython
// 3.11 prints it without tracemalloc).
std::string never_awaited_warning(Interpreter& in, Generator* g) {
  if (!g->is_coroutine || g->started || g->finished) return "";
  std::string where = "sys:1";
  std::string source;
  if (g->created_in != nullptr && g->created_line > 0) {
    const std::string& file = g->created_in->filename->s;
    where = file + ":" + std::to_string(g->created_line);
    auto src = in.sources.find(file);
    if (src != in.sources.end() && g->created_line <= static_cast<int>(src->second.size())) {
      const std::string& line = src->second[g->created_line - 1];
      std::size_t a = line.find_first_not_of(" \t\f");
      std::size_t b = line.find_last_not_of(" \t\r\n\f");
      if (a != std::string::npos) source = "  " + line.substr(a, b - a + 1) + "\n";
    }
  }
  leave_unstarted(in, g);
  g->finished = true;  // reported once
  return where + ": RuntimeWarning: coroutine '" + g->func->qualname->s + "' was never awaited\n" + source +
         "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
}

namespace {
bool coroutine_needs_finalizing(Object* o) {
  Generator* g = static_cast<Generator*>(o);
  return g->is_coroutine && !g->started && !g->finished;
}
// Written straight to fd 2, as the collector wrote it before this step
// existed: the warning is not routed through sys.stderr.
void finalize_coroutine(ThreadState& ts, Object* o) {
  std::string text = never_awaited_warning(ts.interp, static_cast<Generator*>(o));
  if (!text.empty()) write_raw_stderr(text);
}
}  // namespace

const Finalizer kCoroutineFinalizer = {coroutine_needs_finalizing, finalize_coroutine};

void leave_unstarted(Interpreter& in, Generator* g) {
  if (g->is_coroutine && !g->started && !g->finished) --in.finalization.candidates;
}

void warn_never_awaited_at_exit(ThreadState& ts) {
  Interpreter& in = ts.interp;
  if (!in.finalization.armed()) return;
  std::string text;
  in.heap.for_each([&](Object* o) {
    if (o->kind == Kind::Generator) text += never_awaited_warning(in, static_cast<Generator*>(o));
  });
  if (!text.empty()) write_stderr(ts, text);
}


}  // namespace gilvm
