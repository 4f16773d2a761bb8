// How a builtin type or a native module declares its methods, functions and
// attributes: one table row and one C++ function each.
//
// Adding a method to a builtin type
// ---------------------------------
// 1. Write the function. Its parameters arrive already bound, in the order
//    the signature declares them: a[0], a[1], ... (a.size() is the number of
//    declared parameters; an optional parameter the caller left out is
//    Null, so `a[1].is_null()` means "not given"). The receiver is `self`.
//
//      // list.insert(index, object, /)
//      Value list_insert(ThreadState& ts, Value self, const Args& a) {
//        List* l = ...;               // check the receiver: list.insert(5, 0, 1)
//        ... a[0] is index, a[1] is object ...
//      }
//
// 2. Add a row to the type's table, and the table is registered with one call
//    (add_methods for a type, add_functions for a module):
//
//      {"insert", list_insert, "index, object, /", Style::Positional, Access::Mutates,
//       "Insert object before index."},
//
// The binder (bind_args, run by the call path in vm/call.cpp) checks the
// arguments against the signature and raises CPython's exact TypeError when
// they do not fit; the function never sees a wrong count or an unknown
// keyword, and never parses keywords itself.
//
// Signatures
// ----------
// Argument Clinic's text form, parsed once at registration into a Signature:
//   "sep=None, maxsplit=-1"        two optional parameters, positional or keyword
//   "iterable, /, start=0"         `/`: the parameters before it are positional-only
//   "*, key=None, reverse=False"   `*`: the parameters after it are keyword-only
//   "*args, sep=' ', end='\n'"     `*args` collects extra positionals in a tuple;
//                                  the parameters after it are keyword-only
//   "**kwargs"                     collects unknown keywords in a dict (Null: none)
// `name=default` makes a parameter optional. The default text is documentation
// (it is what help() would show): the function receives Null and applies the
// default itself, so "None given" and "not given" stay distinguishable where
// Python distinguishes them (dict.pop(k) vs dict.pop(k, None)).
//
// Message styles
// --------------
// CPython words a wrong call differently depending on how the C function is
// declared; `Style` names each way, and a row states the one its CPython
// counterpart uses (messages for each style at the enum). A signature with
// any parameter that takes a keyword must use Style::Keywords.
//
// Access
// ------
// Whether a method only reads its receiver or mutates it. Nothing reads it
// yet; a mode without the GIL will take the receiver's lock around mutators
// from this flag rather than from code in each method.
//
// Attributes
// ----------
// A GetSetDef row makes a data descriptor in the type's dict (vm/attr.cpp
// finds it along the MRO like any class attribute, and it wins over an
// instance dict): `getter(ts, self)` returns the value, `setter` (optional)
// stores one; without a setter, assignment raises CPython's "attribute ...
// is not writable" / "readonly attribute".
//
// A row with a null signature is a function that reads its Args itself
// (the arguments arrive as the caller passed them). It is the exception, for
// the few callables whose parsing no signature expresses.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/object.h"

namespace gilvm {

class Interpreter;

// How CPython words the TypeError for a call that does not fit (Python/
// getargs.c, Objects/methodobject.c). `qual` is the qualified name
// ("str.upper", "time.sleep", "len"), `name` its last part.
enum class Style : std::uint8_t {
  // METH_NOARGS: "{qual}() takes no arguments (1 given)".
  NoArgs,
  // METH_O: "{qual}() takes exactly one argument (0 given)".
  One,
  // Positional-only clinic (_PyArg_CheckPositional): "{name} expected at
  // least 1 argument, got 0", "... at most 2 arguments ...", "{name}
  // expected 2 arguments, got 1".
  Positional,
  // PyArg_ParseTuple: "{name}() takes at least 1 argument (0 given)",
  // "... at most ..." / "... exactly ...".
  Getargs,
  // Clinic with keywords (_PyArg_UnpackKeywords): "{name}() takes at most 2
  // arguments (3 given)", "'x' is an invalid keyword argument for
  // {name}()", "{name}() missing required argument 'x' (pos 1)", "argument
  // for {name}() given by name ('x') and position (1)", "{name}() takes no
  // positional arguments", "{name}() takes exactly 2 positional arguments
  // (3 given)".
  Keywords,
};
// Styles other than Keywords take no keyword arguments: "{qual}() takes no
// keyword arguments".

// Whether a method reads or mutates its receiver (see the header comment).
enum class Access : std::uint8_t { Reads, Mutates };

// One method of a builtin type or one function of a native module.
struct MethodDef {
  const char* name;
  NativeFn fn;
  const char* signature = nullptr;  // Argument Clinic text; null: fn reads raw Args
  Style style = Style::Keywords;
  Access access = Access::Reads;
  const char* doc = nullptr;
};

// One attribute of a builtin type's instances, read (and written) through
// functions.
using Getter = Value (*)(ThreadState& ts, Value self);
// Returns false with an exception pending.
using Setter = bool (*)(ThreadState& ts, Value self, Value value);
struct GetSetDef {
  const char* name;
  Getter get;
  Setter set = nullptr;  // null: read-only
  const char* doc = nullptr;
};

// ---------------------------------------------------------------------------
// The parsed signature
// ---------------------------------------------------------------------------

enum class ParamKind : std::uint8_t { PositionalOnly, PositionalOrKeyword, KeywordOnly, VarArgs, VarKeywords };

struct Param {
  std::string name;
  ParamKind kind;
  bool required;
};

// A MethodDef's signature, parsed once. Bound arguments land in
// params.size() slots, in declaration order.
struct Signature {
  const MethodDef* def;
  std::string qual;                // "list.insert", "time.sleep", "len"
  std::string name;                // "insert"
  std::vector<Param> params;
  std::uint8_t posonly = 0;        // leading positional-only parameters
  std::uint8_t max_pos = 0;        // parameters a positional argument can fill
  std::uint8_t min_pos = 0;        // leading required positional parameters
  std::uint8_t max_args = 0;       // parameters, not counting *args / **kwargs
  std::int8_t varargs = -1;        // slot of *args, or -1
  std::int8_t varkw = -1;          // slot of **kwargs, or -1
  bool takes_keywords = false;     // any parameter may be passed by name
};

// Parses `def.signature` (which must not be null) for a callable whose
// qualified name is `qual`. Aborts with a message on a malformed signature:
// that is a bug in a table, found at start-up.
Signature parse_signature(const MethodDef& def, std::string_view qual);

// The binder: fits `a` to `sig`, writing sig.params.size() values to `out`
// (Null for an optional parameter not given; a tuple for *args; a dict or
// Null for **kwargs). Returns false with CPython's TypeError pending. `out`
// must be rooted when the signature has *args or **kwargs (they allocate).
[[nodiscard]] bool bind_args(ThreadState& ts, const Signature& sig, const Args& a, Value* out);

// TypeError "'{kw}' is an invalid keyword argument for {fname}()": for the
// few natives that read keywords themselves (print, min/max take *args
// without building a tuple). Returns Value::fail().
Value raise_invalid_keyword(ThreadState& ts, std::string_view kw, std::string_view fname);

// Calls a native whose row has a signature: binds, then calls its function
// with the bound parameters. The fast paths (no keywords, every parameter
// given positionally, METH_NOARGS / METH_O) build nothing.
Value call_bound_native(ThreadState& ts, const Native* n, Value self, const Args& a);

// ---------------------------------------------------------------------------
// Registration: one call per type or module. Tables must be static (the
// Natives and descriptors made from them point at their rows).
// ---------------------------------------------------------------------------

// Puts the methods (and attribute descriptors) into t's dict.
void add_methods(Interpreter& interp, Type* t, std::span<const MethodDef> defs,
                 std::span<const GetSetDef> getsets = {});
// Puts the functions into a module's dict; their qualified name is
// "module.name" (the dict's __name__), or "name" for builtins.
void add_functions(Interpreter& interp, Dict* module_dict, std::span<const MethodDef> defs);

// The descriptor a GetSetDef becomes (an Opaque of type getset_descriptor):
// its row and the type that owns it, for repr and the error messages.
struct GetSetDescr : Opaque {
  const GetSetDef* def;
  Type* owner;
  GetSetDescr(Type* t, const GetSetDef* d, Type* o) : Opaque(t), def(d), owner(o) {}
  void trace(Tracer&) override;
};
// The descriptor when v is one, else null.
GetSetDescr* as_getset(Interpreter& interp, Value v);

}  // namespace gilvm
