// The heap and its tracing collector.
//
// Every object is allocated by Heap::make (the one allocation function,
// docs/style.md §15). Collection is mark-and-sweep and runs only at a safe point
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
// Finalization is not the collector's business: it only finds the dead
// objects whose type declares a finalizer, keeps them (and what they reach)
// alive, and queues them; what the language does with them — the "never
// awaited" warning today, __del__ and weakref callbacks later — runs after
// the collection, at the same safe point but outside the collector, where
// Python code may run (vm/finalize.h describes the three steps).
//
// With threads, the collecting thread holds the GIL; the others are either
// waiting for it at a safe point or in a released section, where they touch
// no heap object (vm/gil.h), so their roots are complete and stable. The
// allocator below has no lock of its own for the same reason: every make()
// runs with the GIL held (ThreadSanitizer's threaded runs would see two
// threads race on a size class's cursor otherwise).
//
// The allocator. Objects are small (a str is 72 bytes, a list 48), and a
// program makes and drops them by the hundred thousand, so they are not taken
// from malloc one by one. Every object lives in a page: a 64 KiB block,
// aligned on its size, holding a header and then equal slots of one size
// class (multiples of 8 bytes up to 256, then 512 to 4096; make() refuses a
// larger struct at compile time: a big payload belongs behind a pointer).
// A page's address is its objects' addresses rounded down, and the header
// keeps two bitmaps with a bit per 8-byte granule: `used`, set at the first
// granule of each slot that holds an object, and `marks`, set there by the
// mark phase. So the collector's bookkeeping is beside the objects, not in
// them: Object has no link and no mark bit.
//
// Each size class allocates through a cursor on one bitmap word of one of
// its pages: when the cursor runs dry, refill() finds the next word with
// free slots, sets their bits in `used` at once ("claims" them), and make()
// then takes slots from the cursor's own copy of those bits — a
// count-trailing-zeros and an add. Claimed slots not yet handed out are given
// back (retire_cursors) before anything reads the bitmaps: the sweep and
// for_each.
//
// Pages are also split by sort. The leaf types — str, bytes, a big int,
// range and the singletons: their trace() is Object's empty one and their
// destructors only free memory — get pages of their own. Marking a leaf
// object sets its bit in the page header without reading the object or
// pushing it on the gray stack, and leaf pages are swept lazily: the
// collection only counts their marks, and a page's dead objects are
// destroyed when the cursor comes to the page to allocate in it, so the
// cache lines the destructors read are the ones the new objects are then
// written to (a sweep that ran at once would read them, and the allocations
// much later read them again). The pages still unswept when the next
// collection starts are swept first. Other pages are swept at once, and the
// sweep touches only the dead: `used & ~marks` are destroyed in place, the
// rest is bitmap words. Freed slots are found again by the next refill,
// lowest address first, so new objects fill the holes of old pages before
// fresh memory is touched. A page left empty goes to a pool of spare pages,
// which any class can reformat; the pool keeps at most as many pages as are
// in use or as the program took since the last collection (those will be
// wanted again before the next one), and gives the rest back to the system
// (munmap, adjacent pages in one call). Pages come from the system 16 at a
// time (one aligned mapping), untouched — and so not resident — until a
// class uses them.
//
// AddressSanitizer builds use the same pages, but a slot freed by a sweep is
// poisoned and held back until its page's next sweep ("quarantine", the
// `held` bitmap): a pool that handed a freed slot to the next make() at once
// would let a dangling pointer — the symptom of a missing root — read a new
// object instead of freed memory, and ASan would see nothing. Free slots are
// poisoned from the moment a page is formatted, so a stray read past an
// object is caught as well, and marking reads the object it marks.

#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "vm/finalize.h"
#include "vm/object.h"

// The quarantine of freed slots, for AddressSanitizer builds (see above).
#if defined(__SANITIZE_ADDRESS__)
#define GILVM_HEAP_QUARANTINE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GILVM_HEAP_QUARANTINE 1
#endif
#endif
#ifndef GILVM_HEAP_QUARANTINE
#define GILVM_HEAP_QUARANTINE 0
#endif
#if GILVM_HEAP_QUARANTINE
#include <sanitizer/asan_interface.h>
#endif

namespace gilvm {

struct Interpreter;

// A page's header; its slots follow (Heap::make).
struct HeapPage {
  static constexpr std::size_t kSize = 64 * 1024;
  static constexpr std::size_t kGranule = 8;  // slot sizes and alignment
  static constexpr std::size_t kWords = kSize / kGranule / 64;

  std::uint64_t used[kWords];   // by granule: a slot that holds (or is claimed for) an object starts here
  std::uint64_t marks[kWords];  // by granule: that object was reached by the current mark phase
#if GILVM_HEAP_QUARANTINE
  std::uint64_t held[kWords];   // by granule: a slot freed by the last sweep, poisoned, not yet reusable
#endif
  std::uint32_t slot_size;
  std::uint8_t size_class;
  bool leaf;                    // holds leaf objects (Heap::make): no reference, lazy sweep
  bool unswept;                 // leaf page after a collection: `used & ~marks` are dead, not yet destroyed

  static constexpr std::size_t header_size();
  static HeapPage* of(const void* object) {
    return reinterpret_cast<HeapPage*>(reinterpret_cast<std::uintptr_t>(object) & ~(kSize - 1));
  }
  static std::size_t granule(const void* object) {
    return (reinterpret_cast<std::uintptr_t>(object) & (kSize - 1)) / kGranule;
  }
  Object* at(std::size_t granule) { return reinterpret_cast<Object*>(reinterpret_cast<char*>(this) + granule * kGranule); }
  // The word of `marks` and the bit in it that stand for `object`.
  static std::uint64_t mark_bit(const void* object) { return std::uint64_t{1} << (granule(object) % 64); }
  std::uint64_t& mark_word(const void* object) { return marks[granule(object) / 64]; }
  // Reached by the current mark phase.
  static bool marked(const void* object) { return (of(object)->mark_word(object) & mark_bit(object)) != 0; }
  // The bits of word w that are live objects (not dead ones awaiting the
  // lazy sweep, nor slots in quarantine).
  std::uint64_t objects(std::size_t w) const {
    std::uint64_t bits = unswept ? used[w] & marks[w] : used[w];
#if GILVM_HEAP_QUARANTINE
    bits &= ~held[w];
#endif
    return bits;
  }
  template <class F>
  void for_each_object(F f) {
    for (std::size_t w = 0; w < kWords; ++w)
      for (std::uint64_t bits = objects(w); bits != 0; bits &= bits - 1)
        f(at(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
  }
};
constexpr std::size_t HeapPage::header_size() { return (sizeof(HeapPage) + kGranule - 1) / kGranule * kGranule; }

class Tracer {
 public:
  void mark(Value v) {
    if (v.is_obj()) mark(v.as_obj());
  }
  void mark(Object* o) {
    if (o == nullptr) return;
    HeapPage* p = HeapPage::of(o);
    std::uint64_t bit = HeapPage::mark_bit(o);
    std::uint64_t& word = p->mark_word(o);
    if ((word & bit) != 0) return;
    word |= bit;
#if GILVM_HEAP_QUARANTINE
    // Read the object, so that marking one freed already is an ASan report.
    (void)*reinterpret_cast<volatile const Kind*>(&o->kind);
#endif
    // An object that holds no reference is done once marked.
    if (!p->leaf) gray_.push_back(o);
  }
  void drain() {
    while (!gray_.empty()) {
      Object* o = gray_.back();
      gray_.pop_back();
      o->trace(*this);
    }
  }

 private:
  std::vector<Object*> gray_;
};

class Heap {
 public:
  static constexpr std::size_t kGranule = HeapPage::kGranule;
  static constexpr std::size_t kMaxSlot = 4096;

  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates a new object. May request (never run) a collection.
  template <class T, class... A>
  T* make(A&&... args) {
    static_assert(alignof(T) <= kGranule, "a slot is only 8-byte aligned");
    static_assert(sizeof(T) <= kMaxSlot, "too big for a slot: keep the payload behind a pointer");
    constexpr bool leaf = is_leaf<T>();
    constexpr unsigned cls = class_of(sizeof(T));
    void* slot = take_slot(cursor_index(cls, leaf));
    T* o;
    try {
      o = new (slot) T(std::forward<A>(args)...);
    } catch (...) {
      give_back(slot);
      throw;
    }
    ++live_;
    // Once, when the threshold is crossed: the request stands until the
    // next safe point collects (only the collector clears it).
    if (++since_collect_ == threshold_ || stress_) request_collect();
    return o;
  }

  // Marks from the interpreter's roots and frees what is unreachable —
  // except the dead that need finalizing, which it keeps and queues in
  // interp.finalization (vm/finalize.h); the caller runs them afterwards.
  void collect(Interpreter& interp);

  // GC stress (config.h): request a collection after every allocation, so
  // the next safe point collects. The golden suite passes with it on.
  void set_stress(bool on) { stress_ = on; }
  // Calls f(Object*) for every object (live or not yet collected). f must
  // not allocate.
  template <class F>
  void for_each(F f) {
    retire_cursors();
    for (Cursor& c : cursors_)
      for (HeapPage* p : c.pages) p->for_each_object(f);
  }
  std::size_t live_objects() const { return live_; }
  std::uint64_t collections() const { return collections_; }
  // Pages taken from the system and given back to it, since the start: a
  // program whose live heap stays the same size maps no more after warm-up.
  std::size_t pages_mapped() const { return pages_mapped_; }
  std::size_t pages_unmapped() const { return pages_unmapped_; }

  // Set by the interpreter so make() can raise its eval-breaker bit.
  void set_request_hook(void (*hook)(void*), void* ctx) {
    hook_ = hook;
    hook_ctx_ = ctx;
  }

 private:
  // Size classes: 8 to 256 bytes by 8, then 512, 1024, 2048, 4096.
  static constexpr unsigned kSmallClasses = 256 / kGranule;
  static constexpr unsigned kClasses = kSmallClasses + 4;
  static constexpr unsigned class_of(std::size_t size) {
    if (size <= 256) return static_cast<unsigned>((size + kGranule - 1) / kGranule - 1);
    unsigned c = kSmallClasses;
    for (std::size_t s = 512; s < size; s *= 2) ++c;
    return c;
  }
  static constexpr std::size_t slot_size(unsigned cls) {
    return cls < kSmallClasses ? (cls + 1) * kGranule : std::size_t{512} << (cls - kSmallClasses);
  }
  static constexpr unsigned cursor_index(unsigned cls, bool leaf) { return cls * 2 + (leaf ? 1 : 0); }
  // The leaf types (above). Each must keep Object's trace(): `&T::trace`
  // names Object's member exactly when T does not override it.
  template <class T>
  static constexpr bool is_leaf() {
    constexpr bool listed = std::is_same_v<T, Str> || std::is_same_v<T, Bytes> || std::is_same_v<T, BigIntObj> ||
                            std::is_same_v<T, Range> || std::is_same_v<T, Singleton>;
    static_assert(!listed || std::is_same_v<decltype(&T::trace), void (Object::*)(Tracer&)>,
                  "a leaf type holds no reference");
    return listed;
  }

  // One size class's pages of one sort (leaf or not), and its cursor.
  struct Cursor {
    std::vector<HeapPage*> pages;
    std::uint64_t avail = 0;         // claimed slots not handed out yet, by granule bit
    char* base = nullptr;            // the address of bit 0 of the cursor's word
    std::uint64_t* word = nullptr;   // the cursor's `used` word
    std::size_t page_index = 0;      // where refill() looks next
    std::size_t word_index = 0;
  };

  void* take_slot(unsigned cursor) {
    Cursor& c = cursors_[cursor];
    if (c.avail == 0) refill(cursor);
    unsigned bit = static_cast<unsigned>(std::countr_zero(c.avail));
    c.avail &= c.avail - 1;
    void* slot = c.base + bit * kGranule;
    unpoison(slot, cursor);
    return slot;
  }
  // Points the cursor at the next bitmap word with free slots, taking a
  // spare or new page when its pages are full.
  void refill(unsigned cursor);
  // Clears the bit of a slot whose constructor threw.
  void give_back(void* slot);
  // Gives the cursors' claimed, unused slots back to their bitmaps.
  void retire_cursors();
  HeapPage* new_page(unsigned cursor);
  // Destroys a page's unmarked objects and clears its marks; returns how
  // many objects it still holds.
  std::size_t sweep_page(HeapPage* p);
  // Sweeps the leaf pages the cursors did not reach since the last
  // collection; those left empty go to the spare pool.
  void finish_lazy_sweeps();
  void sweep();
  // After marking: appends to `queue` the unmarked objects whose type's
  // finalizer needs them, then marks them and what they reach, so that
  // the sweep keeps them. Walks the non-leaf pages only (leaf types have
  // no finalizer).
  void find_finalizable(Tracer& tracer, std::vector<Object*>& queue);
  void release_spares(std::size_t pages_in_use);
  void unpoison([[maybe_unused]] void* slot, [[maybe_unused]] unsigned cursor) {
#if GILVM_HEAP_QUARANTINE
    ASAN_UNPOISON_MEMORY_REGION(slot, slot_size(cursor / 2));
#endif
  }

  void request_collect() {
    if (hook_ != nullptr) hook_(hook_ctx_);
  }

  Cursor cursors_[kClasses * 2];
  // By size class: the granules where its slots start, the same in every
  // page (the header has one size).
  std::uint64_t starts_[kClasses][HeapPage::kWords];
  std::vector<HeapPage*> spare_;   // empty pages, any class's to take
  std::size_t pages_taken_ = 0;    // pages new_page() formatted since the last sweep
  std::size_t pages_mapped_ = 0;
  std::size_t pages_unmapped_ = 0;
  std::size_t live_ = 0;
  std::size_t since_collect_ = 0;
  std::size_t threshold_ = 100000;
  std::uint64_t collections_ = 0;
  bool stress_ = false;
  void (*hook_)(void*) = nullptr;
  void* hook_ctx_ = nullptr;
};

}  // namespace gilvm
