// The heap objects behind Value::from_obj.
//
// Every object starts with the Object header: its Python type, its layout
// Kind (which C++ struct it is), and the collector's bookkeeping. `type`
// answers type(x); `kind` picks the C++ code path. They differ for instances
// of user classes: a `class E(ValueError)` instance has type E and kind
// Exception; a plain `class P:` instance has kind Instance.
//
// All objects are allocated through Heap::make (vm/heap.h) and reclaimed by
// the tracing collector, which calls trace() to find what an object refers
// to; the heap keeps its bookkeeping (where objects are, which are marked)
// in its pages, not in this header. Objects are only touched by a thread
// that holds the GIL.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/bigint.h"
#include "vm/value.h"

namespace gilvm {

struct Type;
struct Str;
struct Dict;
struct Tuple;
struct CodeObject;
struct ThreadState;
class Tracer;

enum class Kind : std::uint8_t {
  Str, Bytes, BigInt, List, Tuple, Dict, Set, Range, Slice,
  Function, Native, BoundMethod, Type, Instance, Exception, Module, Cell,
  Code, Generator, Iterator, Property, StaticMethod, ClassMethod, Super,
  File, Singleton, Opaque,
};

struct Object {
  Type* type;
  Kind kind;

  Object(Type* t, Kind k) : type(t), kind(k) {}
  virtual ~Object() = default;
  // Mark every Value and Object this object holds (vm/heap.h Tracer).
  virtual void trace(Tracer&) {}
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
};

// ---------------------------------------------------------------------------
// Immutable scalars
// ---------------------------------------------------------------------------

// str: UTF-8 text. Python indexes by code point; `ascii` makes that O(1) for
// the common case, otherwise indexing walks the bytes.
struct Str : Object {
  // The flags first: they fit in Object's tail padding (a str is 72 bytes,
  // a 72-byte heap slot).
  bool ascii;
  bool interned = false;
  std::string s;
  std::size_t length;           // in code points
  mutable std::int64_t hash_ = -1;  // -1: not computed yet
  Str(Type* t, std::string text);
  // From text whose code points were counted already (UTF-8: all ASCII
  // exactly when there are as many code points as bytes).
  Str(Type* t, std::string_view text, std::size_t code_points)
      : Object(t, Kind::Str), ascii(code_points == text.size()), s(text), length(code_points) {}
};

struct Bytes : Object {
  std::string s;
  mutable std::int64_t hash_ = -1;
  Bytes(Type* t, std::string data) : Object(t, Kind::Bytes), s(std::move(data)) {}
};

struct BigIntObj : Object {
  BigInt v;
  BigIntObj(Type* t, BigInt x) : Object(t, Kind::BigInt), v(std::move(x)) {}
};

// ---------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------

struct List : Object {
  std::vector<Value> items;
  explicit List(Type* t) : Object(t, Kind::List) {}
  void trace(Tracer&) override;
};

struct Tuple : Object {
  std::vector<Value> items;
  mutable std::int64_t hash_ = -1;
  explicit Tuple(Type* t) : Object(t, Kind::Tuple) {}
  void trace(Tracer&) override;
};

// dict: insertion-ordered, as CPython's compact dict (Objects/dictobject.c):
// `entries` in insertion order (a deleted entry keeps its slot with a Null
// key until the next resize), `index` an open-addressed table of positions
// into `entries` (-1 empty, -2 deleted). Key comparison may call __eq__, so
// the operations that look keys up take a ThreadState and can fail.
struct DictEntry {
  std::int64_t hash;
  Value key;  // Null: deleted
  Value value;
};
struct Dict : Object {
  std::vector<DictEntry> entries;
  std::vector<std::int32_t> index;  // size is a power of two, or empty
  std::size_t used = 0;             // live entries
  // Bumped by every change (insert, delete, value replaced): LOAD_GLOBAL's
  // cache (compiler/code.h) is valid while the version it saw is current.
  std::uint64_t version = 0;
  explicit Dict(Type* t) : Object(t, Kind::Dict) {}
  void trace(Tracer&) override;
};

// set / frozenset: CPython's open-addressed table (Objects/setobject.c) with
// the same probe sequence and resize rule, so iterating a set of ints visits
// them in the order CPython does, and printed sets match.
struct SetEntry {
  std::int64_t hash;
  Value key;  // Null + hash 0: unused; Null + hash -1: dummy (deleted)
};
struct Set : Object {
  std::vector<SetEntry> table;  // power-of-two size, at least 8
  std::size_t fill = 0;         // active + dummy
  std::size_t used = 0;         // active
  bool frozen;
  mutable std::int64_t hash_ = -1;  // frozenset only
  Set(Type* t, bool is_frozen);
  void trace(Tracer&) override;
};

struct Range : Object {
  std::int64_t start, stop, step, length;
  Range(Type* t, std::int64_t a, std::int64_t b, std::int64_t c);
};

struct Slice : Object {
  Value start, stop, step;
  Slice(Type* t, Value a, Value b, Value c) : Object(t, Kind::Slice), start(a), stop(b), step(c) {}
  void trace(Tracer&) override;
};

// ---------------------------------------------------------------------------
// Callables
// ---------------------------------------------------------------------------

struct Cell : Object {
  Value value;  // Null: empty (unbound free variable)
  explicit Cell(Type* t) : Object(t, Kind::Cell) {}
  void trace(Tracer&) override;
};

struct Module;

struct Function : Object {
  CodeObject* code;
  Dict* globals;
  Str* name;
  Str* qualname;
  Tuple* defaults = nullptr;    // positional defaults, or null
  Dict* kwdefaults = nullptr;   // keyword-only defaults, or null
  Tuple* closure = nullptr;     // cells for the code's free variables, or null
  Dict* dict = nullptr;         // function attributes (__doc__, __wrapped__...), lazily
  Value module_name;            // __module__
  Function(Type* t, CodeObject* c, Dict* g);
  void trace(Tracer&) override;
};

// Arguments to a native function. Positional arguments are a span over the
// caller's value stack (rooted for the collector); keyword arguments are
// parallel spans of names and values. `self` is set for methods of builtin
// types (it is not in pos).
struct Args {
  Value* pos = nullptr;
  std::size_t npos = 0;
  Str* const* kwnames = nullptr;
  Value* kwvalues = nullptr;
  std::size_t nkw = 0;

  Value operator[](std::size_t i) const { return pos[i]; }
  std::size_t size() const { return npos; }
};

// One signature for every native function (docs/style.md §7). Returns the result,
// or Value::fail() with an exception pending in ts.
using NativeFn = Value (*)(ThreadState& ts, Value self, const Args& args);

struct Signature;
struct Native : Object {
  NativeFn fn;
  const char* name;
  // The parsed signature of its table row (vm/native.h): the call path binds
  // the arguments before calling fn. Null: fn reads the Args as passed.
  const Signature* sig = nullptr;
  Value self;          // bound receiver for builtin methods, or Null
  Value data;          // extra per-native state (e.g. the module), or Null
  // A method of a builtin type, found in the type's dict: called unbound
  // (str.upper("a")) its first argument is the receiver.
  bool method = false;
  Native(Type* t, NativeFn f, const char* n, Value s = Value::null())
      : Object(t, Kind::Native), fn(f), name(n), self(s) {}
  void trace(Tracer&) override;
};

struct BoundMethod : Object {
  Value func;
  Value self;
  BoundMethod(Type* t, Value f, Value s) : Object(t, Kind::BoundMethod), func(f), self(s) {}
  void trace(Tracer&) override;
};

// staticmethod / classmethod / property wrappers (descriptors).
struct Wrapper : Object {
  Value func;      // staticmethod, classmethod: the function; property: fget
  Value fset, fdel, doc;
  Wrapper(Type* t, Kind k, Value f) : Object(t, k), func(f) {}
  void trace(Tracer&) override;
};

struct Super : Object {
  Type* start;   // look up past this class in the MRO of obj's type
  Value obj;
  Super(Type* t, Type* s, Value o) : Object(t, Kind::Super), start(s), obj(o) {}
  void trace(Tracer&) override;
};

// ---------------------------------------------------------------------------
// Classes and instances
// ---------------------------------------------------------------------------

// A class, builtin or user-defined. `layout` is the Kind an instance of this
// class has: Instance for plain classes, Exception for BaseException and its
// subclasses, and the builtin kind for builtin types (which user classes may
// not subclass, except object and the exceptions).
struct Type : Object {
  Str* name;
  Type* base;                 // __base__: the base whose layout instances have; null only for object
  std::vector<Type*> bases;   // __bases__ in order (empty only for object)
  std::vector<Type*> mro;     // this class first, object last (C3 for several bases)
  Dict* dict;                 // class attributes and methods
  Kind layout;
  bool builtin;               // a type gilvm defines natively
  // Calling a builtin type, e.g. int("12"), list(x): self is the type object
  // (a subclass for exceptions). Null for user classes (vm/call.cpp builds
  // the instance and runs __init__).
  NativeFn ctor = nullptr;
  Value module_name;          // __module__ (user classes)
  // A native type that Python classes may subclass (asyncio's Future and
  // Task, as CPython's C types are): makes a blank instance of t, the
  // native type or a subclass (an Opaque, whose attribute dict set_attr
  // makes on first use). Inherited, so calling a subclass and
  // object.__new__ make the native layout; build_class allows such a base.
  // Null for other types.
  Object* (*new_instance)(ThreadState& ts, Type* t) = nullptr;
  // Native awaitables (CPython's am_send): `await x` whose __await__
  // returned such an object drives it with this instead of __next__ or
  // send(), so its return value arrives without a StopIteration. Returns
  // the value to yield (*done false) or the result (*done true), or Fail.
  // Inherited as new_instance is.
  Value (*am_send)(ThreadState& ts, Value it, Value arg, bool* done) = nullptr;
  // What happens when an instance dies (vm/finalize.h); null for most
  // types. Not inherited.
  const struct Finalizer* finalizer = nullptr;
  Type(Type* meta, Str* n, Type* b, Dict* d, Kind l, bool is_builtin);
  void trace(Tracer&) override;
};

struct Instance : Object {
  Dict* dict;  // instance attributes
  Instance(Type* t, Dict* d, Kind k = Kind::Instance) : Object(t, k), dict(d) {}
  void trace(Tracer&) override;
};

// One line of a traceback: where an exception passed through.
struct TraceEntry {
  CodeObject* code;
  int line;
};

struct Exception : Instance {
  Tuple* args;
  std::vector<TraceEntry> traceback;   // innermost first
  Value cause;                         // __cause__ (Null: none)
  Value context;                       // __context__ (Null: none)
  bool suppress_context = false;
  Exception(Type* t, Dict* d, Tuple* a) : Instance(t, d, Kind::Exception), args(a) {}
  void trace(Tracer&) override;
};

struct Module : Object {
  Dict* dict;  // the module's globals
  Module(Type* t, Dict* d) : Object(t, Kind::Module), dict(d) {}
  void trace(Tracer&) override;
};

// None's, NotImplemented's and Ellipsis's types need an object for
// NotImplemented and Ellipsis; None itself is inline.
struct Singleton : Object {
  const char* repr;
  Singleton(Type* t, const char* r) : Object(t, Kind::Singleton), repr(r) {}
};

// A native iterator: list/tuple/str/range/dict/set iteration, enumerate, zip,
// map, filter, reversed, and so on. `next` produces the next item, or Null
// when exhausted, or Fail with an exception pending.
struct Iterator;
using IterNextFn = Value (*)(ThreadState& ts, Iterator* it);
struct Iterator : Object {
  IterNextFn next;
  Value source;          // the container or the inner iterator(s)
  Value extra;           // a function (map/filter), a tuple of iterators (zip), ...
  std::int64_t pos = 0;  // cursor
  std::int64_t end = 0;  // bound or step, by iterator
  Iterator(Type* t, IterNextFn f, Value src) : Object(t, Kind::Iterator), next(f), source(src) {}
  void trace(Tracer&) override;
};

// An object a native module owns (an open file, a lock, ...): a C++ payload
// behind a Python type. The payload's destructor runs when it is collected.
struct Opaque : Object {
  // Attributes of an instance of a native type that Python classes may
  // subclass (Type::new_instance), made on the first one set (vm/attr.cpp);
  // always null for other native types, whose instances take none.
  Dict* dict = nullptr;
  Opaque(Type* t) : Object(t, Kind::Opaque) {}
  void trace(Tracer&) override;
};

}  // namespace gilvm
