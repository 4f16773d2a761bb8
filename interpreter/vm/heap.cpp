// Mark and sweep, and the pages under Heap::make (see vm/heap.h for when a
// collection runs, what the roots are, and how pages work).
#include "vm/heap.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <functional>

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

// Gives `count` adjacent pages back to the system. Its shadow is cleared first: whatever is
// mapped at this address later (a thread's stack...) must not inherit the
// poisoned slots.
void unmap_pages(HeapPage* first, std::size_t count) {
#if GILVM_HEAP_QUARANTINE
  ASAN_UNPOISON_MEMORY_REGION(first, count * HeapPage::kSize);
#endif
  munmap(first, count * HeapPage::kSize);
}

// Gives pages back to the system in runs of adjacent ones: one munmap (and
// one TLB flush) per run, not per page.
void unmap_runs(std::vector<HeapPage*>& pages) {
  std::sort(pages.begin(), pages.end());
  for (std::size_t i = 0; i < pages.size();) {
    std::size_t j = i + 1;
    while (j < pages.size() && reinterpret_cast<char*>(pages[j - 1]) + HeapPage::kSize == reinterpret_cast<char*>(pages[j]))
      ++j;
    unmap_pages(pages[i], j - i);
    i = j;
  }
  pages.clear();
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
  for (Cursor& c : cursors_) spare_.insert(spare_.end(), c.pages.begin(), c.pages.end());
  unmap_runs(spare_);
}

HeapPage* Heap::new_page(unsigned cursor) {
  if (spare_.empty()) {
    char* m = static_cast<char*>(map_aligned(kPagesPerMapping * HeapPage::kSize, HeapPage::kSize));
    pages_mapped_ += kPagesPerMapping;
    // Pushed in reverse so pages are taken in address order.
    for (std::size_t i = kPagesPerMapping; i-- > 0;)
      spare_.push_back(reinterpret_cast<HeapPage*>(m + i * HeapPage::kSize));
  }
  HeapPage* p = spare_.back();
  spare_.pop_back();
  ++pages_taken_;
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
  // The pool keeps what the program will want again before the next
  // collection: as many pages as it took since the last one (the objects
  // made between two collections die young and leave that many pages empty
  // at each sweep), and no fewer than are in use, so that a heap that grows
  // does not map afresh. Unmapping them instead only to map and fault in as
  // many again a moment later costs a TLB shootdown per munmap and a page
  // fault per 4 KiB, which is most of the time of a loop that makes
  // short-lived objects. The pool never holds more than the heap held at its
  // peak since the last collection, and a cycle that takes fewer pages
  // shrinks it at the next sweep.
  std::size_t keep = std::max({pages_in_use, pages_taken_, kPagesPerMapping});
  pages_taken_ = 0;
  if (spare_.size() <= keep) return;
  // Unmap the excess, the highest addresses first; what is left is taken
  // from the back, the lowest address first.
  std::sort(spare_.begin(), spare_.end(), std::greater<>());
  std::vector<HeapPage*> excess(spare_.begin(), spare_.begin() + static_cast<std::ptrdiff_t>(spare_.size() - keep));
  spare_.erase(spare_.begin(), spare_.begin() + static_cast<std::ptrdiff_t>(excess.size()));
  pages_unmapped_ += excess.size();
  unmap_runs(excess);
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
