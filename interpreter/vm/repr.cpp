// repr(), str() and format() (Python Language Reference §3.3.1 __repr__,
// __str__, __format__), with CPython's spellings for builtin values and the
// "[...]" guard for containers that contain themselves.
#include <fmt/format.h>

#include "runtime/dict_ops.h"
#include "runtime/exceptions.h"
#include "runtime/number_ops.h"
#include "runtime/numfmt.h"
#include "runtime/set_ops.h"
#include "runtime/unicode.h"
#include "vm/api.h"
#include "vm/ops.h"
#include "vm/repr_guard.h"

namespace gilvm {

namespace {

std::string address(const void* p) { return fmt::format("{:#x}", reinterpret_cast<std::uintptr_t>(p)); }

std::string qualified_name(ThreadState& ts, Type* t) {
  Value m = t->module_name;
  Str* ms = as_str(m);
  // Native modules' types (Kind::Opaque: _thread.lock, random.Random) are
  // shown with their module, as CPython shows them.
  if ((t->builtin && t->layout != Kind::Opaque) || ms == nullptr || ms->s == "builtins")
    return std::string(t->name->s);
  Value q = dict_get_str(t->dict, ts.interp.names.__qualname__);
  std::string name = as_str(q) ? as_str(q)->s : t->name->s;
  return ms->s + "." + name;
}

bool join_reprs(ThreadState& ts, const std::vector<Value>& items, std::string& out) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    auto r = repr_string(ts, items[i]);
    if (!r) return false;
    out += *r;
  }
  return true;
}

bool is_object_default(Value m, NativeFn fn) {
  return m.is_obj() && m.as_obj()->kind == Kind::Native && static_cast<Native*>(m.as_obj())->fn == fn;
}

Value object_repr_native(ThreadState& ts, Value self, const Args&);
Value object_str_native(ThreadState& ts, Value self, const Args&);

std::optional<std::string> builtin_repr(ThreadState& ts, Value v) {
  Interpreter& in = ts.interp;
  switch (v.tag()) {
    case Tag::None: return "None";
    case Tag::Bool: return v.as_bool() ? "True" : "False";
    case Tag::Int: return std::to_string(v.as_int());
    case Tag::Float: return text::float_repr(v.as_float());
    case Tag::Obj: break;
    default: return "<null>";
  }
  Object* o = v.as_obj();
  switch (o->kind) {
    case Kind::Str: return text::str_repr(static_cast<Str*>(o)->s);
    case Kind::Bytes: return text::bytes_repr(static_cast<Bytes*>(o)->s);
    case Kind::BigInt: {
      bool ok = true;
      std::string s = int_to_string(ts, v, 10, ok);
      if (!ok) return std::nullopt;
      return s;
    }
    case Kind::List: {
      ReprGuard g(ts, o);
      if (!g.entered()) return "[...]";
      std::string s = "[";
      std::vector<Value> items = static_cast<List*>(o)->items;
      TempRoot root(ts, v);
      if (!join_reprs(ts, items, s)) return std::nullopt;
      return s + "]";
    }
    case Kind::Tuple: {
      ReprGuard g(ts, o);
      if (!g.entered()) return "(...)";
      auto& items = static_cast<Tuple*>(o)->items;
      std::string s = "(";
      if (!join_reprs(ts, items, s)) return std::nullopt;
      return s + (items.size() == 1 ? ",)" : ")");
    }
    case Kind::Dict: {
      ReprGuard g(ts, o);
      if (!g.entered()) return "{...}";
      Dict* d = static_cast<Dict*>(o);
      std::vector<Value> kv;
      dict_for_each(d, [&](Value k, Value val) {
        kv.push_back(k);
        kv.push_back(val);
      });
      std::string s = "{";
      for (std::size_t i = 0; i < kv.size(); i += 2) {
        if (i > 0) s += ", ";
        auto k = repr_string(ts, kv[i]);
        if (!k) return std::nullopt;
        auto val = repr_string(ts, kv[i + 1]);
        if (!val) return std::nullopt;
        s += *k + ": " + *val;
      }
      return s + "}";
    }
    case Kind::Set: {
      Set* st = static_cast<Set*>(o);
      std::string name = st->frozen ? "frozenset" : "set";
      if (o->type != in.types.set && o->type != in.types.frozenset) name = std::string(o->type->name->s);
      if (st->used == 0) return name + "()";
      ReprGuard g(ts, o);
      if (!g.entered()) return name + "(...)";
      std::vector<Value> items;
      std::size_t pos = 0;
      SetEntry e;
      while (set_next(st, pos, e)) items.push_back(e.key);
      std::string s = "{";
      if (!join_reprs(ts, items, s)) return std::nullopt;
      s += "}";
      return st->frozen ? name + "(" + s + ")" : s;
    }
    case Kind::Range: {
      Range* r = static_cast<Range*>(o);
      if (r->step == 1) return fmt::format("range({}, {})", r->start, r->stop);
      return fmt::format("range({}, {}, {})", r->start, r->stop, r->step);
    }
    case Kind::Slice: {
      Slice* sl = static_cast<Slice*>(o);
      auto a = repr_string(ts, sl->start);
      auto b = repr_string(ts, sl->stop);
      auto c = repr_string(ts, sl->step);
      if (!a || !b || !c) return std::nullopt;
      return "slice(" + *a + ", " + *b + ", " + *c + ")";
    }
    case Kind::Function:
      return "<function " + static_cast<Function*>(o)->qualname->s + " at " + address(o) + ">";
    case Kind::Native: {
      Native* n = static_cast<Native*>(o);
      if (!n->self.is_null() && !as_module(n->self))
        return fmt::format("<built-in method {} of {} object at {}>", n->name, type_name(ts, n->self),
                           address(n->self.is_obj() ? static_cast<void*>(n->self.as_obj()) : nullptr));
      return fmt::format("<built-in function {}>", n->name);
    }
    case Kind::BoundMethod: {
      BoundMethod* b = static_cast<BoundMethod*>(o);
      std::string fname = "?";
      if (Function* f = as_function(b->func)) fname = f->qualname->s;
      auto self = repr_string(ts, b->self);
      if (!self) return std::nullopt;
      return "<bound method " + fname + " of " + *self + ">";
    }
    case Kind::Type:
      return "<class '" + qualified_name(ts, static_cast<Type*>(o)) + "'>";
    case Kind::Module: {
      Module* m = static_cast<Module*>(o);
      Value n = dict_get_str(m->dict, in.names.__name__);
      Value f = dict_get_str(m->dict, in.names.__file__);
      std::string name = as_str(n) ? as_str(n)->s : "?";
      if (as_str(f)) return "<module '" + name + "' from '" + as_str(f)->s + "'>";
      return "<module '" + name + "' (built-in)>";
    }
    case Kind::Singleton:
      return std::string(static_cast<Singleton*>(o)->repr);
    case Kind::Generator:
      return std::string(static_cast<Generator*>(o)->is_coroutine ? "<coroutine object " : "<generator object ") +
             static_cast<Generator*>(o)->func->qualname->s + " at " + address(o) + ">";
    case Kind::Cell:
      return "<cell at " + address(o) + ">";
    case Kind::Code: {
      CodeObject* c = static_cast<CodeObject*>(o);
      return fmt::format("<code object {} at {}, file \"{}\", line {}>", c->name->s, address(o), c->filename->s,
                         c->firstline);
    }
    case Kind::Iterator:
      if (is_dict_view(in, v)) {
        Value r = dict_view_repr(ts, v);
        if (r.is_fail()) return std::nullopt;
        return as_str(r)->s;
      }
      return "<" + std::string(o->type->name->s) + " object at " + address(o) + ">";
    case Kind::Property:
      return "<property object at " + address(o) + ">";
    case Kind::StaticMethod:
      return "<staticmethod object at " + address(o) + ">";
    case Kind::ClassMethod:
      return "<classmethod object at " + address(o) + ">";
    case Kind::Super: {
      // CPython's super_repr: the start class and the type of the object
      // (the class itself when bound to a class).
      Super* sp = static_cast<Super*>(o);
      std::string head = fmt::format("<super: <class '{}'>, ", sp->start->name->s);
      if (sp->obj.is_null()) return head + "NULL>";
      Type* ot = as_type(sp->obj) ? as_type(sp->obj) : type_of(ts, sp->obj);
      return fmt::format("{}<{} object>>", head, ot->name->s);
    }
    default:
      return "<" + qualified_name(ts, o->type) + " object at " + address(o) + ">";
  }
}

}  // namespace

std::optional<std::string> repr_string(ThreadState& ts, Value v) {
  Type* t = type_of(ts, v);
  // Native modules' types (Kind::Opaque) may define __repr__ natively.
  if (!t->builtin || t->layout == Kind::Exception || t->layout == Kind::Opaque) {
    Value m = type_lookup(t, ts.interp.names.__repr__);
    if (!m.is_null() && !is_object_default(m, object_repr_native)) {
      Value r = call(ts, m, std::span<const Value>(&v, 1));
      if (r.is_fail()) return std::nullopt;
      Str* s = as_str(r);
      if (s == nullptr) {
        raise_fmt(ts, ts.interp.types.TypeError, "__repr__ returned non-string (type {})", type_name(ts, r));
        return std::nullopt;
      }
      return s->s;
    }
  }
  return builtin_repr(ts, v);
}

Str* repr(ThreadState& ts, Value v) {
  if (Str* s = as_str(v); s && s->ascii && s->s.find_first_of("'\\\"") == std::string::npos) {
    bool printable = true;
    for (char c : s->s) printable = printable && c >= 0x20 && c < 0x7f;
    if (printable) return new_str_obj(ts.interp, "'" + s->s + "'");
  }
  auto r = repr_string(ts, v);
  if (!r) return nullptr;
  return new_str_obj(ts.interp, std::move(*r));
}

std::optional<std::string> str_string(ThreadState& ts, Value v) {
  if (Str* s = as_str(v)) return s->s;
  Type* t = type_of(ts, v);
  if (!t->builtin || t->layout == Kind::Exception) {
    Value m = type_lookup(t, ts.interp.names.__str__);
    if (!m.is_null() && !is_object_default(m, object_str_native)) {
      Value r = call(ts, m, std::span<const Value>(&v, 1));
      if (r.is_fail()) return std::nullopt;
      Str* s = as_str(r);
      if (s == nullptr) {
        raise_fmt(ts, ts.interp.types.TypeError, "__str__ returned non-string (type {})", type_name(ts, r));
        return std::nullopt;
      }
      return s->s;
    }
  }
  return repr_string(ts, v);
}

std::optional<std::string> ascii_string(ThreadState& ts, Value v) {
  auto r = repr_string(ts, v);
  if (!r || text::is_ascii(*r)) return r;
  std::string out;
  std::size_t pos = 0;
  while (pos < r->size()) {
    char32_t c = text::utf8_decode_at(*r, pos);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x100) out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    else if (c < 0x10000) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else out += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
  }
  return out;
}

Str* str(ThreadState& ts, Value v) {
  if (Str* s = as_str(v)) return s;
  auto r = str_string(ts, v);
  if (!r) return nullptr;
  return new_str_obj(ts.interp, std::move(*r));
}

Value format_value(ThreadState& ts, Value v, std::string_view spec) {
  Interpreter& in = ts.interp;
  if (v.is_bool() && spec.empty()) return new_str(ts, v.as_bool() ? "True" : "False");
  if (is_int_like(v)) return int_format(ts, v, spec);
  if (v.is_float()) return float_format(ts, v.as_float(), spec);
  if (Str* s = as_str(v)) return spec.empty() ? v : str_format_spec(ts, s, spec);
  Type* t = type_of(ts, v);
  if (!t->builtin) {
    Value m = type_lookup(t, in.names.__format__);
    if (!m.is_null() && !(m.is_obj() && m.as_obj()->kind == Kind::Native)) {
      Value args[2] = {v, new_str(ts, std::string(spec))};
      TempRoot root(ts, args[1]);
      Value r = call(ts, m, args);
      if (r.is_fail()) return r;
      if (!as_str(r))
        return raise_fmt(ts, in.types.TypeError, "__format__ must return a str, not {}", type_name(ts, r));
      return r;
    }
  }
  if (!spec.empty())
    return raise_fmt(ts, in.types.TypeError, "unsupported format string passed to {}.__format__", t->name->s);
  Str* s = str(ts, v);
  return s ? obj(s) : Value::fail();
}

namespace {

Value object_repr_native(ThreadState& ts, Value self, const Args&) {
  auto r = builtin_repr(ts, self);
  if (!r) return Value::fail();
  return new_str(ts, std::move(*r));
}

Value object_str_native(ThreadState& ts, Value self, const Args&) {
  Str* s = repr(ts, self);
  return s ? obj(s) : Value::fail();
}

}  // namespace

// Registered on `object` by runtime/object_methods.cpp.
NativeFn object_repr_fn() { return object_repr_native; }
NativeFn object_str_fn() { return object_str_native; }

bool ops::print_expr(ThreadState& ts, Value v) {
  Interpreter& in = ts.interp;
  if (v.is_none()) return true;
  dict_set_cstr(in, in.builtins, "_", Value::none());
  Str* r = repr(ts, v);
  if (r == nullptr) return false;
  Value print = dict_get_cstr(in, in.builtins, "print");
  Value arg = obj(r);
  TempRoot root(ts, arg);
  if (call(ts, print, std::span<const Value>(&arg, 1)).is_fail()) return false;
  dict_set_cstr(in, in.builtins, "_", v);
  return true;
}

}  // namespace gilvm
