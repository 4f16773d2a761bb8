// runtime/set.cpp — the set / frozenset hash table and the set algebra.
//
// The table is CPython 3.11's (Objects/setobject.c), kept exact wherever it
// decides the order in which a set is iterated and printed:
//
//   - A power-of-two table of SetEntry, 8 slots at least. An entry is
//     unused (Null key, hash 0), a dummy left by a deletion (Null key,
//     hash -1) or active. `fill` counts active + dummy, `used` active.
//   - Probing starts at hash & mask. From slot i the next LINEAR_PROBES (9)
//     slots are looked at too, if they fit before the end of the table;
//     then perturb >>= 5 and i = (i * 5 + 1 + perturb) & mask, where
//     perturb starts as the hash taken unsigned.
//   - An insertion walks until an unused slot; if it passed dummies on the
//     way, the key goes into the last dummy it saw (measured against
//     CPython 3.11), otherwise into the unused slot, and then the table
//     grows when fill * 5 >= mask * 3, to the smallest power of two
//     greater than used * 4 (used * 2 above 50000 entries). A resize
//     re-inserts the active entries in old-table order into a clean table.
//   - Deletion leaves a dummy and never shrinks the table (except
//     difference_update, which rebuilds when over a quarter are dummies).
//   - Each operation builds its result the way CPython does: union copies
//     the left set and adds the right one; intersection walks the smaller
//     set; difference walks the left set or copies it and deletes;
//     symmetric difference copies the *right* operand and toggles the left
//     one's elements in it. A copy of a set with no dummies and the same
//     table size is a slot-for-slot copy.
//
// A comparison (__eq__) may run Python code that changes the table; as in
// CPython a lookup then restarts from scratch when the table was replaced
// or the entry it compared against changed. Entries are copied out of the
// table, never referenced, across such calls, and keys taken out of one
// set while Python code runs are rooted (TempRoot).
#include <utility>

#include "runtime/set_ops.h"
#include "vm/api.h"
#include "vm/iterate.h"

namespace gilvm {

namespace {

constexpr std::size_t kLinearProbes = 9;
constexpr unsigned kPerturbShift = 5;
constexpr int kRestart = -3;  // internal: the table changed under a comparison

std::size_t mask_of(const Set* s) { return s->table.size() - 1; }

// Equality of two keys with equal hashes when it needs no Python code:
// 1 equal, 0 not, -1 unknown (call equals()).
int quick_equal(Value a, Value b) {
  if (a.identical(b)) return 1;
  if (a.is_int() && b.is_int()) return 0;  // equal inline ints are identical
  Str* sa = as_str(a);
  Str* sb = as_str(b);
  if (sa != nullptr && sb != nullptr) return sa->s == sb->s ? 1 : 0;
  return -1;
}

// Compares the active entry at slot j with key. 1 equal, 0 not, -1 error,
// kRestart when the comparison changed the table (set_lookkey's check).
int compare_slot(ThreadState& ts, Set* so, std::size_t j, Value key) {
  Value startkey = so->table[j].key;
  int q = quick_equal(startkey, key);
  if (q >= 0) return q;
  const SetEntry* table = so->table.data();
  std::size_t size = so->table.size();
  TempRoot root(ts, startkey);
  int cmp = equals(ts, startkey, key);
  if (cmp < 0) return -1;
  if (so->table.data() != table || so->table.size() != size || !so->table[j].key.identical(startkey))
    return kRestart;
  return cmp;
}

// set_lookkey: the slot of key's active entry, -1 when absent, -2 on error.
std::ptrdiff_t lookkey(ThreadState& ts, Set* so, Value key, std::int64_t hash) {
restart:
  std::size_t mask = mask_of(so);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::uint64_t perturb = static_cast<std::uint64_t>(hash);
  for (;;) {
    std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (std::size_t j = i;; ++j) {
      const SetEntry& e = so->table[j];
      if (e.key.is_null()) {
        if (e.hash == 0) return -1;  // unused: not present
      } else if (e.hash == hash) {
        int r = compare_slot(ts, so, j, key);
        if (r == kRestart) goto restart;
        if (r < 0) return -2;
        if (r > 0) return static_cast<std::ptrdiff_t>(j);
      }
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_insert_clean: puts a key known to be absent into a table with no
// dummies.
void insert_clean(std::vector<SetEntry>& table, std::size_t mask, Value key, std::int64_t hash) {
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::uint64_t perturb = static_cast<std::uint64_t>(hash);
  for (;;) {
    if (table[i].key.is_null()) {
      table[i] = SetEntry{hash, key};
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (std::size_t j = i + 1; j <= i + kLinearProbes; ++j) {
        if (table[j].key.is_null()) {
          table[j] = SetEntry{hash, key};
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_table_resize: a fresh table of the smallest power of two > minused
// (at least 8), the active entries re-inserted in old-table order.
void table_resize(Set* so, std::size_t minused) {
  std::size_t newsize = 8;
  while (newsize <= minused) newsize <<= 1;
  std::vector<SetEntry> old(newsize);
  old.swap(so->table);
  std::size_t mask = newsize - 1;
  for (const SetEntry& e : old)
    if (!e.key.is_null()) insert_clean(so->table, mask, e.key, e.hash);
  so->fill = so->used;
}

std::size_t grown_size(const Set* so) { return so->used > 50000 ? so->used * 2 : so->used * 4; }

// One attempt of set_add_entry: 0 done, -1 error, kRestart.
int add_once(ThreadState& ts, Set* so, Value key, std::int64_t hash) {
  std::size_t mask = mask_of(so);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::uint64_t perturb = static_cast<std::uint64_t>(hash);
  std::ptrdiff_t freeslot = -1;
  for (;;) {
    std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (std::size_t j = i;; ++j) {
      const SetEntry& e = so->table[j];
      if (e.key.is_null()) {
        if (e.hash == 0) {
          if (freeslot >= 0) {  // reuse the last dummy passed
            so->table[static_cast<std::size_t>(freeslot)] = SetEntry{hash, key};
            ++so->used;
            return 0;
          }
          so->table[j] = SetEntry{hash, key};
          ++so->fill;
          ++so->used;
          if (so->fill * 5 >= mask * 3) table_resize(so, grown_size(so));
          return 0;
        }
        freeslot = static_cast<std::ptrdiff_t>(j);  // a dummy
      } else if (e.hash == hash) {
        int r = compare_slot(ts, so, j, key);
        if (r == kRestart || r < 0) return r;
        if (r > 0) return 0;  // already present
      }
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// 1 removed, 0 absent, -1 error.
int discard_entry(ThreadState& ts, Set* so, Value key, std::int64_t hash) {
  std::ptrdiff_t j = lookkey(ts, so, key, hash);
  if (j == -2) return -1;
  if (j < 0) return 0;
  so->table[static_cast<std::size_t>(j)] = SetEntry{-1, Value::null()};
  --so->used;
  return 1;
}

// 1 present, 0 absent, -1 error.
int contains_entry(ThreadState& ts, Set* so, Value key, std::int64_t hash) {
  std::ptrdiff_t j = lookkey(ts, so, key, hash);
  return j == -2 ? -1 : (j >= 0 ? 1 : 0);
}

int add_key(ThreadState& ts, Set* so, Value key) {
  std::int64_t h;
  if (!hash_value(ts, key, h)) return -1;
  return set_add_entry(ts, so, key, h);
}

// Hashes key; an unhashable non-frozen set is replaced by an equal
// frozenset (built into `holder`, which roots it), as CPython's
// set_contains / set_discard / set_remove do.
bool hash_with_fallback(ThreadState& ts, Value& key, std::int64_t& h, TempRoot& holder) {
  if (hash_value(ts, key, h)) return true;
  Set* s = as_set(key);
  if (s == nullptr || s->frozen || !exception_matches(ts, ts.interp.types.TypeError)) return false;
  take_exception(ts);
  Set* f = set_from_iterable(ts, true, key);
  if (f == nullptr) return false;
  holder.set(obj(f));
  key = obj(f);
  return frozenset_hash(ts, f, h);
}

void swap_bodies(Set* a, Set* b) {
  a->table.swap(b->table);
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
}

bool merge(ThreadState& ts, Set* so, Set* other) {
  if (other == so || other->used == 0) return true;
  // One big resize first, expecting few overlapping keys.
  if ((so->fill + other->used) * 5 >= mask_of(so) * 3) table_resize(so, (so->used + other->used) * 2);
  // Empty target of the same size, no dummies to drop: copy the slots.
  if (so->fill == 0 && mask_of(so) == mask_of(other) && other->fill == other->used) {
    so->table = other->table;
    so->fill = other->fill;
    so->used = other->used;
    return true;
  }
  // Empty target: no duplicates possible, insert clean.
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    std::size_t mask = mask_of(so);
    for (const SetEntry& e : other->table)
      if (!e.key.is_null()) insert_clean(so->table, mask, e.key, e.hash);
    return true;
  }
  for (std::size_t i = 0; i < other->table.size(); ++i) {
    SetEntry e = other->table[i];
    if (e.key.is_null()) continue;
    TempRoot root(ts, e.key);
    if (set_add_entry(ts, so, e.key, e.hash) < 0) return false;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

int set_add_entry(ThreadState& ts, Set* so, Value key, std::int64_t hash) {
  for (;;) {
    int r = add_once(ts, so, key, hash);
    if (r != kRestart) return r;
  }
}

int set_add(ThreadState& ts, Set* s, Value key) { return add_key(ts, s, key) < 0 ? -1 : 1; }

int set_contains(ThreadState& ts, Set* s, Value key) { return set_contains_key(ts, s, key); }

int set_discard(ThreadState& ts, Set* s, Value key) { return set_discard_key(ts, s, key); }

int set_contains_key(ThreadState& ts, Set* s, Value key) {
  TempRoot holder(ts, Value::none());
  std::int64_t h;
  if (!hash_with_fallback(ts, key, h, holder)) return -1;
  return contains_entry(ts, s, key, h);
}

int set_discard_key(ThreadState& ts, Set* s, Value key) {
  TempRoot holder(ts, Value::none());
  std::int64_t h;
  if (!hash_with_fallback(ts, key, h, holder)) return -1;
  return discard_entry(ts, s, key, h);
}

void set_clear(Set* s) {
  std::vector<SetEntry>(8).swap(s->table);
  s->fill = 0;
  s->used = 0;
}

bool set_next(const Set* s, std::size_t& pos, SetEntry& out) {
  while (pos < s->table.size() && s->table[pos].key.is_null()) ++pos;
  if (pos >= s->table.size()) return false;
  out = s->table[pos++];
  return true;
}

// ---------------------------------------------------------------------------
// Building sets
// ---------------------------------------------------------------------------

bool set_update(ThreadState& ts, Set* so, Value other) {
  if (Set* o = as_set(other)) return merge(ts, so, o);
  if (Dict* d = as_dict(other)) {
    if ((so->fill + d->used) * 5 >= mask_of(so) * 3) table_resize(so, (so->used + d->used) * 2);
    for (std::size_t i = 0; i < d->entries.size(); ++i) {
      DictEntry e = d->entries[i];
      if (e.key.is_null()) continue;
      TempRoot root(ts, e.key);
      if (set_add_entry(ts, so, e.key, e.hash) < 0) return false;
    }
    return true;
  }
  return for_each_item(ts, other, [&](Value key) { return add_key(ts, so, key) >= 0; });
}

Set* set_from_iterable(ThreadState& ts, bool frozen, Value iterable) {
  Set* s = new_set(ts, frozen);
  if (iterable.is_null()) return s;
  TempRoot root(ts, obj(s));
  if (!set_update(ts, s, iterable)) return nullptr;
  return s;
}

Set* set_copy(ThreadState& ts, Set* s) { return set_from_iterable(ts, s->frozen, obj(s)); }

Set* set_from_constant_display(ThreadState& ts, std::span<const Value> items) {
  // frozenset(tuple_of_constants), as the compiler folds the display ...
  Set* first = new_set(ts, true);
  TempRoot first_root(ts, obj(first));
  for (Value v : items)
    if (add_key(ts, first, v) < 0) return nullptr;
  // ... rebuilt from its own iteration order by the constant merger ...
  Set* folded = new_set(ts, true);
  TempRoot folded_root(ts, obj(folded));
  std::size_t pos = 0;
  SetEntry e;
  while (set_next(first, pos, e))
    if (set_add_entry(ts, folded, e.key, e.hash) < 0) return nullptr;
  // ... and merged into a new empty set by SET_UPDATE.
  Set* result = new_set(ts, false);
  TempRoot result_root(ts, obj(result));
  if (!merge(ts, result, folded)) return nullptr;
  return result;
}

// ---------------------------------------------------------------------------
// Set algebra
// ---------------------------------------------------------------------------

Set* set_intersection(ThreadState& ts, Set* so, Value other) {
  if (as_set(other) == so) return set_copy(ts, so);
  Set* result = new_set(ts, so->frozen);
  TempRoot result_root(ts, obj(result));
  if (Set* o = as_set(other)) {
    // Walk the smaller set, look up in the larger.
    Set* big = so;
    Set* small = o;
    if (small->used > big->used) std::swap(big, small);
    std::size_t pos = 0;
    SetEntry e;
    while (set_next(small, pos, e)) {
      TempRoot key_root(ts, e.key);
      int rv = contains_entry(ts, big, e.key, e.hash);
      if (rv < 0) return nullptr;
      if (rv > 0 && set_add_entry(ts, result, e.key, e.hash) < 0) return nullptr;
    }
    return result;
  }
  bool ok = for_each_item(ts, other, [&](Value key) {
    std::int64_t h;
    if (!hash_value(ts, key, h)) return IterStep::Fail;
    int rv = contains_entry(ts, so, key, h);
    if (rv < 0) return IterStep::Fail;
    if (rv > 0) {
      if (set_add_entry(ts, result, key, h) < 0) return IterStep::Fail;
      if (result->used >= so->used) return IterStep::Break;  // nothing more can be added
    }
    return IterStep::Continue;
  });
  return ok ? result : nullptr;
}

bool set_intersection_update(ThreadState& ts, Set* so, Value other) {
  Set* tmp = set_intersection(ts, so, other);
  if (tmp == nullptr) return false;
  swap_bodies(so, tmp);
  return true;
}

bool set_difference_update(ThreadState& ts, Set* so, Value other) {
  if (as_set(other) == so) {
    set_clear(so);
    return true;
  }
  if (Set* o = as_set(other)) {
    TempRoot tmp_root(ts, Value::none());
    // When the other set is more than 8 times larger, walk only the
    // intersection.
    if ((o->used >> 3) > so->used) {
      o = set_intersection(ts, so, other);
      if (o == nullptr) return false;
      tmp_root.set(obj(o));
    }
    std::size_t pos = 0;
    SetEntry e;
    while (set_next(o, pos, e)) {
      TempRoot key_root(ts, e.key);
      if (discard_entry(ts, so, e.key, e.hash) < 0) return false;
    }
  } else {
    bool ok = for_each_item(ts, other, [&](Value key) {
      std::int64_t h;
      return hash_value(ts, key, h) && discard_entry(ts, so, key, h) >= 0;
    });
    if (!ok) return false;
  }
  // If more than 1/4 of the slots are dummies, rebuild.
  if (so->fill - so->used <= mask_of(so) / 4) return true;
  table_resize(so, grown_size(so));
  return true;
}

namespace {

Set* copy_and_difference(ThreadState& ts, Set* so, Value other) {
  Set* result = set_copy(ts, so);
  if (result == nullptr) return nullptr;
  TempRoot root(ts, obj(result));
  if (!set_difference_update(ts, result, other)) return nullptr;
  return result;
}

}  // namespace

Set* set_difference(ThreadState& ts, Set* so, Value other) {
  Set* o = as_set(other);
  Dict* d = as_dict(other);
  std::size_t other_size;
  if (o != nullptr) {
    other_size = o->used;
  } else if (d != nullptr) {
    other_size = d->used;
  } else {
    return copy_and_difference(ts, so, other);
  }
  // Much larger than other: copy and delete the common elements.
  if ((so->used >> 2) > other_size) return copy_and_difference(ts, so, other);
  Set* result = new_set(ts, so->frozen);
  TempRoot result_root(ts, obj(result));
  std::size_t pos = 0;
  SetEntry e;
  while (set_next(so, pos, e)) {
    TempRoot key_root(ts, e.key);
    int rv;
    if (d != nullptr) {
      Value v = dict_get(ts, d, e.key);
      if (v.is_fail()) return nullptr;
      rv = v.is_null() ? 0 : 1;
    } else {
      rv = contains_entry(ts, o, e.key, e.hash);
      if (rv < 0) return nullptr;
    }
    if (rv == 0 && set_add_entry(ts, result, e.key, e.hash) < 0) return nullptr;
  }
  return result;
}

bool set_symmetric_difference_update(ThreadState& ts, Set* so, Value other) {
  if (as_set(other) == so) {
    set_clear(so);
    return true;
  }
  if (Dict* d = as_dict(other)) {
    for (std::size_t i = 0; i < d->entries.size(); ++i) {
      DictEntry de = d->entries[i];
      if (de.key.is_null()) continue;
      TempRoot key_root(ts, de.key);
      int rv = discard_entry(ts, so, de.key, de.hash);
      if (rv < 0) return false;
      if (rv == 0 && set_add_entry(ts, so, de.key, de.hash) < 0) return false;
    }
    return true;
  }
  Set* o = as_set(other);
  TempRoot o_root(ts, Value::none());
  if (o == nullptr) {
    o = set_from_iterable(ts, so->frozen, other);
    if (o == nullptr) return false;
    o_root.set(obj(o));
  }
  std::size_t pos = 0;
  SetEntry e;
  while (set_next(o, pos, e)) {
    TempRoot key_root(ts, e.key);
    int rv = discard_entry(ts, so, e.key, e.hash);
    if (rv < 0) return false;
    if (rv == 0 && set_add_entry(ts, so, e.key, e.hash) < 0) return false;
  }
  return true;
}

Set* set_symmetric_difference(ThreadState& ts, Set* so, Value other) {
  // CPython copies the *other* operand, then toggles so's elements in it.
  Set* result = set_from_iterable(ts, so->frozen, other);
  if (result == nullptr) return nullptr;
  TempRoot root(ts, obj(result));
  if (!set_symmetric_difference_update(ts, result, obj(so))) return nullptr;
  return result;
}

int set_issubset(ThreadState& ts, Set* so, Value other) {
  Set* o = as_set(other);
  TempRoot o_root(ts, Value::none());
  if (o == nullptr) {
    o = set_from_iterable(ts, false, other);
    if (o == nullptr) return -1;
    o_root.set(obj(o));
  }
  if (so->used > o->used) return 0;
  std::size_t pos = 0;
  SetEntry e;
  while (set_next(so, pos, e)) {
    TempRoot key_root(ts, e.key);
    int rv = contains_entry(ts, o, e.key, e.hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

namespace {
// 1 when every item of the iterable `other` is in `so` (in_so) or none is
// (!in_so), 0 otherwise, -1 on error; stops at the first item that decides.
int all_keys_of(ThreadState& ts, Set* so, Value other, bool in_so) {
  int result = 1;
  bool ok = for_each_item(ts, other, [&](Value key) {
    std::int64_t h;
    if (!hash_value(ts, key, h)) return IterStep::Fail;
    int rv = contains_entry(ts, so, key, h);
    if (rv < 0) return IterStep::Fail;
    if ((rv > 0) == in_so) return IterStep::Continue;
    result = 0;
    return IterStep::Break;
  });
  return ok ? result : -1;
}
}  // namespace

int set_issuperset(ThreadState& ts, Set* so, Value other) {
  if (Set* o = as_set(other)) return set_issubset(ts, o, obj(so));
  return all_keys_of(ts, so, other, true);
}

int set_isdisjoint(ThreadState& ts, Set* so, Value other) {
  if (as_set(other) == so) return so->used == 0 ? 1 : 0;
  if (Set* o = as_set(other)) {
    Set* big = so;
    Set* small = o;
    if (small->used > big->used) std::swap(big, small);
    std::size_t pos = 0;
    SetEntry e;
    while (set_next(small, pos, e)) {
      TempRoot key_root(ts, e.key);
      int rv = contains_entry(ts, big, e.key, e.hash);
      if (rv != 0) return rv < 0 ? -1 : 0;
    }
    return 1;
  }
  return all_keys_of(ts, so, other, false);
}

// ---------------------------------------------------------------------------
// For the core: operators, comparison, hash
// ---------------------------------------------------------------------------

Value set_binary(ThreadState& ts, front::BinOp op, Set* a, Set* b) {
  Set* r = nullptr;
  switch (op) {
    case front::BinOp::BitOr: {
      r = set_copy(ts, a);
      if (r == nullptr) return Value::fail();
      if (a == b) break;
      TempRoot root(ts, obj(r));
      if (!set_update(ts, r, obj(b))) return Value::fail();
      break;
    }
    case front::BinOp::BitAnd: r = set_intersection(ts, a, obj(b)); break;
    case front::BinOp::Sub: r = set_difference(ts, a, obj(b)); break;
    case front::BinOp::BitXor: r = set_symmetric_difference(ts, a, obj(b)); break;
    default:
      return raise(ts, ts.interp.types.TypeError, "unsupported set operation");
  }
  return r == nullptr ? Value::fail() : obj(r);
}

Value set_inplace(ThreadState& ts, front::BinOp op, Set* a, Set* b) {
  if (a->frozen) return set_binary(ts, op, a, b);
  bool ok;
  switch (op) {
    case front::BinOp::BitOr: ok = set_update(ts, a, obj(b)); break;
    case front::BinOp::BitAnd: ok = set_intersection_update(ts, a, obj(b)); break;
    case front::BinOp::Sub: ok = set_difference_update(ts, a, obj(b)); break;
    case front::BinOp::BitXor: ok = set_symmetric_difference_update(ts, a, obj(b)); break;
    default:
      return raise(ts, ts.interp.types.TypeError, "unsupported set operation");
  }
  return ok ? obj(a) : Value::fail();
}

int set_compare(ThreadState& ts, front::CmpOp op, Set* a, Set* b, Value& result) {
  using front::CmpOp;
  int r;
  switch (op) {
    case CmpOp::Eq:
    case CmpOp::NotEq:
      if (a->used != b->used) {
        r = 0;
      } else if (a->frozen && b->frozen && a->hash_ != -1 && b->hash_ != -1 && a->hash_ != b->hash_) {
        r = 0;
      } else {
        r = set_issubset(ts, a, obj(b));
      }
      if (r >= 0 && op == CmpOp::NotEq) r = !r;
      break;
    case CmpOp::LtE: r = set_issubset(ts, a, obj(b)); break;
    case CmpOp::GtE: r = set_issuperset(ts, a, obj(b)); break;
    case CmpOp::Lt: r = a->used >= b->used ? 0 : set_issubset(ts, a, obj(b)); break;
    case CmpOp::Gt: r = a->used <= b->used ? 0 : set_issuperset(ts, a, obj(b)); break;
    default:
      raise(ts, ts.interp.types.TypeError, "unsupported set comparison");
      return -1;
  }
  if (r < 0) return -1;
  result = Value::from_bool(r != 0);
  return 1;
}

bool frozenset_hash(ThreadState& ts, Set* so, std::int64_t& out) {
  if (so->frozen && so->hash_ != -1) {
    out = so->hash_;
    return true;
  }
  // CPython's frozenset_hash: xor the shuffled hash of every slot (unused
  // slots hash 0, dummies -1), then cancel an odd number of unused and
  // dummy slots, so only the active entries count, independent of order.
  auto shuffle = [](std::uint64_t h) -> std::uint64_t {
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
  };
  std::uint64_t hash = 0;
  for (const SetEntry& e : so->table) hash ^= shuffle(static_cast<std::uint64_t>(e.hash));
  if ((so->table.size() - so->fill) & 1) hash ^= shuffle(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle(static_cast<std::uint64_t>(-1));
  hash ^= (static_cast<std::uint64_t>(so->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  auto h = static_cast<std::int64_t>(hash);
  if (h == -1) h = 590923713;
  if (so->frozen) so->hash_ = h;
  out = h;
  return true;
}

}  // namespace gilvm
