// vm/finalize.cpp — the finalization step (see vm/finalize.h for the design).
#include "vm/finalize.h"

#include "vm/heap.h"
#include "vm/interp.h"

namespace gilvm {

void Finalization::trace(Tracer& t) const {
  for (Object* o : queue) t.mark(o);
}

void run_finalizers(ThreadState& ts) {
  Finalization& f = ts.interp.finalization;
  if (f.running || f.queue.empty()) return;
  f.running = true;
  // By index: a finalizer that allocates may collect, and the collection
  // appends to the queue, which stays a root until the loop is done.
  for (std::size_t i = 0; i < f.queue.size(); ++i) {
    Object* o = f.queue[i];
    o->type->finalizer->run(ts, o);
  }
  f.queue.clear();
  f.running = false;
}

}  // namespace gilvm
