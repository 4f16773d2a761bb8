// Generators (Python Language Reference §6.2.9.1 "Generator-iterator
// methods") and coroutines (§3.4.3, which share this machinery: see
// vm/coroutine.cpp): resuming a generator's saved frame, send/throw/close,
// PEP 479 (a StopIteration escaping a generator becomes RuntimeError); and
// the slow path of the eval breaker.
//
// throw() and close() of a generator suspended inside `yield from` (or a
// coroutine inside `await`) go first to the iterator it delegates to, as
// PEP 380 says and CPython's gen_throw does: cancelling an asyncio task
// throws CancelledError into its outermost coroutine, and the innermost
// awaitable must see it, with every finally block on the way running.
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/ops.h"

namespace gilvm {

Value gen_resume(ThreadState& ts, Generator* gen, Value sent, Value exc, bool* done) {
  Interpreter& in = ts.interp;
  *done = false;
  const char* what = gen->is_coroutine ? "coroutine" : "generator";
  if (gen->running) return raise(ts, in.types.ValueError, std::string(what) + " already executing");
  if (gen->finished) {
    if (gen->is_coroutine) return raise(ts, in.types.RuntimeError, "cannot reuse already awaited coroutine");
    if (!exc.is_null()) return raise(ts, exc);
    *done = true;
    return Value::none();
  }
  if (!gen->started && !exc.is_null()) {
    finish_generator(in, gen);
    return raise(ts, exc);
  }
  if (!gen->started && !sent.is_none())
    return raise(ts, in.types.TypeError, "can't send non-None value to a just-started generator");
  CodeObject* co = gen->func->code;
  Value* base = gen->slots.data();
  Frame* f = ts.push_frame({.code = co,
                            .func = gen->func,
                            .globals = gen->func->globals,
                            .base = base,
                            .stack_base = base + co->nlocals + co->ncells(),
                            .sp = base + gen->saved_sp,
                            .ip = co->code.data() + gen->saved_pc,
                            .gen = gen,
                            .outer_top = ts.stack_top,
                            .is_entry = true});
  if (gen->started && exc.is_null()) *f->sp++ = sent;
  leave_unstarted(in, gen);
  gen->started = true;
  gen->running = true;
  bool throwing = !exc.is_null();
  if (throwing) raise(ts, exc);
  Value r = eval_frame(ts, f, throwing);
  gen->running = false;
  if (r.is_fail()) {
    if (gen->finished && exception_matches(ts, in.types.StopIteration)) {
      Value cause = take_exception(ts);
      raise(ts, in.types.RuntimeError, std::string(what) + " raised StopIteration");
      if (Exception* e = as_exception(ts.exc)) {
        e->cause = cause;
        e->context = cause;
        e->suppress_context = true;
      }
    }
    return r;
  }
  *done = gen->finished;
  return r;
}

// The iterator a suspended generator delegates to (CPython's _PyGen_yf), or
// Null. The compiler's send loop (compiler.cpp, send_loop) is
//   loop: SEND done; YIELD_VALUE; JUMP loop; done:
// so a generator suspended there has a JUMP to a SEND as its next
// instruction and the delegate on top of its saved stack.
Value delegate_of(Generator* g) {
  if (!g->started || g->finished || g->running || g->saved_sp == 0) return Value::null();
  const std::vector<std::uint32_t>& code = g->func->code->code;
  std::uint32_t w = code[g->saved_pc];
  if (op_of(w) != Op::JUMP || op_of(code[arg_of(w)]) != Op::SEND) return Value::null();
  return g->slots[g->saved_sp - 1];
}

namespace {

Generator* self_gen(ThreadState& ts, Value self) {
  if (self.is_obj() && self.as_obj()->kind == Kind::Generator) return static_cast<Generator*>(self.as_obj());
  raise(ts, ts.interp.types.TypeError, "descriptor requires a 'generator' object");
  return nullptr;
}

Value stop_with(ThreadState& ts, Value value) {
  Value e = value.is_none() ? new_exception(ts, ts.interp.types.StopIteration, {})
                            : new_exception(ts, ts.interp.types.StopIteration, std::span<const Value>(&value, 1));
  return raise(ts, e);
}

Value gen_send(ThreadState& ts, Value self, const Args& a) {
  Generator* g = self_gen(ts, self);
  if (!g) return Value::fail();
  bool done;
  Value r = gen_resume(ts, g, a[0], Value::null(), &done);
  if (r.is_fail()) return r;
  return done ? stop_with(ts, r) : r;
}

Value gen_next(ThreadState& ts, Value self, const Args& a) {
  Generator* g = self_gen(ts, self);
  if (!g) return Value::fail();
  bool done;
  Value r = gen_resume(ts, g, Value::none(), Value::null(), &done);
  if (r.is_fail()) return r;
  return done ? stop_with(ts, r) : r;
}

Value gen_iter(ThreadState& ts, Value self, const Args& a) { return self; }

// Normalises throw(type), throw(type, value), throw(instance).
Value make_thrown(ThreadState& ts, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.npos < 1) return raise(ts, in.types.TypeError, "throw expected at least 1 argument, got 0");
  Value t = a[0];
  if (Type* ty = as_type(t); ty && is_subtype(ty, in.types.BaseException)) {
    if (a.npos >= 2 && !a[1].is_none()) {
      if (isinstance(ts, a[1], ty)) return a[1];
      return call(ts, t, std::span<const Value>(a.pos + 1, 1));
    }
    return call(ts, t, {});
  }
  if (isinstance(ts, t, in.types.BaseException)) return t;
  return raise(ts, in.types.TypeError, "exceptions must be classes or instances deriving from BaseException, not " +
                                           std::string(type_name(ts, t)));
}

// The delegate returned `value`: resume g past its send loop, as SEND does
// when the delegate is done (the delegate's slot becomes the result).
Value resume_after_delegate(ThreadState& ts, Generator* g, Value value, bool* done) {
  const std::vector<std::uint32_t>& code = g->func->code->code;
  std::uint32_t send_pc = arg_of(code[g->saved_pc]);
  g->saved_pc = arg_of(code[send_pc]);
  g->saved_sp -= 1;
  return gen_resume(ts, g, value, Value::null(), done);
}

// Closes a delegate: a generator's close(), else its close method if any.
bool close_delegate(ThreadState& ts, Value yf) {
  Interpreter& in = ts.interp;
  Value m = get_attr(ts, yf, in.names.close);
  if (m.is_fail()) {
    if (!exception_matches(ts, in.types.AttributeError)) return false;
    take_exception(ts);
    return true;
  }
  return !call(ts, m, {}).is_fail();
}

Value gen_close_impl(ThreadState& ts, Generator* g);

}  // namespace

// throw(exc) with delegation (PEP 380; CPython's _gen_throw).
Value gen_throw_into(ThreadState& ts, Generator* g, Value exc, bool* done) {
  Interpreter& in = ts.interp;
  *done = false;
  Value yf = delegate_of(g);
  // A native awaitable (asyncio's Future) has no throw of its own: the
  // exception is raised where g awaits it, as CPython's FutureIter.throw.
  if (yf.is_null() || (yf.is_obj() && yf.as_obj()->type->am_send != nullptr))
    return gen_resume(ts, g, Value::none(), exc, done);
  TempRoot root(ts, yf);
  Value r;
  bool sub_done = false;
  g->running = true;
  if (isinstance(ts, exc, in.types.GeneratorExit)) {
    bool ok = close_delegate(ts, yf);
    g->running = false;
    if (!ok) return gen_resume(ts, g, Value::none(), take_exception(ts), done);
    return gen_resume(ts, g, Value::none(), exc, done);
  }
  if (yf.is_obj() && yf.as_obj()->kind == Kind::Generator) {
    r = gen_throw_into(ts, static_cast<Generator*>(yf.as_obj()), exc, &sub_done);
  } else {
    Value m = get_attr(ts, yf, in.names.throw_);
    if (m.is_fail()) {
      g->running = false;
      if (!exception_matches(ts, in.types.AttributeError)) return m;
      take_exception(ts);
      return gen_resume(ts, g, Value::none(), exc, done);
    }
    r = call(ts, m, std::span<const Value>(&exc, 1));
  }
  g->running = false;
  if (!r.is_fail()) return sub_done ? resume_after_delegate(ts, g, r, done) : r;
  if (exception_matches(ts, in.types.StopIteration)) {
    Value value = ops::stop_iteration_value(ts, take_exception(ts));
    return resume_after_delegate(ts, g, value, done);
  }
  // The delegate raised: raise that in g where it is suspended.
  return gen_resume(ts, g, Value::none(), take_exception(ts), done);
}

namespace {

Value gen_throw(ThreadState& ts, Value self, const Args& a) {
  Generator* g = self_gen(ts, self);
  if (!g) return Value::fail();
  Value exc = make_thrown(ts, a);
  if (exc.is_fail()) return exc;
  TempRoot root(ts, exc);
  bool done;
  Value r = gen_throw_into(ts, g, exc, &done);
  if (r.is_fail()) return r;
  return done ? stop_with(ts, r) : r;
}

Value gen_close(ThreadState& ts, Value self, const Args& a) {
  Generator* g = self_gen(ts, self);
  if (!g) return Value::fail();
  return gen_close_impl(ts, g);
}

Value gen_close_impl(ThreadState& ts, Generator* g) {
  Interpreter& in = ts.interp;
  if (g->finished || !g->started) {
    finish_generator(in, g);
    return Value::none();
  }
  Value exc = new_exception(ts, in.types.GeneratorExit, {});
  TempRoot root(ts, exc);
  bool done;
  Value r = gen_throw_into(ts, g, exc, &done);
  if (r.is_fail()) {
    if (exception_matches(ts, in.types.GeneratorExit) || exception_matches(ts, in.types.StopIteration)) {
      take_exception(ts);
      return Value::none();
    }
    return r;
  }
  if (!done)
    return raise(ts, in.types.RuntimeError,
                 std::string(g->is_coroutine ? "coroutine" : "generator") + " ignored GeneratorExit");
  return Value::none();
}

}  // namespace

void init_generator_methods(Interpreter& interp) {
  static const MethodDef defs[] = {
      {"send", gen_send, "x, /", Style::One}, {"throw", gen_throw}, {"close", gen_close},
      {"__next__", gen_next}, {"__iter__", gen_iter},
  };
  add_methods(interp, interp.types.generator, defs);
  // A coroutine is driven by send/throw and awaited, never iterated; its
  // __await__ returns the coroutine itself (CPython returns a wrapper
  // iterator over it: the difference is not visible to await).
  static const MethodDef coro_defs[] = {
      {"send", gen_send, "x, /", Style::One}, {"throw", gen_throw}, {"close", gen_close}, {"__await__", gen_iter},
  };
  add_methods(interp, interp.types.coroutine, coro_defs);
  interp.types.coroutine->finalizer = &kCoroutineFinalizer;
}

bool handle_eval_breaker(ThreadState& ts, bool in_eval_loop) {
  Interpreter& in = ts.interp;
  std::uint32_t bits = in.eval_breaker.load(std::memory_order_acquire);
  if (bits & kBreakGc) {
    in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakGc), std::memory_order_relaxed);
    in.heap.collect(in);
    run_finalizers(ts);  // what the collection found dead and in need (vm/finalize.h)
  }
  if (bits & kBreakGilDrop) gil_yield(ts);
  if ((bits & kBreakLegacyTick) && in.gil.legacy_countdown.fetch_sub(1, std::memory_order_relaxed) <= 1) {
    in.gil.legacy_countdown.store(kLegacyCheckInterval, std::memory_order_relaxed);
    gil_yield(ts);
  }
  if (bits & kBreakSchedTick) sched_tick(ts);
  const bool stepper_takes_it = in_eval_loop && in.step_hook != nullptr && in.step_hook->takes_interrupt();
  if ((bits & kBreakSignal) && ts.is_main && !stepper_takes_it) {
    in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakSignal), std::memory_order_relaxed);
    Value e = new_exception(ts, in.types.KeyboardInterrupt, {});
    raise(ts, e);
    return false;
  }
  return true;
}

}  // namespace gilvm
