// Entry points into the eval loop (vm/eval.cpp) and the call machinery
// (vm/call.cpp) that the rest of the VM uses.
#pragma once

#include <cstddef>
#include <string>

#include "vm/interp.h"

namespace gilvm {

// Runs `f` (pushed by the caller, marked is_entry) until it returns; returns
// its result, or Fail with the exception pending. With `throwing` set, the
// frame starts by raising the pending exception at its current instruction
// (generator.throw()).
Value eval_frame(ThreadState& ts, Frame* f, bool throwing = false);

// Binds arguments into a new frame for `fn` whose slots start at `base`
// (the positional arguments may already be there: `in_place`). Returns the
// frame, or null with an exception pending. For a generator function it
// makes the Generator instead: *generator receives it and null is returned
// with no exception.
Frame* push_function_frame(ThreadState& ts, Function* fn, Value* base, const Value* args, std::size_t nargs,
                           Str* const* kwnames, const Value* kwvalues, std::size_t nkw, bool in_place,
                           Value* generator);

// Calls any callable. Arguments may live anywhere (they are copied as needed).
Value call_object(ThreadState& ts, Value callable, const Value* args, std::size_t nargs,
                  Str* const* kwnames, const Value* kwvalues, std::size_t nkw);

// Resumes a generator with `sent` (or by throwing `exc` into it when it is
// not Null). Returns the next yielded value with *done = false, or the
// return value with *done = true, or Fail.
Value gen_resume(ThreadState& ts, Generator* gen, Value sent, Value exc, bool* done);

// throw(exc) into a generator: passed down to the iterator it delegates to
// in `yield from` / `await` first (PEP 380), as generator.throw() does.
// Returns as gen_resume.
Value gen_throw_into(ThreadState& ts, Generator* gen, Value exc, bool* done);

// The iterator a generator suspended in `yield from` / `await` delegates
// to, or Null (CPython's _PyGen_yf).
Value delegate_of(Generator* g);

// Coroutines (vm/coroutine.cpp). The text CPython's warnings module prints
// for a coroutine that dies never awaited (empty for any other generator),
// and the at-exit pass that reports those still alive when the program ends.
std::string never_awaited_warning(Interpreter& in, Generator* g);
void warn_never_awaited_at_exit(ThreadState& ts);
// Called as an unstarted generator starts or ends: keeps the count above.
void leave_unstarted(Interpreter& in, Generator* g);
// Ends a generator or coroutine for good — it returned, raised out of its
// frame, was closed, or was thrown into before it started: the one place
// that does so. It no longer runs, is finished (a later next() stops, a
// coroutine cannot be awaited again, an unstarted coroutine is no longer
// counted for the never-awaited warning) and its frame's slots are freed.
inline void finish_generator(Interpreter& in, Generator* g) {
  if (!g->started) leave_unstarted(in, g);
  g->finished = true;
  g->running = false;
  g->slots.clear();
  g->slots.shrink_to_fit();
}
// The same from the eval loop, as the generator's frame (always an entry
// frame, vm/generator.cpp gen_resume) returns or raises: the thread stack's
// top goes back to where the generator was resumed from.
inline void finish_generator_frame(ThreadState& ts, Frame* frame) {
  finish_generator(ts.interp, frame->gen);
  ts.stack_top = frame->outer_top;
}

// The coroutine type's finalizer (vm/finalize.h): a coroutine collected
// unstarted prints the never-awaited warning.
extern const Finalizer kCoroutineFinalizer;

// The slow path of the eval-breaker check: collection, signals, GIL drop
// requests. False with an exception pending (KeyboardInterrupt).
// in_eval_loop: called at the eval loop's own safe points, where a Ctrl-C
// is left to an attached stepper that takes it (StepHook::takes_interrupt);
// a blocking call's check (the default) raises KeyboardInterrupt as ever.
bool handle_eval_breaker(ThreadState& ts, bool in_eval_loop = false);

// __build_class__(func, name, *bases, **kw)
Value build_class(ThreadState& ts, Value self, const Args& a);
// type.__new__(meta, name, bases, ns, **kw): makes a class (C3 MRO, layout
// and duplicate-base checks, __set_name__, __init_subclass__ with kw).
Value type_new(ThreadState& ts, Type* meta, Str* name, std::span<const Value> bases, Dict* ns,
               std::span<Str* const> kwnames, std::span<const Value> kwvalues);
// type(name, bases, ns, **kw) for metaclass `meta`: checks the arguments
// and picks the most derived metaclass first.
Value type_new_checked(ThreadState& ts, Type* meta, const Args& a);
// type.__call__: makes an instance of t (__new__ then __init__).
Value type_call(ThreadState& ts, Type* t, const Args& a);

// Records that the exception pending in ts passed through `frame` at its
// current line (a traceback entry).
void add_traceback(ThreadState& ts, Frame* frame);

}  // namespace gilvm
