// Iteration and the sequence/mapping protocols (Python Language Reference
// §3.3.7 "Emulating container types"): iter()/next() for builtin
// containers as native Iterator objects, __iter__/__next__ and the
// __getitem__ fallback for classes, len(), and subscription.
#include "runtime/dict_ops.h"
#include "runtime/seq_ops.h"
#include "runtime/set_ops.h"
#include "runtime/str_ops.h"
#include "runtime/unicode.h"
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/ops.h"

namespace gilvm {

namespace {

Value list_iter_next(ThreadState&, Iterator* it) {
  List* l = static_cast<List*>(it->source.as_obj());
  if (it->pos < static_cast<std::int64_t>(l->items.size())) return l->items[static_cast<std::size_t>(it->pos++)];
  it->pos = INT64_MAX / 2;  // exhausted for good, even if the list grows
  return Value::null();
}

Value tuple_iter_next(ThreadState&, Iterator* it) {
  Tuple* t = static_cast<Tuple*>(it->source.as_obj());
  if (it->pos < static_cast<std::int64_t>(t->items.size())) return t->items[static_cast<std::size_t>(it->pos++)];
  return Value::null();
}

Value str_iter_next(ThreadState& ts, Iterator* it) {
  Str* s = static_cast<Str*>(it->source.as_obj());
  std::size_t pos = static_cast<std::size_t>(it->pos);
  if (pos >= s->s.size()) return Value::null();
  if (s->ascii) {
    it->pos++;
    return obj(ts.interp.intern(std::string_view(s->s).substr(pos, 1)));
  }
  std::size_t start = pos;
  (void)text::utf8_decode_at(s->s, pos);  // only advances pos past one character
  it->pos = static_cast<std::int64_t>(pos);
  return new_str(ts, s->s.substr(start, pos - start));
}

Value bytes_iter_next(ThreadState&, Iterator* it) {
  Bytes* b = static_cast<Bytes*>(it->source.as_obj());
  if (it->pos < static_cast<std::int64_t>(b->s.size()))
    return Value::from_int(static_cast<unsigned char>(b->s[static_cast<std::size_t>(it->pos++)]));
  return Value::null();
}

Value set_iter_next(ThreadState& ts, Iterator* it) {
  Set* s = static_cast<Set*>(it->source.as_obj());
  if (static_cast<std::int64_t>(s->used) != it->end) {
    it->end = -1;
    return raise(ts, ts.interp.types.RuntimeError, "Set changed size during iteration");
  }
  std::size_t pos = static_cast<std::size_t>(it->pos);
  SetEntry e;
  if (!set_next(s, pos, e)) return Value::null();
  it->pos = static_cast<std::int64_t>(pos);
  return e.key;
}

// iter(obj) for a class with __getitem__ but no __iter__.
Value seq_iter_next(ThreadState& ts, Iterator* it) {
  if (it->pos < 0) return Value::null();
  Value idx = Value::from_int(it->pos);
  Value v = get_item(ts, it->source, idx);
  if (v.is_fail()) {
    if (exception_matches(ts, ts.interp.types.IndexError) || exception_matches(ts, ts.interp.types.StopIteration)) {
      take_exception(ts);
      it->pos = -1;
      return Value::null();
    }
    return v;
  }
  it->pos++;
  return v;
}

Iterator* make_iter(ThreadState& ts, IterNextFn fn, Value src) {
  return ts.interp.heap.make<Iterator>(ts.interp.types.iterator, fn, src);
}

}  // namespace

Value ops::range_iter_next(ThreadState&, Iterator* it) {
  if (it->pos >= it->end) return Value::null();
  Range* r = static_cast<Range*>(it->source.as_obj());
  return Value::from_int(r->start + (it->pos++) * r->step);
}

Value get_iter(ThreadState& ts, Value v) {
  Interpreter& in = ts.interp;
  if (v.is_obj()) {
    Object* o = v.as_obj();
    switch (o->kind) {
      case Kind::List: return obj(make_iter(ts, list_iter_next, v));
      case Kind::Tuple: return obj(make_iter(ts, tuple_iter_next, v));
      case Kind::Str: return obj(make_iter(ts, str_iter_next, v));
      case Kind::Bytes: return obj(make_iter(ts, bytes_iter_next, v));
      case Kind::Range: {
        Iterator* it = make_iter(ts, ops::range_iter_next, v);
        it->end = static_cast<Range*>(o)->length;
        return obj(it);
      }
      case Kind::Dict: return dict_iter(ts, static_cast<Dict*>(o), 0);
      case Kind::Set: {
        Iterator* it = make_iter(ts, set_iter_next, v);
        it->end = static_cast<std::int64_t>(static_cast<Set*>(o)->used);
        return obj(it);
      }
      case Kind::Generator:
        if (static_cast<Generator*>(o)->is_coroutine) break;  // awaited, not iterated
        return v;
      case Kind::Iterator:
        if (is_dict_view(in, v)) return dict_view_iter(ts, v);
        return v;
      default: break;
    }
    Type* t = o->type;
    if (!t->builtin) {
      Value m = type_lookup(t, in.names.__iter__);
      if (!m.is_null() && !m.is_none()) {
        Value it = call(ts, m, std::span<const Value>(&v, 1));
        if (it.is_fail()) return it;
        Type* itt = type_of(ts, it);
        bool ok = (it.is_obj() && (it.as_obj()->kind == Kind::Iterator || it.as_obj()->kind == Kind::Generator)) ||
                  (!itt->builtin && !type_lookup(itt, in.names.__next__).is_null());
        if (!ok) return raise_fmt(ts, in.types.TypeError, "iter() returned non-iterator of type '{}'", itt->name->s);
        return it;
      }
      if (!type_lookup(t, in.names.__getitem__).is_null()) return obj(make_iter(ts, seq_iter_next, v));
    }
  }
  return raise_fmt(ts, in.types.TypeError, "'{}' object is not iterable", type_name(ts, v));
}

Value iter_next(ThreadState& ts, Value it) {
  Interpreter& in = ts.interp;
  if (it.is_obj()) {
    Object* o = it.as_obj();
    if (o->kind == Kind::Iterator) return static_cast<Iterator*>(o)->next(ts, static_cast<Iterator*>(o));
    if (o->kind == Kind::Generator) {
      bool done = false;
      Value r = gen_resume(ts, static_cast<Generator*>(o), Value::none(), Value::null(), &done);
      if (r.is_fail()) return r;
      return done ? Value::null() : r;
    }
    Type* t = o->type;
    if (!t->builtin) {
      Value m = type_lookup(t, in.names.__next__);
      if (!m.is_null()) {
        Value r = call(ts, m, std::span<const Value>(&it, 1));
        if (r.is_fail() && exception_matches(ts, in.types.StopIteration)) {
          take_exception(ts);
          return Value::null();
        }
        return r;
      }
    }
  }
  return raise_fmt(ts, in.types.TypeError, "'{}' object is not an iterator", type_name(ts, it));
}

bool collect(ThreadState& ts, Value iterable, std::vector<Value>& out) {
  if (List* l = as_list(iterable)) {
    out.insert(out.end(), l->items.begin(), l->items.end());
    return true;
  }
  if (Tuple* t = as_tuple(iterable)) {
    out.insert(out.end(), t->items.begin(), t->items.end());
    return true;
  }
  Value it = get_iter(ts, iterable);
  if (it.is_fail()) return false;
  TempRoot root(ts, it);
  // Collected items are rooted through a temporary list while iterating,
  // since the iterator may run Python code that collects garbage.
  List* keep = new_list(ts);
  TempRoot keep_root(ts, obj(keep));
  for (;;) {
    Value v = iter_next(ts, it);
    if (v.is_fail()) return false;
    if (v.is_null()) break;
    keep->items.push_back(v);
  }
  out.insert(out.end(), keep->items.begin(), keep->items.end());
  return true;
}

bool ops::extend_from_iterable(ThreadState& ts, Value iterable, std::vector<Value>& out) {
  Value it = get_iter(ts, iterable);
  if (it.is_fail()) {
    if (exception_matches(ts, ts.interp.types.TypeError)) {
      take_exception(ts);
      raise_fmt(ts, ts.interp.types.TypeError, "Value after * must be an iterable, not {}", type_name(ts, iterable));
    }
    return false;
  }
  return collect(ts, iterable, out);
}

bool ops::unpack_iterable(ThreadState& ts, Value iterable, std::size_t n, std::size_t min_extra,
                          std::vector<Value>& out) {
  Interpreter& in = ts.interp;
  bool exact = min_extra == SIZE_MAX;
  Value it = get_iter(ts, iterable);
  if (it.is_fail()) {
    if (exception_matches(ts, in.types.TypeError)) {
      take_exception(ts);
      raise_fmt(ts, in.types.TypeError, "cannot unpack non-iterable {} object", type_name(ts, iterable));
    }
    return false;
  }
  TempRoot root(ts, it);
  List* keep = new_list(ts);
  TempRoot keep_root(ts, obj(keep));
  for (;;) {
    if (exact && keep->items.size() == n) {
      Value extra = iter_next(ts, it);
      if (extra.is_fail()) return false;
      if (!extra.is_null()) {
        raise_fmt(ts, in.types.ValueError, "too many values to unpack (expected {})", n);
        return false;
      }
      break;
    }
    Value v = iter_next(ts, it);
    if (v.is_fail()) return false;
    if (v.is_null()) break;
    keep->items.push_back(v);
  }
  if (keep->items.size() < n) {
    if (exact)
      raise_fmt(ts, in.types.ValueError, "not enough values to unpack (expected {}, got {})", n, keep->items.size());
    else
      raise_fmt(ts, in.types.ValueError, "not enough values to unpack (expected at least {}, got {})", n,
                keep->items.size());
    return false;
  }
  out = keep->items;
  return true;
}

Value ops::build_string(ThreadState& ts, const Value* parts, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += as_str(parts[i])->s;
  return new_str(ts, std::move(s));
}

bool ops::list_extend(ThreadState& ts, List* list, Value iterable) {
  std::vector<Value> items;
  if (!extend_from_iterable(ts, iterable, items)) return false;
  list->items.insert(list->items.end(), items.begin(), items.end());
  return true;
}

bool ops::unpack_onto_stack(ThreadState& ts, Value* slot, std::size_t n, std::size_t after, bool starred) {
  Value seq = *slot;
  std::vector<Value> got;
  if (!starred) {
    const std::vector<Value>* items = nullptr;
    if (Tuple* t = as_tuple(seq))
      items = &t->items;
    else if (List* l = as_list(seq))
      items = &l->items;
    if (items != nullptr && items->size() == n) {
      got = *items;
    } else if (!unpack_iterable(ts, seq, n, SIZE_MAX, got)) {
      return false;
    }
    for (std::size_t i = 0; i < n; ++i) slot[i] = got[n - 1 - i];
    return true;
  }
  if (!unpack_iterable(ts, seq, n + after, 0, got)) return false;
  List* middle = new_list(ts);
  middle->items.assign(got.begin() + static_cast<std::ptrdiff_t>(n), got.end() - static_cast<std::ptrdiff_t>(after));
  Value* p = slot;
  for (std::size_t i = 0; i < after; ++i) *p++ = got[got.size() - 1 - i];
  *p++ = obj(middle);
  for (std::size_t i = 0; i < n; ++i) *p++ = got[n - 1 - i];
  return true;
}

Value ops::call_with_names(ThreadState& ts, Value callable, const Value* args, std::size_t npos, Tuple* names,
                           const Value* kwvalues) {
  std::vector<Str*> kw;
  for (Value v : names->items) kw.push_back(as_str(v));
  return call_object(ts, callable, args, npos, kw.data(), kwvalues, kw.size());
}

std::int64_t length(ThreadState& ts, Value v) {
  Interpreter& in = ts.interp;
  if (v.is_obj()) {
    Object* o = v.as_obj();
    switch (o->kind) {
      case Kind::Str: return static_cast<std::int64_t>(static_cast<Str*>(o)->length);
      case Kind::Bytes: return static_cast<std::int64_t>(static_cast<Bytes*>(o)->s.size());
      case Kind::List: return static_cast<std::int64_t>(static_cast<List*>(o)->items.size());
      case Kind::Tuple: return static_cast<std::int64_t>(static_cast<Tuple*>(o)->items.size());
      case Kind::Dict: return static_cast<std::int64_t>(static_cast<Dict*>(o)->used);
      case Kind::Set: return static_cast<std::int64_t>(static_cast<Set*>(o)->used);
      case Kind::Range: return static_cast<Range*>(o)->length;
      case Kind::Iterator:
        if (is_dict_view(in, v)) return dict_view_len(ts, v);
        break;
      default: break;
    }
    Type* t = o->type;
    if (!t->builtin) {
      Value m = type_lookup(t, in.names.__len__);
      if (!m.is_null()) {
        Value r = call(ts, m, std::span<const Value>(&v, 1));
        if (r.is_fail()) return -1;
        if (!is_int_like(r)) {
          raise_fmt(ts, in.types.TypeError, "'{}' object cannot be interpreted as an integer", type_name(ts, r));
          return -1;
        }
        if (!(r.is_int() || r.is_bool())) {
          raise(ts, in.types.OverflowError, "cannot fit 'int' into an index-sized integer");
          return -1;
        }
        if (r.as_int() < 0) {
          raise(ts, in.types.ValueError, "__len__() should return >= 0");
          return -1;
        }
        return r.as_int();
      }
    }
  }
  raise_fmt(ts, in.types.TypeError, "object of type '{}' has no len()", type_name(ts, v));
  return -1;
}

Value get_item(ThreadState& ts, Value o, Value key) {
  Interpreter& in = ts.interp;
  if (o.is_obj()) {
    Object* ob = o.as_obj();
    switch (ob->kind) {
      case Kind::List: return list_getitem(ts, static_cast<List*>(ob), key);
      case Kind::Tuple: return tuple_getitem(ts, static_cast<Tuple*>(ob), key);
      case Kind::Str: return str_getitem(ts, static_cast<Str*>(ob), key);
      case Kind::Bytes: return bytes_getitem(ts, static_cast<Bytes*>(ob), key);
      case Kind::Dict: {
        Value v = dict_get(ts, static_cast<Dict*>(ob), key);
        if (v.is_fail()) return v;
        if (v.is_null()) {
          Value e = new_exception(ts, in.types.KeyError, std::span<const Value>(&key, 1));
          return raise(ts, e);
        }
        return v;
      }
      case Kind::Range: {
        Range* r = static_cast<Range*>(ob);
        if (key.is_obj() && key.as_obj()->kind == Kind::Slice) {
          std::int64_t start, stop, step, count;
          if (slice_indices(ts, key, r->length, start, stop, step, count).is_fail()) return Value::fail();
          // The stop maps through the range too (not start + count*step),
          // so range(1, 10, 2)[::2] is range(1, 11, 4) as CPython's
          // compute_slice gives.
          return obj(in.heap.make<Range>(in.types.range, r->start + start * r->step, r->start + stop * r->step,
                                         r->step * step));
        }
        auto i = to_index(ts, key);
        if (!i) {
          if (exception_matches(ts, in.types.TypeError)) {
            take_exception(ts);
            return raise_fmt(ts, in.types.TypeError, "range indices must be integers or slices, not {}",
                             type_name(ts, key));
          }
          return Value::fail();
        }
        std::int64_t idx = *i < 0 ? *i + r->length : *i;
        if (idx < 0 || idx >= r->length) return raise(ts, in.types.IndexError, "range object index out of range");
        return Value::from_int(r->start + idx * r->step);
      }
      case Kind::Type: {
        Type* t = static_cast<Type*>(ob);
        // A metaclass's __getitem__ first, then __class_getitem__ (an
        // implicit classmethod: called with the class).
        if (Type* mt = t->type; !mt->builtin) {
          Value m = type_lookup(mt, in.names.__getitem__);
          if (!m.is_null()) {
            Value args[2] = {o, key};
            return call(ts, m, args);
          }
        }
        if (!t->builtin) {
          Value m = type_lookup(t, ts.interp.intern("__class_getitem__"));
          if (m.is_obj() && m.as_obj()->kind == Kind::ClassMethod) {
            Value args[2] = {o, key};
            return call(ts, static_cast<Wrapper*>(m.as_obj())->func, args);
          }
          if (!m.is_null()) return call(ts, m, std::span<const Value>(&key, 1));
        }
        return raise_fmt(ts, in.types.TypeError, "type '{}' is not subscriptable (generic aliases are not supported by gilvm)",
                         t->name->s);
      }
      default: break;
    }
    Type* t = ob->type;
    if (!t->builtin) {
      Value m = type_lookup(t, in.names.__getitem__);
      if (!m.is_null()) {
        Value args[2] = {o, key};
        return call(ts, m, args);
      }
    }
  }
  return raise_fmt(ts, in.types.TypeError, "'{}' object is not subscriptable", type_name(ts, o));
}

bool set_item(ThreadState& ts, Value o, Value key, Value value) {
  Interpreter& in = ts.interp;
  if (List* l = as_list(o)) return list_setitem(ts, l, key, value);
  if (Dict* d = as_dict(o)) return dict_set(ts, d, key, value);
  Type* t = type_of(ts, o);
  if (!t->builtin) {
    Value m = type_lookup(t, in.names.__setitem__);
    if (!m.is_null()) {
      Value args[3] = {o, key, value};
      return !call(ts, m, args).is_fail();
    }
  }
  raise_fmt(ts, in.types.TypeError, "'{}' object does not support item assignment", t->name->s);
  return false;
}

bool del_item(ThreadState& ts, Value o, Value key) {
  Interpreter& in = ts.interp;
  if (List* l = as_list(o)) return list_delitem(ts, l, key);
  if (Dict* d = as_dict(o)) {
    int r = dict_del(ts, d, key);
    if (r < 0) return false;
    if (r == 0) {
      Value e = new_exception(ts, in.types.KeyError, std::span<const Value>(&key, 1));
      raise(ts, e);
      return false;
    }
    return true;
  }
  Type* t = type_of(ts, o);
  if (!t->builtin) {
    Value m = type_lookup(t, in.names.__delitem__);
    if (!m.is_null()) {
      Value args[2] = {o, key};
      return !call(ts, m, args).is_fail();
    }
  }
  raise_fmt(ts, in.types.TypeError, "'{}' object doesn't support item deletion", t->name->s);
  return false;
}

}  // namespace gilvm
