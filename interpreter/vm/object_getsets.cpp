// The attributes of the VM's own object kinds (functions, methods, builtin
// functions, property/staticmethod/classmethod, code objects, generators and
// coroutines, slices, ranges), declared as GetSetDef rows on their types
// (vm/native.h), so vm/attr.cpp finds them as it finds any class attribute
// and dir() lists them. Names and meanings are CPython's (Objects/
// funcobject.c, classobject.c, methodobject.c, descrobject.c, codeobject.c,
// genobject.c, sliceobject.c, rangeobject.c).
#include "vm/api.h"

namespace gilvm {

namespace {

Value or_none(Value v) { return v.is_null() ? Value::none() : v; }

// Each getter is reached only through its own type's dict, so `self` has
// that type's layout.
Function* fn(Value v) { return static_cast<Function*>(v.as_obj()); }
Wrapper* wrapper(Value v) { return static_cast<Wrapper*>(v.as_obj()); }
Generator* gen(Value v) { return static_cast<Generator*>(v.as_obj()); }
CodeObject* code(Value v) { return static_cast<CodeObject*>(v.as_obj()); }

// --- function ---------------------------------------------------------------

bool set_function_str(ThreadState& ts, Value v, Str*& field, const char* what) {
  Str* s = as_str(v);
  if (s == nullptr) {
    raise_fmt(ts, ts.interp.types.TypeError, "{} must be set to a string object", what);
    return false;
  }
  field = s;
  return true;
}

const GetSetDef kFunctionGetSets[] = {
    {"__name__", [](ThreadState&, Value self) { return obj(fn(self)->name); },
     [](ThreadState& ts, Value self, Value v) { return set_function_str(ts, v, fn(self)->name, "__name__"); }},
    {"__qualname__", [](ThreadState&, Value self) { return obj(fn(self)->qualname); },
     [](ThreadState& ts, Value self, Value v) {
       return set_function_str(ts, v, fn(self)->qualname, "__qualname__");
     }},
    {"__module__", [](ThreadState&, Value self) { return or_none(fn(self)->module_name); },
     [](ThreadState&, Value self, Value v) {
       fn(self)->module_name = v;
       return true;
     }},
    // Kept in the function's attribute dict, where a docstring lands.
    {"__doc__",
     [](ThreadState& ts, Value self) {
       Function* f = fn(self);
       return f->dict == nullptr ? Value::none() : or_none(dict_get_str(f->dict, ts.interp.names.__doc__));
     },
     [](ThreadState& ts, Value self, Value v) {
       Function* f = fn(self);
       if (f->dict == nullptr) f->dict = new_dict(ts);
       dict_set_str(ts.interp, f->dict, ts.interp.names.__doc__, v);
       return true;
     }},
    {"__defaults__", [](ThreadState&, Value self) { return fn(self)->defaults ? obj(fn(self)->defaults) : Value::none(); },
     [](ThreadState& ts, Value self, Value v) {
       if (!v.is_none() && as_tuple(v) == nullptr) {
         raise(ts, ts.interp.types.TypeError, "__defaults__ must be set to a tuple object");
         return false;
       }
       fn(self)->defaults = v.is_none() ? nullptr : as_tuple(v);
       return true;
     }},
    {"__code__", [](ThreadState&, Value self) { return obj(fn(self)->code); }},
    {"__globals__", [](ThreadState&, Value self) { return obj(fn(self)->globals); }},
};

// --- bound method and builtin function ------------------------------------

const GetSetDef kMethodGetSets[] = {
    {"__self__", [](ThreadState&, Value self) { return static_cast<BoundMethod*>(self.as_obj())->self; }},
    {"__func__", [](ThreadState&, Value self) { return static_cast<BoundMethod*>(self.as_obj())->func; }},
};

const GetSetDef kBuiltinFunctionGetSets[] = {
    {"__name__", [](ThreadState& ts, Value self) { return new_str(ts, static_cast<Native*>(self.as_obj())->name); }},
    {"__qualname__",
     [](ThreadState& ts, Value self) { return new_str(ts, static_cast<Native*>(self.as_obj())->name); }},
    {"__self__", [](ThreadState&, Value self) { return or_none(static_cast<Native*>(self.as_obj())->self); }},
    {"__doc__", [](ThreadState&, Value) { return Value::none(); }},
};

// --- property, staticmethod, classmethod ------------------------------------

const GetSetDef kPropertyGetSets[] = {
    {"fget", [](ThreadState&, Value self) { return wrapper(self)->func; }},
    {"fset", [](ThreadState&, Value self) { return or_none(wrapper(self)->fset); }},
    {"__doc__", [](ThreadState&, Value self) { return or_none(wrapper(self)->doc); }},
};

const GetSetDef kWrappedFuncGetSets[] = {
    {"__func__", [](ThreadState&, Value self) { return wrapper(self)->func; }},
};

// --- code -------------------------------------------------------------------

const GetSetDef kCodeGetSets[] = {
    {"co_name", [](ThreadState&, Value self) { return obj(code(self)->name); }},
    {"co_filename", [](ThreadState&, Value self) { return obj(code(self)->filename); }},
    {"co_firstlineno", [](ThreadState&, Value self) { return Value::from_int(code(self)->firstline); }},
    // CPython's CO_* bits (Include/cpython/code.h): VARARGS 0x04,
    // VARKEYWORDS 0x08, GENERATOR 0x20, COROUTINE 0x80.
    {"co_flags",
     [](ThreadState&, Value self) {
       CodeObject* c = code(self);
       std::int64_t f = 0;
       if (c->flags & kCodeVarargs) f |= 0x04;
       if (c->flags & kCodeVarkw) f |= 0x08;
       if (c->flags & kCodeCoroutine) f |= 0x80;
       else if (c->flags & kCodeGenerator) f |= 0x20;
       return Value::from_int(f);
     }},
};

// --- generator and coroutine: gi_* / cr_* ------------------------------------

Value gen_name(ThreadState&, Value self) { return obj(gen(self)->func->code->name); }
Value gen_qualname(ThreadState&, Value self) { return obj(gen(self)->func->qualname); }
Value gen_code(ThreadState&, Value self) { return obj(gen(self)->func->code); }
Value gen_running(ThreadState&, Value self) { return Value::from_bool(gen(self)->running); }

const GetSetDef kGeneratorGetSets[] = {
    {"__name__", gen_name}, {"__qualname__", gen_qualname}, {"gi_code", gen_code}, {"gi_running", gen_running},
};
const GetSetDef kCoroutineGetSets[] = {
    {"__name__", gen_name}, {"__qualname__", gen_qualname}, {"cr_code", gen_code}, {"cr_running", gen_running},
};

// --- slice and range ----------------------------------------------------------

const GetSetDef kSliceGetSets[] = {
    {"start", [](ThreadState&, Value self) { return static_cast<Slice*>(self.as_obj())->start; }},
    {"stop", [](ThreadState&, Value self) { return static_cast<Slice*>(self.as_obj())->stop; }},
    {"step", [](ThreadState&, Value self) { return static_cast<Slice*>(self.as_obj())->step; }},
};

const GetSetDef kRangeGetSets[] = {
    {"start", [](ThreadState&, Value self) { return Value::from_int(static_cast<Range*>(self.as_obj())->start); }},
    {"stop", [](ThreadState&, Value self) { return Value::from_int(static_cast<Range*>(self.as_obj())->stop); }},
    {"step", [](ThreadState&, Value self) { return Value::from_int(static_cast<Range*>(self.as_obj())->step); }},
};

// --- the descriptor itself ----------------------------------------------------

// <attribute '__name__' of 'function' objects>
Value getset_repr(ThreadState& ts, Value self, const Args&) {
  GetSetDescr* g = as_getset(ts.interp, self);
  if (g == nullptr) return raise(ts, ts.interp.types.TypeError, "descriptor '__repr__' requires a 'getset_descriptor' object");
  return new_str(ts, fmt::format("<attribute '{}' of '{}' objects>", g->def->name, g->owner->name->s));
}

const MethodDef kGetSetMethods[] = {
    {"__repr__", getset_repr, "", Style::NoArgs},
};

}  // namespace

void init_object_getsets(Interpreter& interp) {
  BuiltinTypes& T = interp.types;
  add_methods(interp, T.getset_descriptor, kGetSetMethods);
  add_methods(interp, T.function, {}, kFunctionGetSets);
  add_methods(interp, T.method, {}, kMethodGetSets);
  add_methods(interp, T.builtin_function, {}, kBuiltinFunctionGetSets);
  add_methods(interp, T.property, {}, kPropertyGetSets);
  add_methods(interp, T.staticmethod, {}, kWrappedFuncGetSets);
  add_methods(interp, T.classmethod, {}, kWrappedFuncGetSets);
  add_methods(interp, T.code, {}, kCodeGetSets);
  add_methods(interp, T.generator, {}, kGeneratorGetSets);
  add_methods(interp, T.coroutine, {}, kCoroutineGetSets);
  add_methods(interp, T.slice, {}, kSliceGetSets);
  add_methods(interp, T.range, {}, kRangeGetSets);
}

}  // namespace gilvm
