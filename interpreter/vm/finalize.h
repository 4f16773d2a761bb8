// vm/finalize.h — finalization: what the language does when an object dies,
// kept out of the collector (CPython's PEP 442 tp_finalize is the model).
//
// The split. The collector (vm/heap.h) only finds out what died. Some
// objects must not simply vanish: today an unstarted coroutine prints
// "RuntimeWarning: coroutine '...' was never awaited"; later a class with
// __del__ runs it, and a weak reference's callback is called. Those are
// Python semantics — they compose messages, look at source lines, and will
// run Python code — so they cannot run inside the collector, which runs in
// the middle of an allocation-free safe point with the heap half swept.
//
// How it works, in three steps:
//
//  1. Declaring. A type whose instances need finalizing points
//     Type::finalizer (vm/object.h) at a Finalizer: `needed(o)` says
//     whether a dead object of that type still needs it (the coroutine:
//     only when it never started and was not reported yet), `run(ts, o)`
//     does it. Not inherited: each such type sets it.
//     Interpreter::finalization.candidates counts the live objects that
//     would need finalizing if they died (unstarted coroutines today); the
//     collector looks among the dead only while it is non-zero, so a
//     program without such objects pays nothing.
//
//  2. Finding (in the collector, Heap::collect). After marking, the
//     collector walks the unmarked objects of the non-leaf pages (leaf
//     types never need finalizing) and queues those whose type's
//     finalizer says needed(). Then it marks the queued objects, and all
//     they reach, before sweeping: a queued object is kept alive — with
//     everything its finalizer may look at — until its finalizer has run.
//     The queue is a root (Interpreter::mark_roots), so a collection
//     that happens before the step runs keeps them too.
//
//  3. Running (run_finalizers, at the safe point right after the
//     collection: handle_eval_breaker in vm/generator.cpp). Each queued
//     object's run() is called once, with the GIL held and the heap
//     consistent; it may allocate and run Python code. An object stays in
//     the queue (rooted) while its own finalizer runs; a collection
//     triggered meanwhile appends to the same queue and the loop picks the
//     new ones up; a nested call returns at once. Once run, objects leave
//     the queue and become ordinary garbage: the next collection frees
//     them unless the finalizer stored them somewhere (resurrection, which
//     __del__ allows). needed() must then be false for them, so that each
//     object is finalized at most once (PEP 442); the coroutine marks
//     itself finished.
#pragma once

#include <cstddef>
#include <vector>

namespace gilvm {

struct Object;
struct ThreadState;
class Tracer;

struct Finalizer {
  // Does this dead object still need finalizing? Called by the collector:
  // must not allocate, run Python code or read other objects' state that
  // the sweep may have changed.
  bool (*needed)(Object* o);
  // Finalizes it, at a safe point (step 3 above).
  void (*run)(ThreadState& ts, Object* o);
};

// The interpreter's part (Interpreter::finalization).
struct Finalization {
  // Live objects that will need finalizing if they die (step 1).
  std::size_t candidates = 0;
  // Found dead, kept alive until run_finalizers (steps 2 and 3).
  std::vector<Object*> queue;
  // run_finalizers is on the C++ stack (for the nested-call check).
  bool running = false;

  [[nodiscard]] bool armed() const { return candidates != 0; }
  void trace(Tracer& t) const;
};

// Step 3: runs the queued finalizers, then empties the queue.
void run_finalizers(ThreadState& ts);

}  // namespace gilvm
