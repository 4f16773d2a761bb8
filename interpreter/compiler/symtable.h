// Scope analysis: which names are locals, cells, free variables or globals
// (Python Language Reference §4.2, "Naming and binding"; the same analysis as
// CPython's Python/symtable.c, in two passes).
//
// Pass 1 walks the AST and records, per scope, which names are bound
// (assigned, parameters, imports, def/class names, for/with/except targets),
// used, or declared global/nonlocal. Pass 2 resolves each name of each
// function scope: bound here → local (or cell, if an inner function uses
// it); bound in an enclosing function → free here and in every function in
// between, and a cell there; otherwise → global. Class bodies are skipped by
// the search (methods do not see class attributes as variables), but a class
// body that uses a variable of its enclosing function reads it as free.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "front/ast.h"
#include "front/parser.h"

namespace gilvm::compiler {

enum class ScopeKind { Module, Function, Class };

enum class NameScope {
  Local,           // a fast local of a function
  Cell,            // a local of a function that inner functions capture
  Free,            // captured from an enclosing function
  GlobalExplicit,  // declared `global`
  GlobalImplicit,  // not bound in any enclosing function
  Name,            // module and class bodies: the namespace dict
};

struct Scope {
  ScopeKind kind;
  std::string name;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;

  // Pass 1.
  std::map<std::string, unsigned> flags;  // kBound | kUsed | kParam | kGlobal | kNonlocal
  std::vector<std::string> params;        // in order: positional, kwonly, *args, **kwargs
  std::vector<std::string> bound_order;   // first binding order, for stable local numbering
  bool is_generator = false;
  bool is_coroutine = false;              // an async def: calling it makes a coroutine
  bool uses_super = false;                // a function that calls super() / uses __class__
  bool needs_class_cell = false;          // a class whose methods use __class__
  // The innermost enclosing class's name (this class's, for a class), for
  // private name mangling: __x in its body and methods is _Class__x
  // (Language Reference §6.2.1). Empty outside classes.
  std::string private_name;
  int line = 0;

  // Pass 2.
  std::map<std::string, NameScope> resolved;
  std::vector<std::string> cellvars;      // sorted, as CPython orders them
  std::vector<std::string> freevars;

  NameScope lookup(const std::string& n) const;
};

// kCompIter: a comprehension's iteration variable (an assignment
// expression may not rebind it).
enum : unsigned { kBound = 1, kUsed = 2, kParam = 4, kGlobal = 8, kNonlocal = 16, kCompIter = 32 };

struct SymbolTable {
  std::unique_ptr<Scope> top;
  // The scope of each function, lambda, class and comprehension node.
  std::unordered_map<const void*, Scope*> scopes;
};

// `name` as written inside a class named `private_name`: __spam (two
// leading underscores, not ending in two, no dot) becomes _Class__spam.
std::string mangle(const std::string& private_name, const std::string& name);

// Builds and resolves the table; on a scope error (nonlocal without a
// binding, a name both global and a parameter, ...) fills `error`.
bool build_symtable(const front::Module& module, SymbolTable& table, front::SyntaxErrorInfo& error);

}  // namespace gilvm::compiler
