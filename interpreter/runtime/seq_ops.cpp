// runtime/seq_ops.cpp — list and tuple subscripts, +, *, comparison, `in`,
// tuple hashing and the list sort (the contracts are in seq_ops.h).
//
// Design notes:
//  - A value that came out of a container and is held across a call that
//    may run Python code (==, <, hash of a user object) is rooted with a
//    TempRoot, since that code may remove it from the container.
//  - Items gathered from an arbitrary iterable go straight into a fresh,
//    rooted List, never into a bare std::vector: a generator that feeds the
//    collection may trigger a collection between two items.
//  - The sort is a stable merge sort over a permutation of indices. The
//    comparison records the first error and from then on answers "not
//    less", so the sort finishes quickly and every step keeps the
//    permutation whole; the list always gets all its items back (CPython's
//    listsort in Objects/listobject.c behaves the same way).
#include "runtime/seq_ops.h"

#include <algorithm>

#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/iterate.h"

namespace gilvm {

namespace {

// Converts a subscript to an index. 1: `out` set; 0: `v` is not an index
// (the caller raises its own TypeError); -1: error pending.
int seq_index(ThreadState& ts, Value v, std::int64_t& out) {
  if (v.is_int()) {
    out = v.as_int();
    return 1;
  }
  if (v.is_bool()) {
    out = v.as_bool() ? 1 : 0;
    return 1;
  }
  if (as_bigint(v) != nullptr) {
    raise(ts, ts.interp.types.IndexError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (v.is_obj() && v.as_obj()->kind == Kind::Instance &&
      !type_lookup(type_of(ts, v), ts.interp.names.__index__).is_null()) {
    std::optional<std::int64_t> i = to_index(ts, v);
    if (!i) return -1;
    out = *i;
    return 1;
  }
  return 0;
}

bool is_slice(Value v) { return v.is_obj() && v.as_obj()->kind == Kind::Slice; }

// Appends the items of `iterable` to `out`, a list the caller has rooted.
// A non-iterable raises TypeError `msg` (CPython's PySequence_Fast).
bool collect_into(ThreadState& ts, Value iterable, List* out, const char* msg) {
  if (List* l = as_list(iterable)) {
    if (l == out) {
      std::vector<Value> copy = l->items;
      out->items.insert(out->items.end(), copy.begin(), copy.end());
    } else {
      out->items.insert(out->items.end(), l->items.begin(), l->items.end());
    }
    return true;
  }
  if (Tuple* t = as_tuple(iterable)) {
    out->items.insert(out->items.end(), t->items.begin(), t->items.end());
    return true;
  }
  Value it = get_iter(ts, iterable);
  if (it.is_fail()) {
    if (msg != nullptr && exception_matches(ts, ts.interp.types.TypeError)) {
      take_exception(ts);
      raise(ts, ts.interp.types.TypeError, msg);
    }
    return false;
  }
  return for_each_next(ts, it, [&](Value v) {
    out->items.push_back(v);
    return true;
  });
}

// The `count` items start, start+step, ... of `items`.
void take_slice(const std::vector<Value>& items, std::int64_t start, std::int64_t step,
                std::int64_t count, std::vector<Value>& out) {
  out.reserve(static_cast<std::size_t>(count));
  if (step == 1) {
    out.assign(items.begin() + start, items.begin() + start + count);
    return;
  }
  // start + k * step, not a running index += step: that one steps once past
  // the last item, which overflows int64 for a step near 2**63 (UBSan:
  // b"abc"[2::2**63 - 1]). Every start + k * step with k < count is an index.
  for (std::int64_t k = 0; k < count; ++k) out.push_back(items[static_cast<std::size_t>(start + k * step)]);
}

// Normalises a slice with a negative step to the same positions walked
// forwards, so deletion and assignment can go front to back.
void forward_slice(std::int64_t& start, std::int64_t& step, std::int64_t count) {
  if (step < 0) {
    start = start + step * (count - 1);
    step = -step;
  }
}

}  // namespace

bool seq_extend(ThreadState& ts, List* out, Value iterable) {
  return collect_into(ts, iterable, out, nullptr);
}

// ---------------------------------------------------------------------------
// Subscripts
// ---------------------------------------------------------------------------

Value list_getitem(ThreadState& ts, List* l, Value index_or_slice) {
  std::int64_t i;
  int r = seq_index(ts, index_or_slice, i);
  if (r < 0) return Value::fail();
  auto n = static_cast<std::int64_t>(l->items.size());
  if (r > 0) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(ts, ts.interp.types.IndexError, "list index out of range");
    return l->items[static_cast<std::size_t>(i)];
  }
  if (!is_slice(index_or_slice))
    return raise_fmt(ts, ts.interp.types.TypeError, "list indices must be integers or slices, not {}",
                     type_name(ts, index_or_slice));
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, index_or_slice, n, start, stop, step, count).is_fail()) return Value::fail();
  List* out = new_list(ts);
  if (count > 0) take_slice(l->items, start, step, count, out->items);
  return obj(out);
}

Value tuple_getitem(ThreadState& ts, Tuple* t, Value index_or_slice) {
  std::int64_t i;
  int r = seq_index(ts, index_or_slice, i);
  if (r < 0) return Value::fail();
  auto n = static_cast<std::int64_t>(t->items.size());
  if (r > 0) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(ts, ts.interp.types.IndexError, "tuple index out of range");
    return t->items[static_cast<std::size_t>(i)];
  }
  if (!is_slice(index_or_slice))
    return raise_fmt(ts, ts.interp.types.TypeError, "tuple indices must be integers or slices, not {}",
                     type_name(ts, index_or_slice));
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, index_or_slice, n, start, stop, step, count).is_fail()) return Value::fail();
  if (count <= 0) return obj(ts.interp.empty_tuple);
  if (step == 1 && count == n) return obj(t);  // immutable: t[:] is t
  std::vector<Value> items;
  take_slice(t->items, start, step, count, items);
  return obj(new_tuple(ts, items));
}

bool list_setitem(ThreadState& ts, List* l, Value index_or_slice, Value v) {
  std::int64_t i;
  int r = seq_index(ts, index_or_slice, i);
  if (r < 0) return false;
  if (r > 0) {
    auto n = static_cast<std::int64_t>(l->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(ts, ts.interp.types.IndexError, "list assignment index out of range");
      return false;
    }
    l->items[static_cast<std::size_t>(i)] = v;
    return true;
  }
  if (!is_slice(index_or_slice)) {
    raise_fmt(ts, ts.interp.types.TypeError, "list indices must be integers or slices, not {}",
              type_name(ts, index_or_slice));
    return false;
  }
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, index_or_slice, static_cast<std::int64_t>(l->items.size()), start, stop,
                    step, count)
          .is_fail())
    return false;
  // Collect the new items first: `v` may be the list itself (a[:] = a), or a
  // generator that reads or changes the list.
  List* seq = new_list(ts);
  TempRoot seq_root(ts, obj(seq));
  if (!collect_into(ts, v, seq,
                    step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice"))
    return false;
  auto& items = l->items;
  auto n = static_cast<std::int64_t>(items.size());
  if (step == 1) {
    // list_ass_slice: a[lo:hi] = seq, with lo and hi clipped to the list as
    // it is now (Python code may have shrunk it while seq was collected).
    std::int64_t lo = std::clamp<std::int64_t>(start, 0, n);
    std::int64_t hi = std::clamp<std::int64_t>(stop, lo, n);
    auto first = items.begin() + lo;
    items.erase(first, items.begin() + hi);
    items.insert(items.begin() + lo, seq->items.begin(), seq->items.end());
    return true;
  }
  auto m = static_cast<std::int64_t>(seq->items.size());
  if (m != count) {
    raise_fmt(ts, ts.interp.types.ValueError,
              "attempt to assign sequence of size {} to extended slice of size {}", m, count);
    return false;
  }
  for (std::int64_t k = 0; k < count; ++k) {  // start + k * step: see take_slice
    std::int64_t p = start + k * step;
    if (p >= 0 && p < static_cast<std::int64_t>(items.size()))
      items[static_cast<std::size_t>(p)] = seq->items[static_cast<std::size_t>(k)];
  }
  return true;
}

bool list_delitem(ThreadState& ts, List* l, Value index_or_slice) {
  std::int64_t i;
  int r = seq_index(ts, index_or_slice, i);
  if (r < 0) return false;
  auto& items = l->items;
  auto n = static_cast<std::int64_t>(items.size());
  if (r > 0) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise(ts, ts.interp.types.IndexError, "list assignment index out of range");
      return false;
    }
    items.erase(items.begin() + i);
    return true;
  }
  if (!is_slice(index_or_slice)) {
    raise_fmt(ts, ts.interp.types.TypeError, "list indices must be integers or slices, not {}",
              type_name(ts, index_or_slice));
    return false;
  }
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, index_or_slice, n, start, stop, step, count).is_fail()) return false;
  if (count <= 0) return true;
  forward_slice(start, step, count);
  if (step == 1) {
    items.erase(items.begin() + start, items.begin() + start + count);
    return true;
  }
  // Compact in one pass: keep every item that is not at start + k*step.
  std::size_t w = static_cast<std::size_t>(start);
  std::int64_t next = start, removed = 0;
  for (std::int64_t p = start; p < n; ++p) {
    if (p == next && removed < count) {
      // No step past the last removed item (it may overflow): see take_slice.
      if (++removed < count) next += step;
      continue;
    }
    items[w++] = items[static_cast<std::size_t>(p)];
  }
  items.resize(w);
  return true;
}

// ---------------------------------------------------------------------------
// + and *
// ---------------------------------------------------------------------------

Value seq_concat(ThreadState& ts, Value a, Value b) {
  if (List* la = as_list(a)) {
    List* lb = as_list(b);
    if (lb == nullptr)
      return raise_fmt(ts, ts.interp.types.TypeError,
                       "can only concatenate list (not \"{}\") to list", type_name(ts, b));
    List* out = new_list(ts, la->items.size() + lb->items.size());
    out->items.insert(out->items.end(), la->items.begin(), la->items.end());
    out->items.insert(out->items.end(), lb->items.begin(), lb->items.end());
    return obj(out);
  }
  if (Tuple* ta = as_tuple(a)) {
    Tuple* tb = as_tuple(b);
    if (tb == nullptr)
      return raise_fmt(ts, ts.interp.types.TypeError,
                       "can only concatenate tuple (not \"{}\") to tuple", type_name(ts, b));
    if (tb->items.empty()) return a;
    if (ta->items.empty()) return b;
    std::vector<Value> items;
    items.reserve(ta->items.size() + tb->items.size());
    items.insert(items.end(), ta->items.begin(), ta->items.end());
    items.insert(items.end(), tb->items.begin(), tb->items.end());
    return obj(new_tuple(ts, items));
  }
  return raise_fmt(ts, ts.interp.types.TypeError, "unsupported operand type(s) for +: '{}' and '{}'",
                   type_name(ts, a), type_name(ts, b));
}

Value seq_repeat(ThreadState& ts, Value seq, std::int64_t n) {
  const std::vector<Value>* src;
  Tuple* t = as_tuple(seq);
  List* l = as_list(seq);
  if (t != nullptr) {
    src = &t->items;
  } else if (l != nullptr) {
    src = &l->items;
  } else {
    return raise_fmt(ts, ts.interp.types.TypeError, "can't multiply sequence by non-int of type '{}'",
                     type_name(ts, seq));
  }
  std::size_t len = src->size();
  if (n < 0) n = 0;
  // CPython raises MemoryError past what it can allocate; gilvm has no
  // MemoryError type, so it refuses absurd sizes up front.
  if (len != 0 && static_cast<std::uint64_t>(n) > (std::uint64_t{1} << 32) / len)
    return raise(ts, ts.interp.types.OverflowError, "repeated sequence is too long");
  std::size_t total = len * static_cast<std::size_t>(n);
  if (t != nullptr) {
    if (total == 0) return obj(ts.interp.empty_tuple);
    if (n == 1) return seq;
    std::vector<Value> items;
    items.reserve(total);
    for (std::int64_t k = 0; k < n; ++k) items.insert(items.end(), src->begin(), src->end());
    return obj(new_tuple(ts, items));
  }
  List* out = new_list(ts, total);
  for (std::int64_t k = 0; k < n; ++k) out->items.insert(out->items.end(), src->begin(), src->end());
  return obj(out);
}

// ---------------------------------------------------------------------------
// Comparison and membership
// ---------------------------------------------------------------------------

int seq_compare(ThreadState& ts, front::CmpOp op, const std::vector<Value>& a,
                const std::vector<Value>& b, Value& result) {
  using front::CmpOp;
  if ((op == CmpOp::Eq || op == CmpOp::NotEq) && a.size() != b.size()) {
    result = Value::from_bool(op == CmpOp::NotEq);
    return 1;
  }
  // Search for the first index where items differ. Both sizes are re-read
  // each step: __eq__ may change either sequence.
  std::size_t i = 0;
  for (; i < a.size() && i < b.size(); ++i) {
    Value x = a[i], y = b[i];
    if (x.identical(y)) continue;
    TempRoot rx(ts, x), ry(ts, y);
    int eq = equals(ts, x, y);
    if (eq < 0) return -1;
    if (eq == 0) break;
  }
  if (i >= a.size() || i >= b.size()) {
    // No more items to compare: the lengths decide.
    std::size_t na = a.size(), nb = b.size();
    bool r = false;
    switch (op) {
      case CmpOp::Eq: r = na == nb; break;
      case CmpOp::NotEq: r = na != nb; break;
      case CmpOp::Lt: r = na < nb; break;
      case CmpOp::LtE: r = na <= nb; break;
      case CmpOp::Gt: r = na > nb; break;
      case CmpOp::GtE: r = na >= nb; break;
      default: break;
    }
    result = Value::from_bool(r);
    return 1;
  }
  if (op == CmpOp::Eq || op == CmpOp::NotEq) {
    result = Value::from_bool(op == CmpOp::NotEq);
    return 1;
  }
  Value x = a[i], y = b[i];
  TempRoot rx(ts, x), ry(ts, y);
  Value r = compare(ts, op, x, y);
  if (r.is_fail()) return -1;
  result = r;
  return 1;
}

int seq_contains(ThreadState& ts, const std::vector<Value>& items, Value needle) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value x = items[i];
    if (x.identical(needle)) return 1;
    TempRoot rx(ts, x);
    int eq = equals(ts, x, needle);
    if (eq != 0) return eq;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------

bool tuple_hash(ThreadState& ts, Tuple* t, std::int64_t& out) {
  if (t->hash_ != -1) {
    out = t->hash_;
    return true;
  }
  // CPython 3.11 tuplehash (Objects/tupleobject.c), the 64-bit xxHash
  // variant: per lane acc += lane * P2; acc = rotl(acc, 31); acc *= P1.
  constexpr std::uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr std::uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr std::uint64_t kPrime5 = 2870177450012600261ULL;
  std::uint64_t acc = kPrime5;
  // The hash is cached only when no element's hash could change later
  // (ints, strs, floats, bytes, nested cacheable tuples, frozensets):
  // CPython 3.11 recomputes every time, and a user __hash__ may vary.
  bool cacheable = true;
  std::size_t len = t->items.size();
  for (std::size_t i = 0; i < len; ++i) {
    Value item = t->items[i];
    std::int64_t h;
    if (!hash_value(ts, item, h)) return false;
    if (item.is_obj()) {
      Kind k = item.as_obj()->kind;
      if (k == Kind::Tuple) {
        cacheable = cacheable && static_cast<Tuple*>(item.as_obj())->hash_ != -1;
      } else if (k != Kind::Str && k != Kind::Bytes && k != Kind::BigInt && k != Kind::Set) {
        cacheable = false;
      }
    }
    auto lane = static_cast<std::uint64_t>(h);
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  // Add the length, mangled to keep the historical value of hash(()).
  acc += static_cast<std::uint64_t>(len) ^ (kPrime5 ^ 3527539ULL);
  auto h = static_cast<std::int64_t>(acc);
  if (h == -1) h = 1546275796;
  if (cacheable) t->hash_ = h;
  out = h;
  return true;
}

// ---------------------------------------------------------------------------
// Sorting
// ---------------------------------------------------------------------------

namespace {

// Stable merge sort of a permutation of indices into `keys`. `less` calls
// Python's `<` and may fail; after the first failure it answers false for
// everything, so the sort runs to its end quickly with the permutation
// intact.
class Sorter {
 public:
  Sorter(ThreadState& ts, List* keys) : ts_(ts), keys_(keys) {}

  void sort(std::vector<std::size_t>& perm) {
    tmp_.resize(perm.size());
    sort_range(perm, 0, perm.size());
  }
  bool failed() const { return failed_; }

 private:
  static constexpr std::size_t kInsertionRun = 16;

  bool less(std::size_t ia, std::size_t ib) {
    if (failed_) return false;
    Value a = keys_->items[ia], b = keys_->items[ib];
    if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
    if (a.is_float() && b.is_float()) return a.as_float() < b.as_float();
    Str* sa = as_str(a);
    Str* sb = as_str(b);
    if (sa != nullptr && sb != nullptr) return str_compare(sa, sb) < 0;
    Value r = compare(ts_, front::CmpOp::Lt, a, b);
    if (r.is_fail()) {
      failed_ = true;
      return false;
    }
    if (r.is_bool()) return r.as_bool();
    int t = truthy(ts_, r);
    if (t < 0) {
      failed_ = true;
      return false;
    }
    return t > 0;
  }

  void sort_range(std::vector<std::size_t>& p, std::size_t lo, std::size_t hi) {
    if (hi - lo <= kInsertionRun) {
      // Binary insertion sort, stable: insert after equal elements.
      for (std::size_t i = lo + 1; i < hi; ++i) {
        std::size_t x = p[i];
        std::size_t l = lo, h = i;
        while (l < h) {
          std::size_t m = l + (h - l) / 2;
          if (less(x, p[m])) {
            h = m;
          } else {
            l = m + 1;
          }
        }
        for (std::size_t j = i; j > l; --j) p[j] = p[j - 1];
        p[l] = x;
      }
      return;
    }
    std::size_t mid = lo + (hi - lo) / 2;
    sort_range(p, lo, mid);
    sort_range(p, mid, hi);
    if (!less(p[mid], p[mid - 1])) return;  // already in order
    std::size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
      // Take from the right run only when strictly less: stability.
      if (less(p[j], p[i])) {
        tmp_[k++] = p[j++];
      } else {
        tmp_[k++] = p[i++];
      }
    }
    while (i < mid) tmp_[k++] = p[i++];
    while (j < hi) tmp_[k++] = p[j++];
    std::copy(tmp_.begin() + static_cast<std::ptrdiff_t>(lo), tmp_.begin() + static_cast<std::ptrdiff_t>(hi),
              p.begin() + static_cast<std::ptrdiff_t>(lo));
  }

  ThreadState& ts_;
  List* keys_;
  std::vector<std::size_t> tmp_;
  bool failed_ = false;
};

}  // namespace

bool list_sort(ThreadState& ts, List* l, Value key, bool reverse) {
  // Take the items out: the list is empty while the sort runs (CPython
  // list_sort_impl), so Python code called by key or __lt__ sees [].
  List* saved = new_list(ts);
  TempRoot saved_root(ts, obj(saved));
  saved->items.swap(l->items);
  std::vector<Value>().swap(l->items);  // capacity 0: any append shows
  std::size_t n = saved->items.size();

  bool ok = true;
  List* keys = saved;
  List* keylist = nullptr;
  if (!key.is_null() && !key.is_none() && n > 0) {
    keylist = new_list(ts, n);
    keys = keylist;
  }
  TempRoot keys_root(ts, keylist != nullptr ? obj(keylist) : Value::none());
  if (keylist != nullptr) {
    for (std::size_t i = 0; i < n; ++i) {
      Value arg = saved->items[i];
      Value k = call(ts, key, std::span<const Value>(&arg, 1));
      if (k.is_fail()) {
        ok = false;
        break;
      }
      keylist->items.push_back(k);
    }
  }

  if (ok && n > 1) {
    // reverse=True keeps stability by reversing before and after the sort
    // (equal elements end up in their original order).
    std::vector<std::size_t> perm(n);
    for (std::size_t i = 0; i < n; ++i) perm[i] = reverse ? n - 1 - i : i;
    Sorter sorter(ts, keys);
    sorter.sort(perm);
    ok = !sorter.failed();
    if (reverse) std::reverse(perm.begin(), perm.end());
    std::vector<Value> sorted;
    sorted.reserve(n);
    for (std::size_t i : perm) sorted.push_back(saved->items[i]);
    saved->items.swap(sorted);
  }

  bool modified = l->items.capacity() != 0;
  l->items.swap(saved->items);
  if (ok && modified) {
    raise(ts, ts.interp.types.ValueError, "list modified during sort");
    ok = false;
  }
  return ok;
}

}  // namespace gilvm
