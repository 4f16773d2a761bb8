// Mark and sweep (see vm/heap.h for when it runs and what the roots are).
#include "vm/heap.h"

#include <algorithm>

#include "vm/interp.h"

namespace gilvm {

Heap::~Heap() {
  Object* o = objects_;
  while (o != nullptr) {
    Object* next = o->gc_next;
    delete o;
    o = next;
  }
}

void Heap::collect(Interpreter& interp) {
  Tracer tracer;
  interp.mark_roots(tracer);
  tracer.drain();

  // Sweep: unlink and free every unmarked object, clear the marks of the rest.
  Object** link = &objects_;
  std::size_t live = 0;
  while (*link != nullptr) {
    Object* o = *link;
    if (o->marked) {
      o->marked = false;
      link = &o->gc_next;
      ++live;
    } else {
      *link = o->gc_next;
      delete o;
    }
  }
  live_ = live;
  since_collect_ = 0;
  // Collect again when as many objects have been made as survived, but not
  // more often than every 100k allocations: amortised cost stays linear.
  threshold_ = std::max<std::size_t>(100000, live);
  ++collections_;
  ++interp.type_version;
}

}  // namespace gilvm
