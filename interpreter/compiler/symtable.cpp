// Scope analysis; see symtable.h for the two passes.
#include "compiler/symtable.h"

#include <algorithm>

namespace gilvm::compiler {

using namespace front;

std::string mangle(const std::string& private_name, const std::string& name) {
  if (private_name.empty() || name.size() < 3 || name.compare(0, 2, "__") != 0) return name;
  if (name.compare(name.size() - 2, 2, "__") == 0 || name.find('.') != std::string::npos) return name;
  std::size_t start = private_name.find_first_not_of('_');
  if (start == std::string::npos) return name;  // a class named only with underscores
  return "_" + private_name.substr(start) + name;
}

NameScope Scope::lookup(const std::string& n) const {
  auto it = resolved.find(n);
  if (it != resolved.end()) return it->second;
  return kind == ScopeKind::Function ? NameScope::GlobalImplicit : NameScope::Name;
}

namespace {

class Builder {
 public:
  Builder(SymbolTable& t, SyntaxErrorInfo& e) : table_(t), error_(e) {}

  bool run(const Module& m) {
    table_.top = std::make_unique<Scope>();
    table_.top->kind = ScopeKind::Module;
    table_.top->name = "<module>";
    cur_ = table_.top.get();
    for (auto& s : m.body) stmt(*s);
    if (failed_) return false;
    resolve(*table_.top);
    return !failed_;
  }

 private:
  SymbolTable& table_;
  SyntaxErrorInfo& error_;
  Scope* cur_ = nullptr;
  bool failed_ = false;
  // Inside a comprehension's iterable expression (of the current scope),
  // where an assignment expression is an error.
  int comp_iter_depth_ = 0;

  static bool is_comprehension(const Scope* s) {
    return s->kind == ScopeKind::Function && s->name.front() == '<' && s->name != "<lambda>";
  }

  void add_to(Scope* s, const std::string& n, unsigned f) {
    unsigned& flags = s->flags[n];
    if ((f & kBound) && !(flags & kBound)) s->bound_order.push_back(n);
    flags |= f;
  }

  void mark_iteration_vars(const Expr& t) {
    if (t.kind == ExprKind::Name) {
      unsigned& flags = cur_->flags[mangle(cur_->private_name, t.name)];
      if (flags & (kGlobal | kNonlocal))
        fail(t.loc, "comprehension inner loop cannot rebind assignment expression target '" + t.name + "'");
      flags |= kCompIter;
    }
    if (t.kind == ExprKind::Starred) mark_iteration_vars(*t.a);
    for (auto& x : t.elts) mark_iteration_vars(*x);
  }

  // PEP 572: `n := v` binds n in the scope that contains the
  // comprehension(s) it is in: the comprehensions pass it through as a
  // nonlocal (or global, when that scope is the module or declares it
  // global). CPython's symtable_extend_namedexpr_scope, with its messages.
  void named_target(const Expr& e) {
    const std::string n = mangle(cur_->private_name, e.a->name);
    if (!is_comprehension(cur_)) {
      add(n, kBound);
      return;
    }
    Scope* owner = cur_;
    for (; is_comprehension(owner); owner = owner->parent) {
      auto it = owner->flags.find(n);
      if (it != owner->flags.end() && (it->second & kCompIter)) {
        fail(e.loc, "assignment expression cannot rebind comprehension iteration variable '" + n + "'");
        return;
      }
    }
    if (owner->kind == ScopeKind::Class) {
      fail(e.loc, "assignment expression within a comprehension cannot be used in a class body");
      return;
    }
    bool global = owner->kind == ScopeKind::Module ||
                  (owner->flags.count(n) && (owner->flags[n] & kGlobal));
    for (Scope* p = cur_; p != owner; p = p->parent) add_to(p, n, global ? kGlobal : kNonlocal);
    add_to(owner, n, kBound);
  }

  void fail(const Loc& loc, std::string msg) {
    if (failed_) return;
    failed_ = true;
    error_.type = "SyntaxError";
    error_.message = std::move(msg);
    error_.line = loc.line;
    error_.col = loc.col;
  }

  void add(const std::string& name, unsigned f) {
    std::string n = mangle(cur_->private_name, name);
    unsigned& flags = cur_->flags[n];
    if ((f & kBound) && !(flags & kBound)) cur_->bound_order.push_back(n);
    flags |= f;
  }

  Scope* push(ScopeKind k, const std::string& name, const void* node, int line) {
    auto s = std::make_unique<Scope>();
    s->kind = k;
    s->name = name;
    s->parent = cur_;
    s->line = line;
    s->private_name = k == ScopeKind::Class ? name : cur_->private_name;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    table_.scopes[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  void params(const Arguments& a) {
    auto p = [&](const std::string& n) {
      cur_->params.push_back(mangle(cur_->private_name, n));
      add(n, kBound | kParam);
    };
    for (auto& x : a.positional) p(x.name);
    for (auto& x : a.kwonly) p(x.name);
    if (!a.vararg.empty()) p(a.vararg);
    if (!a.kwarg.empty()) p(a.kwarg);
  }
  void defaults(const Arguments& a) {
    for (auto& x : a.positional)
      if (x.default_value) expr(*x.default_value);
    for (auto& x : a.kwonly)
      if (x.default_value) expr(*x.default_value);
  }

  void body(const StmtList& b) {
    for (auto& s : b) stmt(*s);
  }

  void target(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        add(e.name, kBound);
        break;
      case ExprKind::Tuple:
      case ExprKind::List:
        for (auto& x : e.elts) target(*x);
        break;
      case ExprKind::Starred:
        target(*e.a);
        break;
      default:
        expr(e);  // attribute / subscript targets use their sub-expressions
        break;
    }
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr:
        expr(*s.a);
        break;
      case StmtKind::Assign:
        expr(*s.a);
        for (auto& t : s.targets) target(*t);
        break;
      case StmtKind::AugAssign:
        expr(*s.a);
        if (s.targets[0]->kind == ExprKind::Name) add(s.targets[0]->name, kUsed);
        target(*s.targets[0]);
        break;
      case StmtKind::AnnAssign:
        if (s.a) {
          expr(*s.a);
          target(*s.targets[0]);
        }
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
      case StmtKind::Return:
        if (s.a) expr(*s.a);
        break;
      case StmtKind::Delete:
        for (auto& t : s.targets) target(*t);
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        bool global = s.kind == StmtKind::Global;
        if (!global && cur_->kind == ScopeKind::Module) {
          fail(s.loc, "nonlocal declaration not allowed at module level");
          break;
        }
        for (auto& ident : s.idents) {
          std::string n = mangle(cur_->private_name, ident);
          unsigned f = cur_->flags.count(n) ? cur_->flags[n] : 0;
          const char* what = global ? "global" : "nonlocal";
          if (f & kParam) {
            fail(s.loc, "name '" + n + "' is parameter and " + what);
          } else if (f & (kBound | kUsed)) {
            // CPython's GLOBAL_AFTER_ASSIGN / GLOBAL_AFTER_USE wordings.
            fail(s.loc, "name '" + n + "' is " + ((f & kBound) ? "assigned to before " : "used prior to ") + what +
                            " declaration");
          }
          cur_->flags[n] |= global ? kGlobal : kNonlocal;
        }
        break;
      }
      case StmtKind::If:
      case StmtKind::While:
        expr(*s.a);
        body(s.body);
        body(s.orelse);
        break;
      case StmtKind::For:
        expr(*s.a);
        target(*s.targets[0]);
        body(s.body);
        body(s.orelse);
        break;
      case StmtKind::FunctionDef: {
        for (auto& d : s.decorators) expr(*d);
        defaults(*s.args);
        add(s.name, kBound);
        push(ScopeKind::Function, s.name, &s, s.loc.line);
        cur_->is_coroutine = s.is_async;
        params(*s.args);
        body(s.body);
        pop();
        break;
      }
      case StmtKind::ClassDef: {
        for (auto& d : s.decorators) expr(*d);
        for (auto& b : s.bases) expr(*b);
        for (auto& k : s.keywords) expr(*k.value);
        add(s.name, kBound);
        push(ScopeKind::Class, s.name, &s, s.loc.line);
        body(s.body);
        pop();
        break;
      }
      case StmtKind::Try:
        body(s.body);
        for (auto& h : s.handlers) {
          if (h.type) expr(*h.type);
          if (!h.name.empty()) add(h.name, kBound);
          body(h.body);
        }
        body(s.orelse);
        body(s.finalbody);
        break;
      case StmtKind::Raise:
        if (s.a) expr(*s.a);
        if (s.b) expr(*s.b);
        break;
      case StmtKind::With:
        for (auto& it : s.items) {
          expr(*it.context);
          if (it.target) target(*it.target);
        }
        body(s.body);
        break;
      case StmtKind::Assert:
        expr(*s.a);
        if (s.b) expr(*s.b);
        break;
      case StmtKind::Match:
        expr(*s.a);
        for (auto& c : s.cases) {
          pattern(*c.pattern);
          if (c.guard) expr(*c.guard);
          body(c.body);
        }
        break;
      case StmtKind::Import:
        for (auto& a : s.aliases) {
          std::string n = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          add(n, kBound);
        }
        break;
      case StmtKind::ImportFrom:
        for (auto& a : s.aliases) {
          if (a.name == "*") {
            if (cur_->kind != ScopeKind::Module) fail(s.loc, "import * only allowed at module level");
            continue;
          }
          add(a.asname.empty() ? a.name : a.asname, kBound);
        }
        break;
    }
  }

  // A match pattern binds its capture names; values and classes are
  // expressions of the scope.
  void pattern(const Expr& p) {
    switch (p.kind) {
      case ExprKind::MatchValue:
      case ExprKind::MatchSingleton:
        expr(*p.a);
        break;
      case ExprKind::MatchStar:
        if (!p.name.empty()) add(p.name, kBound);
        break;
      case ExprKind::MatchAs:
        if (p.a) pattern(*p.a);
        if (!p.name.empty()) add(p.name, kBound);
        break;
      case ExprKind::MatchMapping:
        for (auto& k : p.keys) expr(*k);
        for (auto& v : p.values) pattern(*v);
        if (!p.name.empty()) add(p.name, kBound);
        break;
      case ExprKind::MatchClass:
        expr(*p.a);
        for (auto& x : p.elts) pattern(*x);
        for (auto& k : p.keywords) pattern(*k.value);
        break;
      default:  // MatchSequence, MatchOr
        for (auto& x : p.elts) pattern(*x);
        break;
    }
  }

  void comprehension(const Expr& e) {
    // The first iterable is evaluated in the enclosing scope; everything else
    // runs in the comprehension's own function scope.
    ++comp_iter_depth_;
    expr(*e.comps[0].iter);
    --comp_iter_depth_;
    int saved_iter_depth = comp_iter_depth_;
    comp_iter_depth_ = 0;
    const char* name = e.kind == ExprKind::ListComp      ? "<listcomp>"
                       : e.kind == ExprKind::SetComp     ? "<setcomp>"
                       : e.kind == ExprKind::DictComp    ? "<dictcomp>"
                                                         : "<genexpr>";
    Scope* sc = push(ScopeKind::Function, name, &e, e.loc.line);
    sc->params.push_back(".0");
    add(".0", kBound | kParam);
    if (e.kind == ExprKind::GeneratorExp) sc->is_generator = true;
    for (std::size_t i = 0; i < e.comps.size(); ++i) {
      const Comprehension& c = e.comps[i];
      if (i > 0) {
        ++comp_iter_depth_;
        expr(*c.iter);
        --comp_iter_depth_;
      }
      target(*c.target);
      mark_iteration_vars(*c.target);
      for (auto& f : c.ifs) expr(*f);
    }
    expr(*e.a);
    if (e.b) expr(*e.b);
    comp_iter_depth_ = saved_iter_depth;
    pop();
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        add(e.name, kUsed);
        if (e.name == "super" || e.name == "__class__") cur_->uses_super = true;
        break;
      case ExprKind::Lambda: {
        defaults(*e.args);
        push(ScopeKind::Function, "<lambda>", &e, e.loc.line);
        params(*e.args);
        int saved_iter_depth = comp_iter_depth_;
        comp_iter_depth_ = 0;
        expr(*e.a);
        comp_iter_depth_ = saved_iter_depth;
        pop();
        break;
      }
      case ExprKind::NamedExpr:
        if (comp_iter_depth_ > 0) {
          fail(e.loc, "assignment expression cannot be used in a comprehension iterable expression");
          break;
        }
        expr(*e.b);
        named_target(e);
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
      case ExprKind::DictComp:
        comprehension(e);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (cur_->kind != ScopeKind::Function) {
          fail(e.loc, "'yield' outside function");
          break;
        }
        cur_->is_generator = true;
        if (e.a) expr(*e.a);
        break;
      default:
        if (e.a) expr(*e.a);
        if (e.b) expr(*e.b);
        if (e.c) expr(*e.c);
        for (auto& x : e.elts) expr(*x);
        for (auto& x : e.keys)
          if (x) expr(*x);
        for (auto& x : e.values) expr(*x);
        for (auto& k : e.keywords) expr(*k.value);
        break;
    }
  }

  // ---- Pass 2 ----

  // Is `n` a variable of a function scope enclosing `s` (skipping classes)?
  static Scope* binding_function(Scope* s, const std::string& n) {
    for (Scope* p = s->parent; p != nullptr; p = p->parent) {
      if (p->kind == ScopeKind::Class) continue;
      if (p->kind == ScopeKind::Module) return nullptr;
      auto it = p->flags.find(n);
      if (it != p->flags.end()) {
        if (it->second & kGlobal) return nullptr;
        if ((it->second & kBound) && !(it->second & kNonlocal)) return p;
      }
    }
    return nullptr;
  }

  static void add_unique(std::vector<std::string>& v, const std::string& n) {
    if (std::find(v.begin(), v.end(), n) == v.end()) v.push_back(n);
  }

  // Marks `n` free in every function scope from `from` up to (not
  // including) `owner`, and a cell in `owner`.
  static void capture(Scope* from, Scope* owner, const std::string& n) {
    for (Scope* p = from; p != owner; p = p->parent) {
      if (p->kind == ScopeKind::Class) {
        add_unique(p->freevars, n);  // a class passes the cell through
        continue;
      }
      p->resolved[n] = NameScope::Free;
      add_unique(p->freevars, n);
    }
    owner->resolved[n] = NameScope::Cell;
    add_unique(owner->cellvars, n);
  }

  void resolve(Scope& s) {
    // Own bindings first.
    for (auto& [n, f] : s.flags) {
      if (f & kGlobal) {
        s.resolved[n] = NameScope::GlobalExplicit;
      } else if (s.kind != ScopeKind::Function) {
        if (!s.resolved.count(n)) s.resolved[n] = NameScope::Name;
      } else if ((f & kBound) && !(f & kNonlocal)) {
        if (!s.resolved.count(n)) s.resolved[n] = NameScope::Local;
      }
    }
    // Then references to enclosing functions' variables.
    for (auto& [n, f] : s.flags) {
      if (f & kGlobal) continue;
      bool own = (f & kBound) && !(f & kNonlocal);
      if (own && s.kind == ScopeKind::Function) continue;
      Scope* owner = binding_function(&s, n);
      if (f & kNonlocal) {
        if (owner == nullptr) {
          failed_ = true;
          error_.type = "SyntaxError";
          error_.message = "no binding for nonlocal '" + n + "' found";
          error_.line = s.line;
          return;
        }
        capture(&s, owner, n);
        // A class body's nonlocal name is the cell itself, not a
        // namespace entry (capture() only passes the cell through).
        if (s.kind == ScopeKind::Class) s.resolved[n] = NameScope::Free;
        continue;
      }
      if (own) continue;  // module/class binding: a Name
      if (owner != nullptr) {
        capture(&s, owner, n);
        if (s.kind == ScopeKind::Class) s.resolved[n] = NameScope::Free;
      } else if (s.kind == ScopeKind::Function) {
        s.resolved[n] = NameScope::GlobalImplicit;
      }
    }
    // super() / __class__ inside a method: an implicit free variable
    // __class__, whose cell the enclosing class body creates.
    if (s.kind == ScopeKind::Function && s.uses_super) {
      Scope* cls = s.parent;
      while (cls != nullptr && cls->kind == ScopeKind::Function) cls = cls->parent;
      if (cls != nullptr && cls->kind == ScopeKind::Class) {
        for (Scope* p = &s; p != cls; p = p->parent) {
          p->resolved["__class__"] = NameScope::Free;
          add_unique(p->freevars, "__class__");
        }
        cls->needs_class_cell = true;
        add_unique(cls->cellvars, "__class__");
      }
    }
    for (auto& c : s.children) resolve(*c);
    if (failed_) return;
    std::sort(s.cellvars.begin(), s.cellvars.end());
    std::sort(s.freevars.begin(), s.freevars.end());
  }
};

}  // namespace

bool build_symtable(const Module& module, SymbolTable& table, SyntaxErrorInfo& error) {
  Builder b(table, error);
  return b.run(module);
}

}  // namespace gilvm::compiler
