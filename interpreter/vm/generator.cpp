// Generators (Python Language Reference §6.2.9.1 "Generator-iterator
// methods"): resuming a generator's saved frame, send/throw/close, PEP 479
// (a StopIteration escaping a generator becomes RuntimeError); and the slow
// path of the eval breaker.
#include "vm/api.h"
#include "vm/eval.h"

namespace gilvm {

Value gen_resume(ThreadState& ts, Generator* gen, Value sent, Value exc, bool* done) {
  Interpreter& in = ts.interp;
  *done = false;
  if (gen->running) return raise(ts, in.types.ValueError, "generator already executing");
  if (gen->finished) {
    if (!exc.is_null()) return raise(ts, exc);
    *done = true;
    return Value::none();
  }
  if (!gen->started && !exc.is_null()) {
    gen->finished = true;
    gen->slots.clear();
    return raise(ts, exc);
  }
  if (!gen->started && !sent.is_none())
    return raise(ts, in.types.TypeError, "can't send non-None value to a just-started generator");
  CodeObject* co = gen->func->code;
  Frame* f = ts.push_frame();
  f->code = co;
  f->func = gen->func;
  f->globals = gen->func->globals;
  f->base = gen->slots.data();
  f->stack_base = f->base + co->nlocals + co->ncells();
  f->sp = f->base + gen->saved_sp;
  f->ip = co->code.data() + gen->saved_pc;
  f->gen = gen;
  f->outer_top = ts.stack_top;
  f->is_entry = true;
  if (gen->started && exc.is_null()) *f->sp++ = sent;
  gen->started = true;
  gen->running = true;
  bool throwing = !exc.is_null();
  if (throwing) raise(ts, exc);
  Value r = eval_frame(ts, f, throwing);
  gen->running = false;
  if (r.is_fail()) {
    if (gen->finished && exception_matches(ts, in.types.StopIteration)) {
      Value cause = take_exception(ts);
      raise(ts, in.types.RuntimeError, "generator raised StopIteration");
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
  if (!g || !check_args(ts, a, "send", 1, 1)) return Value::fail();
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

Value gen_throw(ThreadState& ts, Value self, const Args& a) {
  Generator* g = self_gen(ts, self);
  if (!g) return Value::fail();
  Value exc = make_thrown(ts, a);
  if (exc.is_fail()) return exc;
  TempRoot root(ts, exc);
  bool done;
  Value r = gen_resume(ts, g, Value::none(), exc, &done);
  if (r.is_fail()) return r;
  return done ? stop_with(ts, r) : r;
}

Value gen_close(ThreadState& ts, Value self, const Args& a) {
  Generator* g = self_gen(ts, self);
  if (!g) return Value::fail();
  Interpreter& in = ts.interp;
  if (g->finished || !g->started) {
    g->finished = true;
    g->slots.clear();
    return Value::none();
  }
  Value exc = new_exception(ts, in.types.GeneratorExit, {});
  TempRoot root(ts, exc);
  bool done;
  Value r = gen_resume(ts, g, Value::none(), exc, &done);
  if (r.is_fail()) {
    if (exception_matches(ts, in.types.GeneratorExit) || exception_matches(ts, in.types.StopIteration)) {
      take_exception(ts);
      return Value::none();
    }
    return r;
  }
  if (!done) return raise(ts, in.types.RuntimeError, "generator ignored GeneratorExit");
  return Value::none();
}

}  // namespace

void init_generator_methods(Interpreter& interp) {
  static const NativeDef defs[] = {
      {"send", gen_send}, {"throw", gen_throw}, {"close", gen_close},
      {"__next__", gen_next}, {"__iter__", gen_iter},
  };
  add_methods(interp, interp.types.generator, defs);
}

bool handle_eval_breaker(ThreadState& ts) {
  Interpreter& in = ts.interp;
  std::uint32_t bits = in.eval_breaker.load(std::memory_order_acquire);
  if (bits & kBreakGc) {
    in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakGc), std::memory_order_relaxed);
    in.heap.collect(in);
  }
  if (bits & kBreakGilDrop) gil_yield(ts);
  if ((bits & kBreakLegacyTick) && in.gil.legacy_countdown.fetch_sub(1, std::memory_order_relaxed) <= 1) {
    in.gil.legacy_countdown.store(kLegacyCheckInterval, std::memory_order_relaxed);
    gil_yield(ts);
  }
  if (bits & kBreakSchedTick) sched_tick(ts);
  if ((bits & kBreakSignal) && ts.is_main) {
    in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakSignal), std::memory_order_relaxed);
    Value e = new_exception(ts, in.types.KeyboardInterrupt, {});
    raise(ts, e);
    return false;
  }
  return true;
}

}  // namespace gilvm
