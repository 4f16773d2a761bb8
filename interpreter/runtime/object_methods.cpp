// object and type, and the small builtin types that are mostly a
// constructor: range, slice, super, property, staticmethod, classmethod.
#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/eval.h"

namespace gilvm {

NativeFn object_repr_fn();  // vm/repr.cpp
NativeFn object_str_fn();

namespace {

Value object_init(ThreadState& ts, Value self, const Args& a) { return Value::none(); }

Value object_eq(ThreadState& ts, Value self, const Args& a) {
  return self.identical(a[0]) ? Value::from_bool(true) : ts.interp.not_implemented;
}

Value object_ne(ThreadState& ts, Value self, const Args& a) {
  return self.identical(a[0]) ? Value::from_bool(false) : ts.interp.not_implemented;
}

Value object_hash(ThreadState& ts, Value self, const Args& a) {
  std::int64_t h;
  if (!hash_value(ts, self, h)) return Value::fail();
  return Value::from_int(h);
}

Value object_setattr(ThreadState& ts, Value self, const Args& a) {
  Str* name = as_str(a[0]);
  if (name == nullptr) return raise(ts, ts.interp.types.TypeError, "attribute name must be string");
  return generic_setattr(ts, self, name, a[1]) ? Value::none() : Value::fail();
}

Value object_getattribute(ThreadState& ts, Value self, const Args& a) {
  Str* name = as_str(a[0]);
  if (name == nullptr) return raise(ts, ts.interp.types.TypeError, "attribute name must be string");
  Value v = generic_getattr(ts, self, name);
  return v.is_null() ? raise_no_attr(ts, self, name) : v;
}

Value object_delattr(ThreadState& ts, Value self, const Args& a) {
  Str* name = as_str(a[0]);
  if (name == nullptr) return raise(ts, ts.interp.types.TypeError, "attribute name must be string");
  return generic_delattr(ts, self, name) ? Value::none() : Value::fail();
}

Value object_new(ThreadState& ts, Value self, const Args& a) {
  // object.__new__(cls): called as a static function with cls first.
  if (a.npos < 1 || !as_type(a[0])) return raise(ts, ts.interp.types.TypeError, "object.__new__(X): X is not a type object");
  Type* t = as_type(a[0]);
  if (t->layout == Kind::Exception) return new_exception(ts, t, {});
  if (t->new_instance != nullptr) return obj(t->new_instance(ts, t));
  return obj(ts.interp.heap.make<Instance>(t, new_dict(ts)));
}

Value object_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.npos > 0 || a.nkw > 0) return raise(ts, ts.interp.types.TypeError, "object() takes no arguments");
  return obj(ts.interp.heap.make<Instance>(ts.interp.types.object, new_dict(ts)));
}

Value object_format(ThreadState& ts, Value self, const Args& a) {
  return format_value(ts, self, as_str(a[0]) ? std::string_view(as_str(a[0])->s) : "");
}

Value type_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.npos == 1 && a.nkw == 0) return obj(type_of(ts, a[0]));
  return type_new_checked(ts, ts.interp.types.type, a);
}

// type.__new__(meta, name, bases, ns, **kw): called explicitly, as from a
// metaclass's __new__ through super().
Value type_new_fn(ThreadState& ts, Value, const Args& a) {
  Interpreter& in = ts.interp;
  Type* meta = a.npos > 0 ? as_type(a[0]) : nullptr;
  if (meta == nullptr) return raise(ts, in.types.TypeError, "type.__new__(X): X is not a type object");
  if (!is_subtype(meta, in.types.type))
    return raise_fmt(ts, in.types.TypeError, "type.__new__({}): {} is not a subtype of type", meta->name->s,
                     meta->name->s);
  return type_new_checked(ts, meta, Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvalues, a.nkw});
}

// type.__call__(cls, *args, **kw): what calling a class does (__new__, then
// __init__), for a metaclass's __call__ to reach through super().
// type.__init__(cls, name, bases, ns, **kw): the class is made by then.
Value type_init_fn(ThreadState& ts, Value, const Args& a) {
  if (a.npos != 1 && a.npos != 3) return raise(ts, ts.interp.types.TypeError, "type.__init__() takes 1 or 3 arguments");
  return Value::none();
}

Value type_call_fn(ThreadState& ts, Value self, const Args& a) {
  Type* t = as_type(self);
  if (t == nullptr) return raise(ts, ts.interp.types.TypeError, "descriptor '__call__' requires a 'type' object");
  return type_call(ts, t, a);
}

// function.__get__(instance, owner=None): functions are non-data
// descriptors; through an instance they bind into a method.
Value function_get(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.nkw > 0 || a.npos < 1 || a.npos > 2)
    return raise_fmt(ts, in.types.TypeError, "expected 1 or 2 arguments, got {}", a.npos + a.nkw);
  if (a[0].is_none()) return self;
  return obj(in.heap.make<BoundMethod>(in.types.method, self, a[0]));
}

// object.__init_subclass__(cls): the end of the __init_subclass__ chain;
// class keywords nobody consumed arrive here.
Value object_init_subclass(ThreadState& ts, Value, const Args& a) {
  Type* t = a.npos > 0 ? as_type(a[0]) : nullptr;
  if (a.nkw > 0)
    return raise_fmt(ts, ts.interp.types.TypeError, "{}.__init_subclass__() takes no keyword arguments",
                     t ? std::string_view(t->name->s) : "object");
  if (a.npos != 1)
    return raise(ts, ts.interp.types.TypeError, "__init_subclass__() takes no positional arguments");
  return Value::none();
}

Value type_mro(ThreadState& ts, Value self, const Args& a) {
  Type* t = as_type(self);
  if (t == nullptr) return raise(ts, ts.interp.types.TypeError, "descriptor 'mro' requires a 'type' object");
  List* l = new_list(ts);
  for (Type* p : t->mro) l->items.push_back(obj(p));
  return obj(l);
}

Value type_subclasscheck(ThreadState& ts, Value self, const Args& a) {
  Type* t = as_type(self);
  Type* s = as_type(a[0]);
  return Value::from_bool(t && s && is_subtype(s, t));
}

// ---- range ----

Value range_ctor(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.nkw > 0) return raise(ts, in.types.TypeError, "range() takes no keyword arguments");
  if (a.npos < 1 || a.npos > 3)
    return raise_fmt(ts, in.types.TypeError, "range expected at {} 1 argument{}, got {}",
                     a.npos < 1 ? "least" : "most", a.npos < 1 ? "" : "s", a.npos);
  std::int64_t v[3] = {0, 0, 1};
  for (std::size_t i = 0; i < a.npos; ++i) {
    if (!is_int_like(a[i]) && type_of(ts, a[i])->builtin)
      return raise_fmt(ts, in.types.TypeError, "'{}' object cannot be interpreted as an integer", type_name(ts, a[i]));
    auto x = to_index(ts, a[i]);
    if (!x) {
      if (exception_matches(ts, in.types.IndexError)) {
        take_exception(ts);
        return raise(ts, in.types.OverflowError, "Python int too large to convert to C ssize_t");
      }
      return Value::fail();
    }
    v[i] = *x;
  }
  std::int64_t start = 0, stop, step = 1;
  if (a.npos == 1) {
    stop = v[0];
  } else {
    start = v[0];
    stop = v[1];
    if (a.npos == 3) step = v[2];
  }
  if (step == 0) return raise(ts, in.types.ValueError, "range() arg 3 must not be zero");
  return obj(in.heap.make<Range>(in.types.range, start, stop, step));
}

Value range_index(ThreadState& ts, Value self, const Args& a) {
  Range* r = as_kind<Range, Kind::Range>(self);
  if (!r) return Value::fail();
  int c = contains(ts, self, a[0]);
  if (c < 0) return Value::fail();
  if (!c) {
    auto s = repr_string(ts, a[0]);
    return raise_fmt(ts, ts.interp.types.ValueError, "{} is not in range", s ? *s : "?");
  }
  return Value::from_int((a[0].as_int() - r->start) / r->step);
}

Value range_count(ThreadState& ts, Value self, const Args& a) {
  int c = contains(ts, self, a[0]);
  if (c < 0) return Value::fail();
  return Value::from_int(c);
}

// ---- slice ----

Value slice_ctor(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"slice", slice_ctor, "start, stop=None, step=None, /", Style::Positional};
  static const Signature sig = parse_signature(def, "slice");
  Value p[3];
  if (!bind_args(ts, sig, a, p)) return Value::fail();
  Value start = Value::none(), stop, step = Value::none();
  if (p[1].is_null()) {  // slice(stop)
    stop = p[0];
  } else {
    start = p[0];
    stop = p[1];
    if (!p[2].is_null()) step = p[2];
  }
  return obj(in.heap.make<Slice>(in.types.slice, start, stop, step));
}

Value slice_indices_m(ThreadState& ts, Value self, const Args& a) {
  auto n = to_index(ts, a[0]);
  if (!n) return Value::fail();
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, self, *n, start, stop, step, count).is_fail()) return Value::fail();
  return obj(new_tuple(ts, {Value::from_int(start), Value::from_int(stop), Value::from_int(step)}));
}

// ---- super, property, staticmethod, classmethod ----

Value super_ctor(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.npos == 0) return raise(ts, in.types.RuntimeError, "super(): no arguments");
  Type* start = as_type(a[0]);
  if (start == nullptr) return raise_fmt(ts, in.types.TypeError, "super() argument 1 must be a type, not {}", type_name(ts, a[0]));
  Value o = a.npos > 1 ? a[1] : Value::none();
  // A class that is a subclass of start stands for itself (CPython's
  // supercheck); anything else, a class of a metaclass too, for its type.
  Type* ot = as_type(o) && is_subtype(as_type(o), start) ? as_type(o) : type_of(ts, o);
  if (!is_subtype(ot, start))
    return raise(ts, in.types.TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return obj(in.heap.make<Super>(in.types.super, start, o));
}

Value property_ctor(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  static const MethodDef def{"property", property_ctor, "fget=None, fset=None, fdel=None, doc=None"};
  static const Signature sig = parse_signature(def, "property");
  Value b[4];
  if (!bind_args(ts, sig, a, b)) return Value::fail();
  for (Value& v : b)
    if (v.is_null()) v = Value::none();
  Wrapper* p = in.heap.make<Wrapper>(in.types.property, Kind::Property, b[0]);
  p->fset = b[1];
  p->fdel = b[2];
  p->doc = b[3];
  return obj(p);
}

Value property_copy(ThreadState& ts, Value self, const Args& a, int which) {
  Interpreter& in = ts.interp;
  Wrapper* old = as_kind<Wrapper, Kind::Property>(self);
  if (!old) return Value::fail();
  Wrapper* p = in.heap.make<Wrapper>(in.types.property, Kind::Property, old->func);
  p->fset = old->fset;
  p->fdel = old->fdel;
  p->doc = old->doc;
  if (which == 0) p->func = a[0];
  if (which == 1) p->fset = a[0];
  if (which == 2) p->fdel = a[0];
  return obj(p);
}
Value property_getter(ThreadState& ts, Value self, const Args& a) { return property_copy(ts, self, a, 0); }
Value property_setter(ThreadState& ts, Value self, const Args& a) { return property_copy(ts, self, a, 1); }
Value property_deleter(ThreadState& ts, Value self, const Args& a) { return property_copy(ts, self, a, 2); }

Value staticmethod_ctor(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"staticmethod", staticmethod_ctor, "function, /", Style::Positional};
  static const Signature sig = parse_signature(def, "staticmethod");
  Value f;
  if (!bind_args(ts, sig, a, &f)) return Value::fail();
  return obj(ts.interp.heap.make<Wrapper>(ts.interp.types.staticmethod, Kind::StaticMethod, f));
}

Value classmethod_ctor(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"classmethod", classmethod_ctor, "function, /", Style::Positional};
  static const Signature sig = parse_signature(def, "classmethod");
  Value f;
  if (!bind_args(ts, sig, a, &f)) return Value::fail();
  return obj(ts.interp.heap.make<Wrapper>(ts.interp.types.classmethod, Kind::ClassMethod, f));
}

}  // namespace

void init_object_methods(Interpreter& interp) {
  BuiltinTypes& T = interp.types;
  static const MethodDef object_defs[] = {
      {"__init__", object_init},
      {"__repr__", object_repr_fn()},
      {"__str__", object_str_fn()},
      {"__eq__", object_eq, "value, /", Style::One},
      {"__ne__", object_ne, "value, /", Style::One},
      {"__hash__", object_hash},
      {"__setattr__", object_setattr, "name, value, /", Style::Positional, Access::Mutates},
      {"__delattr__", object_delattr, "name, /", Style::One, Access::Mutates},
      {"__format__", object_format, "format_spec, /", Style::One},
      {"__getattribute__", object_getattribute, "name, /", Style::One},
  };
  add_methods(interp, T.object, object_defs);
  // object.__new__ is called with explicit arguments (object.__new__(cls)),
  // so it is a plain function here.
  static const MethodDef object_static[] = {{"__new__", object_new}, {"__init_subclass__", object_init_subclass}};
  add_functions(interp, T.object->dict, object_static);
  Value init_sub = dict_get_str(T.object->dict, interp.names.__init_subclass__);
  dict_set_str(interp, T.object->dict, interp.names.__init_subclass__,
               Value::from_obj(interp.heap.make<Wrapper>(T.classmethod, Kind::ClassMethod, init_sub)));
  static const MethodDef type_static[] = {{"__new__", type_new_fn}};
  add_functions(interp, T.type->dict, type_static);
  T.object->ctor = object_ctor;
  T.type->ctor = type_ctor;
  static const MethodDef function_defs[] = {{"__get__", function_get}};
  add_methods(interp, T.function, function_defs);
  static const MethodDef type_defs[] = {
      {"mro", type_mro},
      {"__subclasscheck__", type_subclasscheck, "subclass, /", Style::One},
      {"__call__", type_call_fn},
      {"__init__", type_init_fn},
  };
  add_methods(interp, T.type, type_defs);

  T.range->ctor = range_ctor;
  static const MethodDef range_defs[] = {
      {"index", range_index, "value, /", Style::One},
      {"count", range_count, "value, /", Style::One},
  };
  add_methods(interp, T.range, range_defs);
  T.slice->ctor = slice_ctor;
  static const MethodDef slice_defs[] = {{"indices", slice_indices_m, "length, /", Style::One}};
  add_methods(interp, T.slice, slice_defs);
  T.super->ctor = super_ctor;
  T.property->ctor = property_ctor;
  static const MethodDef property_defs[] = {
      {"getter", property_getter, "x, /", Style::One},
      {"setter", property_setter, "x, /", Style::One},
      {"deleter", property_deleter, "x, /", Style::One}};
  add_methods(interp, T.property, property_defs);
  T.staticmethod->ctor = staticmethod_ctor;
  T.classmethod->ctor = classmethod_ctor;
}

}  // namespace gilvm
