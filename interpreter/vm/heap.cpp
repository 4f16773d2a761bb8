// Mark and sweep, and the pages under Heap::make (see vm/heap.h for when a
// collection runs, what the roots are, and how pages work).
#include "vm/heap.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>

#include "vm/interp.h"

namespace gilvm {

namespace {

// Pages are mapped this many at a time: one mapping, aligned on the page
// size by trimming an oversized one.
constexpr std::size_t kPagesPerMapping = 16;

void* map_aligned(std::size_t size, std::size_t align) {
  std::size_t len = size + align;
  void* m = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) throw std::bad_alloc();
  auto start = reinterpret_cast<std::uintptr_t>(m);
  std::uintptr_t aligned = (start + align - 1) & ~(align - 1);
  if (aligned > start) munmap(m, aligned - start);
  std::size_t tail = start + len - (aligned + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + size), tail);
  return reinterpret_cast<void*>(aligned);
}

void poison([[maybe_unused]] void* p, [[maybe_unused]] std::size_t n) {
#if GILVM_HEAP_QUARANTINE
  ASAN_POISON_MEMORY_REGION(p, n);
#endif
}

// Gives a page back to the system. Its shadow is cleared first: whatever is
// mapped at this address later (a thread's stack...) must not inherit the
// poisoned slots.
void unmap_page(HeapPage* p) {
#if GILVM_HEAP_QUARANTINE
  ASAN_UNPOISON_MEMORY_REGION(p, HeapPage::kSize);
#endif
  munmap(p, HeapPage::kSize);
}

}  // namespace

Heap::Heap() {
  constexpr std::size_t first = HeapPage::header_size() / kGranule;
  constexpr std::size_t granules = HeapPage::kSize / kGranule;
  std::memset(starts_, 0, sizeof starts_);
  for (unsigned cls = 0; cls < kClasses; ++cls) {
    std::size_t step = slot_size(cls) / kGranule;
    for (std::size_t g = first; g + step <= granules; g += step) starts_[cls][g / 64] |= std::uint64_t{1} << (g % 64);
  }
}

Heap::~Heap() {
  finish_lazy_sweeps();
  // Every destructor runs while all the pages are still mapped.
  for (Cursor& c : cursors_)
    for (HeapPage* p : c.pages) p->for_each_object([](Object* o) { o->~Object(); });
  for (Cursor& c : cursors_)
    for (HeapPage* p : c.pages) unmap_page(p);
  for (HeapPage* p : spare_) unmap_page(p);
}

HeapPage* Heap::new_page(unsigned cursor) {
  if (spare_.empty()) {
    char* m = static_cast<char*>(map_aligned(kPagesPerMapping * HeapPage::kSize, HeapPage::kSize));
    // Pushed in reverse so pages are taken in address order.
    for (std::size_t i = kPagesPerMapping; i-- > 0;)
      spare_.push_back(reinterpret_cast<HeapPage*>(m + i * HeapPage::kSize));
  }
  HeapPage* p = spare_.back();
  spare_.pop_back();
  unsigned cls = cursor / 2;
  std::memset(p, 0, sizeof(HeapPage));
  p->slot_size = static_cast<std::uint32_t>(slot_size(cls));
  p->size_class = static_cast<std::uint8_t>(cls);
  p->leaf = cursor % 2 == 1;
  poison(reinterpret_cast<char*>(p) + HeapPage::header_size(), HeapPage::kSize - HeapPage::header_size());
  return p;
}

void Heap::refill(unsigned cursor) {
  Cursor& c = cursors_[cursor];
  const std::uint64_t* starts = starts_[cursor / 2];
  for (;;) {
    if (c.page_index == c.pages.size()) c.pages.push_back(new_page(cursor));
    HeapPage* p = c.pages[c.page_index];
    if (p->unswept) sweep_page(p);
    for (std::size_t w = c.word_index; w < HeapPage::kWords; ++w) {
      std::uint64_t free_bits = starts[w] & ~p->used[w];
      if (free_bits != 0) {
        p->used[w] |= free_bits;
        c.avail = free_bits;
        c.base = reinterpret_cast<char*>(p) + w * 64 * kGranule;
        c.word = &p->used[w];
        c.word_index = w;
        return;
      }
    }
    ++c.page_index;
    c.word_index = 0;
  }
}

void Heap::give_back(void* slot) {
  HeapPage* p = HeapPage::of(slot);
  std::size_t g = HeapPage::granule(slot);
  p->used[g / 64] &= ~(std::uint64_t{1} << (g % 64));
  poison(slot, p->slot_size);
}

void Heap::retire_cursors() {
  for (Cursor& c : cursors_) {
    if (c.avail != 0) *c.word &= ~c.avail;
    c.avail = 0;
  }
}

std::size_t Heap::sweep_page(HeapPage* p) {
  std::size_t live = 0;
  for (std::size_t w = 0; w < HeapPage::kWords; ++w) {
    std::uint64_t marks = p->marks[w];
#if GILVM_HEAP_QUARANTINE
    // The slots freed by this page's last sweep become reusable; this
    // sweep's dead are held in their place.
    p->used[w] &= ~p->held[w];
    p->held[w] = p->used[w] & ~marks;
#endif
    for (std::uint64_t dead = p->used[w] & ~marks; dead != 0; dead &= dead - 1) {
      Object* o = p->at(w * 64 + static_cast<std::size_t>(std::countr_zero(dead)));
      o->~Object();
      poison(o, p->slot_size);
    }
#if !GILVM_HEAP_QUARANTINE
    p->used[w] &= marks;
#endif
    p->marks[w] = 0;
    live += static_cast<std::size_t>(std::popcount(marks));
  }
  p->unswept = false;
  return live;
}

// Whether a swept page may go to the spare pool: no object, and (ASan) no
// slot in quarantine.
static bool page_empty([[maybe_unused]] const HeapPage* p, std::size_t live) {
#if GILVM_HEAP_QUARANTINE
  for (std::size_t w = 0; w < HeapPage::kWords; ++w)
    if (p->held[w] != 0) return false;
#endif
  return live == 0;
}

void Heap::finish_lazy_sweeps() {
  retire_cursors();
  for (unsigned i = 0; i < kClasses * 2; ++i) {
    Cursor& c = cursors_[i];
    if (i % 2 == 0) continue;  // only leaf pages are swept lazily
    std::size_t kept = 0;
    for (HeapPage* p : c.pages) {
      if (p->unswept && page_empty(p, sweep_page(p)))
        spare_.push_back(p);
      else
        c.pages[kept++] = p;
    }
    c.pages.resize(kept);
    c.page_index = 0;
    c.word_index = 0;
  }
}

void Heap::sweep() {
  retire_cursors();
  std::size_t live = 0;
  std::size_t pages_in_use = 0;
  for (unsigned i = 0; i < kClasses * 2; ++i) {
    Cursor& c = cursors_[i];
    std::size_t kept = 0;
    for (HeapPage* p : c.pages) {
      if (p->leaf) {
        // Lazily: count the live now, destroy the dead on the way to reuse.
        for (std::size_t w = 0; w < HeapPage::kWords; ++w)
          live += static_cast<std::size_t>(std::popcount(p->marks[w]));
        p->unswept = true;
        c.pages[kept++] = p;
        continue;
      }
      std::size_t page_live = sweep_page(p);
      if (page_empty(p, page_live)) {
        spare_.push_back(p);
      } else {
        c.pages[kept++] = p;
        live += page_live;
      }
    }
    c.pages.resize(kept);
    pages_in_use += kept;
    c.page_index = 0;
    c.word_index = 0;
  }
  release_spares(pages_in_use);
  live_ = live;
}

void Heap::release_spares(std::size_t pages_in_use) {
  // Keep as many spare pages as are in use, for the next objects; give the
  // rest back.
  while (spare_.size() > std::max<std::size_t>(pages_in_use, kPagesPerMapping)) {
    unmap_page(spare_.back());
    spare_.pop_back();
  }
}

void Heap::find_finalizable(Tracer& tracer, std::vector<Object*>& queue) {
  retire_cursors();
  const std::size_t first = queue.size();
  for (unsigned i = 0; i < kClasses * 2; i += 2) {  // even cursors: the non-leaf pages
    for (HeapPage* p : cursors_[i].pages) {
      for (std::size_t w = 0; w < HeapPage::kWords; ++w) {
        for (std::uint64_t dead = p->objects(w) & ~p->marks[w]; dead != 0; dead &= dead - 1) {
          Object* o = p->at(w * 64 + static_cast<std::size_t>(std::countr_zero(dead)));
          if (o->type == nullptr) continue;
          const Finalizer* f = o->type->finalizer;
          if (f != nullptr && f->needed(o)) queue.push_back(o);
        }
      }
    }
  }
  // Marked only now, so that an object reached only from another dead one
  // is found (and finalized) too.
  for (std::size_t i = first; i < queue.size(); ++i) tracer.mark(queue[i]);
  tracer.drain();
}

void Heap::collect(Interpreter& interp) {
  // The marks of the last collection are still what the unswept leaf
  // pages go by: use them up before marking again.
  finish_lazy_sweeps();
  Tracer tracer;
  interp.mark_roots(tracer);
  tracer.drain();

  if (interp.finalization.armed()) find_finalizable(tracer, interp.finalization.queue);

  sweep();
  since_collect_ = 0;
  // Collect again when as many objects have been made as survived, but not
  // more often than every 100k allocations: amortised cost stays linear.
  threshold_ = std::max<std::size_t>(100000, live_);
  ++collections_;
  ++interp.type_version;
}

}  // namespace gilvm
