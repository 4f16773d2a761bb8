// Mark and sweep, and the page allocator under Heap::make (see vm/heap.h for
// when a collection runs, what the roots are, and how pages work).
#include "vm/heap.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "vm/eval.h"
#include "vm/interp.h"
#include "vm/run.h"

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

}  // namespace

Heap::~Heap() {
  retire_cursors();
  for (SizeClass& c : classes_)
    for (Page* p : c.pages) {
      p->for_each_object([](Object* o) { o->~Object(); });
      munmap(p, Page::kSize);
    }
  for (Page* p : spare_) munmap(p, Page::kSize);
  for (Object* o : large_) delete o;
}

Heap::Page* Heap::new_page(unsigned cls) {
  if (spare_.empty()) {
    char* m = static_cast<char*>(map_aligned(kPagesPerMapping * Page::kSize, Page::kSize));
    // Pushed in reverse so pages are taken in address order.
    for (std::size_t i = kPagesPerMapping; i-- > 0;) spare_.push_back(reinterpret_cast<Page*>(m + i * Page::kSize));
  }
  Page* p = spare_.back();
  spare_.pop_back();
  p->slot_size = static_cast<std::uint32_t>(slot_size(cls));
  p->nslots = static_cast<std::uint32_t>((Page::kSize - Page::header_size()) / p->slot_size);
  p->nwords = (p->nslots + 63) / 64;
  for (std::size_t w = 0; w < p->nwords; ++w) p->used[w] = ~p->valid(w);
  return p;
}

void Heap::refill(unsigned cls) {
  SizeClass& c = classes_[cls];
  for (;;) {
    if (c.page_index == c.pages.size()) c.pages.push_back(new_page(cls));
    Page* p = c.pages[c.page_index];
    for (std::size_t w = c.word_index; w < p->nwords; ++w) {
      std::uint64_t free_bits = ~p->used[w];
      if (free_bits != 0) {
        p->used[w] = ~std::uint64_t{0};
        c.avail = free_bits;
        c.base = p->slots() + w * 64 * p->slot_size;
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
  Page* p = page_of(slot);
  std::size_t i = static_cast<std::size_t>(static_cast<char*>(slot) - p->slots()) / p->slot_size;
  p->used[i / 64] &= ~(std::uint64_t{1} << (i % 64));
}

void Heap::retire_cursors() {
  for (SizeClass& c : classes_) {
    if (c.avail != 0) *c.word &= ~c.avail;
    c.avail = 0;
  }
}

void Heap::sweep() {
  retire_cursors();
  std::size_t live = 0;
  std::size_t pages_in_use = 0;
  for (SizeClass& c : classes_) {
    std::size_t kept = 0;
    for (Page* p : c.pages) {
      std::size_t page_live = 0;
      for (std::size_t w = 0; w < p->nwords; ++w) {
        std::uint64_t valid = p->valid(w);
        for (std::uint64_t bits = p->used[w] & valid; bits != 0; bits &= bits - 1) {
          auto bit = static_cast<unsigned>(std::countr_zero(bits));
          Object* o = p->object(w * 64 + bit);
          if (o->marked) {
            o->marked = false;
          } else {
            o->~Object();
            p->used[w] &= ~(std::uint64_t{1} << bit);
          }
        }
        page_live += static_cast<std::size_t>(std::popcount(p->used[w] & valid));
      }
      if (page_live == 0) {
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
  // Keep as many spare pages as are in use, for the next objects; give the
  // rest back.
  while (spare_.size() > std::max<std::size_t>(pages_in_use, kPagesPerMapping)) {
    munmap(spare_.back(), Page::kSize);
    spare_.pop_back();
  }

  std::size_t kept = 0;
  for (Object* o : large_) {
    if (o->marked) {
      o->marked = false;
      large_[kept++] = o;
    } else {
      delete o;
    }
  }
  large_.resize(kept);
  live_ = live + kept;
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
    for_each([&](Object* o) {
      if (!o->marked && o->kind == Kind::Generator)
        unawaited += never_awaited_warning(interp, static_cast<Generator*>(o));
    });

  sweep();
  since_collect_ = 0;
  // Collect again when as many objects have been made as survived, but not
  // more often than every 100k allocations: amortised cost stays linear.
  threshold_ = std::max<std::size_t>(100000, live_);
  ++collections_;
  ++interp.type_version;
  if (!unawaited.empty()) write_raw_stderr(unawaited);
}

}  // namespace gilvm
