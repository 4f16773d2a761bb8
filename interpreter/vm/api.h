// The API that native code (builtins, methods of builtin types, native
// modules) uses to work with Values. One rule for errors everywhere: a
// function that can fail returns Value::fail() (or false / -1 / nullopt, as
// its comment says) with an exception pending in the ThreadState; the
// caller propagates it. No C++ exception crosses this API.
//
// Where behaviour follows Python, the Python Language Reference
// ("Data model", "Expressions") is the authority; messages are CPython's.
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "front/ast.h"
#include "vm/interp.h"
#include "vm/native.h"

namespace gilvm {

// ---------------------------------------------------------------------------
// Raising
// ---------------------------------------------------------------------------

// Sets `exc` (an exception instance) as the pending exception, chaining the
// exception being handled as its __context__. Returns Value::fail().
Value raise(ThreadState& ts, Value exc);
// Creates an exception of `type` with one str argument and raises it.
Value raise(ThreadState& ts, Type* type, std::string_view message);
template <class... A>
Value raise_fmt(ThreadState& ts, Type* type, fmt::format_string<A...> f, A&&... args) {
  return raise(ts, type, fmt::format(f, std::forward<A>(args)...));
}
// Creates an exception instance (not raised): type(*args).
Value new_exception(ThreadState& ts, Type* type, std::span<const Value> args);
// True when the pending exception is an instance of `type`.
bool exception_matches(ThreadState& ts, Type* type);
// Takes the pending exception away (returns it; Null when none).
Value take_exception(ThreadState& ts);

// ---------------------------------------------------------------------------
// Making values
// ---------------------------------------------------------------------------

Value new_str(ThreadState& ts, std::string text);
Str* new_str_obj(Interpreter& interp, std::string text);
// A str from text already known to be valid UTF-8 of `code_points` code
// points (a decoder that validated it has counted them).
Str* new_str_obj(Interpreter& interp, std::string_view valid_utf8, std::size_t code_points);
Value new_bytes(ThreadState& ts, std::string data);
// An int from a BigInt: inline when it fits int64.
Value new_int(ThreadState& ts, BigInt v);
List* new_list(ThreadState& ts, std::size_t reserve = 0);
Tuple* new_tuple(ThreadState& ts, std::span<const Value> items);
Tuple* new_tuple(ThreadState& ts, std::initializer_list<Value> items);
Dict* new_dict(ThreadState& ts);
Set* new_set(ThreadState& ts, bool frozen = false);
Native* new_native(ThreadState& ts, NativeFn fn, const char* name, Value self = Value::null());
Value obj(Object* o);  // Value::from_obj, shorter

// ---------------------------------------------------------------------------
// Inspecting values
// ---------------------------------------------------------------------------

Type* type_of(Interpreter& interp, Value v);
inline Type* type_of(ThreadState& ts, Value v);
// The type's __name__, for messages ("int", "str", "MyClass").
std::string_view type_name(ThreadState& ts, Value v);
bool is_subtype(const Type* t, const Type* base);
bool isinstance(ThreadState& ts, Value v, Type* t);

// Downcasts by kind; null when v is not an object of that kind.
template <class T, Kind K>
T* as_kind(Value v) {
  return v.is_obj() && v.as_obj()->kind == K ? static_cast<T*>(v.as_obj()) : nullptr;
}
inline Str* as_str(Value v) { return as_kind<Str, Kind::Str>(v); }
inline Bytes* as_bytes(Value v) { return as_kind<Bytes, Kind::Bytes>(v); }
inline List* as_list(Value v) { return as_kind<List, Kind::List>(v); }
inline Tuple* as_tuple(Value v) { return as_kind<Tuple, Kind::Tuple>(v); }
inline Dict* as_dict(Value v) { return as_kind<Dict, Kind::Dict>(v); }
inline Set* as_set(Value v) { return as_kind<Set, Kind::Set>(v); }
inline Type* as_type(Value v) { return as_kind<Type, Kind::Type>(v); }
inline Function* as_function(Value v) { return as_kind<Function, Kind::Function>(v); }
inline BigIntObj* as_bigint(Value v) { return as_kind<BigIntObj, Kind::BigInt>(v); }
inline Exception* as_exception(Value v) { return as_kind<Exception, Kind::Exception>(v); }
inline Module* as_module(Value v) { return as_kind<Module, Kind::Module>(v); }

// int-like: an inline int, a bool, or a BigInt.
bool is_int_like(Value v);
// Converts an int-like (or an object with __index__) to int64; raises
// OverflowError / TypeError and returns nullopt when it cannot.
std::optional<std::int64_t> to_index(ThreadState& ts, Value v);
// A C int argument (a file descriptor, a socket option), as CPython's "i"
// converter: OverflowError "Python int too large to convert to C int".
bool to_c_int(ThreadState& ts, Value v, int& out);
// Converts an int-like to BigInt (no error for int-likes).
BigInt to_bigint(Value v);
// int or float to double; raises TypeError for other types.
std::optional<double> to_double(ThreadState& ts, Value v);

// ---------------------------------------------------------------------------
// Protocols (each may call Python code)
// ---------------------------------------------------------------------------

// truth value: 1, 0, or -1 on error
int truthy(ThreadState& ts, Value v);
// ==: 1, 0, or -1 on error. Identity implies equality for containers'
// purposes, as CPython's PyObject_RichCompare(..., Py_EQ) in containers.
int equals(ThreadState& ts, Value a, Value b);
// Rich comparison returning a Value (may be any object).
Value compare(ThreadState& ts, front::CmpOp op, Value a, Value b);
// hash(v); false on error (unhashable type).
bool hash_value(ThreadState& ts, Value v, std::int64_t& out);
Value binary_op(ThreadState& ts, front::BinOp op, Value a, Value b);
Value inplace_op(ThreadState& ts, front::BinOp op, Value a, Value b);
Value unary_op(ThreadState& ts, front::UnaryOp op, Value v);
// `needle in container`: 1, 0, -1
int contains(ThreadState& ts, Value container, Value needle);

// repr(v) and str(v) as Str objects (nullptr on error).
Str* repr(ThreadState& ts, Value v);
Str* str(ThreadState& ts, Value v);
// The same as std::string, for natives building text (nullopt on error).
std::optional<std::string> repr_string(ThreadState& ts, Value v);
std::optional<std::string> str_string(ThreadState& ts, Value v);
// ascii(v): repr(v) with every non-ASCII code point escaped as \xNN, \uNNNN
// or \UNNNNNNNN (nullopt on error).
std::optional<std::string> ascii_string(ThreadState& ts, Value v);
// format(v, spec)
Value format_value(ThreadState& ts, Value v, std::string_view spec);

// iter(v); next(it) returns Null when exhausted (StopIteration is consumed).
Value get_iter(ThreadState& ts, Value v);
Value iter_next(ThreadState& ts, Value it);
// Collects an iterable into a vector (rooted by the caller as needed).
bool collect(ThreadState& ts, Value iterable, std::vector<Value>& out);

// len(v); -1 on error
std::int64_t length(ThreadState& ts, Value v);
Value get_item(ThreadState& ts, Value obj, Value key);
bool set_item(ThreadState& ts, Value obj, Value key, Value value);
bool del_item(ThreadState& ts, Value obj, Value key);

// Attributes. get_attr raises AttributeError; lookup_attr returns Null
// without raising when the attribute is missing (Fail on another error).
Value get_attr(ThreadState& ts, Value obj, Str* name);
Value lookup_attr(ThreadState& ts, Value obj, Str* name);
bool set_attr(ThreadState& ts, Value obj, Str* name, Value value);
bool del_attr(ThreadState& ts, Value obj, Str* name);
// object.__getattribute__/__setattr__/__delattr__: the generic lookup
// without a class's own override (generic_getattr returns Null when
// missing); raise_no_attr raises CPython's AttributeError for it.
Value generic_getattr(ThreadState& ts, Value obj, Str* name);
bool generic_setattr(ThreadState& ts, Value obj, Str* name, Value value);
bool generic_delattr(ThreadState& ts, Value obj, Str* name);
Value raise_no_attr(ThreadState& ts, Value obj, Str* name);
// Looks `name` up along the type's MRO (no instance dict, no binding).
Value type_lookup(const Type* t, Str* name);

// Calls. call() re-enters the eval loop for Python functions.
Value call(ThreadState& ts, Value callable, std::span<const Value> args);
Value call_kw(ThreadState& ts, Value callable, std::span<const Value> args,
              std::span<Str* const> kwnames, std::span<const Value> kwvalues);
// Calls obj.name(*args); raises AttributeError if missing.
Value call_method(ThreadState& ts, Value obj, Str* name, std::span<const Value> args);
bool is_callable(ThreadState& ts, Value v);

// ---------------------------------------------------------------------------
// Dicts and sets (runtime/dict.cpp, runtime/set.cpp)
// ---------------------------------------------------------------------------

// Lookup returns Null when missing, Fail on error.
Value dict_get(ThreadState& ts, Dict* d, Value key);
bool dict_set(ThreadState& ts, Dict* d, Value key, Value value);
// Deletes key: 1 deleted, 0 missing, -1 error.
int dict_del(ThreadState& ts, Dict* d, Value key);
// Fast paths for str keys (never call Python code, never fail).
Value dict_get_str(Dict* d, Str* key);
void dict_set_str(Interpreter& interp, Dict* d, Str* key, Value value);
Value dict_get_cstr(Interpreter& interp, Dict* d, std::string_view key);
void dict_set_cstr(Interpreter& interp, Dict* d, std::string_view key, Value value);
// Iteration over live entries in insertion order.
template <class F>
void dict_for_each(Dict* d, F&& f) {
  for (std::size_t i = 0; i < d->entries.size(); ++i)
    if (!d->entries[i].key.is_null()) f(d->entries[i].key, d->entries[i].value);
}
// 1 added / present, -1 error
int set_add(ThreadState& ts, Set* s, Value key);
int set_contains(ThreadState& ts, Set* s, Value key);
int set_discard(ThreadState& ts, Set* s, Value key);  // 1 removed, 0 missing, -1 error

// ---------------------------------------------------------------------------
// Rooting (vm/heap.h): keeps a Value alive across calls back into Python.
// ---------------------------------------------------------------------------

class TempRoot {
 public:
  TempRoot(ThreadState& ts, Value v);
  ~TempRoot();
  TempRoot(const TempRoot&) = delete;
  TempRoot& operator=(const TempRoot&) = delete;
  Value get() const { return *slot_; }
  void set(Value v) { *slot_ = v; }

 private:
  ThreadState& ts_;
  Value* slot_;
};

// ---------------------------------------------------------------------------
// Native argument helpers
// ---------------------------------------------------------------------------

// Raises TypeError "NAME() takes ..." unless min <= npos <= max and there
// are no keyword arguments (when allow_kw is false).
bool check_args(ThreadState& ts, const Args& a, const char* name, std::size_t min,
                std::size_t max, bool allow_kw = false);
// The keyword argument `name`, or Null.
Value kwarg(const Args& a, std::string_view name);

// Makes a builtin type (layout = the Kind of its instances).
Type* make_builtin_type(Interpreter& interp, std::string_view name, Type* base, Kind layout);

// The current thread's state (set while a thread runs Python code).
ThreadState& current_thread();
ThreadState* current_thread_or_null();

// locals() of frame `f` (of any thread; read under the GIL): the namespace
// dict of a module or class body, or a snapshot of a function's fast locals
// and cells (runtime/builtins.cpp).
Value frame_locals_of(ThreadState& ts, const Frame* f);

inline Type* type_of(ThreadState& ts, Value v) { return type_of(ts.interp, v); }

}  // namespace gilvm
