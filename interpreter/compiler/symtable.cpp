// Scope analysis; see symtable.h for the two passes.
#include "compiler/symtable.h"

#include <algorithm>

namespace gilvm::compiler {

using namespace front;

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

  void fail(const Loc& loc, std::string msg) {
    if (failed_) return;
    failed_ = true;
    error_.type = "SyntaxError";
    error_.message = std::move(msg);
    error_.line = loc.line;
    error_.col = loc.col;
  }

  void add(const std::string& n, unsigned f) {
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
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    table_.scopes[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  void params(const Arguments& a) {
    auto p = [&](const std::string& n) {
      cur_->params.push_back(n);
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
        for (auto& n : s.idents) {
          unsigned f = cur_->flags.count(n) ? cur_->flags[n] : 0;
          const char* what = global ? "global" : "nonlocal";
          if (f & kParam) {
            fail(s.loc, "name '" + n + "' is parameter and " + what);
          } else if (f & (kBound | kUsed)) {
            fail(s.loc, "name '" + n + "' is " + ((f & kBound) ? "assigned to" : "used") +
                            " prior to " + what + " declaration");
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

  void comprehension(const Expr& e) {
    // The first iterable is evaluated in the enclosing scope; everything else
    // runs in the comprehension's own function scope.
    expr(*e.comps[0].iter);
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
      if (i > 0) expr(*c.iter);
      target(*c.target);
      for (auto& f : c.ifs) expr(*f);
    }
    expr(*e.a);
    if (e.b) expr(*e.b);
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
        expr(*e.a);
        pop();
        break;
      }
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
