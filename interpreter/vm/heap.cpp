// Mark and sweep (see vm/heap.h for when it runs and what the roots are).
#include "vm/heap.h"

#include <algorithm>
#include <string>

#include "vm/eval.h"
#include "vm/interp.h"
#include "vm/run.h"

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

  // A coroutine that dies unstarted is reported (vm/coroutine.cpp): the
  // message is made now, while the code it names is certainly still here,
  // and written after the sweep. The walk costs as much as the sweep's, so
  // it is only made while some coroutine has not started.
  std::string unawaited;
  if (interp.unstarted_coroutines != 0)
    for (Object* o = objects_; o != nullptr; o = o->gc_next)
      if (!o->marked && o->kind == Kind::Generator)
        unawaited += never_awaited_warning(interp, static_cast<Generator*>(o));

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
  if (!unawaited.empty()) write_raw_stderr(unawaited);
}

}  // namespace gilvm
