// Attribute access (Python Language Reference §3.3.2 "Customizing attribute
// access" and §3.3.2.1 descriptors): type lookup along the MRO, instance
// dicts, binding of functions into methods, property/staticmethod/
// classmethod, module attributes, super(), and __getattr__ as the fallback.
#include "runtime/exceptions.h"
#include "vm/api.h"
#include "vm/ops.h"

namespace gilvm {

Value type_lookup(const Type* t, Str* name) {
  ThreadState* ts = current_thread_or_null();
  if (ts == nullptr) {  // start-up, before any thread runs Python code
    for (const Type* p : t->mro) {
      Value v = dict_get_str(p->dict, name);
      if (!v.is_null()) return v;
    }
    return Value::null();
  }
  Interpreter& in = ts->interp;
  std::size_t h = ((reinterpret_cast<std::uintptr_t>(t) >> 4) ^ (reinterpret_cast<std::uintptr_t>(name) >> 3) * 31) &
                  (Interpreter::kAttrCacheSize - 1);
  Interpreter::AttrCacheEntry& e = in.attr_cache[h];
  if (e.type == t && e.name == name && e.version == in.type_version) return e.value;
  Value found = Value::null();
  for (const Type* p : t->mro) {
    Value v = dict_get_str(p->dict, name);
    if (!v.is_null()) {
      found = v;
      break;
    }
  }
  e.type = t;
  e.name = name;
  e.value = found;
  e.version = in.type_version;
  return found;
}

namespace {

Dict* instance_dict(Value v) {
  if (!v.is_obj()) return nullptr;
  Object* o = v.as_obj();
  if (o->kind == Kind::Instance || o->kind == Kind::Exception) return static_cast<Instance*>(o)->dict;
  if (o->kind == Kind::Function) return static_cast<Function*>(o)->dict;
  if (o->kind == Kind::Module) return static_cast<Module*>(o)->dict;
  if (o->kind == Kind::Opaque) return static_cast<Opaque*>(o)->dict;
  return nullptr;
}

// A user-defined descriptor (Language Reference §3.3.2.2): a class
// attribute whose type is a Python class defining __get__, __set__ or
// __delete__. Builtin descriptors (functions, property, getsets, static-
// and classmethods) have their own kinds and are handled by bind().
struct UserDescr {
  Value get, set, del;
  bool is_data() const { return !set.is_null() || !del.is_null(); }
};

bool user_descriptor(Interpreter& in, Value attr, UserDescr& d) {
  if (!attr.is_obj()) return false;
  Type* dt = attr.as_obj()->type;
  if (dt->builtin) return false;
  d.get = type_lookup(dt, in.names.__get__);
  d.set = type_lookup(dt, in.names.__set__);
  d.del = type_lookup(dt, in.names.__delete__);
  return !d.get.is_null() || d.is_data();
}

// descr.__get__(instance, owner); a Null instance passes None.
Value call_get(ThreadState& ts, const UserDescr& d, Value attr, Value instance, Type* owner) {
  Value args[3] = {attr, instance.is_null() ? Value::none() : instance, obj(owner)};
  return call(ts, d.get, args);
}

// A user class's own __getattribute__/__setattr__/__delattr__ (object's
// native ones do not count: they are the generic paths below).
Value user_override(Type* t, Str* name) {
  if (t->builtin) return Value::null();
  Value v = type_lookup(t, name);
  if (v.is_null() || (v.is_obj() && v.as_obj()->kind == Kind::Native)) return Value::null();
  return v;
}

// Binds a class attribute found on the type for access through `instance`
// (Null instance: through the class `owner`).
Value bind(ThreadState& ts, Value attr, Value instance, Type* owner) {
  Interpreter& in = ts.interp;
  if (!attr.is_obj()) return attr;
  Object* o = attr.as_obj();
  switch (o->kind) {
    case Kind::Function:
      if (instance.is_null()) return attr;
      return obj(in.heap.make<BoundMethod>(in.types.method, attr, instance));
    case Kind::Native: {
      Native* n = static_cast<Native*>(o);
      if (!n->method || instance.is_null() || !n->self.is_null()) return attr;
      Native* b = in.heap.make<Native>(in.types.builtin_function, n->fn, n->name, instance);
      b->data = n->data;
      b->sig = n->sig;
      return obj(b);
    }
    case Kind::StaticMethod:
      return static_cast<Wrapper*>(o)->func;
    case Kind::ClassMethod:
      return obj(in.heap.make<BoundMethod>(in.types.method, static_cast<Wrapper*>(o)->func, obj(owner)));
    case Kind::Property: {
      if (instance.is_null()) return attr;
      Wrapper* p = static_cast<Wrapper*>(o);
      if (p->func.is_null() || p->func.is_none()) return raise(ts, in.types.AttributeError, "unreadable attribute");
      return call(ts, p->func, std::span<const Value>(&instance, 1));
    }
    default:
      return attr;
  }
}

Value type_getattr(ThreadState& ts, Type* t, Str* name) {
  Interpreter& in = ts.interp;
  std::string_view n = name->s;
  if (n == "__name__") return obj(t->name);
  if (n == "__qualname__") {
    Value q = dict_get_str(t->dict, in.names.__qualname__);
    return q.is_null() ? obj(t->name) : q;
  }
  if (n == "__mro__") return obj(new_tuple(ts, [&] {
    std::vector<Value> v;
    for (Type* p : t->mro) v.push_back(obj(p));
    return v;
  }()));
  if (n == "__bases__") return obj(new_tuple(ts, [&] {
    std::vector<Value> v;
    for (Type* p : t->bases) v.push_back(obj(p));
    return v;
  }()));
  if (n == "__base__") return t->base ? obj(t->base) : Value::none();
  if (n == "__dict__") {
    // A copy: class dicts change only through setattr (which keeps the
    // attribute cache right), as CPython's read-only mappingproxy ensures.
    Dict* d = new_dict(ts);
    dict_for_each(t->dict, [&](Value k, Value v) { dict_set_str(in, d, as_str(k), v); });
    return obj(d);
  }
  if (n == "__class__") return obj(t->type);
  // CPython's type_getattro order: the metaclass's data descriptors, then
  // the class's MRO (descriptors called with instance None), then the
  // metaclass's other attributes bound to the class.
  Type* meta = t->type;
  Value mv = type_lookup(meta, name);
  UserDescr md;
  bool meta_user = user_descriptor(in, mv, md);
  if (meta_user && md.is_data() && !md.get.is_null()) return call_get(ts, md, mv, obj(t), meta);
  if (mv.is_obj() && mv.as_obj()->kind == Kind::Property) return bind(ts, mv, obj(t), meta);
  Value v = type_lookup(t, name);
  // function.__doc__ is the type's own, not its instances' descriptor (in
  // CPython the metatype's descriptor wins).
  bool instance_attr = as_getset(in, v) != nullptr && (n == "__module__" || n == "__doc__");
  if (!v.is_null() && !instance_attr) {
    UserDescr d;
    if (user_descriptor(in, v, d) && !d.get.is_null()) return call_get(ts, d, v, Value::null(), t);
    return bind(ts, v, Value::null(), t);
  }
  if (meta_user && !md.get.is_null()) return call_get(ts, md, mv, obj(t), meta);
  if (!mv.is_null() && as_getset(in, mv) == nullptr) return bind(ts, mv, obj(t), meta);
  if (n == "__module__") return t->module_name;
  if (n == "__doc__") return Value::none();
  return Value::null();
}

}  // namespace

// object.__getattribute__ (Language Reference §3.3.2.3): the class's data
// descriptors, then the instance dict, then the class attribute (a non-data
// descriptor bound). Null when missing. The one place attributes are found.
Value generic_getattr(ThreadState& ts, Value o, Str* name) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, o);
  if (Type* ty = as_type(o)) return type_getattr(ts, ty, name);
  if (Module* m = as_module(o)) {
    Value v = dict_get_str(m->dict, name);
    if (!v.is_null()) return v;
    if (name->s == "__dict__") return obj(m->dict);
    return Value::null();
  }
  if (o.is_obj() && o.as_obj()->kind == Kind::Super) {
    Super* s = static_cast<Super*>(o.as_obj());
    // As super_ctor decided: a subclass of start stands for itself.
    bool cls_obj = as_type(s->obj) != nullptr && is_subtype(as_type(s->obj), s->start);
    Type* ot = cls_obj ? as_type(s->obj) : type_of(ts, s->obj);
    bool after = false;
    for (Type* p : ot->mro) {
      if (after) {
        Value v = dict_get_str(p->dict, name);
        if (v.is_null()) continue;
        Value inst = cls_obj ? Value::null() : s->obj;
        UserDescr d;
        if (user_descriptor(in, v, d) && !d.get.is_null()) return call_get(ts, d, v, inst, ot);
        return bind(ts, v, inst, ot);
      }
      if (p == s->start) after = true;
    }
    return Value::null();
  }
  Value cls_attr = type_lookup(t, name);
  // Data descriptors (property, a builtin type's attributes) win over the
  // instance dict. A getter's Null: this instance has no such attribute.
  if (cls_attr.is_obj() && cls_attr.as_obj()->kind == Kind::Property) return bind(ts, cls_attr, o, t);
  if (GetSetDescr* g = as_getset(in, cls_attr)) return g->def->get(ts, o);
  UserDescr ud;
  bool user = user_descriptor(in, cls_attr, ud) && !ud.get.is_null();
  if (user && ud.is_data()) return call_get(ts, ud, cls_attr, o, t);
  if (Dict* d = instance_dict(o)) {
    Value v = dict_get_str(d, name);
    if (!v.is_null()) return v;
  }
  if (Exception* e = as_exception(o)) {
    Value v = exception_getattr(ts, e, name);
    if (!v.is_null()) return v;
  }
  if (user) return call_get(ts, ud, cls_attr, o, t);
  if (!cls_attr.is_null()) return bind(ts, cls_attr, o, t);
  std::string_view n = name->s;
  if (n == "__class__") return obj(t);
  if (n == "__dict__") {
    if (Dict* d = instance_dict(o)) return obj(d);
  }
  // A method answers for its function (CPython's method_getattro).
  if (o.is_obj() && o.as_obj()->kind == Kind::BoundMethod)
    return lookup_attr(ts, static_cast<BoundMethod*>(o.as_obj())->func, name);
  return Value::null();
}

Value lookup_attr(ThreadState& ts, Value o, Str* name) {
  Type* t = type_of(ts, o);
  if (Value ga = user_override(t, ts.interp.names.__getattribute__); !ga.is_null()) {
    Value args[2] = {o, obj(name)};
    Value v = call(ts, ga, args);
    if (v.is_fail() && exception_matches(ts, ts.interp.types.AttributeError)) {
      take_exception(ts);
      return Value::null();
    }
    return v;
  }
  return generic_getattr(ts, o, name);
}

Value raise_no_attr(ThreadState& ts, Value o, Str* name) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, o);
  if (Module* m = as_module(o)) {
    Value mn = dict_get_str(m->dict, in.names.__name__);
    return raise_fmt(ts, in.types.AttributeError, "module '{}' has no attribute '{}'",
                     as_str(mn) ? std::string_view(as_str(mn)->s) : "?", name->s);
  }
  if (Type* ty = as_type(o))
    return raise_fmt(ts, in.types.AttributeError, "type object '{}' has no attribute '{}'", ty->name->s, name->s);
  if (o.is_obj() && o.as_obj()->kind == Kind::Super)
    return raise_fmt(ts, in.types.AttributeError, "'super' object has no attribute '{}'", name->s);
  return raise_fmt(ts, in.types.AttributeError, "'{}' object has no attribute '{}'", t->name->s, name->s);
}

Value get_attr(ThreadState& ts, Value o, Str* name) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, o);
  Value v;
  if (Value ga = user_override(t, in.names.__getattribute__); !ga.is_null()) {
    Value args[2] = {o, obj(name)};
    v = call(ts, ga, args);
  } else {
    v = generic_getattr(ts, o, name);
  }
  if (!v.is_null() && !v.is_fail()) return v;
  // __getattr__ answers a missing attribute or an AttributeError from the
  // lookup, a property's getter included (CPython's slot_tp_getattr_hook).
  if (v.is_fail()) {
    if (!exception_matches(ts, in.types.AttributeError) || t->builtin || as_type(o) ||
        type_lookup(t, in.names.__getattr__).is_null())
      return v;
    take_exception(ts);
  }
  if (!t->builtin && !as_type(o)) {
    Value ga = type_lookup(t, in.names.__getattr__);
    if (!ga.is_null()) {
      Value args[2] = {o, obj(name)};
      return call(ts, ga, args);
    }
  }
  return raise_no_attr(ts, o, name);
}

bool set_attr(ThreadState& ts, Value o, Str* name, Value v) {
  if (Value sa = user_override(type_of(ts, o), ts.interp.names.__setattr__); !sa.is_null()) {
    Value args[3] = {o, obj(name), v};
    return !call(ts, sa, args).is_fail();
  }
  return generic_setattr(ts, o, name, v);
}

// object.__setattr__: a data descriptor's setter, else the instance dict.
bool generic_setattr(ThreadState& ts, Value o, Str* name, Value v) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, o);
  if (GetSetDescr* g = as_getset(in, type_lookup(t, name)); g && !as_type(o)) {
    if (g->def->set != nullptr) return g->def->set(ts, o, v);
    raise(ts, in.types.AttributeError, "readonly attribute");
    return false;
  }
  if (Type* ty = as_type(o)) {
    if (ty->builtin) {
      raise_fmt(ts, in.types.TypeError, "cannot set '{}' attribute of immutable type '{}'", name->s, ty->name->s);
      return false;
    }
    if (name->s == "__name__") {
      if (Str* s = as_str(v)) ty->name = s;
      return true;
    }
    dict_set_str(in, ty->dict, name, v);
    ++in.type_version;
    return true;
  }
  if (!t->builtin) {
    Value cls_attr = type_lookup(t, name);
    if (cls_attr.is_obj() && cls_attr.as_obj()->kind == Kind::Property) {
      Wrapper* p = static_cast<Wrapper*>(cls_attr.as_obj());
      if (p->fset.is_null() || p->fset.is_none()) {
        raise_fmt(ts, in.types.AttributeError, "property '{}' of '{}' object has no setter", name->s, t->name->s);
        return false;
      }
      Value args[2] = {o, v};
      return !call(ts, p->fset, args).is_fail();
    }
    UserDescr d;
    if (user_descriptor(in, cls_attr, d) && d.is_data()) {
      if (d.set.is_null()) {
        raise(ts, in.types.AttributeError, "__set__");
        return false;
      }
      Value args[3] = {cls_attr, o, v};
      return !call(ts, d.set, args).is_fail();
    }
  }
  if (name->s == "__class__") {
    // CPython's object_set_class (Objects/typeobject.c): only between user
    // classes whose instances have the same native layout.
    Type* nt = as_type(v);
    if (nt == nullptr) {
      raise_fmt(ts, in.types.TypeError, "__class__ must be set to a class, not '{}' object", type_name(ts, v));
      return false;
    }
    if (t->builtin || nt->builtin) {
      raise(ts, in.types.TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
      return false;
    }
    if (nt->layout != t->layout || nt->new_instance != t->new_instance) {
      raise_fmt(ts, in.types.TypeError, "__class__ assignment: '{}' object layout differs from '{}'", nt->name->s,
                t->name->s);
      return false;
    }
    o.as_obj()->type = nt;
    return true;
  }
  if (Exception* e = as_exception(o)) {
    if (exception_setattr(ts, e, name, v)) return true;
    if (!ts.exc.is_null()) return false;
  }
  if (Function* f = as_function(o)) {
    if (f->dict == nullptr) f->dict = new_dict(ts);
    dict_set_str(in, f->dict, name, v);
    return true;
  }
  if (Dict* d = instance_dict(o); d != nullptr && t != in.types.object) {
    // A bare object() has no __dict__ in CPython: it takes no attributes.
    dict_set_str(in, d, name, v);
    return true;
  }
  if (t->new_instance != nullptr && o.as_obj()->kind == Kind::Opaque) {
    // A subclassable native type's instance (asyncio.Future) takes
    // attributes as CPython's do; its dict is made on the first one.
    Opaque* op = static_cast<Opaque*>(o.as_obj());
    op->dict = new_dict(ts);
    dict_set_str(in, op->dict, name, v);
    return true;
  }
  if (lookup_attr(ts, o, name).is_null())
    raise_fmt(ts, in.types.AttributeError, "'{}' object has no attribute '{}'", t->name->s, name->s);
  else
    raise_fmt(ts, in.types.AttributeError, "'{}' object attribute '{}' is read-only", t->name->s, name->s);
  return false;
}

bool del_attr(ThreadState& ts, Value o, Str* name) {
  if (Value da = user_override(type_of(ts, o), ts.interp.names.__delattr__); !da.is_null()) {
    Value args[2] = {o, obj(name)};
    return !call(ts, da, args).is_fail();
  }
  return generic_delattr(ts, o, name);
}

// object.__delattr__: a data descriptor's deleter, else the instance dict.
bool generic_delattr(ThreadState& ts, Value o, Str* name) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, o);
  if (name->s == "__class__" && !as_type(o)) {
    raise(ts, in.types.TypeError, "can't delete __class__ attribute");
    return false;
  }
  if (!t->builtin) {
    Value cls_attr = type_lookup(t, name);
    if (cls_attr.is_obj() && cls_attr.as_obj()->kind == Kind::Property) {
      Wrapper* p = static_cast<Wrapper*>(cls_attr.as_obj());
      if (p->fdel.is_null() || p->fdel.is_none()) {
        raise_fmt(ts, in.types.AttributeError, "property '{}' of '{}' object has no deleter", name->s, t->name->s);
        return false;
      }
      return !call(ts, p->fdel, std::span<const Value>(&o, 1)).is_fail();
    }
    UserDescr d;
    if (user_descriptor(in, cls_attr, d) && d.is_data()) {
      if (d.del.is_null()) {
        raise(ts, in.types.AttributeError, "__delete__");
        return false;
      }
      Value args[2] = {cls_attr, o};
      return !call(ts, d.del, args).is_fail();
    }
  }
  Dict* d = as_type(o) ? (as_type(o)->builtin ? nullptr : as_type(o)->dict) : instance_dict(o);
  if (as_type(o)) ++in.type_version;
  if (d != nullptr) {
    int r = dict_del(ts, d, obj(name));
    if (r < 0) return false;
    if (r == 1) return true;
  }
  raise_fmt(ts, in.types.AttributeError, "'{}' object has no attribute '{}'", t->name->s, name->s);
  return false;
}

namespace ops {

bool load_method(ThreadState& ts, Value o, Str* name, Value& out) {
  out = Value::null();
  if (!o.is_obj()) {
    // Methods of inline values (int, float, bool, None) live on their types.
    Value v = dict_get_str(type_of(ts, o)->dict, name);
    if (v.is_obj() && v.as_obj()->kind == Kind::Native && static_cast<Native*>(v.as_obj())->method) out = v;
    return true;
  }
  Object* ob = o.as_obj();
  if (ob->kind == Kind::Type || ob->kind == Kind::Module || ob->kind == Kind::Super) return true;
  Type* t = ob->type;
  Value v = type_lookup(t, name);
  if (v.is_null() || !v.is_obj()) return true;
  Kind k = v.as_obj()->kind;
  if (k == Kind::Function) {
    if (Dict* d = instance_dict(o); d && !dict_get_str(d, name).is_null()) return true;
    if (!user_override(t, ts.interp.names.__getattribute__).is_null()) return true;
    out = v;
  } else if (k == Kind::Native && static_cast<Native*>(v.as_obj())->method) {
    if (Dict* d = instance_dict(o); d && !dict_get_str(d, name).is_null()) return true;
    if (!user_override(t, ts.interp.names.__getattribute__).is_null()) return true;
    out = v;
  }
  return true;
}

}  // namespace ops

}  // namespace gilvm
