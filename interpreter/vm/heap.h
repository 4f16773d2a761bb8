// The heap and its tracing collector.
//
// Every object is allocated by Heap::make (the one allocation function,
// STYLE.md §15). Collection is mark-and-sweep and runs only at a safe point
// of the eval loop (a loop's back edge or a call): allocation never collects
// by itself, it only raises the request bit in the interpreter's eval
// breaker. At a safe point every live value is in a root:
//   - each thread's value stack (locals, cells, operand stacks, and the
//     temporaries natives push while they call back into the VM),
//   - each thread's frames (code, function, globals), pending and handled
//     exceptions,
//   - the interpreter (modules, builtins, types, interned strings).
// A native function that holds a new object in a C++ variable while it calls
// back into Python must root it first (TempRoot in vm/api.h): that is the
// one rule the collector asks of native code.
//
// With threads, the collecting thread holds the GIL; the others are either
// waiting for it at a safe point or in a released section, where they touch
// no heap object (vm/gil.h), so their roots are complete and stable. The
// allocator below has no lock of its own for the same reason: every make()
// runs with the GIL held (ThreadSanitizer's threaded runs would see two
// threads race on a size class's cursor otherwise).
//
// The allocator. Most objects are small (a str is 80 bytes, a list 48), and
// a program makes and drops them by the hundred thousand, so they are not
// taken from malloc one by one. Sizes are rounded up to a multiple of 16 and
// each of those size classes, up to kMaxSmall bytes, has its own pages: 64 KiB
// blocks, aligned on their size, holding a header and then equal slots. The
// header's bitmap has one bit per slot, set while the slot holds an object.
// A class allocates through a cursor on one bitmap word of one of its pages:
// when the cursor runs dry, refill() finds the next word with clear bits,
// sets them all at once ("claimed"), and make() then takes slots from the
// cursor's own copy of those bits — a count-trailing-zeros and a multiply,
// with no write to the page's header. Claimed slots not yet handed out are
// given back (retire_cursors) before anything reads the bitmaps: the sweep
// and for_each.
//
// The sweep walks each page's set bits in address order: a marked object is
// unmarked, an unmarked one is destroyed in place and its bit cleared. The
// freed slots are found again by the next refill, lowest address first, so
// new objects fill the holes of old pages before fresh memory is touched. A
// page left empty goes to a pool of spare pages, which any size class can
// reformat; the pool keeps at most as many pages as are in use and gives the
// rest back to the system (munmap), so a heap that shrinks gives memory back.
// Pages come from the system 16 at a time (one aligned mapping), untouched —
// and so not resident — until a class uses them.
//
// Objects larger than kMaxSmall (code objects, some native payloads) are few:
// they come from operator new and are listed in large_, which the sweep
// compacts.
//
// AddressSanitizer builds (and only they) send every object down the large
// path: a slot pool hands a freed slot to the next make() at once, so a
// dangling pointer — the symptom of a missing root — would read a new object
// instead of freed memory. Plain new/delete gives ASan its quarantine, and
// the golden suite's ASan run keeps catching use-after-free. The pages
// themselves are covered by the GC stress run and the TSan runs.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

#include "vm/object.h"

// AddressSanitizer: every object through new/delete (see above).
#if defined(__SANITIZE_ADDRESS__)
#define GILVM_HEAP_PAGES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GILVM_HEAP_PAGES 0
#endif
#endif
#ifndef GILVM_HEAP_PAGES
#define GILVM_HEAP_PAGES 1
#endif

namespace gilvm {

struct Interpreter;

class Tracer {
 public:
  void mark(Value v) {
    if (v.is_obj()) mark(v.as_obj());
  }
  void mark(Object* o) {
    if (o != nullptr && !o->marked) {
      o->marked = true;
      // An object that holds no reference (its trace() is empty) is done
      // once marked: it need not go through the gray stack.
      if (!holds_no_reference(o->kind)) gray_.push_back(o);
    }
  }
  void drain() {
    while (!gray_.empty()) {
      Object* o = gray_.back();
      gray_.pop_back();
      o->trace(*this);
    }
  }

 private:
  // The kinds whose structs keep Object's empty trace() (vm/object.h); no
  // user class has these layouts.
  static bool holds_no_reference(Kind k) {
    return k == Kind::Str || k == Kind::Bytes || k == Kind::BigInt || k == Kind::Range ||
           k == Kind::Singleton;
  }

  std::vector<Object*> gray_;
};

class Heap {
 public:
  // Objects up to this size live in pages; larger ones come from new.
  static constexpr std::size_t kMaxSmall = 256;
  static constexpr std::size_t kGranule = 16;  // slot sizes and alignment

  Heap() = default;
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates a new object. May request (never run) a collection.
  template <class T, class... A>
  T* make(A&&... args) {
    static_assert(alignof(T) <= kGranule, "a slot is only 16-byte aligned");
    T* o;
    if constexpr (GILVM_HEAP_PAGES && sizeof(T) <= kMaxSmall) {
      constexpr unsigned cls = class_of(sizeof(T));
      void* slot = take_slot(cls, slot_size(cls));
      try {
        o = new (slot) T(std::forward<A>(args)...);
      } catch (...) {
        give_back(slot);
        throw;
      }
    } else {
      o = new T(std::forward<A>(args)...);
      large_.push_back(o);
    }
    ++live_;
    // Once, when the threshold is crossed: the request stands until the
    // next safe point collects (only the collector clears it).
    if (++since_collect_ == threshold_ || stress_) request_collect();
    return o;
  }

  // Marks from the interpreter's roots and frees what is unreachable.
  void collect(Interpreter& interp);

  // GC stress (config.h): request a collection after every allocation, so
  // the next safe point collects. The golden suite passes with it on.
  void set_stress(bool on) { stress_ = on; }
  // Calls f(Object*) for every object (live or not yet collected). f must
  // not allocate.
  template <class F>
  void for_each(F f) {
    retire_cursors();
    for (SizeClass& c : classes_)
      for (Page* p : c.pages) p->for_each_object([&](Object* o) { f(o); });
    for (Object* o : large_) f(o);
  }
  std::size_t live_objects() const { return live_; }
  std::uint64_t collections() const { return collections_; }

  // Set by the interpreter so make() can raise its eval-breaker bit.
  void set_request_hook(void (*hook)(void*), void* ctx) {
    hook_ = hook;
    hook_ctx_ = ctx;
  }

 private:
  static constexpr std::size_t kClasses = kMaxSmall / kGranule;
  static constexpr unsigned class_of(std::size_t size) {
    return static_cast<unsigned>((size + kGranule - 1) / kGranule - 1);
  }
  static constexpr std::size_t slot_size(unsigned cls) { return (cls + 1) * kGranule; }

  // A page: this header, then equal slots of one size class. Aligned on
  // kSize, so the page of a slot is its address rounded down.
  struct Page {
    static constexpr std::size_t kSize = 64 * 1024;
    static constexpr std::size_t kWords = kSize / kGranule / 64;  // bitmap, for the smallest slots

    std::uint32_t slot_size;
    std::uint32_t nslots;
    std::uint32_t nwords;  // bitmap words in use: ceil(nslots / 64)
    // Bit i of used[i / 64]: slot i holds an object, or is claimed by the
    // class's cursor. The bits past nslots are set, so refill never hands
    // them out; the sweep and for_each mask them off (valid()).
    std::uint64_t used[kWords];

    static constexpr std::size_t header_size() { return (sizeof(Page) + kGranule - 1) / kGranule * kGranule; }
    char* slots() { return reinterpret_cast<char*>(this) + header_size(); }
    Object* object(std::size_t i) { return reinterpret_cast<Object*>(slots() + i * slot_size); }
    std::uint64_t valid(std::size_t w) const {
      std::size_t rest = nslots - w * 64;
      return rest >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << rest) - 1;
    }
    template <class F>
    void for_each_object(F f) {
      for (std::size_t w = 0; w < nwords; ++w)
        for (std::uint64_t bits = used[w] & valid(w); bits != 0; bits &= bits - 1)
          f(object(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
    }
  };
  static Page* page_of(const void* slot) {
    return reinterpret_cast<Page*>(reinterpret_cast<std::uintptr_t>(slot) & ~(Page::kSize - 1));
  }

  // One size class: its pages and the allocation cursor.
  struct SizeClass {
    std::vector<Page*> pages;
    std::uint64_t avail = 0;          // claimed slots not handed out yet, by bit
    char* base = nullptr;             // the slot of bit 0 of the cursor's word
    std::uint64_t* word = nullptr;    // the cursor's bitmap word
    std::size_t page_index = 0;       // where refill() looks next
    std::size_t word_index = 0;
  };

  void* take_slot(unsigned cls, std::size_t size) {
    SizeClass& c = classes_[cls];
    if (c.avail == 0) refill(cls);
    unsigned bit = static_cast<unsigned>(std::countr_zero(c.avail));
    c.avail &= c.avail - 1;
    return c.base + bit * size;
  }
  // Points the class's cursor at the next bitmap word with free slots,
  // taking a spare or new page when its pages are full.
  void refill(unsigned cls);
  // Clears the bit of a slot whose constructor threw.
  void give_back(void* slot);
  // Gives the cursors' claimed, unused slots back to their bitmaps.
  void retire_cursors();
  Page* new_page(unsigned cls);
  void sweep();

  void request_collect() {
    if (hook_ != nullptr) hook_(hook_ctx_);
  }

  SizeClass classes_[kClasses];
  std::vector<Page*> spare_;   // empty pages, any class's to take
  std::vector<Object*> large_;
  std::size_t live_ = 0;
  std::size_t since_collect_ = 0;
  std::size_t threshold_ = 100000;
  std::uint64_t collections_ = 0;
  bool stress_ = false;
  void (*hook_)(void*) = nullptr;
  void* hook_ctx_ = nullptr;
};

}  // namespace gilvm
