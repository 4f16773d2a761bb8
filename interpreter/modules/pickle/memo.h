// modules/pickle/memo.h — the pickler's memo table (pickler.cpp explains
// how addresses stay valid as keys), kept apart so that a pickle.Pickler
// object can hold one across dump() calls, as CPython's does.
#pragma once

#include <cstdint>
#include <vector>

namespace gilvm::pickle {

// The pickler's memo: object address -> memo index, open addressing with
// linear probing.
class MemoTable {
 public:
  MemoTable() : slots_(64) {}
  // The index, or -1.
  std::int64_t get(const void* key) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].index;
      if (slots_[i].key == nullptr) return -1;
    }
  }
  template <class F>
  void for_each_key(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key != nullptr) f(s.key);
  }
  void put(const void* key, std::uint32_t index) {
    if ((used_ + 1) * 3 >= slots_.size() * 2) grow();
    std::size_t mask = slots_.size() - 1;
    std::size_t i = hash(key) & mask;
    while (slots_[i].key != nullptr && slots_[i].key != key) i = (i + 1) & mask;
    if (slots_[i].key == nullptr) ++used_;
    slots_[i] = {key, index};
  }

 private:
  struct Slot {
    const void* key = nullptr;
    std::uint32_t index = 0;
  };
  // The address over 16 (malloc's alignment), as CPython's PyMemoTable
  // (key >> 3): objects allocated one after another — a list's items, as
  // a rule — land in nearby slots, so the table is walked in cache-friendly
  // order. Linear probing resolves the collisions.
  static std::size_t hash(const void* p) { return reinterpret_cast<std::uintptr_t>(p) >> 4; }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.key != nullptr) put(s.key, s.index);
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

struct PickleMemo {
  MemoTable table;
  std::uint32_t next = 0;  // the next memo index
  bool pinned = false;     // memoized objects are kept alive by the pickler's Roots
};

}  // namespace gilvm::pickle
