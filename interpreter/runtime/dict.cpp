// The dict hash table (layout in vm/object.h, after CPython's compact dict,
// Objects/dictobject.c): `entries` keeps insertion order, `index` maps hash
// slots to entry positions with open addressing. Probing follows CPython's
// perturbation scheme (i = 5*i + 1 + perturb; perturb >>= 5), which visits
// every slot of a power-of-two table.
//
// Lookup compares hashes first, then identity, then Python equality, which
// may run __eq__; so lookups take a ThreadState and can fail. The str fast
// paths (names in globals, attributes, class dicts) never run Python code.
#include <cstring>

#include "runtime/str_ops.h"
#include "vm/api.h"

namespace gilvm {

namespace {

constexpr std::int32_t kEmpty = -1;
constexpr std::int32_t kDeleted = -2;

// Finds `key`. Returns 1 and sets *slot to its index slot when present; 0
// and sets *slot to the slot where it would be inserted when absent; -1 on
// an error raised by __eq__.
template <class Eq>
int find_slot(Dict* d, std::int64_t hash, Eq&& eq, std::size_t* slot) {
  std::size_t mask = d->index.size() - 1;
  std::uint64_t perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::size_t first_deleted = SIZE_MAX;
  for (;;) {
    std::int32_t ix = d->index[i];
    if (ix == kEmpty) {
      *slot = first_deleted != SIZE_MAX ? first_deleted : i;
      return 0;
    }
    if (ix == kDeleted) {
      if (first_deleted == SIZE_MAX) first_deleted = i;
    } else {
      const DictEntry& e = d->entries[ix];
      if (e.hash == hash) {
        int r = eq(e.key);
        if (r != 0) {
          *slot = i;
          return r;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void rebuild(Dict* d, std::size_t min_used) {
  std::size_t size = 8;
  while (size * 2 < (min_used + 1) * 3) size <<= 1;
  // Compact entries (drop deleted ones), then re-index.
  std::size_t w = 0;
  for (std::size_t r = 0; r < d->entries.size(); ++r)
    if (!d->entries[r].key.is_null()) d->entries[w++] = d->entries[r];
  d->entries.resize(w);
  d->index.assign(size, kEmpty);
  std::size_t mask = size - 1;
  for (std::size_t n = 0; n < d->entries.size(); ++n) {
    std::uint64_t perturb = static_cast<std::uint64_t>(d->entries[n].hash);
    std::size_t i = static_cast<std::size_t>(d->entries[n].hash) & mask;
    while (d->index[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
    d->index[i] = static_cast<std::int32_t>(n);
  }
}

void ensure_room(Dict* d) {
  // Keep the table at most 2/3 full, counting deleted entries still in it.
  if (d->index.empty() || (d->entries.size() + 1) * 3 > d->index.size() * 2) rebuild(d, d->used + 1);
}

bool str_equal(const Str* a, const Str* b) { return a == b || (a->length == b->length && a->s == b->s); }

// Python equality of two dict keys with equal hashes.
int keys_equal(ThreadState& ts, Value stored, Value key) {
  if (stored.identical(key)) return 1;
  Str* a = as_str(stored);
  Str* b = as_str(key);
  if (a != nullptr && b != nullptr) return str_equal(a, b) ? 1 : 0;
  if (stored.is_int() && key.is_int()) return stored.as_int() == key.as_int() ? 1 : 0;
  return equals(ts, stored, key);
}

void insert_new(Dict* d, std::size_t slot, std::int64_t hash, Value key, Value value) {
  ++d->version;
  d->index[slot] = static_cast<std::int32_t>(d->entries.size());
  d->entries.push_back({hash, key, value});
  ++d->used;
}

}  // namespace

Value dict_get(ThreadState& ts, Dict* d, Value key) {
  if (Str* s = as_str(key)) return dict_get_str(d, s);
  std::int64_t h;
  if (!hash_value(ts, key, h)) return Value::fail();
  if (d->used == 0) return Value::null();
  std::size_t slot;
  int r = find_slot(d, h, [&](Value k) { return keys_equal(ts, k, key); }, &slot);
  if (r < 0) return Value::fail();
  return r ? d->entries[d->index[slot]].value : Value::null();
}

bool dict_set(ThreadState& ts, Dict* d, Value key, Value value) {
  if (Str* s = as_str(key)) {
    dict_set_str(ts.interp, d, s, value);
    return true;
  }
  std::int64_t h;
  if (!hash_value(ts, key, h)) return false;
  ensure_room(d);
  std::size_t slot;
  int r = find_slot(d, h, [&](Value k) { return keys_equal(ts, k, key); }, &slot);
  if (r < 0) return false;
  if (r) {
    d->entries[d->index[slot]].value = value;
    ++d->version;
  } else {
    insert_new(d, slot, h, key, value);
  }
  return true;
}

int dict_del(ThreadState& ts, Dict* d, Value key) {
  std::int64_t h;
  if (Str* s = as_str(key)) {
    h = str_hash(s);
  } else if (!hash_value(ts, key, h)) {
    return -1;
  }
  if (d->used == 0) return 0;
  std::size_t slot;
  int r = find_slot(d, h, [&](Value k) { return keys_equal(ts, k, key); }, &slot);
  if (r <= 0) return r;
  ++d->version;
  DictEntry& e = d->entries[d->index[slot]];
  e.key = Value::null();
  e.value = Value::null();
  d->index[slot] = kDeleted;
  --d->used;
  if (d->used == 0) {
    d->entries.clear();
    d->index.assign(d->index.size(), kEmpty);
  }
  return 1;
}

Value dict_get_str(Dict* d, Str* key) {
  if (d->used == 0) return Value::null();
  std::size_t slot;
  int r = find_slot(
      d, str_hash(key),
      [&](Value k) {
        Str* s = as_str(k);
        return s != nullptr && str_equal(s, key) ? 1 : 0;
      },
      &slot);
  return r ? d->entries[d->index[slot]].value : Value::null();
}

void dict_set_str(Interpreter& interp, Dict* d, Str* key, Value value) {
  ensure_room(d);
  std::int64_t h = str_hash(key);
  std::size_t slot;
  int r = find_slot(
      d, h,
      [&](Value k) {
        Str* s = as_str(k);
        return s != nullptr && str_equal(s, key) ? 1 : 0;
      },
      &slot);
  if (r) {
    d->entries[d->index[slot]].value = value;
    ++d->version;
  } else {
    insert_new(d, slot, h, Value::from_obj(key), value);
  }
}

Value dict_get_cstr(Interpreter& interp, Dict* d, std::string_view key) {
  return dict_get_str(d, interp.intern(key));
}

void dict_set_cstr(Interpreter& interp, Dict* d, std::string_view key, Value value) {
  dict_set_str(interp, d, interp.intern(key), value);
}

}  // namespace gilvm
