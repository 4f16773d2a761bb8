// Calls: binding arguments to parameters (Python Language Reference §6.3.4
// "Calls", with CPython 3.11's TypeError messages), pushing frames, calling
// natives, bound methods and classes, and building classes (the class
// statement's __build_class__, §3.3.3).
#include <algorithm>

#include "vm/api.h"
#include "vm/eval.h"
#include "vm/ops.h"

namespace gilvm {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  // 'a' / 'a' and 'b' / 'a', 'b', and 'c'
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

bool bind_arguments(ThreadState& ts, Function* fn, Value* locals, const Value* args, std::size_t nargs,
                    Str* const* kwnames, const Value* kwvalues, std::size_t nkw) {
  Interpreter& in = ts.interp;
  CodeObject* co = fn->code;
  const std::size_t argcount = static_cast<std::size_t>(co->argcount);
  const std::size_t kwonly = static_cast<std::size_t>(co->kwonlycount);
  const bool has_varargs = co->flags & kCodeVarargs;
  const bool has_varkw = co->flags & kCodeVarkw;
  const std::string& fname = co->qualname->s;
  for (std::size_t i = 0; i < static_cast<std::size_t>(co->nlocals); ++i) locals[i] = Value::null();

  std::size_t npos = std::min(nargs, argcount);
  for (std::size_t i = 0; i < npos; ++i) locals[i] = args[i];
  std::size_t vararg_slot = argcount + kwonly;
  std::size_t varkw_slot = vararg_slot + (has_varargs ? 1 : 0);
  if (nargs > argcount) {
    if (!has_varargs) {
      std::size_t ndef = fn->defaults ? fn->defaults->items.size() : 0;
      std::string takes = ndef > 0 ? fmt::format("from {} to {}", argcount - ndef, argcount) : std::to_string(argcount);
      raise_fmt(ts, in.types.TypeError, "{}() takes {} positional argument{} but {} {} given", fname, takes,
                argcount == 1 && ndef == 0 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
      return false;
    }
    locals[vararg_slot] = obj(new_tuple(ts, std::span<const Value>(args + argcount, nargs - argcount)));
  } else if (has_varargs) {
    locals[vararg_slot] = obj(in.empty_tuple);
  }
  Dict* kwdict = nullptr;
  if (has_varkw) {
    kwdict = new_dict(ts);
    locals[varkw_slot] = obj(kwdict);
  }
  for (std::size_t k = 0; k < nkw; ++k) {
    Str* name = kwnames[k];
    std::size_t slot = SIZE_MAX;
    for (std::size_t i = 0; i < argcount + kwonly; ++i) {
      Str* p = co->varnames[i];
      if (p == name || p->s == name->s) {
        slot = i;
        break;
      }
    }
    if (slot != SIZE_MAX && slot < static_cast<std::size_t>(co->posonlycount)) {
      if (has_varkw) {
        dict_set_str(in, kwdict, name, kwvalues[k]);
        continue;
      }
      raise_fmt(ts, in.types.TypeError,
                "{}() got some positional-only arguments passed as keyword arguments: '{}'", fname, name->s);
      return false;
    }
    if (slot == SIZE_MAX) {
      if (has_varkw) {
        dict_set_str(in, kwdict, name, kwvalues[k]);
        continue;
      }
      raise_fmt(ts, in.types.TypeError, "{}() got an unexpected keyword argument '{}'", fname, name->s);
      return false;
    }
    if (!locals[slot].is_null()) {
      raise_fmt(ts, in.types.TypeError, "{}() got multiple values for argument '{}'", fname, name->s);
      return false;
    }
    locals[slot] = kwvalues[k];
  }
  // Defaults for missing positional parameters.
  if (nargs < argcount) {
    std::size_t ndef = fn->defaults ? fn->defaults->items.size() : 0;
    std::size_t first_def = argcount - ndef;
    std::vector<std::string> missing;
    for (std::size_t i = nargs; i < argcount; ++i) {
      if (!locals[i].is_null()) continue;
      if (i >= first_def)
        locals[i] = fn->defaults->items[i - first_def];
      else
        missing.push_back(co->varnames[i]->s);
    }
    if (!missing.empty()) {
      raise_fmt(ts, in.types.TypeError, "{}() missing {} required positional argument{}: {}", fname,
                missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing));
      return false;
    }
  }
  if (kwonly > 0) {
    std::vector<std::string> missing;
    for (std::size_t i = argcount; i < argcount + kwonly; ++i) {
      if (!locals[i].is_null()) continue;
      Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, co->varnames[i]) : Value::null();
      if (d.is_null())
        missing.push_back(co->varnames[i]->s);
      else
        locals[i] = d;
    }
    if (!missing.empty()) {
      raise_fmt(ts, in.types.TypeError, "{}() missing {} required keyword-only argument{}: {}", fname,
                missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing));
      return false;
    }
  }
  return true;
}

void make_cells(ThreadState& ts, Function* fn, Value* locals) {
  CodeObject* co = fn->code;
  Interpreter& in = ts.interp;
  Value* cells = locals + co->nlocals;
  for (std::size_t i = 0; i < co->cellvars.size(); ++i) {
    Cell* c = in.heap.make<Cell>(in.types.cell);
    int arg = co->cell_from_arg[i];
    if (arg >= 0) c->value = locals[arg];
    cells[i] = obj(c);
  }
  for (std::size_t j = 0; j < co->freevars.size(); ++j)
    cells[co->cellvars.size() + j] = fn->closure ? fn->closure->items[j] : Value::null();
}

}  // namespace

Frame* push_function_frame(ThreadState& ts, Function* fn, Value* base, const Value* args, std::size_t nargs,
                           Str* const* kwnames, const Value* kwvalues, std::size_t nkw, bool in_place,
                           Value* generator) {
  Interpreter& in = ts.interp;
  CodeObject* co = fn->code;
  *generator = Value::null();
  if (ts.depth >= in.recursion_limit) {
    raise(ts, in.types.RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  const std::size_t size = static_cast<std::size_t>(co->frame_size());
  if (base + size + 64 > ts.stack_end) {
    raise(ts, in.types.RecursionError, "maximum recursion depth exceeded (value stack exhausted)");
    return nullptr;
  }
  const bool is_gen = co->flags & kCodeGenerator;
  Generator* gen = nullptr;
  Value* locals = base;
  if (is_gen) {
    const bool is_coro = co->flags & kCodeCoroutine;
    gen = in.heap.make<Generator>(is_coro ? in.types.coroutine : in.types.generator, fn);
    if (is_coro) {
      gen->is_coroutine = true;
      ++in.finalization.candidates;
      if (Frame* caller = ts.frame) {
        gen->created_in = caller->code;
        gen->created_line = caller->line();
      }
    }
    gen->slots.resize(size);
    locals = gen->slots.data();
  }
  const bool simple = in_place && !is_gen && nkw == 0 && nargs == static_cast<std::size_t>(co->argcount) &&
                      co->kwonlycount == 0 && !(co->flags & (kCodeVarargs | kCodeVarkw));
  if (simple) {
    for (std::size_t i = nargs; i < static_cast<std::size_t>(co->nlocals); ++i) locals[i] = Value::null();
  } else {
    // The arguments may overlap the new frame's slots: copy them first.
    Value small[16];
    std::vector<Value> big;
    Value* copy = small;
    if (nargs + nkw > 16) {
      big.resize(nargs + nkw);
      copy = big.data();
    }
    std::copy(args, args + nargs, copy);
    std::copy(kwvalues, kwvalues + nkw, copy + nargs);
    if (!bind_arguments(ts, fn, locals, copy, nargs, kwnames, copy + nargs, nkw)) return nullptr;
  }
  make_cells(ts, fn, locals);
  if (is_gen) {
    gen->saved_pc = 0;
    gen->saved_sp = static_cast<std::size_t>(co->nlocals + co->ncells());
    *generator = obj(gen);
    return nullptr;
  }
  Value* stack_base = locals + co->nlocals + co->ncells();
  Frame* f = ts.push_frame({.code = co,
                            .func = fn,
                            .globals = fn->globals,
                            .base = locals,
                            .stack_base = stack_base,
                            .sp = stack_base,
                            .ip = co->code.data()});
  ts.stack_top = f->sp;
  return f;
}

namespace {

Value call_function(ThreadState& ts, Function* fn, const Value* args, std::size_t nargs, Str* const* kwnames,
                    const Value* kwvalues, std::size_t nkw) {
  Value* saved_top = ts.stack_top;
  Value gen;
  Frame* f = push_function_frame(ts, fn, ts.stack_top, args, nargs, kwnames, kwvalues, nkw, false, &gen);
  if (f == nullptr) {
    ts.stack_top = saved_top;
    return gen.is_null() ? Value::fail() : gen;
  }
  f->is_entry = true;
  Value r = eval_frame(ts, f);
  ts.stack_top = saved_top;
  return r;
}

// Calls `callable` with `self` before the given arguments.
Value call_with_self(ThreadState& ts, Value callable, Value self, const Value* args, std::size_t nargs,
                     Str* const* kwnames, const Value* kwvalues, std::size_t nkw) {
  Value small[8];
  std::vector<Value> big;
  Value* all = small;
  if (nargs + 1 > 8) {
    big.resize(nargs + 1);
    all = big.data();
  }
  all[0] = self;
  std::copy(args, args + nargs, all + 1);
  return call_object(ts, callable, all, nargs + 1, kwnames, kwvalues, nkw);
}

Value instantiate(ThreadState& ts, Type* t, const Value* args, std::size_t nargs, Str* const* kwnames,
                  const Value* kwvalues, std::size_t nkw) {
  Interpreter& in = ts.interp;
  Args a{const_cast<Value*>(args), nargs, kwnames, const_cast<Value*>(kwvalues), nkw};
  if (t == in.types.type && nargs == 1 && nkw == 0) return obj(type_of(ts, args[0]));
  // A native type marked non-builtin so that its dunder methods are found
  // in its dict (mmap.mmap) is still made by its ctor.
  if (t->builtin || (t->layout == Kind::Opaque && t->ctor != nullptr)) {
    if (t->ctor == nullptr) return raise_fmt(ts, in.types.TypeError, "cannot create '{}' instances", t->name->s);
    return t->ctor(ts, obj(t), a);
  }
  Value inst;
  Value user_new = type_lookup(t, in.names.__new__);
  bool is_meta = t->layout == Kind::Type || is_subtype(t, in.types.type);
  if (!user_new.is_null() && !(user_new.is_obj() && user_new.as_obj()->kind == Kind::Native)) {
    Value fn = user_new;
    if (fn.is_obj() && fn.as_obj()->kind == Kind::StaticMethod) fn = static_cast<Wrapper*>(fn.as_obj())->func;
    inst = call_with_self(ts, fn, obj(t), args, nargs, kwnames, kwvalues, nkw);
    if (inst.is_fail()) return inst;
    if (!isinstance(ts, inst, t)) return inst;
  } else if (is_meta) {
    // A metaclass called as M(name, bases, ns, **kw): type.__new__.
    inst = type_new_checked(ts, t, a);
    if (inst.is_fail()) return inst;
  } else if (t->layout == Kind::Exception) {
    inst = new_exception(ts, t, std::span<const Value>(args, nargs));
  } else if (t->new_instance != nullptr) {
    inst = obj(t->new_instance(ts, t));
  } else {
    inst = obj(in.heap.make<Instance>(t, new_dict(ts)));
  }
  TempRoot root(ts, inst);
  Value init = type_lookup(t, in.names.__init__);
  // object's own __init__ (a native type's is a real initialiser).
  bool default_init = init.is_null() || (init.is_obj() && init.as_obj()->kind == Kind::Native &&
                                         static_cast<Native*>(init.as_obj())->name == std::string_view("__init__") &&
                                         t->layout != Kind::Exception && t->new_instance == nullptr);
  if (default_init && is_meta) return inst;
  if (default_init) {
    if ((nargs > 0 || nkw > 0) && user_new.is_null())
      return raise_fmt(ts, in.types.TypeError, "{}() takes no arguments", t->name->s);
    return inst;
  }
  Value r = call_with_self(ts, init, inst, args, nargs, kwnames, kwvalues, nkw);
  if (r.is_fail()) return r;
  if (!r.is_none())
    return raise_fmt(ts, in.types.TypeError, "__init__() should return None, not '{}'", type_name(ts, r));
  return inst;
}

}  // namespace

Value call_object(ThreadState& ts, Value callable, const Value* args, std::size_t nargs, Str* const* kwnames,
                  const Value* kwvalues, std::size_t nkw) {
  Interpreter& in = ts.interp;
  if (callable.is_obj()) {
    Object* o = callable.as_obj();
    switch (o->kind) {
      case Kind::Function:
        return call_function(ts, static_cast<Function*>(o), args, nargs, kwnames, kwvalues, nkw);
      case Kind::Native: {
        Native* n = static_cast<Native*>(o);
        Args a{const_cast<Value*>(args), nargs, kwnames, const_cast<Value*>(kwvalues), nkw};
        Value self = n->self.is_null() ? n->data : n->self;
        if (n->self.is_null() && n->method) {
          if (nargs == 0)
            return raise_fmt(ts, in.types.TypeError, "unbound method {}() needs an argument",
                             n->sig != nullptr ? std::string_view(n->sig->qual) : std::string_view(n->name));
          self = args[0];
          a = Args{a.pos + 1, nargs - 1, kwnames, a.kwvalues, nkw};
        }
        if (n->sig != nullptr) return call_bound_native(ts, n, self, a);
        return n->fn(ts, self, a);
      }
      case Kind::BoundMethod: {
        BoundMethod* b = static_cast<BoundMethod*>(o);
        return call_with_self(ts, b->func, b->self, args, nargs, kwnames, kwvalues, nkw);
      }
      case Kind::Type: {
        // A metaclass's own __call__ decides what calling the class does.
        Type* mt = o->type;
        if (!mt->builtin) {
          Value m = type_lookup(mt, in.names.__call__);
          if (!m.is_null() && !(m.is_obj() && m.as_obj()->kind == Kind::Native))
            return call_with_self(ts, m, callable, args, nargs, kwnames, kwvalues, nkw);
        }
        return instantiate(ts, static_cast<Type*>(o), args, nargs, kwnames, kwvalues, nkw);
      }
      case Kind::StaticMethod:
        return call_object(ts, static_cast<Wrapper*>(o)->func, args, nargs, kwnames, kwvalues, nkw);
      default: {
        Type* t = o->type;
        if (!t->builtin) {
          Value m = type_lookup(t, in.names.__call__);
          if (!m.is_null()) return call_with_self(ts, m, callable, args, nargs, kwnames, kwvalues, nkw);
        }
        break;
      }
    }
  }
  return raise_fmt(ts, in.types.TypeError, "'{}' object is not callable", type_name(ts, callable));
}

Value type_call(ThreadState& ts, Type* t, const Args& a) {
  return instantiate(ts, t, a.pos, a.npos, a.kwnames, a.kwvalues, a.nkw);
}

Value call(ThreadState& ts, Value callable, std::span<const Value> args) {
  return call_object(ts, callable, args.data(), args.size(), nullptr, nullptr, 0);
}

Value call_kw(ThreadState& ts, Value callable, std::span<const Value> args, std::span<Str* const> kwnames,
              std::span<const Value> kwvalues) {
  return call_object(ts, callable, args.data(), args.size(), kwnames.data(), kwvalues.data(), kwnames.size());
}

Value call_method(ThreadState& ts, Value o, Str* name, std::span<const Value> args) {
  Value m;
  if (!ops::load_method(ts, o, name, m)) return Value::fail();
  if (!m.is_null()) return call_with_self(ts, m, o, args.data(), args.size(), nullptr, nullptr, 0);
  Value f = get_attr(ts, o, name);
  if (f.is_fail()) return f;
  TempRoot root(ts, f);
  return call(ts, f, args);
}

bool is_callable(ThreadState& ts, Value v) {
  if (!v.is_obj()) return false;
  switch (v.as_obj()->kind) {
    case Kind::Function:
    case Kind::Native:
    case Kind::BoundMethod:
    case Kind::Type:
    case Kind::StaticMethod:
      return true;
    default: {
      Type* t = v.as_obj()->type;
      return !t->builtin && !type_lookup(t, ts.interp.names.__call__).is_null();
    }
  }
}

namespace {

// C3 linearization of a class with these bases (CPython's
// mro_implementation in Objects/typeobject.c): merge the bases' MROs and
// the base list, each step taking the first head that is in no list's tail.
bool c3_mro(ThreadState& ts, Type* t, const std::vector<Type*>& bases, std::vector<Type*>& out) {
  std::vector<const std::vector<Type*>*> seqs;
  for (Type* b : bases) seqs.push_back(&b->mro);
  seqs.push_back(&bases);
  std::vector<std::size_t> pos(seqs.size(), 0);
  out.assign(1, t);
  for (;;) {
    bool empty = true;
    Type* next = nullptr;
    for (std::size_t i = 0; i < seqs.size() && next == nullptr; ++i) {
      if (pos[i] >= seqs[i]->size()) continue;
      empty = false;
      Type* c = (*seqs[i])[pos[i]];
      bool in_tail = false;
      for (std::size_t j = 0; j < seqs.size() && !in_tail; ++j)
        for (std::size_t k = pos[j] + 1; k < seqs[j]->size(); ++k)
          if ((*seqs[j])[k] == c) {
            in_tail = true;
            break;
          }
      if (!in_tail) next = c;
    }
    if (empty) return true;
    if (next == nullptr) {
      // CPython names the remaining heads, each once.
      std::vector<Type*> heads;
      for (std::size_t i = 0; i < seqs.size(); ++i)
        if (pos[i] < seqs[i]->size() && std::find(heads.begin(), heads.end(), (*seqs[i])[pos[i]]) == heads.end())
          heads.push_back((*seqs[i])[pos[i]]);
      std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
      for (std::size_t i = 0; i < heads.size(); ++i) msg += (i ? ", " : " ") + heads[i]->name->s;
      raise(ts, ts.interp.types.TypeError, msg);
      return false;
    }
    out.push_back(next);
    for (std::size_t i = 0; i < seqs.size(); ++i)
      if (pos[i] < seqs[i]->size() && (*seqs[i])[pos[i]] == next) ++pos[i];
  }
}

// A base whose instances are plain Instances (no native layout).
bool plain_layout(const Type* b) { return b->layout == Kind::Instance && b->new_instance == nullptr; }

// CPython's best_base: the base whose instance layout the new class takes;
// two bases with different native layouts cannot be combined.
Type* best_base(ThreadState& ts, const std::vector<Type*>& bases) {
  Interpreter& in = ts.interp;
  Type* best = nullptr;
  for (Type* b : bases) {
    if (b->builtin && b != in.types.object && b->layout != Kind::Exception && b->new_instance == nullptr &&
        b->layout != Kind::Type) {
      raise_fmt(ts, in.types.TypeError, "subclassing the builtin type '{}' is not supported by gilvm", b->name->s);
      return nullptr;
    }
    if (best == nullptr || (plain_layout(best) && !plain_layout(b))) {
      best = b;
      continue;
    }
    if (plain_layout(b) || (b->layout == best->layout && b->new_instance == best->new_instance)) continue;
    raise(ts, in.types.TypeError, "multiple bases have instance lay-out conflict");
    return nullptr;
  }
  return best;
}

// Calls __set_name__(owner, name) on each attribute whose type has one;
// an error in it becomes a RuntimeError caused by it, as in CPython 3.11.
bool call_set_names(ThreadState& ts, Type* t) {
  Interpreter& in = ts.interp;
  std::vector<std::pair<Value, Value>> items;
  dict_for_each(t->dict, [&](Value k, Value v) { items.emplace_back(k, v); });
  for (auto& [k, v] : items) {
    Type* vt = type_of(ts, v);
    if (vt->builtin) continue;
    Value sn = type_lookup(vt, in.names.__set_name__);
    if (sn.is_null()) continue;
    Value args[3] = {v, obj(t), k};
    if (!call(ts, sn, args).is_fail()) continue;
    Value cause = take_exception(ts);
    TempRoot root(ts, cause);
    Value msg = new_str(ts, fmt::format("Error calling __set_name__ on '{}' instance '{}' in '{}'", vt->name->s,
                                        as_str(k) ? std::string_view(as_str(k)->s) : "?", t->name->s));
    TempRoot mroot(ts, msg);
    Value err = new_exception(ts, in.types.RuntimeError, std::span<const Value>(&msg, 1));
    if (Exception* e = as_exception(err)) {
      e->cause = cause;
      e->context = cause;
      e->suppress_context = true;
    }
    raise(ts, err);
    return false;
  }
  return true;
}

// The most derived of `meta` and the bases' metaclasses (CPython's
// _PyType_CalculateMetaclass); Null with TypeError on a conflict.
Type* winner_metaclass(ThreadState& ts, Type* meta, std::span<const Value> bases) {
  Type* winner = meta;
  for (Value b : bases) {
    Type* bt = type_of(ts, b);
    if (is_subtype(winner, bt)) continue;
    if (is_subtype(bt, winner)) {
      winner = bt;
      continue;
    }
    raise(ts, ts.interp.types.TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses "
          "of all its bases");
    return nullptr;
  }
  return winner;
}

}  // namespace

Value type_new(ThreadState& ts, Type* meta, Str* name, std::span<const Value> base_values, Dict* ns,
               std::span<Str* const> kwnames, std::span<const Value> kwvalues) {
  Interpreter& in = ts.interp;
  std::vector<Type*> bases;
  for (Value b : base_values) {
    Type* bt = as_type(b);
    if (bt == nullptr) return raise(ts, in.types.TypeError, "bases must be types");
    if (std::find(bases.begin(), bases.end(), bt) != bases.end())
      return raise_fmt(ts, in.types.TypeError, "duplicate base class {}", bt->name->s);
    bases.push_back(bt);
  }
  if (bases.empty()) bases.push_back(in.types.object);
  Type* base = best_base(ts, bases);
  if (base == nullptr) return Value::fail();
  // The class keeps a copy of the namespace (CPython's type_new does too).
  Dict* d = new_dict(ts);
  TempRoot droot(ts, obj(d));
  dict_for_each(ns, [&](Value k, Value v) {
    if (Str* ks = as_str(k)) dict_set_str(in, d, ks, v);
  });
  if (!dict_get_str(d, in.names.__eq__).is_null() && dict_get_str(d, in.names.__hash__).is_null())
    dict_set_str(in, d, in.names.__hash__, Value::none());
  // __init_subclass__ and __class_getitem__ are implicit classmethods.
  for (Str* n : {in.names.__init_subclass__, in.intern("__class_getitem__")}) {
    Value f = dict_get_str(d, n);
    if (as_function(f))
      dict_set_str(in, d, n, obj(in.heap.make<Wrapper>(in.types.classmethod, Kind::ClassMethod, f)));
  }
  Type* t = in.heap.make<Type>(meta, name, base, d, base->layout == Kind::Type ? Kind::Instance : base->layout, false);
  TempRoot troot(ts, obj(t));
  t->bases = bases;
  if (!c3_mro(ts, t, bases, t->mro)) return Value::fail();
  // A class made at an address a dead one had must not hit its cache lines.
  ++in.type_version;
  t->module_name = dict_get_str(d, in.names.__module__);
  if (t->module_name.is_null() && ts.frame != nullptr && ts.frame->globals != nullptr)
    t->module_name = dict_get_str(ts.frame->globals, in.names.__name__);
  if (t->module_name.is_null()) t->module_name = Value::none();
  if (!call_set_names(ts, t)) return Value::fail();
  // super(t, t).__init_subclass__(**kwargs)
  Super* sup = in.heap.make<Super>(in.types.super, t, obj(t));
  TempRoot sroot(ts, obj(sup));
  Value init_sub = get_attr(ts, obj(sup), in.names.__init_subclass__);
  if (init_sub.is_fail()) return init_sub;
  TempRoot iroot(ts, init_sub);
  if (call_kw(ts, init_sub, {}, kwnames, kwvalues).is_fail()) return Value::fail();
  return obj(t);
}

Value type_new_checked(ThreadState& ts, Type* meta, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.npos != 3) return raise(ts, in.types.TypeError, "type() takes 1 or 3 arguments");
  Str* name = as_str(a[0]);
  if (name == nullptr)
    return raise_fmt(ts, in.types.TypeError, "type.__new__() argument 1 must be str, not {}", type_name(ts, a[0]));
  Tuple* bases = as_tuple(a[1]);
  if (bases == nullptr)
    return raise_fmt(ts, in.types.TypeError, "type.__new__() argument 2 must be tuple, not {}", type_name(ts, a[1]));
  Dict* ns = as_dict(a[2]);
  if (ns == nullptr)
    return raise_fmt(ts, in.types.TypeError, "type.__new__() argument 3 must be dict, not {}", type_name(ts, a[2]));
  Type* winner = winner_metaclass(ts, meta, bases->items);
  if (winner == nullptr) return Value::fail();
  return type_new(ts, winner, name, bases->items, ns, std::span<Str* const>(a.kwnames, a.nkw),
                  std::span<const Value>(a.kwvalues, a.nkw));
}

Value build_class(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.npos < 2 || !as_function(a.pos[0]) || !as_str(a.pos[1]))
    return raise(ts, in.types.TypeError, "__build_class__: not enough arguments");
  Function* body = as_function(a.pos[0]);
  Str* name = as_str(a.pos[1]);
  std::span<const Value> base_values(a.pos + 2, a.npos - 2);
  Tuple* bases = new_tuple(ts, base_values);
  TempRoot bases_root(ts, obj(bases));
  // The class keywords less metaclass= go to __prepare__, the metaclass
  // and __init_subclass__.
  Value meta = Value::null();
  std::vector<Str*> kwnames;
  std::vector<Value> kwvalues;
  for (std::size_t i = 0; i < a.nkw; ++i) {
    if (a.kwnames[i]->s == "metaclass") {
      meta = a.kwvalues[i];
    } else {
      kwnames.push_back(a.kwnames[i]);
      kwvalues.push_back(a.kwvalues[i]);
    }
  }
  if (meta.is_null()) meta = base_values.empty() ? obj(in.types.type) : obj(type_of(ts, base_values[0]));
  if (Type* mt = as_type(meta)) {
    Type* w = winner_metaclass(ts, mt, base_values);
    if (w == nullptr) return Value::fail();
    meta = obj(w);
  }
  TempRoot meta_root(ts, meta);
  Dict* ns = nullptr;
  Value prepare = meta.as_obj() == in.types.type ? Value::null() : lookup_attr(ts, meta, in.intern("__prepare__"));
  if (prepare.is_fail()) return prepare;
  if (!prepare.is_null()) {
    TempRoot proot(ts, prepare);
    Value pargs[2] = {obj(name), obj(bases)};
    Value r = call_kw(ts, prepare, pargs, kwnames, kwvalues);
    if (r.is_fail()) return r;
    ns = as_dict(r);
    if (ns == nullptr || type_of(ts, r) != in.types.dict)
      return raise_fmt(ts, in.types.TypeError, "gilvm supports only a dict from __prepare__, not '{}'",
                       type_name(ts, r));
  } else {
    ns = new_dict(ts);
  }
  TempRoot ns_root(ts, obj(ns));
  // Run the class body with the namespace as its locals.
  Value* saved_top = ts.stack_top;
  Value gen;
  Frame* f = push_function_frame(ts, body, ts.stack_top, nullptr, 0, nullptr, nullptr, 0, false, &gen);
  if (f == nullptr) {
    ts.stack_top = saved_top;
    return Value::fail();
  }
  f->locals = ns;
  f->is_entry = true;
  Value cell = eval_frame(ts, f);
  ts.stack_top = saved_top;
  if (cell.is_fail()) return cell;
  TempRoot cell_root(ts, cell);
  Value cls;
  if (meta.as_obj() == in.types.type) {
    cls = type_new(ts, in.types.type, name, base_values, ns, kwnames, kwvalues);
  } else {
    Value args[3] = {obj(name), obj(bases), obj(ns)};
    cls = call_kw(ts, meta, args, kwnames, kwvalues);
  }
  if (cls.is_fail()) return cls;
  if (cell.is_obj() && cell.as_obj()->kind == Kind::Cell) static_cast<Cell*>(cell.as_obj())->value = cls;
  return cls;
}

namespace ops {

bool dict_merge(ThreadState& ts, Dict* target, Value mapping, bool for_call) {
  Interpreter& in = ts.interp;
  if (Dict* src = as_dict(mapping)) {
    for (std::size_t i = 0; i < src->entries.size(); ++i) {
      DictEntry e = src->entries[i];
      if (e.key.is_null()) continue;
      if (for_call) {
        if (!as_str(e.key)) {
          raise(ts, in.types.TypeError, "keywords must be strings");
          return false;
        }
        Value old = dict_get(ts, target, e.key);
        if (old.is_fail()) return false;
        if (!old.is_null()) {
          raise_fmt(ts, in.types.TypeError, "got multiple values for keyword argument '{}'", as_str(e.key)->s);
          return false;
        }
      }
      if (!dict_set(ts, target, e.key, e.value)) return false;
    }
    return true;
  }
  Value keys = lookup_attr(ts, mapping, in.names.keys);
  if (keys.is_fail()) return false;
  if (keys.is_null()) {
    if (for_call)
      raise_fmt(ts, in.types.TypeError, "argument after ** must be a mapping, not {}", type_name(ts, mapping));
    else
      raise_fmt(ts, in.types.TypeError, "'{}' object is not a mapping", type_name(ts, mapping));
    return false;
  }
  TempRoot kroot(ts, keys);
  Value ks = call(ts, keys, {});
  if (ks.is_fail()) return false;
  TempRoot ksroot(ts, ks);
  std::vector<Value> items;
  if (!collect(ts, ks, items)) return false;
  for (Value k : items) {
    Value v = get_item(ts, mapping, k);
    if (v.is_fail()) return false;
    if (!dict_set(ts, target, k, v)) return false;
  }
  return true;
}

Value call_with_containers(ThreadState& ts, Value callable, Value args_tuple, Value kwargs_dict) {
  Tuple* t = as_tuple(args_tuple);
  std::vector<Str*> names;
  std::vector<Value> values;
  if (Dict* d = as_dict(kwargs_dict)) {
    bool ok = true;
    dict_for_each(d, [&](Value k, Value v) {
      if (!as_str(k)) ok = false;
      names.push_back(as_str(k));
      values.push_back(v);
    });
    if (!ok) return raise(ts, ts.interp.types.TypeError, "keywords must be strings");
  }
  return call_object(ts, callable, t->items.data(), t->items.size(), names.data(), values.data(), names.size());
}

bool before_with(ThreadState& ts, Value mgr, Value& exit_fn, Value& entered) {
  Interpreter& in = ts.interp;
  Type* t = type_of(ts, mgr);
  Value enter = type_lookup(t, in.names.__enter__);
  Value exit = type_lookup(t, in.names.__exit__);
  if (enter.is_null() || exit.is_null()) {
    raise_fmt(ts, in.types.TypeError, "'{}' object does not support the context manager protocol", t->name->s);
    return false;
  }
  exit_fn = get_attr(ts, mgr, in.names.__exit__);
  if (exit_fn.is_fail()) return false;
  TempRoot root(ts, exit_fn);
  entered = call_method(ts, mgr, in.names.__enter__, {});
  return !entered.is_fail();
}

}  // namespace ops

}  // namespace gilvm
