// Constructors and trace() of the heap objects declared in vm/object.h.
// trace() marks exactly the Values and Objects an object holds; an object
// that holds none keeps the default (empty) trace.
#include "vm/object.h"

#include "compiler/code.h"
#include "runtime/unicode.h"
#include "vm/heap.h"
#include "vm/interp.h"

namespace gilvm {

Str::Str(Type* t, std::string text) : Object(t, Kind::Str), s(std::move(text)) {
  ascii = text::is_ascii(s);
  length = ascii ? s.size() : text::utf8_length(s);
}

Set::Set(Type* t, bool is_frozen) : Object(t, Kind::Set), table(8), frozen(is_frozen) {}

Range::Range(Type* t, std::int64_t a, std::int64_t b, std::int64_t c)
    : Object(t, Kind::Range), start(a), stop(b), step(c), length(0) {
  if (step > 0 && a < b)
    length = static_cast<std::int64_t>((static_cast<unsigned __int128>(b - a) + step - 1) / step);
  else if (step < 0 && a > b)
    length = static_cast<std::int64_t>((static_cast<unsigned __int128>(a - b) + (-step) - 1) / (-step));
}

Function::Function(Type* t, CodeObject* c, Dict* g)
    : Object(t, Kind::Function), code(c), globals(g), name(c->name), qualname(c->qualname) {}

Type::Type(Type* meta, Str* n, Type* b, Dict* d, Kind l, bool is_builtin)
    : Object(meta, Kind::Type), name(n), base(b), dict(d), layout(l), builtin(is_builtin) {
  if (b != nullptr) {
    new_instance = b->new_instance;
    am_send = b->am_send;
  }
  if (b != nullptr) bases.push_back(b);
  mro.push_back(this);
  for (Type* p = b; p != nullptr; p = p->base) mro.push_back(p);
}

Generator::Generator(Type* t, Function* f) : Object(t, Kind::Generator), func(f) {}

void List::trace(Tracer& t) {
  for (Value v : items) t.mark(v);
}
void Tuple::trace(Tracer& t) {
  for (Value v : items) t.mark(v);
}
void Dict::trace(Tracer& t) {
  for (auto& e : entries) {
    t.mark(e.key);
    t.mark(e.value);
  }
}
void Set::trace(Tracer& t) {
  for (auto& e : table) t.mark(e.key);
}
void Slice::trace(Tracer& t) {
  t.mark(start);
  t.mark(stop);
  t.mark(step);
}
void Cell::trace(Tracer& t) { t.mark(value); }
void Opaque::trace(Tracer& t) { t.mark(dict); }
void Function::trace(Tracer& t) {
  t.mark(code);
  t.mark(globals);
  t.mark(name);
  t.mark(qualname);
  t.mark(defaults);
  t.mark(kwdefaults);
  t.mark(closure);
  t.mark(dict);
  t.mark(module_name);
}
void Native::trace(Tracer& t) {
  t.mark(self);
  t.mark(data);
}
void BoundMethod::trace(Tracer& t) {
  t.mark(func);
  t.mark(self);
}
void Wrapper::trace(Tracer& t) {
  t.mark(func);
  t.mark(fset);
  t.mark(fdel);
  t.mark(doc);
}
void Super::trace(Tracer& t) {
  t.mark(start);
  t.mark(obj);
}
void Type::trace(Tracer& t) {
  t.mark(name);
  t.mark(base);
  for (Type* b : bases) t.mark(b);
  for (Type* m : mro) t.mark(m);
  t.mark(dict);
  t.mark(module_name);
}
void Instance::trace(Tracer& t) { t.mark(dict); }
void Exception::trace(Tracer& t) {
  Instance::trace(t);
  t.mark(args);
  t.mark(cause);
  t.mark(context);
  for (auto& e : traceback) t.mark(e.code);
}
void Module::trace(Tracer& t) { t.mark(dict); }
void Iterator::trace(Tracer& t) {
  t.mark(source);
  t.mark(extra);
}
void CodeObject::trace(Tracer& t) {
  for (Value v : consts) t.mark(v);
  for (Str* s : names) t.mark(s);
  for (Str* s : varnames) t.mark(s);
  for (Str* s : cellvars) t.mark(s);
  for (Str* s : freevars) t.mark(s);
  t.mark(name);
  t.mark(qualname);
  t.mark(filename);
  for (auto& e : global_cache) {
    t.mark(e.globals);
    t.mark(e.value);
  }
}
void Generator::trace(Tracer& t) {
  t.mark(func);
  t.mark(created_in);
  for (Value v : slots) t.mark(v);
}

}  // namespace gilvm
