// runtime/builtins.cpp — the builtins module's functions (print, len, min,
// sorted, enumerate, ...) and the iterator types behind enumerate, zip, map,
// filter and reversed.
//
// Design. Every builtin is a NativeFn registered from one table (kBuiltins)
// by init_builtins; the builtin *types* (int, list, ValueError, ...) are put
// in the builtins dict by the Interpreter constructor, and init_builtins only
// adds what is missing. enumerate, zip, map, filter and reversed are builtin
// types whose ctor makes an Iterator (vm/object.h) with its own `next`
// function, so `for i, x in enumerate(xs)` never allocates a frame and repr()
// says <enumerate object at 0x...>. An Iterator's fields are used as:
//            source               extra            pos / end
//   enumerate inner iterator      next count       -
//   zip       tuple of iterators  -                strict flag / exhausted
//   map       tuple of iterators  the function     -
//   filter    inner iterator      the function     -
//   reversed  the sequence        -                next index (-1: done)
//   iter(f,s) the callable        the sentinel     -
//
// Semantics follow the Library Reference "Built-in Functions" and messages
// are CPython 3.11's, checked against python3. Natives that hold a fresh
// object while they call back into Python root it with TempRoot (vm/heap.h).
// print() writes a File (runtime/file.h) straight into its buffer in one
// file_write call; any other file object gets CPython's sequence of write()
// calls.

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "front/utf8.h"
#include "runtime/file.h"
#include "runtime/init.h"
#include "runtime/number_ops.h"
#include "runtime/numfmt.h"
#include "runtime/seq_ops.h"
#include "runtime/unicode.h"
#include "vm/api.h"
#include "vm/iterate.h"
#include "vm/eval.h"
#include "vm/import.h"

namespace gilvm {

namespace {

using front::BinOp;
using front::CmpOp;

// ---------------------------------------------------------------------------
// Argument checking with CPython's three message styles
// ---------------------------------------------------------------------------

bool no_keywords(ThreadState& ts, const Args& a, const char* name) {
  if (a.nkw == 0) return true;
  raise_fmt(ts, ts.interp.types.TypeError, "{}() takes no keyword arguments", name);
  return false;
}

// METH_O functions: "len() takes exactly one argument (0 given)".
bool exactly_one(ThreadState& ts, const Args& a, const char* name) {
  if (!no_keywords(ts, a, name)) return false;
  if (a.size() == 1) return true;
  raise_fmt(ts, ts.interp.types.TypeError, "{}() takes exactly one argument ({} given)", name,
            a.size());
  return false;
}

// _PyArg_CheckPositional: "max expected at least 1 argument, got 0".
bool positional(ThreadState& ts, const Args& a, const char* name, std::size_t min,
                std::size_t max) {
  std::size_t n = a.size();
  if (n < min) {
    raise_fmt(ts, ts.interp.types.TypeError, "{} expected {}{} argument{}, got {}", name,
              min == max ? "" : "at least ", min, min == 1 ? "" : "s", n);
    return false;
  }
  if (n > max) {
    raise_fmt(ts, ts.interp.types.TypeError, "{} expected {}{} argument{}, got {}", name,
              min == max ? "" : "at most ", max, max == 1 ? "" : "s", n);
    return false;
  }
  return true;
}

bool is_none_or_null(Value v) { return v.is_null() || v.is_none(); }

// Calls a dunder found on the type (unbound) with the receiver first.
Value call_dunder(ThreadState& ts, Value fn, Value self, std::initializer_list<Value> rest = {}) {
  Value args[4];
  std::size_t n = 0;
  args[n++] = self;
  for (Value v : rest) args[n++] = v;
  return call(ts, fn, std::span<const Value>(args, n));
}

Value raise_stop_iteration(ThreadState& ts) {
  Value exc = new_exception(ts, ts.interp.types.StopIteration, {});
  if (exc.is_fail()) return exc;
  return raise(ts, exc);
}

// ---------------------------------------------------------------------------
// print, input
// ---------------------------------------------------------------------------

Value b_print(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  Value sep = Value::null(), end = Value::null(), file = Value::null(), flush = Value::null();
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::string_view kw = a.kwnames[k]->s;
    if (kw == "sep") sep = a.kwvalues[k];
    else if (kw == "end") end = a.kwvalues[k];
    else if (kw == "file") file = a.kwvalues[k];
    else if (kw == "flush") flush = a.kwvalues[k];
    else return raise_invalid_keyword(ts, kw, "print");
  }
  if (!is_none_or_null(sep) && as_str(sep) == nullptr)
    return raise_fmt(ts, T.TypeError, "sep must be None or a string, not {}", type_name(ts, sep));
  if (!is_none_or_null(end) && as_str(end) == nullptr)
    return raise_fmt(ts, T.TypeError, "end must be None or a string, not {}", type_name(ts, end));
  if (is_none_or_null(file)) {
    file = sys_stream(ts, "stdout");
    if (file.is_fail()) return file;
    if (file.is_none()) return Value::none();  // sys.stdout = None: print does nothing
  }
  std::string_view sep_s = is_none_or_null(sep) ? std::string_view(" ") : std::string_view(as_str(sep)->s);
  std::string_view end_s = is_none_or_null(end) ? std::string_view("\n") : std::string_view(as_str(end)->s);

  if (File* f = as_file(file)) {
    // The fast path: one string, one buffered write.
    if (f->binary)
      return raise(ts, T.TypeError, "a bytes-like object is required, not 'str'");
    std::string text;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i > 0) text += sep_s;
      if (Str* s = as_str(a[i])) {
        text += s->s;
      } else {
        auto piece = str_string(ts, a[i]);
        if (!piece) return Value::fail();
        text += *piece;
      }
    }
    text += end_s;
    if (!file_write(ts, f, text)) return Value::fail();
    if (!is_none_or_null(flush)) {
      int t = truthy(ts, flush);
      if (t < 0) return Value::fail();
      if (t == 1 && !file_flush(ts, f)) return Value::fail();
    }
    return Value::none();
  }

  // Any object with write(): one call per piece, as CPython makes them.
  TempRoot froot(ts, file);
  Value write = get_attr(ts, file, ts.interp.names.write);
  if (write.is_fail()) return write;
  TempRoot wroot(ts, write);
  auto emit = [&](Value s) -> bool {
    TempRoot r(ts, s);
    return !call(ts, write, std::span<const Value>(&s, 1)).is_fail();
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i > 0) {
      Value s = is_none_or_null(sep) ? new_str(ts, " ") : sep;
      if (!emit(s)) return Value::fail();
    }
    Str* s = str(ts, a[i]);
    if (s == nullptr || !emit(obj(s))) return Value::fail();
  }
  Value e = is_none_or_null(end) ? new_str(ts, "\n") : end;
  if (!emit(e)) return Value::fail();
  if (!is_none_or_null(flush)) {
    int t = truthy(ts, flush);
    if (t < 0) return Value::fail();
    if (t == 1 && call_method(ts, file, ts.interp.names.flush, {}).is_fail()) return Value::fail();
  }
  return Value::none();
}

Value b_input(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  if (!no_keywords(ts, a, "input") || !positional(ts, a, "input", 0, 1)) return Value::fail();
  Value in = sys_stream(ts, "stdin");
  if (in.is_fail()) return in;
  if (in.is_none()) return raise(ts, T.RuntimeError, "input(): lost sys.stdin");
  TempRoot inroot(ts, in);
  Value out = sys_stream(ts, "stdout");
  if (out.is_fail()) return out;
  if (out.is_none()) return raise(ts, T.RuntimeError, "input(): lost sys.stdout");
  TempRoot outroot(ts, out);
  Value err = sys_stream(ts, "stderr");
  if (err.is_fail()) return err;
  if (File* ef = as_file(err)) {
    if (!ef->closed && !file_flush(ts, ef)) return Value::fail();
  }
  if (a.size() == 1 && !a[0].is_none()) {
    Str* prompt = str(ts, a[0]);
    if (prompt == nullptr) return Value::fail();
    if (File* of = as_file(out)) {
      if (!file_write(ts, of, prompt->s) || !file_flush(ts, of)) return Value::fail();
    } else {
      Value p = obj(prompt);
      TempRoot proot(ts, p);
      if (call_method(ts, out, ts.interp.names.write, std::span<const Value>(&p, 1)).is_fail())
        return Value::fail();
      if (call_method(ts, out, ts.interp.names.flush, {}).is_fail()) return Value::fail();
    }
  } else if (File* of = as_file(out)) {
    if (!of->closed && !file_flush(ts, of)) return Value::fail();
  }
  std::string line;
  if (File* inf = as_file(in)) {
    if (inf->closed) return raise(ts, T.ValueError, "I/O operation on closed file.");
    if (!file_readline(ts, inf, -1, line)) return Value::fail();
  } else {
    Value r = call_method(ts, in, ts.interp.names.readline, {});
    if (r.is_fail()) return r;
    Str* s = as_str(r);
    if (s == nullptr) return raise(ts, T.TypeError, "object.readline() returned non-string");
    line = s->s;
  }
  if (line.empty()) return raise(ts, T.EOFError, "EOF when reading a line");
  if (line.back() == '\n') line.pop_back();
  return new_str(ts, std::move(line));
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

Value b_abs(ThreadState& ts, Value self, const Args& a) {
  Value v = a[0];
  if (v.is_int()) {
    std::int64_t i = v.as_int();
    if (i == std::numeric_limits<std::int64_t>::min()) return new_int(ts, BigInt(i).abs());
    return Value::from_int(i < 0 ? -i : i);
  }
  if (v.is_bool()) return Value::from_int(v.as_bool() ? 1 : 0);
  if (v.is_float()) return Value::from_float(std::fabs(v.as_float()));
  if (BigIntObj* b = as_bigint(v)) return new_int(ts, b->v.abs());
  Value m = type_lookup(type_of(ts, v), ts.interp.names.__abs__);
  if (!m.is_null()) return call_dunder(ts, m, v);
  return raise_fmt(ts, ts.interp.types.TypeError, "bad operand type for abs(): '{}'",
                   type_name(ts, v));
}

Value b_round(ThreadState& ts, Value self, const Args& a) {
  const Value* p = a.pos;  // number, ndigits
  Value x = p[0];
  bool has_nd = !is_none_or_null(p[1]);
  if (x.is_float()) return float_round(ts, x.as_float(), has_nd ? p[1] : Value::null());
  if (is_int_like(x)) return int_round(ts, x, has_nd ? p[1] : Value::null());
  Value m = type_lookup(type_of(ts, x), ts.interp.names.__round__);
  if (m.is_null())
    return raise_fmt(ts, ts.interp.types.TypeError, "type {} doesn't define __round__ method",
                     type_name(ts, x));
  if (!has_nd) return call_dunder(ts, m, x);
  return call_dunder(ts, m, x, {p[1]});
}

bool is_number(Value v) { return v.is_float() || is_int_like(v); }

Value b_divmod(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  Value x = a[0], y = a[1];
  if (is_number(x) && is_number(y)) {
    if (x.is_float() || y.is_float()) {
      auto dx = to_double(ts, x);
      if (!dx) return Value::fail();
      auto dy = to_double(ts, y);
      if (!dy) return Value::fail();
      if (*dy == 0.0) return raise(ts, T.ZeroDivisionError, "float divmod()");
      double q, r;
      text::py_divmod(*dx, *dy, q, r);
      return obj(new_tuple(ts, {Value::from_float(q), Value::from_float(r)}));
    }
    Value q = binary_op(ts, BinOp::FloorDiv, x, y);
    if (q.is_fail()) return q;
    TempRoot qr(ts, q);
    Value r = binary_op(ts, BinOp::Mod, x, y);
    if (r.is_fail()) return r;
    return obj(new_tuple(ts, {q, r}));
  }
  // User classes: __divmod__, then the reflected __rdivmod__.
  Value m = type_lookup(type_of(ts, x), ts.interp.intern("__divmod__"));
  if (!m.is_null()) {
    Value r = call_dunder(ts, m, x, {y});
    if (r.is_fail() || !r.identical(ts.interp.not_implemented)) return r;
  }
  Value rm = type_lookup(type_of(ts, y), ts.interp.intern("__rdivmod__"));
  if (!rm.is_null()) {
    Value r = call_dunder(ts, rm, y, {x});
    if (r.is_fail() || !r.identical(ts.interp.not_implemented)) return r;
  }
  return raise_fmt(ts, T.TypeError, "unsupported operand type(s) for divmod(): '{}' and '{}'",
                   type_name(ts, x), type_name(ts, y));
}

Value b_pow(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  const Value* p = a.pos;  // base, exp, mod
  if (is_none_or_null(p[2])) return binary_op(ts, BinOp::Pow, p[0], p[1]);
  if (!is_int_like(p[0]) || !is_int_like(p[1]) || !is_int_like(p[2])) {
    if (is_number(p[0]) && is_number(p[1]) && is_number(p[2]))
      return raise(ts, T.TypeError,
                   "pow() 3rd argument not allowed unless all arguments are integers");
    Value m = type_lookup(type_of(ts, p[0]), ts.interp.intern("__pow__"));
    if (!m.is_null()) {
      Value r = call_dunder(ts, m, p[0], {p[1], p[2]});
      if (r.is_fail() || !r.identical(ts.interp.not_implemented)) return r;
    }
    return raise_fmt(ts, T.TypeError,
                     "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                     type_name(ts, p[0]), type_name(ts, p[1]), type_name(ts, p[2]));
  }
  return int_pow(ts, p[0], p[1], p[2]);
}

// hex() / oct() / bin(): the int value of v, as __index__ gives it.
bool index_bigint(ThreadState& ts, Value v, BigInt& out) {
  if (is_int_like(v)) {
    out = to_bigint(v);
    return true;
  }
  Value m = type_lookup(type_of(ts, v), ts.interp.names.__index__);
  if (!m.is_null()) {
    Value r = call_dunder(ts, m, v);
    if (r.is_fail()) return false;
    if (!is_int_like(r) || r.is_bool()) {
      if (is_int_like(r)) {
        out = to_bigint(r);
        return true;
      }
      raise_fmt(ts, ts.interp.types.TypeError, "__index__ returned non-int (type {})",
                type_name(ts, r));
      return false;
    }
    out = to_bigint(r);
    return true;
  }
  raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer",
            type_name(ts, v));
  return false;
}

Value radix_string(ThreadState& ts, const Args& a, const char* name, int base, const char* prefix) {
  if (!exactly_one(ts, a, name)) return Value::fail();
  BigInt n;
  if (!index_bigint(ts, a[0], n)) return Value::fail();
  std::string digits = n.abs().to_string(base);
  return new_str(ts, (n.is_negative() ? "-" : "") + std::string(prefix) + digits);
}

Value b_hex(ThreadState& ts, Value self, const Args& a) { return radix_string(ts, a, "hex", 16, "0x"); }
Value b_oct(ThreadState& ts, Value self, const Args& a) { return radix_string(ts, a, "oct", 8, "0o"); }
Value b_bin(ThreadState& ts, Value self, const Args& a) { return radix_string(ts, a, "bin", 2, "0b"); }

// ---------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------

Value b_chr(ThreadState& ts, Value self, const Args& a) {
  if (!is_int_like(a[0]) && type_lookup(type_of(ts, a[0]), ts.interp.names.__index__).is_null())
    return raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer",
                     type_name(ts, a[0]));
  auto n = to_index(ts, a[0]);
  if (!n) {
    if (!exception_matches(ts, ts.interp.types.OverflowError)) return Value::fail();
    take_exception(ts);
    return raise(ts, ts.interp.types.OverflowError, "signed integer is greater than maximum");
  }
  if (*n < 0 || *n > 0x10FFFF)
    return raise(ts, ts.interp.types.ValueError, "chr() arg not in range(0x110000)");
  // utf8::encode keeps lone surrogates (WTF-8, see runtime/unicode.h).
  std::string s = utf8::encode(static_cast<char32_t>(*n));
  return new_str(ts, std::move(s));
}

Value b_ord(ThreadState& ts, Value self, const Args& a) {
  if (Str* s = as_str(a[0])) {
    if (s->length != 1)
      return raise_fmt(ts, ts.interp.types.TypeError,
                       "ord() expected a character, but string of length {} found", s->length);
    std::size_t pos = 0;
    return Value::from_int(static_cast<std::int64_t>(text::utf8_decode_at(s->s, pos)));
  }
  if (Bytes* b = as_bytes(a[0])) {
    if (b->s.size() != 1)
      return raise_fmt(ts, ts.interp.types.TypeError,
                       "ord() expected a character, but string of length {} found", b->s.size());
    return Value::from_int(static_cast<unsigned char>(b->s[0]));
  }
  return raise_fmt(ts, ts.interp.types.TypeError,
                   "ord() expected string of length 1, but {} found", type_name(ts, a[0]));
}

Value b_repr(ThreadState& ts, Value self, const Args& a) {
  Str* s = repr(ts, a[0]);
  return s == nullptr ? Value::fail() : obj(s);
}

Value b_ascii(ThreadState& ts, Value self, const Args& a) {
  auto s = ascii_string(ts, a[0]);
  return s ? new_str(ts, std::move(*s)) : Value::fail();
}

Value b_format(ThreadState& ts, Value self, const Args& a) {
  const Value* p = a.pos;  // value, format_spec
  std::string_view spec;
  if (!p[1].is_null()) {
    Str* s = as_str(p[1]);
    if (s == nullptr)
      return raise_fmt(ts, ts.interp.types.TypeError, "format() argument 2 must be str, not {}",
                       type_name(ts, p[1]));
    spec = s->s;
  }
  return format_value(ts, p[0], spec);
}

// ---------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------

Value b_len(ThreadState& ts, Value self, const Args& a) {
  std::int64_t n = length(ts, a[0]);
  if (n < 0) return Value::fail();
  return Value::from_int(n);
}

Value b_id(ThreadState& ts, Value self, const Args& a) {
  Value v = a[0];
  if (v.is_obj()) return Value::from_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.as_obj())));
  // Inline values: a bijection of the payload bits mixed with the tag, kept
  // above every heap address so it never equals an object's id.
  std::uint64_t h = static_cast<std::uint64_t>(v.bits()) * 0x9E3779B97F4A7C15ull;
  h ^= static_cast<std::uint64_t>(v.tag()) << 56;
  h = (h & ((1ull << 61) - 1)) | (1ull << 61);
  return Value::from_int(static_cast<std::int64_t>(h));
}

Value b_hash(ThreadState& ts, Value self, const Args& a) {
  std::int64_t h;
  if (!hash_value(ts, a[0], h)) return Value::fail();
  return Value::from_int(h);
}

Value b_callable(ThreadState& ts, Value self, const Args& a) {
  return Value::from_bool(is_callable(ts, a[0]));
}

// isinstance / issubclass over a type or a (nested) tuple of types:
// 1, 0, or -1 with TypeError raised (`bad_arg` message).
int check_class(ThreadState& ts, Value cls_or_obj, Value info, bool instance, const char* bad_arg) {
  if (Type* t = as_type(info)) {
    // A metaclass's __instancecheck__/__subclasscheck__ decides (after the
    // exact-type shortcut CPython takes for isinstance).
    if (instance && type_of(ts, cls_or_obj) == t) return 1;
    if (Type* mt = t->type; !mt->builtin) {
      Value hook = type_lookup(mt, ts.interp.intern(instance ? "__instancecheck__" : "__subclasscheck__"));
      if (!hook.is_null() && !(hook.is_obj() && hook.as_obj()->kind == Kind::Native)) {
        Value args[2] = {info, cls_or_obj};
        Value r = call(ts, hook, args);
        if (r.is_fail()) return -1;
        return truthy(ts, r);
      }
    }
    if (instance) return isinstance(ts, cls_or_obj, t) ? 1 : 0;
    return is_subtype(as_type(cls_or_obj), t) ? 1 : 0;
  }
  if (Tuple* tup = as_tuple(info)) {
    for (std::size_t i = 0; i < tup->items.size(); ++i) {
      int r = check_class(ts, cls_or_obj, tup->items[i], instance, bad_arg);
      if (r != 0) return r;
    }
    return 0;
  }
  raise(ts, ts.interp.types.TypeError, bad_arg);
  return -1;
}

Value b_isinstance(ThreadState& ts, Value self, const Args& a) {
  int r = check_class(ts, a[0], a[1], true,
                      "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return r < 0 ? Value::fail() : Value::from_bool(r == 1);
}

Value b_issubclass(ThreadState& ts, Value self, const Args& a) {
  if (as_type(a[0]) == nullptr)
    return raise(ts, ts.interp.types.TypeError, "issubclass() arg 1 must be a class");
  int r = check_class(ts, a[0], a[1], false,
                      "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return r < 0 ? Value::fail() : Value::from_bool(r == 1);
}

Str* attr_name(ThreadState& ts, Value v) {
  Str* s = as_str(v);
  if (s == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "attribute name must be string, not '{}'",
              type_name(ts, v));
  return s;
}

// hasattr and getattr with a default do the whole lookup (properties,
// __getattr__) and take an AttributeError from it, and only that, as
// "absent": Null. Other exceptions propagate.
Value attr_or_null(ThreadState& ts, Value o, Str* name) {
  Value v = get_attr(ts, o, name);
  if (v.is_fail() && exception_matches(ts, ts.interp.types.AttributeError)) {
    take_exception(ts);
    return Value::null();
  }
  return v;
}

Value b_hasattr(ThreadState& ts, Value self, const Args& a) {
  Str* name = attr_name(ts, a[1]);
  if (name == nullptr) return Value::fail();
  Value v = attr_or_null(ts, a[0], name);
  if (v.is_fail()) return v;
  return Value::from_bool(!v.is_null());
}

Value b_getattr(ThreadState& ts, Value self, const Args& a) {
  if (!no_keywords(ts, a, "getattr") || !positional(ts, a, "getattr", 2, 3)) return Value::fail();
  Str* name = attr_name(ts, a[1]);
  if (name == nullptr) return Value::fail();
  if (a.size() == 2) return get_attr(ts, a[0], name);
  Value v = attr_or_null(ts, a[0], name);
  if (v.is_fail()) return v;
  return v.is_null() ? a[2] : v;
}

Value b_setattr(ThreadState& ts, Value self, const Args& a) {
  Str* name = attr_name(ts, a[1]);
  if (name == nullptr) return Value::fail();
  return set_attr(ts, a[0], name, a[2]) ? Value::none() : Value::fail();
}

Value b_delattr(ThreadState& ts, Value self, const Args& a) {
  Str* name = attr_name(ts, a[1]);
  if (name == nullptr) return Value::fail();
  return del_attr(ts, a[0], name) ? Value::none() : Value::fail();
}

}  // namespace

Value frame_locals_of(ThreadState& ts, const Frame* f) {
  if (f == nullptr) return obj(new_dict(ts));
  if (f->locals != nullptr) return obj(f->locals);
  Dict* d = new_dict(ts);
  CodeObject* code = f->code;
  for (int i = 0; i < code->nlocals && i < static_cast<int>(code->varnames.size()); ++i) {
    Value v = f->base[i];
    if (!v.is_null()) dict_set_str(ts.interp, d, code->varnames[i], v);
  }
  std::size_t ncell = code->cellvars.size();
  for (int i = 0; i < code->ncells(); ++i) {
    Value c = f->base[code->nlocals + i];
    Cell* cell = as_kind<Cell, Kind::Cell>(c);
    if (cell == nullptr || cell->value.is_null()) continue;
    Str* name = static_cast<std::size_t>(i) < ncell ? code->cellvars[i] : code->freevars[i - ncell];
    dict_set_str(ts.interp, d, name, cell->value);
  }
  return obj(d);
}

namespace {

// locals() of the calling frame.
Value frame_locals(ThreadState& ts) { return frame_locals_of(ts, ts.frame); }

Value b_globals(ThreadState& ts, Value self, const Args& a) {
  if (ts.frame == nullptr || ts.frame->globals == nullptr) return obj(new_dict(ts));
  return obj(ts.frame->globals);
}

Value b_locals(ThreadState& ts, Value self, const Args& a) {
  return frame_locals(ts);
}

Value b_vars(ThreadState& ts, Value self, const Args& a) {
  if (!no_keywords(ts, a, "vars") || !positional(ts, a, "vars", 0, 1)) return Value::fail();
  if (a.size() == 0) return frame_locals(ts);
  Value v = a[0];
  if (Module* m = as_module(v)) return obj(m->dict);
  if (Type* t = as_type(v)) return obj(t->dict);
  Value d = lookup_attr(ts, v, ts.interp.names.__dict__);
  if (d.is_fail()) return d;
  if (d.is_null())
    return raise(ts, ts.interp.types.TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

void add_dict_names(Dict* d, std::vector<std::string>& names) {
  if (d == nullptr) return;
  dict_for_each(d, [&](Value k, Value) {
    if (Str* s = as_str(k)) names.push_back(s->s);
  });
}

Value sorted_name_list(ThreadState& ts, std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  List* l = new_list(ts, names.size());
  TempRoot root(ts, obj(l));
  for (auto& n : names) l->items.push_back(obj(new_str_obj(ts.interp, n)));
  return obj(l);
}

Value b_dir(ThreadState& ts, Value self, const Args& a) {
  if (!no_keywords(ts, a, "dir") || !positional(ts, a, "dir", 0, 1)) return Value::fail();
  std::vector<std::string> names;
  if (a.size() == 0) {
    Value loc = frame_locals(ts);
    add_dict_names(as_dict(loc), names);
    return sorted_name_list(ts, names);
  }
  Value v = a[0];
  Type* t = type_of(ts, v);
  // A __dir__ defined by a user class wins (the result is sorted, as
  // CPython sorts what __dir__ returns).
  if (!t->builtin) {
    Value m = type_lookup(t, ts.interp.intern("__dir__"));
    if (!m.is_null() && m.is_obj() && m.as_obj()->kind == Kind::Function) {
      Value r = call_dunder(ts, m, v);
      if (r.is_fail()) return r;
      TempRoot rr(ts, r);
      List* l = new_list(ts);
      TempRoot lr(ts, obj(l));
      if (!seq_extend(ts, l, r)) return Value::fail();
      if (!list_sort(ts, l, Value::null(), false)) return Value::fail();
      return obj(l);
    }
  }
  if (Module* m = as_module(v)) {
    add_dict_names(m->dict, names);
  } else if (Type* cls = as_type(v)) {
    for (Type* c : cls->mro) add_dict_names(c->dict, names);
  } else {
    if (v.is_obj() && (v.as_obj()->kind == Kind::Instance || v.as_obj()->kind == Kind::Exception))
      add_dict_names(static_cast<Instance*>(v.as_obj())->dict, names);
    else if (Function* fn = as_function(v))
      add_dict_names(fn->dict, names);
    for (Type* c : t->mro) add_dict_names(c->dict, names);
    names.push_back("__class__");
  }
  return sorted_name_list(ts, names);
}

Value b_import(ThreadState& ts, Value self, const Args& a) {
  const Value* p = a.pos;  // name, globals, locals, fromlist, level
  Str* name = as_str(p[0]);
  if (name == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "__import__() argument 1 must be str, not {}",
                     type_name(ts, p[0]));
  std::int64_t level = 0;
  if (!p[4].is_null()) {
    auto l = to_index(ts, p[4]);
    if (!l) return Value::fail();
    level = *l;
  }
  Dict* globals = as_dict(p[1]);
  if (globals == nullptr && ts.frame != nullptr) globals = ts.frame->globals;
  Value fromlist = is_none_or_null(p[3]) ? Value::none() : p[3];
  return import_name(ts, name, fromlist, static_cast<int>(level), globals);
}

Value b_exit(ThreadState& ts, Value self, const Args& a) {
  if (!no_keywords(ts, a, "exit") || !positional(ts, a, "exit", 0, 1)) return Value::fail();
  Value exc = new_exception(ts, ts.interp.types.SystemExit,
                            std::span<const Value>(a.pos, a.size()));
  if (exc.is_fail()) return exc;
  return raise(ts, exc);
}

// ---------------------------------------------------------------------------
// Reductions over iterables
// ---------------------------------------------------------------------------

Value b_any_all(ThreadState& ts, const Args& a, const char* name, bool want) {
  if (!exactly_one(ts, a, name)) return Value::fail();
  Value it = get_iter(ts, a[0]);
  if (it.is_fail()) return it;
  TempRoot root(ts, it);
  for (;;) {
    Value x = iter_next(ts, it);
    if (x.is_fail()) return x;
    if (x.is_null()) return Value::from_bool(!want);
    int t = truthy(ts, x);
    if (t < 0) return Value::fail();
    if ((t == 1) == want) return Value::from_bool(want);
  }
}

Value b_any(ThreadState& ts, Value self, const Args& a) { return b_any_all(ts, a, "any", true); }
Value b_all(ThreadState& ts, Value self, const Args& a) { return b_any_all(ts, a, "all", false); }

// x OP y for min/max: 1, 0, -1.
int less_or_greater(ThreadState& ts, Value x, Value y, bool greater) {
  if (x.is_int() && y.is_int()) return greater ? x.as_int() > y.as_int() : x.as_int() < y.as_int();
  if (x.is_float() && y.is_float())
    return greater ? x.as_float() > y.as_float() : x.as_float() < y.as_float();
  Value r = compare(ts, greater ? CmpOp::Gt : CmpOp::Lt, x, y);
  if (r.is_fail()) return -1;
  if (r.is_bool()) return r.as_bool() ? 1 : 0;
  TempRoot rr(ts, r);
  return truthy(ts, r);
}

Value min_max(ThreadState& ts, const Args& a, bool is_max) {
  auto& T = ts.interp.types;
  const char* name = is_max ? "max" : "min";
  Value key = Value::null(), dflt = Value::null();
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::string_view kw = a.kwnames[k]->s;
    if (kw == "key") key = a.kwvalues[k];
    else if (kw == "default") dflt = a.kwvalues[k];
    else return raise_invalid_keyword(ts, kw, name);
  }
  if (a.size() == 0)
    return raise_fmt(ts, T.TypeError, "{} expected at least 1 argument, got 0", name);
  if (a.size() > 1 && !dflt.is_null())
    return raise_fmt(ts, T.TypeError,
                     "Cannot specify a default for {}() with multiple positional arguments", name);
  if (key.is_none()) key = Value::null();
  Value it = a.size() == 1 ? get_iter(ts, a[0]) : Value::null();
  if (it.is_fail()) return it;
  TempRoot itroot(ts, it);
  TempRoot best(ts, Value::null());
  TempRoot bestkey(ts, Value::null());
  std::size_t i = 0;
  for (;;) {
    Value x;
    if (a.size() == 1) {
      x = iter_next(ts, it);
      if (x.is_fail()) return x;
      if (x.is_null()) break;
    } else {
      if (i == a.size()) break;
      x = a[i++];
    }
    TempRoot xr(ts, x);
    Value k = x;
    if (!key.is_null()) {
      k = call(ts, key, std::span<const Value>(&x, 1));
      if (k.is_fail()) return k;
    }
    if (best.get().is_null()) {
      best.set(x);
      bestkey.set(k);
      continue;
    }
    TempRoot kr(ts, k);
    int c = less_or_greater(ts, k, bestkey.get(), is_max);
    if (c < 0) return Value::fail();
    if (c == 1) {
      best.set(x);
      bestkey.set(k);
    }
  }
  if (best.get().is_null()) {
    if (!dflt.is_null()) return dflt;
    return raise_fmt(ts, T.ValueError, "{}() arg is an empty sequence", name);
  }
  return best.get();
}

Value b_max(ThreadState& ts, Value self, const Args& a) { return min_max(ts, a, true); }
Value b_min(ThreadState& ts, Value self, const Args& a) { return min_max(ts, a, false); }

Value b_sum(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  const Value* p = a.pos;  // iterable, start
  Value acc = p[1].is_null() ? Value::from_int(0) : p[1];
  if (as_str(acc) != nullptr)
    return raise(ts, T.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (as_bytes(acc) != nullptr)
    return raise(ts, T.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  TempRoot accroot(ts, acc);
  bool ok = for_each_item(ts, p[0], [&](Value x) {
    Value cur = accroot.get();
    std::int64_t r;
    if (cur.is_int() && x.is_int() && !__builtin_add_overflow(cur.as_int(), x.as_int(), &r)) {
      accroot.set(Value::from_int(r));
      return true;
    }
    if (cur.is_float() && x.is_float()) {
      accroot.set(Value::from_float(cur.as_float() + x.as_float()));
      return true;
    }
    Value s = binary_op(ts, BinOp::Add, cur, x);
    if (s.is_fail()) return false;
    accroot.set(s);
    return true;
  });
  return ok ? accroot.get() : Value::fail();
}

Value b_sorted(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  if (a.size() != 1)
    return raise_fmt(ts, T.TypeError, "sorted expected 1 argument, got {}", a.size());
  Value key = Value::null();
  bool reverse = false;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::string_view kw = a.kwnames[k]->s;
    if (kw == "key") {
      key = a.kwvalues[k];
    } else if (kw == "reverse") {
      Value r = a.kwvalues[k];
      if (r.is_float())
        return raise(ts, T.TypeError, "'float' object cannot be interpreted as an integer");
      int t = truthy(ts, r);
      if (t < 0) return Value::fail();
      reverse = t == 1;
    } else {
      return raise_invalid_keyword(ts, kw, "sort");
    }
  }
  List* l = new_list(ts);
  TempRoot root(ts, obj(l));
  if (!seq_extend(ts, l, a[0])) return Value::fail();
  if (!list_sort(ts, l, key, reverse)) return Value::fail();
  return obj(l);
}

// ---------------------------------------------------------------------------
// iter, next
// ---------------------------------------------------------------------------

Value callable_iter_next(ThreadState& ts, Iterator* it) {
  if (it->source.is_null()) return Value::null();
  Value r = call(ts, it->source, {});
  if (r.is_fail()) {
    if (exception_matches(ts, ts.interp.types.StopIteration)) {
      take_exception(ts);
      it->source = Value::null();
      return Value::null();
    }
    return r;
  }
  TempRoot rr(ts, r);
  int eq = equals(ts, r, it->extra);
  if (eq < 0) return Value::fail();
  if (eq == 1) {
    it->source = Value::null();
    it->extra = Value::null();
    return Value::null();
  }
  return r;
}

Value b_iter(ThreadState& ts, Value self, const Args& a) {
  if (!no_keywords(ts, a, "iter") || !positional(ts, a, "iter", 1, 2)) return Value::fail();
  if (a.size() == 1) return get_iter(ts, a[0]);
  if (!is_callable(ts, a[0]))
    return raise(ts, ts.interp.types.TypeError, "iter(v, w): v must be callable");
  Iterator* it = ts.interp.heap.make<Iterator>(ts.interp.types.iterator, callable_iter_next, a[0]);
  it->extra = a[1];
  return obj(it);
}

bool is_iterator(ThreadState& ts, Value v) {
  if (!v.is_obj()) return false;
  Kind k = v.as_obj()->kind;
  if (k == Kind::Iterator || k == Kind::Generator) {
    // dict views are Kind::Iterator too, but are not iterators.
    Type* t = type_of(ts, v);
    auto& T = ts.interp.types;
    return t != T.dict_keys && t != T.dict_values && t != T.dict_items;
  }
  return !type_lookup(type_of(ts, v), ts.interp.names.__next__).is_null();
}

Value b_next(ThreadState& ts, Value self, const Args& a) {
  if (!no_keywords(ts, a, "next") || !positional(ts, a, "next", 1, 2)) return Value::fail();
  if (!is_iterator(ts, a[0]))
    return raise_fmt(ts, ts.interp.types.TypeError, "'{}' object is not an iterator",
                     type_name(ts, a[0]));
  if (a.size() == 1 && a[0].is_obj() && a[0].as_obj()->kind == Kind::Generator) {
    // generator.__next__ raises StopIteration carrying the return value.
    return call_method(ts, a[0], ts.interp.names.__next__, {});
  }
  Value v = iter_next(ts, a[0]);
  if (v.is_fail()) return v;
  if (v.is_null()) {
    if (a.size() == 2) return a[1];
    return raise_stop_iteration(ts);
  }
  return v;
}

// ---------------------------------------------------------------------------
// enumerate, zip, map, filter, reversed
// ---------------------------------------------------------------------------

Type* self_type(ThreadState& ts, Value self, Type* fallback) {
  Type* t = as_type(self);
  return t != nullptr ? t : fallback;
}

Value enumerate_next(ThreadState& ts, Iterator* it) {
  Value x = iter_next(ts, it->source);
  if (x.is_fail() || x.is_null()) return x;
  Value n = it->extra;
  Tuple* pair = new_tuple(ts, {n, x});
  if (n.is_int() && n.as_int() < std::numeric_limits<std::int64_t>::max())
    it->extra = Value::from_int(n.as_int() + 1);
  else
    it->extra = new_int(ts, to_bigint(n) + BigInt(1));
  return obj(pair);
}

Value enumerate_ctor(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"enumerate", enumerate_ctor, "iterable, start=0"};
  static const Signature sig = parse_signature(def, "enumerate");
  if (a.size() == 0 && a.nkw == 0)
    return raise(ts, T.TypeError, "enumerate() missing required argument 'iterable'");
  Value p[2];
  if (!bind_args(ts, sig, a, p)) return Value::fail();
  Value start = Value::from_int(0);
  if (!p[1].is_null()) {
    if (!is_int_like(p[1])) {
      if (type_lookup(type_of(ts, p[1]), ts.interp.names.__index__).is_null())
        return raise_fmt(ts, T.TypeError, "'{}' object cannot be interpreted as an integer",
                         type_name(ts, p[1]));
      BigInt b;
      if (!index_bigint(ts, p[1], b)) return Value::fail();
      start = new_int(ts, b);
    } else {
      start = p[1].is_bool() ? Value::from_int(p[1].as_bool()) : p[1];
    }
  }
  TempRoot sroot(ts, start);
  Value inner = get_iter(ts, p[0]);
  if (inner.is_fail()) return inner;
  Iterator* it = ts.interp.heap.make<Iterator>(self_type(ts, self, T.iterator), enumerate_next, inner);
  it->extra = start;
  return obj(it);
}

Value zip_next(ThreadState& ts, Iterator* it) {
  Tuple* iters = as_tuple(it->source);
  if (iters == nullptr || iters->items.empty() || it->end != 0) return Value::null();
  std::size_t n = iters->items.size();
  std::vector<Value> blank(n, Value::none());
  Tuple* out = new_tuple(ts, blank);
  TempRoot root(ts, obj(out));
  for (std::size_t i = 0; i < n; ++i) {
    Value x = iter_next(ts, iters->items[i]);
    if (x.is_fail()) return x;
    if (x.is_null()) {
      it->end = 1;
      if (it->pos == 0) return Value::null();
      // strict=True: everyone must run out together.
      if (i > 0)
        return raise_fmt(ts, ts.interp.types.ValueError,
                         "zip() argument {} is shorter than argument{}{}", i + 1,
                         i == 1 ? " " : "s 1-", i);
      for (std::size_t j = 1; j < n; ++j) {
        Value y = iter_next(ts, iters->items[j]);
        if (y.is_fail()) return y;
        if (!y.is_null())
          return raise_fmt(ts, ts.interp.types.ValueError,
                           "zip() argument {} is longer than argument{}{}", j + 1,
                           j == 1 ? " " : "s 1-", j);
      }
      return Value::null();
    }
    out->items[i] = x;
  }
  return obj(out);
}

// A tuple of iter(x) for each x in args[from:].
Value iter_tuple(ThreadState& ts, const Args& a, std::size_t from) {
  std::vector<Value> blank(a.size() - from, Value::none());
  Tuple* t = new_tuple(ts, blank);
  TempRoot root(ts, obj(t));
  for (std::size_t i = from; i < a.size(); ++i) {
    Value it = get_iter(ts, a[i]);
    if (it.is_fail()) return it;
    t->items[i - from] = it;
  }
  return obj(t);
}

Value zip_ctor(ThreadState& ts, Value self, const Args& a) {
  bool strict = false;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    if (a.kwnames[k]->s != "strict")
      return raise_fmt(ts, ts.interp.types.TypeError, "zip() got an unexpected keyword argument '{}'",
                       a.kwnames[k]->s);
    int t = truthy(ts, a.kwvalues[k]);
    if (t < 0) return Value::fail();
    strict = t == 1;
  }
  Value iters = iter_tuple(ts, a, 0);
  if (iters.is_fail()) return iters;
  Iterator* it = ts.interp.heap.make<Iterator>(self_type(ts, self, ts.interp.types.iterator), zip_next, iters);
  it->pos = strict ? 1 : 0;
  return obj(it);
}

Value map_next(ThreadState& ts, Iterator* it) {
  Tuple* iters = as_tuple(it->source);
  if (iters == nullptr) return Value::null();
  std::size_t n = iters->items.size();
  if (n == 1) {
    Value x = iter_next(ts, iters->items[0]);
    if (x.is_fail() || x.is_null()) return x;
    TempRoot xr(ts, x);
    return call(ts, it->extra, std::span<const Value>(&x, 1));
  }
  std::vector<Value> blank(n, Value::none());
  Tuple* args = new_tuple(ts, blank);
  TempRoot root(ts, obj(args));
  for (std::size_t i = 0; i < n; ++i) {
    Value x = iter_next(ts, iters->items[i]);
    if (x.is_fail() || x.is_null()) return x;
    args->items[i] = x;
  }
  return call(ts, it->extra, args->items);
}

Value map_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "map() takes no keyword arguments");
  if (a.size() < 2)
    return raise(ts, ts.interp.types.TypeError, "map() must have at least two arguments.");
  Value iters = iter_tuple(ts, a, 1);
  if (iters.is_fail()) return iters;
  Iterator* it = ts.interp.heap.make<Iterator>(self_type(ts, self, ts.interp.types.iterator), map_next, iters);
  it->extra = a[0];
  return obj(it);
}

Value filter_next(ThreadState& ts, Iterator* it) {
  for (;;) {
    Value x = iter_next(ts, it->source);
    if (x.is_fail() || x.is_null()) return x;
    TempRoot xr(ts, x);
    int t;
    if (it->extra.is_none()) {
      t = truthy(ts, x);
    } else {
      Value r = call(ts, it->extra, std::span<const Value>(&x, 1));
      if (r.is_fail()) return r;
      TempRoot rr(ts, r);
      t = truthy(ts, r);
    }
    if (t < 0) return Value::fail();
    if (t == 1) return x;
  }
}

Value filter_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "filter() takes no keyword arguments");
  if (!positional(ts, a, "filter", 2, 2)) return Value::fail();
  Value inner = get_iter(ts, a[1]);
  if (inner.is_fail()) return inner;
  Iterator* it =
      ts.interp.heap.make<Iterator>(self_type(ts, self, ts.interp.types.iterator), filter_next, inner);
  it->extra = a[0];
  return obj(it);
}

// reversed over a sequence: source[pos], pos counting down to 0.
Value reversed_next(ThreadState& ts, Iterator* it) {
  if (it->pos < 0) return Value::null();
  std::int64_t i = it->pos--;
  Value src = it->source;
  if (List* l = as_list(src)) {
    if (i < static_cast<std::int64_t>(l->items.size())) return l->items[i];
    it->pos = -1;
    return Value::null();
  }
  if (Tuple* t = as_tuple(src)) return t->items[i];
  if (Range* r = as_kind<Range, Kind::Range>(src)) {
    // start + i*step fits: it is an element of the range.
    return Value::from_int(r->start + i * r->step);
  }
  if (Dict* d = as_dict(src)) {
    // Over the entries, skipping deleted ones; pos indexes `entries`.
    while (i >= 0 && (i >= static_cast<std::int64_t>(d->entries.size()) || d->entries[i].key.is_null()))
      --i;
    if (i < 0) {
      it->pos = -1;
      return Value::null();
    }
    it->pos = i - 1;
    return d->entries[i].key;
  }
  Value r = get_item(ts, src, Value::from_int(i));
  if (r.is_fail()) {
    if (exception_matches(ts, ts.interp.types.IndexError) ||
        exception_matches(ts, ts.interp.types.StopIteration)) {
      take_exception(ts);
      it->pos = -1;
      return Value::null();
    }
  }
  return r;
}

Value reversed_ctor(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  if (a.nkw != 0) return raise(ts, T.TypeError, "reversed() takes no keyword arguments");
  if (!positional(ts, a, "reversed", 1, 1)) return Value::fail();
  Value seq = a[0];
  Type* rtype = self_type(ts, self, T.iterator);
  auto make = [&](std::int64_t n) {
    Iterator* it = ts.interp.heap.make<Iterator>(rtype, reversed_next, seq);
    it->pos = n - 1;
    return obj(it);
  };
  if (List* l = as_list(seq)) return make(static_cast<std::int64_t>(l->items.size()));
  if (Tuple* t = as_tuple(seq)) return make(static_cast<std::int64_t>(t->items.size()));
  if (Range* r = as_kind<Range, Kind::Range>(seq)) return make(r->length);
  Type* t = type_of(ts, seq);
  Value m = type_lookup(t, ts.interp.names.__reversed__);
  if (!m.is_null()) {
    if (m.is_none())
      return raise_fmt(ts, T.TypeError, "'{}' object is not reversible", type_name(ts, seq));
    return call_dunder(ts, m, seq);
  }
  if (Dict* d = as_dict(seq)) return make(static_cast<std::int64_t>(d->entries.size()));
  bool sequence = as_str(seq) != nullptr || as_bytes(seq) != nullptr ||
                  (!type_lookup(t, ts.interp.names.__getitem__).is_null() &&
                   !type_lookup(t, ts.interp.names.__len__).is_null() && as_dict(seq) == nullptr);
  if (!sequence)
    return raise_fmt(ts, T.TypeError, "'{}' object is not reversible", type_name(ts, seq));
  std::int64_t n = length(ts, seq);
  if (n < 0) return Value::fail();
  return make(n);
}

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

const MethodDef kBuiltins[] = {
    {"print", b_print},
    {"input", b_input},
    {"len", b_len, "obj, /", Style::One},
    {"abs", b_abs, "x, /", Style::One},
    {"min", b_min},
    {"max", b_max},
    {"sum", b_sum, "iterable, /, start=0", Style::Keywords},
    {"sorted", b_sorted},
    {"any", b_any},
    {"all", b_all},
    {"isinstance", b_isinstance, "obj, class_or_tuple, /", Style::Positional},
    {"issubclass", b_issubclass, "cls, class_or_tuple, /", Style::Positional},
    {"hasattr", b_hasattr, "obj, name, /", Style::Positional},
    {"getattr", b_getattr},
    {"setattr", b_setattr, "obj, name, value, /", Style::Positional},
    {"delattr", b_delattr, "obj, name, /", Style::Positional},
    {"id", b_id, "obj, /", Style::One},
    {"hash", b_hash, "obj, /", Style::One},
    {"iter", b_iter},
    {"next", b_next},
    {"repr", b_repr, "obj, /", Style::One},
    {"ascii", b_ascii, "obj, /", Style::One},
    {"round", b_round, "number, ndigits=None", Style::Keywords},
    {"divmod", b_divmod, "x, y, /", Style::Positional},
    {"pow", b_pow, "base, exp, mod=None", Style::Keywords},
    {"chr", b_chr, "i, /", Style::One},
    {"ord", b_ord, "c, /", Style::One},
    {"hex", b_hex},
    {"oct", b_oct},
    {"bin", b_bin},
    {"format", b_format, "value, format_spec='', /", Style::Positional},
    {"callable", b_callable, "obj, /", Style::One},
    {"vars", b_vars},
    {"dir", b_dir},
    {"globals", b_globals, "", Style::NoArgs},
    {"locals", b_locals, "", Style::NoArgs},
    {"exit", b_exit},
    {"quit", b_exit},
    {"open", builtin_open, kOpenSignature},
    {"__build_class__", build_class},
    {"__import__", b_import, "name, globals=None, locals=None, fromlist=(), level=0", Style::Keywords},
};

struct IterTypeDef {
  const char* name;
  NativeFn ctor;
};

const IterTypeDef kIterTypes[] = {
    {"enumerate", enumerate_ctor}, {"zip", zip_ctor},           {"map", map_ctor},
    {"filter", filter_ctor},       {"reversed", reversed_ctor},
};

}  // namespace

void init_builtins(Interpreter& interp) {
  Dict* b = interp.builtins;
  init_file_type(interp);
  add_functions(interp, b, kBuiltins);
  for (const IterTypeDef& d : kIterTypes) {
    if (!dict_get_cstr(interp, b, d.name).is_null()) continue;
    Type* t = make_builtin_type(interp, d.name, interp.types.iterator, Kind::Iterator);
    t->ctor = d.ctor;
    dict_set_cstr(interp, b, d.name, obj(t));
  }
  // Names the Interpreter constructor may not have added.
  auto ensure = [&](const char* name, Value v) {
    if (dict_get_cstr(interp, b, name).is_null()) dict_set_cstr(interp, b, name, v);
  };
  ensure("NotImplemented", interp.not_implemented);
  ensure("Ellipsis", interp.ellipsis);
  ensure("__debug__", Value::from_bool(true));
  ensure("__name__", obj(interp.intern("builtins")));
  ensure("__doc__", Value::none());
}

}  // namespace gilvm
