// The compiler proper (see compiler.h). One Unit per code object being
// built; nested functions, classes and comprehensions push a new Unit.
//
// Stack depth is tracked while emitting, from each opcode's stack effect,
// to size frames and to record the depth an exception handler unwinds to.
// Every instruction is tagged with the innermost active exception handler;
// the exception table is the runs of equal tags (code.h).
#include "compiler/compiler.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "compiler/symtable.h"
#include "runtime/bigint.h"
#include "vm/api.h"

namespace gilvm::compiler {

using namespace front;

namespace {

struct Instr {
  std::uint32_t word;
  int line;
  int col;
  int handler;  // index into Unit::handler_descs, or -1
};

struct LabelInfo {
  int pos = -1;    // instruction index once bound
  int depth = -1;  // stack depth on arrival, once known
};

struct HandlerDesc {
  int label;
  int depth;
};

enum class BlockKind { Loop, ForLoop, TryFinally, FinallyRunning, Handler, With, AsyncWith };

struct Block {
  BlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  const StmtList* finalbody = nullptr;  // TryFinally
  std::size_t handler_stack_size = 0;   // handler stack size outside this block
  std::string name;                     // Handler: the `as` name to clear, if any
  Loc loc;                              // With, AsyncWith: the statement (its exit call's line)
};

struct Unit {
  Scope* scope = nullptr;
  std::string name;
  std::string qualname;
  int firstline = 1;
  std::vector<Instr> instrs;
  std::vector<LabelInfo> labels;
  std::vector<HandlerDesc> handler_descs;
  std::vector<int> handler_stack;
  std::vector<Block> blocks;
  std::vector<Value> consts;
  std::map<std::string, int> const_keys;
  std::vector<std::string> names;
  std::map<std::string, int> name_index;
  std::vector<std::string> varnames;
  std::map<std::string, int> var_index;
  int depth = 0;
  int max_depth = 0;
  bool unreachable = false;
  Loc loc;
};

class CompileError {};  // thrown inside the compiler only, caught in compile()

class Compiler {
 public:
  Compiler(Interpreter& interp, std::string filename, Mode mode)
      : interp_(interp), filename_(std::move(filename)), mode_(mode) {}

  CompileResult run(const front::Module& m) {
    CompileResult result;
    if (!build_symtable(m, table_, result.error)) {
      result.error.filename = filename_;
      return result;
    }
    try {
      enter(table_.top.get(), "<module>", "<module>", 1);
      body(m.body);
      load_const(Value::none());
      emit(Op::RETURN_VALUE);
      result.code = leave();
    } catch (const CompileError&) {
      result.error = error_;
    }
    return result;
  }

  CompileResult run_expression(const front::Module& m) {
    // `m` holds one expression statement; its value is the code's result.
    CompileResult result;
    if (!build_symtable(m, table_, result.error)) {
      result.error.filename = filename_;
      return result;
    }
    const Expr& e = *m.body[0]->a;
    try {
      enter(table_.top.get(), "<module>", "<module>", e.loc.line);
      expr(e);
      emit(Op::RETURN_VALUE);
      result.code = leave();
    } catch (const CompileError&) {
      result.error = error_;
    }
    return result;
  }

 private:
  Interpreter& interp_;
  std::string filename_;
  Mode mode_;
  SymbolTable table_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  SyntaxErrorInfo error_;

  // ---- errors ----

  [[noreturn]] void fail(const Loc& loc, std::string msg) {
    error_.type = "SyntaxError";
    error_.message = std::move(msg);
    error_.filename = filename_;
    error_.line = loc.line;
    error_.col = loc.col;
    throw CompileError();
  }

  // ---- units ----

  void enter(Scope* scope, std::string name, std::string qualname, int firstline) {
    units_.push_back(std::make_unique<Unit>());
    u_ = units_.back().get();
    u_->scope = scope;
    u_->name = std::move(name);
    u_->qualname = std::move(qualname);
    u_->firstline = firstline;
    u_->loc.line = firstline;
    if (scope->kind == ScopeKind::Function) {
      for (auto& p : scope->params) add_var(p);
      for (auto& n : scope->bound_order)
        if (scope->lookup(n) == NameScope::Local) add_var(n);
    }
  }

  int add_var(const std::string& n) {
    auto it = u_->var_index.find(n);
    if (it != u_->var_index.end()) return it->second;
    int i = static_cast<int>(u_->varnames.size());
    u_->varnames.push_back(n);
    u_->var_index[n] = i;
    return i;
  }

  std::string child_qualname(const std::string& name) const {
    if (u_->scope->kind == ScopeKind::Module) return name;
    if (u_->scope->kind == ScopeKind::Function) return u_->qualname + ".<locals>." + name;
    return u_->qualname + "." + name;
  }

  CodeObject* leave() {
    Unit& u = *u_;
    CodeObject* code = interp_.heap.make<CodeObject>(interp_.types.code);
    Scope& sc = *u.scope;
    // Resolve jumps.
    code->code.reserve(u.instrs.size());
    for (const Instr& in : u.instrs) {
      std::uint32_t w = in.word;
      Op op = op_of(w);
      if (kOpInfo[static_cast<int>(op)].operand == OperandKind::Jump) {
        int target = u.labels[arg_of(w)].pos;
        w = encode(op, static_cast<std::uint32_t>(target));
      }
      code->code.push_back(w);
      code->lines.push_back(in.line);
      code->columns.push_back(in.col);
    }
    // Exception table: runs of instructions with the same handler.
    for (std::size_t i = 0; i < u.instrs.size();) {
      int h = u.instrs[i].handler;
      std::size_t j = i + 1;
      while (j < u.instrs.size() && u.instrs[j].handler == h) ++j;
      if (h >= 0) {
        const HandlerDesc& d = u.handler_descs[h];
        code->exception_table.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j),
                                         static_cast<std::uint32_t>(u.labels[d.label].pos),
                                         static_cast<std::uint32_t>(d.depth)});
      }
      i = j;
    }
    code->consts = u.consts;
    for (auto& n : u.names) code->names.push_back(interp_.intern(n));
    code->global_cache.resize(code->names.size());
    for (auto& n : u.varnames) code->varnames.push_back(interp_.intern(n));
    for (auto& n : sc.cellvars) {
      code->cellvars.push_back(interp_.intern(n));
      auto it = std::find(sc.params.begin(), sc.params.end(), n);
      code->cell_from_arg.push_back(it == sc.params.end() ? -1 : static_cast<int>(it - sc.params.begin()));
    }
    for (auto& n : sc.freevars) code->freevars.push_back(interp_.intern(n));
    code->name = interp_.intern(u.name);
    code->qualname = interp_.intern(u.qualname);
    code->filename = interp_.intern(filename_);
    code->firstline = u.firstline;
    code->nlocals = static_cast<int>(u.varnames.size());
    code->stacksize = u.max_depth + 2;
    if (sc.is_generator) code->flags |= kCodeGenerator;
    if (sc.is_coroutine) code->flags |= kCodeGenerator | kCodeCoroutine;
    if (sc.kind == ScopeKind::Class) code->flags |= kCodeClassBody;
    if (sc.kind == ScopeKind::Module) code->flags |= kCodeModule;
    if (sc.kind == ScopeKind::Function && !sc.is_generator && !sc.is_coroutine && sc.cellvars.empty() && sc.freevars.empty())
      code->flags |= kCodeSimple;  // set_signature() clears it for *args, **kwargs, keyword-only
    units_.pop_back();
    u_ = units_.empty() ? nullptr : units_.back().get();
    return code;
  }

  // ---- emitting ----

  void emit(Op op, std::uint32_t arg = 0) {
    if (arg > kMaxArg) fail(u_->loc, "too many constants or names in one code object");
    int h = u_->handler_stack.empty() ? -1 : u_->handler_stack.back();
    u_->instrs.push_back({encode(op, arg), u_->loc.line, u_->loc.col, h});
    u_->depth += stack_effect(op, arg);
    u_->max_depth = std::max(u_->max_depth, u_->depth);
    if (op == Op::RETURN_VALUE || op == Op::RAISE_VARARGS || op == Op::RERAISE) u_->unreachable = true;
  }

  int new_label() {
    u_->labels.push_back({});
    return static_cast<int>(u_->labels.size()) - 1;
  }

  void note_depth(int label, int depth) {
    if (u_->labels[label].depth < 0) u_->labels[label].depth = depth;
  }

  void jump(Op op, int label) {
    int before = u_->depth;
    emit(op, static_cast<std::uint32_t>(label));
    switch (op) {
      case Op::JUMP:
      case Op::JUMP_BACKWARD:
        note_depth(label, before);
        u_->unreachable = true;
        break;
      case Op::JUMP_IF_FALSE_OR_POP:
      case Op::JUMP_IF_TRUE_OR_POP:
        note_depth(label, before);
        break;
      case Op::FOR_ITER:
      case Op::SEND:
        note_depth(label, before - 1);
        break;
      default:  // POP_JUMP_IF_*
        note_depth(label, u_->depth);
        break;
    }
  }

  void bind(int label) {
    LabelInfo& l = u_->labels[label];
    l.pos = static_cast<int>(u_->instrs.size());
    if (u_->unreachable && l.depth >= 0) u_->depth = l.depth;
    u_->unreachable = false;
  }

  void bind_at_depth(int label, int depth) {
    u_->labels[label].depth = depth;
    u_->depth = depth + 1;  // undone below; bind() sets depth from the label
    u_->unreachable = true;
    bind(label);
  }

  int push_handler(int label, int depth) {
    u_->handler_descs.push_back({label, depth});
    int id = static_cast<int>(u_->handler_descs.size()) - 1;
    u_->handler_stack.push_back(id);
    return id;
  }
  void pop_handler() { u_->handler_stack.pop_back(); }

  // ---- constants and names ----

  int add_const(Value v, const std::string& key) {
    auto it = u_->const_keys.find(key);
    if (it != u_->const_keys.end()) return it->second;
    int i = static_cast<int>(u_->consts.size());
    u_->consts.push_back(v);
    u_->const_keys[key] = i;
    return i;
  }

  void load_const(Value v) {
    std::string key;
    switch (v.tag()) {
      case Tag::None: key = "N"; break;
      case Tag::Bool: key = v.as_bool() ? "T" : "F"; break;
      case Tag::Int: key = "i" + std::to_string(v.as_int()); break;
      case Tag::Float: {
        double d = v.as_float();
        std::uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        key = "f" + std::to_string(bits);
        break;
      }
      default: {
        Object* o = v.as_obj();
        if (o->kind == Kind::Str) {
          key = "s" + static_cast<Str*>(o)->s;
        } else if (o->kind == Kind::Bytes) {
          key = "b" + static_cast<Bytes*>(o)->s;
        } else {
          key = "o" + std::to_string(reinterpret_cast<std::uintptr_t>(o));
        }
      }
    }
    emit(Op::LOAD_CONST, static_cast<std::uint32_t>(add_const(v, key)));
  }

  void load_str(const std::string& s) { load_const(Value::from_obj(interp_.intern(s))); }

  std::uint32_t name_arg(const std::string& n) {
    auto it = u_->name_index.find(n);
    if (it != u_->name_index.end()) return static_cast<std::uint32_t>(it->second);
    int i = static_cast<int>(u_->names.size());
    u_->names.push_back(n);
    u_->name_index[n] = i;
    return static_cast<std::uint32_t>(i);
  }

  std::uint32_t deref_arg(const std::string& n) {
    Scope& sc = *u_->scope;
    auto c = std::find(sc.cellvars.begin(), sc.cellvars.end(), n);
    if (c != sc.cellvars.end()) return static_cast<std::uint32_t>(c - sc.cellvars.begin());
    auto f = std::find(sc.freevars.begin(), sc.freevars.end(), n);
    if (f != sc.freevars.end())
      return static_cast<std::uint32_t>(sc.cellvars.size() + (f - sc.freevars.begin()));
    fail(u_->loc, "internal error: no cell for '" + n + "'");
  }

  enum class Ctx { Load, Store, Del };

  // An attribute name, private names mangled (Language Reference §6.2.1).
  std::uint32_t attr_arg(const std::string& n) { return name_arg(mangle(u_->scope->private_name, n)); }

  void name_op(const std::string& name, Ctx ctx) {
    Scope& sc = *u_->scope;
    const std::string n = mangle(sc.private_name, name);
    NameScope ns = sc.lookup(n);
    switch (ns) {
      case NameScope::Local: {
        std::uint32_t i = static_cast<std::uint32_t>(add_var(n));
        emit(ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST, i);
        return;
      }
      case NameScope::Cell:
      case NameScope::Free: {
        std::uint32_t i = deref_arg(n);
        if (ctx == Ctx::Load)
          emit(sc.kind == ScopeKind::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF, i);
        else
          emit(ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, i);
        return;
      }
      case NameScope::GlobalExplicit:
      case NameScope::GlobalImplicit:
        emit(ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
             name_arg(n));
        return;
      case NameScope::Name:
        // An expression compiled for the stepper's `p` reads the frame's
        // locals first: LOAD_NAME, not the module's LOAD_GLOBAL shortcut.
        if (sc.kind == ScopeKind::Module && mode_ != Mode::Eval)
          emit(ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
               name_arg(n));
        else
          emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME,
               name_arg(n));
        return;
    }
  }

  // ---- statements ----

  void body(const StmtList& b) {
    for (auto& s : b) stmt(*s);
  }

  void set_loc(const Loc& l) { u_->loc = l; }

  void stmt(const Stmt& s) {
    set_loc(s.loc);
    switch (s.kind) {
      case StmtKind::Expr:
        if (mode_ == Mode::Interactive && u_->scope->kind == ScopeKind::Module) {
          expr(*s.a);
          emit(Op::PRINT_EXPR);
        } else if (s.a->kind == ExprKind::Str || s.a->kind == ExprKind::Int) {
          // A docstring or a bare constant: nothing to run.
        } else {
          expr(*s.a);
          emit(Op::POP_TOP);
        }
        break;
      case StmtKind::Assign:
        expr(*s.a);
        for (std::size_t i = 0; i < s.targets.size(); ++i) {
          if (i + 1 < s.targets.size()) emit(Op::COPY, 1);
          store(*s.targets[i]);
        }
        break;
      case StmtKind::AugAssign:
        aug_assign(s);
        break;
      case StmtKind::AnnAssign:
        if (s.a) {
          expr(*s.a);
          store(*s.targets[0]);
        }
        break;
      case StmtKind::Pass:
        break;
      case StmtKind::Break:
        break_continue(s, true);
        break;
      case StmtKind::Continue:
        break_continue(s, false);
        break;
      case StmtKind::Return:
        if (u_->scope->kind != ScopeKind::Function) fail(s.loc, "'return' outside function");
        if (s.a)
          expr(*s.a);
        else
          load_const(Value::none());
        unwind_for_return();
        set_loc(s.loc);
        emit(Op::RETURN_VALUE);
        break;
      case StmtKind::Delete:
        for (auto& t : s.targets) del(*t);
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
        break;
      case StmtKind::If:
        if_stmt(s);
        break;
      case StmtKind::While:
        while_stmt(s);
        break;
      case StmtKind::For:
        if (s.is_async)
          async_for_stmt(s);
        else
          for_stmt(s);
        break;
      case StmtKind::FunctionDef:
        function_def(s);
        break;
      case StmtKind::ClassDef:
        class_def(s);
        break;
      case StmtKind::Try:
        try_stmt(s);
        break;
      case StmtKind::Raise:
        if (s.a) expr(*s.a);
        if (s.b) expr(*s.b);
        set_loc(s.loc);
        emit(Op::RAISE_VARARGS, s.b ? 2 : s.a ? 1 : 0);
        break;
      case StmtKind::With:
        if (s.is_async) require_coroutine(s.loc, "'async with'");
        with_stmt(s, 0);
        break;
      case StmtKind::Match:
        match_stmt(s);
        break;
      case StmtKind::Assert: {
        int end = new_label();
        jump_if(*s.a, true, end);
        set_loc(s.loc);
        if (s.b) {
          emit(Op::PUSH_NULL);
          emit(Op::LOAD_ASSERTION_ERROR);
          expr(*s.b);
          emit(Op::CALL, 1);
        } else {
          emit(Op::LOAD_ASSERTION_ERROR);
        }
        emit(Op::RAISE_VARARGS, 1);
        bind(end);
        break;
      }
      case StmtKind::Import:
        for (auto& a : s.aliases) {
          emit(Op::LOAD_SMALL_INT, 0);
          if (a.asname.empty() || a.name.find('.') == std::string::npos)
            load_const(Value::none());
          else
            load_const(Value::from_bool(true));  // ask for the leaf module
          emit(Op::IMPORT_NAME, name_arg(a.name));
          if (a.asname.empty())
            name_op(a.name.substr(0, a.name.find('.')), Ctx::Store);
          else
            name_op(a.asname, Ctx::Store);
        }
        break;
      case StmtKind::ImportFrom: {
        emit(Op::LOAD_SMALL_INT, static_cast<std::uint32_t>(s.level));
        std::vector<Value> names;
        for (auto& a : s.aliases) names.push_back(Value::from_obj(interp_.intern(a.name)));
        load_const(Value::from_obj(new_tuple_const(names)));
        emit(Op::IMPORT_NAME, name_arg(s.module));
        if (s.aliases.size() == 1 && s.aliases[0].name == "*") {
          emit(Op::IMPORT_STAR);
          break;
        }
        for (auto& a : s.aliases) {
          set_loc(a.loc.line ? a.loc : s.loc);
          emit(Op::IMPORT_FROM, name_arg(a.name));
          name_op(a.asname.empty() ? a.name : a.asname, Ctx::Store);
        }
        emit(Op::POP_TOP);
        break;
      }
    }
  }

  Tuple* new_tuple_const(const std::vector<Value>& items) {
    Tuple* t = interp_.heap.make<Tuple>(interp_.types.tuple);
    t->items = items;
    return t;
  }

  void aug_assign(const Stmt& s) {
    const Expr& t = *s.targets[0];
    switch (t.kind) {
      case ExprKind::Name:
        name_op(t.name, Ctx::Load);
        expr(*s.a);
        set_loc(s.loc);
        emit(Op::INPLACE_OP, static_cast<std::uint32_t>(s.bin_op));
        name_op(t.name, Ctx::Store);
        break;
      case ExprKind::Attribute:
        expr(*t.a);
        emit(Op::COPY, 1);
        emit(Op::LOAD_ATTR, attr_arg(t.name));
        expr(*s.a);
        set_loc(s.loc);
        emit(Op::INPLACE_OP, static_cast<std::uint32_t>(s.bin_op));
        emit(Op::SWAP, 2);
        emit(Op::STORE_ATTR, attr_arg(t.name));
        break;
      case ExprKind::Subscript:
        expr(*t.a);
        subscript_index(*t.b);
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        emit(Op::BINARY_SUBSCR);
        expr(*s.a);
        set_loc(s.loc);
        emit(Op::INPLACE_OP, static_cast<std::uint32_t>(s.bin_op));
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
        break;
      default:
        fail(t.loc, "'" + expr_description(t) + "' is an illegal expression for augmented assignment");
    }
  }

  static std::string expr_description(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Call: return "function call";
      case ExprKind::Tuple: return "tuple";
      case ExprKind::List: return "list";
      case ExprKind::Int:
      case ExprKind::Float:
      case ExprKind::Str:
      case ExprKind::True:
      case ExprKind::False:
      case ExprKind::None: return "literal";
      default: return "expression";
    }
  }

  void store(const Expr& t) {
    set_loc(t.loc);
    switch (t.kind) {
      case ExprKind::Name:
        name_op(t.name, Ctx::Store);
        break;
      case ExprKind::Attribute:
        expr(*t.a);
        emit(Op::STORE_ATTR, attr_arg(t.name));
        break;
      case ExprKind::Subscript:
        expr(*t.a);
        subscript_index(*t.b);
        emit(Op::STORE_SUBSCR);
        break;
      case ExprKind::Tuple:
      case ExprKind::List: {
        std::size_t star = t.elts.size();
        for (std::size_t i = 0; i < t.elts.size(); ++i) {
          if (t.elts[i]->kind == ExprKind::Starred) {
            if (star != t.elts.size()) fail(t.elts[i]->loc, "multiple starred expressions in assignment");
            star = i;
          }
        }
        if (star == t.elts.size()) {
          emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(t.elts.size()));
        } else {
          std::size_t after = t.elts.size() - star - 1;
          if (star > 255 || after > 255) fail(t.loc, "too many expressions in star-unpacking assignment");
          emit(Op::UNPACK_EX, static_cast<std::uint32_t>(star | (after << 8)));
        }
        for (auto& e : t.elts) store(e->kind == ExprKind::Starred ? *e->a : *e);
        break;
      }
      case ExprKind::Starred:
        fail(t.loc, "starred assignment target must be in a list or tuple");
      default:
        fail(t.loc, "cannot assign to " + expr_description(t));
    }
  }

  void del(const Expr& t) {
    set_loc(t.loc);
    switch (t.kind) {
      case ExprKind::Name:
        name_op(t.name, Ctx::Del);
        break;
      case ExprKind::Attribute:
        expr(*t.a);
        emit(Op::DELETE_ATTR, attr_arg(t.name));
        break;
      case ExprKind::Subscript:
        expr(*t.a);
        subscript_index(*t.b);
        emit(Op::DELETE_SUBSCR);
        break;
      case ExprKind::Tuple:
      case ExprKind::List:
        for (auto& e : t.elts) del(*e);
        break;
      default:
        fail(t.loc, "cannot delete " + expr_description(t));
    }
  }

  void if_stmt(const Stmt& s) {
    int end = new_label();
    int orelse = s.orelse.empty() ? end : new_label();
    jump_if(*s.a, false, orelse);
    body(s.body);
    if (!s.orelse.empty()) {
      if (!u_->unreachable) jump(Op::JUMP, end);
      bind(orelse);
      body(s.orelse);
    }
    bind(end);
  }

  void while_stmt(const Stmt& s) {
    int start = new_label();
    int orelse = new_label();
    int end = new_label();
    bind(start);
    bool forever = s.a->kind == ExprKind::True;
    if (!forever) jump_if(*s.a, false, orelse);
    u_->blocks.push_back({BlockKind::Loop, start, end, nullptr, u_->handler_stack.size(), {}, {}});
    body(s.body);
    u_->blocks.pop_back();
    set_loc(s.loc);
    if (!u_->unreachable) jump(Op::JUMP_BACKWARD, start);
    bind(orelse);
    if (!forever) body(s.orelse);
    bind(end);
  }

  // The item is on the stack above the iterator: bind it, run the body, loop.
  void for_body(const Stmt& s, int start, int end) {
    store(*s.targets[0]);
    u_->blocks.push_back({BlockKind::ForLoop, start, end, nullptr, u_->handler_stack.size(), {}, {}});
    body(s.body);
    u_->blocks.pop_back();
    set_loc(s.loc);
    if (!u_->unreachable) jump(Op::JUMP_BACKWARD, start);
  }

  void for_stmt(const Stmt& s) {
    int start = new_label();
    int cleanup = new_label();
    int end = new_label();
    expr(*s.a);
    set_loc(s.loc);
    emit(Op::GET_ITER);
    bind(start);
    set_loc(s.loc);
    jump(Op::FOR_ITER, cleanup);
    for_body(s, start, end);
    bind(cleanup);
    body(s.orelse);
    bind(end);
  }

  // Leaves the blocks between here and the innermost loop (break/continue)
  // or all of them (return, with the return value on top of the stack).
  void unwind_block(const Block& b, bool has_value) {
    std::vector<int> saved = u_->handler_stack;
    u_->handler_stack.resize(b.handler_stack_size);
    switch (b.kind) {
      case BlockKind::Loop:
        break;
      case BlockKind::ForLoop:
        if (has_value) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        break;
      case BlockKind::With:
      case BlockKind::AsyncWith: {
        // A return or break calls __exit__ on the with statement's line,
        // as CPython's tracebacks show it.
        Loc saved = u_->loc;
        set_loc(b.loc);
        if (has_value) emit(Op::SWAP, 2);
        if (b.kind == BlockKind::With)
          emit(Op::WITH_EXIT);
        else
          async_with_exit();
        set_loc(saved);
        break;
      }
      case BlockKind::Handler:
        if (has_value) emit(Op::SWAP, 2);
        emit(Op::POP_EXCEPT);
        if (!b.name.empty()) {
          load_const(Value::none());
          name_op(b.name, Ctx::Store);
          name_op(b.name, Ctx::Del);
        }
        break;
      case BlockKind::FinallyRunning:
        // [prev exc (value)]: drop the exception being handled.
        if (has_value) {
          emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          emit(Op::SWAP, 2);
        } else {
          emit(Op::POP_TOP);
        }
        emit(Op::POP_EXCEPT);
        break;
      case BlockKind::TryFinally: {
        // Run the finally body here, outside its own try (and outside the
        // blocks inside it, which are already unwound).
        std::vector<Block> saved_blocks = u_->blocks;
        auto it = std::find_if(u_->blocks.begin(), u_->blocks.end(),
                               [&](const Block& x) { return x.finalbody == b.finalbody && x.kind == b.kind; });
        u_->blocks.erase(it, u_->blocks.end());
        body(*b.finalbody);
        u_->blocks = saved_blocks;
        break;
      }
    }
    u_->handler_stack = saved;
  }

  void break_continue(const Stmt& s, bool is_break) {
    int i = static_cast<int>(u_->blocks.size()) - 1;
    for (; i >= 0; --i) {
      const Block& b = u_->blocks[i];
      if (b.kind == BlockKind::Loop || b.kind == BlockKind::ForLoop) break;
    }
    if (i < 0) fail(s.loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    std::vector<Block> blocks = u_->blocks;
    for (int j = static_cast<int>(blocks.size()) - 1; j > i; --j) unwind_block(blocks[j], false);
    const Block& loop = blocks[i];
    set_loc(s.loc);
    if (is_break) {
      if (loop.kind == BlockKind::ForLoop) emit(Op::POP_TOP);
      jump(Op::JUMP, loop.break_label);
    } else {
      jump(Op::JUMP_BACKWARD, loop.continue_label);
    }
  }

  void unwind_for_return() {
    std::vector<Block> blocks = u_->blocks;
    for (int j = static_cast<int>(blocks.size()) - 1; j >= 0; --j) unwind_block(blocks[j], true);
  }

  void try_stmt(const Stmt& s) {
    if (!s.finalbody.empty()) {
      try_finally(s);
    } else {
      try_except(s);
    }
  }

  void try_finally(const Stmt& s) {
    int handler = new_label();
    int cleanup = new_label();
    int end = new_label();
    int d = u_->depth;
    std::size_t outer_handlers = u_->handler_stack.size();
    push_handler(handler, d);
    u_->blocks.push_back({BlockKind::TryFinally, -1, -1, &s.finalbody, outer_handlers, {}, {}});
    if (!s.handlers.empty())
      try_except(s);
    else
      body(s.body);
    u_->blocks.pop_back();
    pop_handler();
    if (!u_->unreachable) {
      body(s.finalbody);
      if (!u_->unreachable) jump(Op::JUMP, end);
    }
    // Exceptional path: [exc] -> [prev exc]
    bind_at_depth(handler, d + 1);
    emit(Op::PUSH_EXC_INFO);
    push_handler(cleanup, d + 1);
    u_->blocks.push_back({BlockKind::FinallyRunning, -1, -1, nullptr, outer_handlers, {}, {}});
    body(s.finalbody);
    u_->blocks.pop_back();
    if (!u_->unreachable) emit(Op::RERAISE);
    pop_handler();
    bind_at_depth(cleanup, d + 2);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(end);
  }

  void try_except(const Stmt& s) {
    int handler = new_label();
    int cleanup = new_label();
    int end = new_label();
    int d = u_->depth;
    push_handler(handler, d);
    body(s.body);
    pop_handler();
    if (!u_->unreachable) {
      body(s.orelse);
      if (!u_->unreachable) jump(Op::JUMP, end);
    }
    bind_at_depth(handler, d + 1);
    emit(Op::PUSH_EXC_INFO);  // [prev exc]
    std::size_t outer_handlers = u_->handler_stack.size();
    push_handler(cleanup, d + 1);
    for (std::size_t i = 0; i < s.handlers.size(); ++i) {
      const ExceptHandler& h = s.handlers[i];
      set_loc(h.loc);
      if (!h.type && i + 1 != s.handlers.size()) fail(h.loc, "default 'except:' must be last");
      int next = new_label();
      if (h.type) {
        expr(*h.type);
        emit(Op::CHECK_EXC_MATCH);
        jump(Op::POP_JUMP_IF_FALSE, next);
      }
      if (!h.name.empty()) {
        name_op(h.name, Ctx::Store);  // [prev]
        int name_cleanup = new_label();
        push_handler(name_cleanup, d + 1);
        u_->blocks.push_back({BlockKind::Handler, -1, -1, nullptr, outer_handlers, h.name, {}});
        body(h.body);
        u_->blocks.pop_back();
        pop_handler();
        if (!u_->unreachable) {
          emit(Op::POP_EXCEPT);
          load_const(Value::none());
          name_op(h.name, Ctx::Store);
          name_op(h.name, Ctx::Del);
          jump(Op::JUMP, end);
        }
        // The body raised: [prev exc2] -> clear the name, re-raise into cleanup.
        bind_at_depth(name_cleanup, d + 2);
        load_const(Value::none());
        name_op(h.name, Ctx::Store);
        name_op(h.name, Ctx::Del);
        emit(Op::RERAISE);
      } else {
        emit(Op::POP_TOP);  // [prev]
        u_->blocks.push_back({BlockKind::Handler, -1, -1, nullptr, outer_handlers, {}, {}});
        body(h.body);
        u_->blocks.pop_back();
        if (!u_->unreachable) {
          emit(Op::POP_EXCEPT);
          jump(Op::JUMP, end);
        }
      }
      bind_at_depth(next, d + 2);
    }
    emit(Op::RERAISE);  // no handler matched: [prev exc]
    pop_handler();
    bind_at_depth(cleanup, d + 2);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(end);
  }

  void with_stmt(const Stmt& s, std::size_t item) {
    const WithItem& it = s.items[item];
    int handler = new_label();
    int cleanup = new_label();
    int suppress = new_label();
    int end = new_label();
    expr(*it.context);
    set_loc(s.loc);
    if (s.is_async) {
      emit(Op::BEFORE_ASYNC_WITH);  // [exit awaitable]
      await_top();
    } else {
      emit(Op::BEFORE_WITH);  // [exit value]
    }
    int d = u_->depth - 1;  // [exit]
    std::size_t outer_handlers = u_->handler_stack.size();
    push_handler(handler, d);
    u_->blocks.push_back(
        {s.is_async ? BlockKind::AsyncWith : BlockKind::With, -1, -1, nullptr, outer_handlers, {}, s.loc});
    if (it.target)
      store(*it.target);
    else
      emit(Op::POP_TOP);
    if (item + 1 < s.items.size())
      with_stmt(s, item + 1);
    else
      body(s.body);
    u_->blocks.pop_back();
    pop_handler();
    set_loc(s.loc);
    if (!u_->unreachable) {
      if (s.is_async)
        async_with_exit();
      else
        emit(Op::WITH_EXIT);
      jump(Op::JUMP, end);
    }
    bind_at_depth(handler, d + 1);  // [exit exc]
    emit(Op::PUSH_EXC_INFO);        // [exit prev exc]
    push_handler(cleanup, d + 1);
    emit(Op::WITH_EXCEPT_START);    // [exit prev exc result]
    if (s.is_async) await_top();
    jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE);
    pop_handler();
    bind_at_depth(suppress, d + 2);  // [exit prev exc]
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    jump(Op::JUMP, end);
    bind_at_depth(cleanup, d + 2);  // [exit prev exc2]
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(end);
  }

  // ---- match (Language Reference §8.6, PEP 634) ----
  //
  // As CPython's compiler: the subject stays on the stack while each case
  // matches a copy of it. A pattern consumes the value on top; where it
  // fails, it jumps to fail_pop[n] with n values above the case's base,
  // and the chain of fail_pop labels emitted after the case body pops them
  // and goes on to the next case. Names are bound as their sub-patterns
  // succeed (the Language Reference leaves bindings after a failed match
  // unspecified; CPython defers them to the end of the case).

  struct PatternCtx {
    int base;                          // stack depth the fail_pop chain returns to
    std::vector<int> fail_pop;         // fail_pop[n]: n values to pop
    bool allow_irrefutable;            // a capture/wildcard here is not an error
    std::vector<std::string>* stores;  // names bound so far in this pattern
  };

  // Jumps to the failure path (op: POP_JUMP_IF_FALSE or JUMP).
  void pattern_fail(PatternCtx& pc, Op op) {
    int n = u_->depth - (op == Op::JUMP ? 0 : 1) - pc.base;
    if (n < 0) fail(u_->loc, "internal error: pattern stack below its base");
    while (static_cast<int>(pc.fail_pop.size()) <= n) pc.fail_pop.push_back(new_label());
    jump(op, pc.fail_pop[static_cast<std::size_t>(n)]);
  }

  // Emits the fail_pop chain; ends at depth pc.base (reachable only
  // through a failure).
  void emit_fail_pops(PatternCtx& pc) {
    if (pc.fail_pop.empty()) {
      u_->unreachable = true;
      return;
    }
    for (std::size_t k = pc.fail_pop.size(); k-- > 0;) {
      bind_at_depth(pc.fail_pop[k], pc.base + static_cast<int>(k));
      if (k > 0) emit(Op::POP_TOP);
    }
  }

  void pattern_store(PatternCtx& pc, const std::string& name, const Loc& loc) {
    if (std::find(pc.stores->begin(), pc.stores->end(), name) != pc.stores->end())
      fail(loc, "multiple assignments to name '" + name + "' in pattern");
    pc.stores->push_back(name);
    name_op(name, Ctx::Store);
  }

  // Sub-patterns of a sequence, mapping or class pattern may be irrefutable.
  void subpattern(const Expr& p, PatternCtx& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
  }

  // A constant key's repr for the duplicate-key message, or "" when the
  // key is not a plain constant (the runtime check then applies).
  static std::string literal_key(const Expr& k) {
    switch (k.kind) {
      case ExprKind::Str:
        if (k.text.find_first_of("'\\\n\r\t") != std::string::npos) return "";
        return "'" + k.text + "'";
      case ExprKind::Int:
        if (k.text.find_first_not_of("0123456789") != std::string::npos) return "";
        if (k.text.size() > 1 && k.text[0] == '0') return "";
        return k.text;
      case ExprKind::True: return "True";
      case ExprKind::False: return "False";
      case ExprKind::None: return "None";
      default: return "";
    }
  }

  void pattern(const Expr& p, PatternCtx& pc) {
    set_loc(p.loc);
    switch (p.kind) {
      case ExprKind::MatchAs:
        if (!p.a) {
          if (!pc.allow_irrefutable) {
            if (!p.name.empty()) fail(p.loc, "name capture '" + p.name + "' makes remaining patterns unreachable");
            fail(p.loc, "wildcard makes remaining patterns unreachable");
          }
          if (p.name.empty())
            emit(Op::POP_TOP);
          else
            pattern_store(pc, p.name, p.loc);
          return;
        }
        emit(Op::COPY, 1);
        pattern(*p.a, pc);
        set_loc(p.loc);
        pattern_store(pc, p.name, p.loc);
        return;
      case ExprKind::MatchValue:
        expr(*p.a);
        set_loc(p.loc);
        emit(Op::COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Eq));
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        return;
      case ExprKind::MatchSingleton:
        expr(*p.a);
        emit(Op::IS_OP, 0);
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        return;
      case ExprKind::MatchSequence: {
        std::size_t size = p.elts.size();
        std::size_t star = size;
        for (std::size_t i = 0; i < size; ++i) {
          if (p.elts[i]->kind != ExprKind::MatchStar) continue;
          if (star != size) fail(p.elts[i]->loc, "multiple starred names in sequence pattern");
          star = i;
        }
        emit(Op::MATCH_SEQUENCE);
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        if (star == size) {
          emit(Op::GET_LEN);
          load_const(Value::from_int(static_cast<std::int64_t>(size)));
          emit(Op::COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Eq));
          pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        } else if (size > 1) {
          emit(Op::GET_LEN);
          load_const(Value::from_int(static_cast<std::int64_t>(size - 1)));
          emit(Op::COMPARE_OP, static_cast<std::uint32_t>(CmpOp::GtE));
          pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        }
        if (size == 0) {
          emit(Op::POP_TOP);
          return;
        }
        if (star == size)
          emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(size));
        else
          emit(Op::UNPACK_EX, static_cast<std::uint32_t>(star | ((size - 1 - star) << 8)));
        for (const ExprP& sub : p.elts) {
          if (sub->kind == ExprKind::MatchStar) {
            set_loc(sub->loc);
            if (sub->name.empty())
              emit(Op::POP_TOP);
            else
              pattern_store(pc, sub->name, sub->loc);
          } else {
            subpattern(*sub, pc);
          }
        }
        return;
      }
      case ExprKind::MatchMapping: {
        std::size_t size = p.keys.size();
        emit(Op::MATCH_MAPPING);
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        if (size == 0 && p.name.empty()) {
          emit(Op::POP_TOP);
          return;
        }
        if (size > 0) {
          emit(Op::GET_LEN);
          load_const(Value::from_int(static_cast<std::int64_t>(size)));
          emit(Op::COMPARE_OP, static_cast<std::uint32_t>(CmpOp::GtE));
          pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        }
        std::vector<std::string> seen;
        for (const ExprP& k : p.keys) {
          std::string key = literal_key(*k);
          if (!key.empty()) {
            if (std::find(seen.begin(), seen.end(), key) != seen.end())
              fail(k->loc, "mapping pattern checks duplicate key (" + key + ")");
            seen.push_back(key);
          }
          expr(*k);
        }
        set_loc(p.loc);
        emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(size));
        emit(Op::MATCH_KEYS);
        emit(Op::COPY, 1);
        load_const(Value::none());
        emit(Op::IS_OP, 1);
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(size));
        for (const ExprP& v : p.values) subpattern(*v, pc);
        set_loc(p.loc);
        if (p.name.empty()) {
          emit(Op::POP_TOP);
          emit(Op::POP_TOP);
        } else {
          emit(Op::COPY_DICT_WITHOUT_KEYS);
          pattern_store(pc, p.name, p.loc);
        }
        return;
      }
      case ExprKind::MatchClass: {
        std::vector<Value> names;
        for (std::size_t i = 0; i < p.keywords.size(); ++i) {
          for (std::size_t j = 0; j < i; ++j)
            if (p.keywords[j].name == p.keywords[i].name)
              fail(p.keywords[i].loc, "attribute name repeated in class pattern: " + p.keywords[i].name);
          names.push_back(Value::from_obj(interp_.intern(p.keywords[i].name)));
        }
        expr(*p.a);
        load_const(Value::from_obj(new_tuple_const(names)));
        set_loc(p.loc);
        emit(Op::MATCH_CLASS, static_cast<std::uint32_t>(p.elts.size()));
        emit(Op::COPY, 1);
        load_const(Value::none());
        emit(Op::IS_OP, 1);
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
        std::size_t n = p.elts.size() + p.keywords.size();
        if (n == 0) {
          emit(Op::POP_TOP);
          return;
        }
        emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(n));
        for (const ExprP& sub : p.elts) subpattern(*sub, pc);
        for (const Keyword& k : p.keywords) subpattern(*k.value, pc);
        return;
      }
      case ExprKind::MatchOr: {
        int end = new_label();
        std::vector<std::string> first_names;
        for (std::size_t i = 0; i < p.elts.size(); ++i) {
          bool last = i + 1 == p.elts.size();
          set_loc(p.elts[i]->loc);
          emit(Op::COPY, 1);  // [v v]
          std::vector<std::string> names;
          PatternCtx alt{u_->depth - 1, {}, last && pc.allow_irrefutable, &names};
          pattern(*p.elts[i], alt);
          std::sort(names.begin(), names.end());
          if (i == 0)
            first_names = names;
          else if (names != first_names)
            fail(p.elts[i]->loc, "alternative patterns bind different names");
          emit(Op::POP_TOP);  // the value the alternative matched
          jump(Op::JUMP, end);
          emit_fail_pops(alt);  // [v]: try the next alternative
        }
        for (const std::string& n : first_names) {
          if (std::find(pc.stores->begin(), pc.stores->end(), n) != pc.stores->end())
            fail(p.loc, "multiple assignments to name '" + n + "' in pattern");
          pc.stores->push_back(n);
        }
        if (!u_->unreachable) pattern_fail(pc, Op::JUMP);  // no alternative matched
        bind(end);
        return;
      }
      default:
        fail(p.loc, "invalid pattern");
    }
  }

  void match_stmt(const Stmt& s) {
    expr(*s.a);  // [subject]
    int end = new_label();
    std::size_t ncases = s.cases.size();
    auto is_wildcard = [](const Expr& p) { return p.kind == ExprKind::MatchAs && !p.a && p.name.empty(); };
    bool has_default = ncases > 1 && is_wildcard(*s.cases.back().pattern) && !s.cases.back().guard;
    for (std::size_t i = 0; i < ncases - (has_default ? 1 : 0); ++i) {
      const MatchCase& c = s.cases[i];
      set_loc(c.pattern->loc);
      emit(Op::COPY, 1);  // [subject subject]
      std::vector<std::string> names;
      PatternCtx pc{u_->depth - 1, {}, c.guard != nullptr || i + 1 == ncases, &names};
      pattern(*c.pattern, pc);  // [subject]
      if (c.guard) {
        expr(*c.guard);
        set_loc(c.guard->loc);
        pattern_fail(pc, Op::POP_JUMP_IF_FALSE);
      }
      set_loc(c.loc);
      emit(Op::POP_TOP);  // the subject
      body(c.body);
      if (!u_->unreachable) jump(Op::JUMP, end);
      emit_fail_pops(pc);  // [subject]: the next case
    }
    if (has_default) {
      const MatchCase& c = s.cases.back();
      set_loc(c.loc);
      emit(Op::POP_TOP);
      body(c.body);
    } else if (!u_->unreachable) {
      emit(Op::POP_TOP);  // no case matched
    }
    bind(end);
  }

  // exit -- : calls exit(None, None, None) and awaits what it returns.
  void async_with_exit() {
    emit(Op::PUSH_NULL);
    emit(Op::SWAP, 2);
    for (int i = 0; i < 3; ++i) load_const(Value::none());
    emit(Op::CALL, 3);
    await_top();
    emit(Op::POP_TOP);
  }

  // ---- coroutines (Language Reference §8.8) ----

  // `await`, `async with` and `async for` belong in an async def; the
  // messages are CPython 3.11's.
  void require_coroutine(const Loc& loc, const char* what) {
    const Scope* sc = u_->scope;
    if (sc->is_coroutine) return;
    for (const Scope* p = sc; p && p->kind == ScopeKind::Function && p->name.front() == '<' && p->name != "<lambda>";
         p = p->parent)
      if (p->parent && p->parent->is_coroutine)
        fail(loc, "asynchronous comprehensions are not supported by gilvm yet");
    if (sc->kind != ScopeKind::Function && std::string_view(what) == "'await'") fail(loc, "'await' outside function");
    fail(loc, std::string(what) + " outside async function");
  }

  // awaitable -- result: GET_AWAITABLE makes the iterator that `await`
  // drives (the coroutine itself, or what __await__ returns), then the same
  // SEND loop as `yield from`, so values yielded deep inside reach whoever
  // drives the outermost coroutine (the event loop).
  void await_top() {
    emit(Op::GET_AWAITABLE);
    send_loop();
  }

  // it -- result: resumes `it` with what this frame is sent until it returns.
  void send_loop() {
    load_const(Value::none());
    int loop = new_label();
    int done = new_label();
    bind(loop);
    jump(Op::SEND, done);
    emit(Op::YIELD_VALUE);
    jump(Op::JUMP, loop);
    bind(done);
  }

  // async for (§8.8.2): like for_stmt, with __anext__ awaited inside a
  // handler that ends the loop on StopAsyncIteration.
  void async_for_stmt(const Stmt& s) {
    require_coroutine(s.loc, "'async for'");
    int start = new_label();
    int handler = new_label();
    int end = new_label();
    expr(*s.a);
    set_loc(s.loc);
    emit(Op::GET_AITER);  // [aiter]
    int d = u_->depth;
    bind(start);
    set_loc(s.loc);
    push_handler(handler, d);
    emit(Op::GET_ANEXT);  // [aiter awaitable]
    await_top();          // [aiter value]
    pop_handler();
    for_body(s, start, end);
    bind_at_depth(handler, d + 1);  // [aiter exc]
    emit(Op::END_ASYNC_FOR);
    body(s.orelse);
    bind(end);
  }

  // ---- functions and classes ----

  // Pushes [defaults] [kwdefaults] and returns the MAKE_FUNCTION flags.
  std::uint32_t defaults(const Arguments& a) {
    std::uint32_t flags = 0;
    std::uint32_t n = 0;
    for (auto& p : a.positional)
      if (p.default_value) {
        expr(*p.default_value);
        ++n;
      }
    if (n > 0) {
      emit(Op::BUILD_TUPLE, n);
      flags |= 1;
    }
    std::uint32_t k = 0;
    for (auto& p : a.kwonly)
      if (p.default_value) {
        load_str(mangle(u_->scope->private_name, p.name));
        expr(*p.default_value);
        ++k;
      }
    if (k > 0) {
      emit(Op::BUILD_MAP, k);
      flags |= 2;
    }
    return flags;
  }

  // Pushes the closure tuple for `code` (if it has free variables) and the
  // code, then MAKE_FUNCTION.
  void make_function(CodeObject* code, std::uint32_t flags) {
    if (!code->freevars.empty()) {
      for (Str* n : code->freevars) emit(Op::LOAD_CLOSURE, deref_arg(n->s));
      emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(code->freevars.size()));
      flags |= 8;
    }
    load_const(Value::from_obj(code));
    emit(Op::MAKE_FUNCTION, flags);
  }

  void set_signature(CodeObject* code, const Arguments& a) {
    code->argcount = static_cast<int>(a.positional.size());
    code->posonlycount = a.positional_only;
    code->kwonlycount = static_cast<int>(a.kwonly.size());
    if (!a.vararg.empty()) code->flags |= kCodeVarargs;
    if (!a.kwarg.empty()) code->flags |= kCodeVarkw;
    if (!a.vararg.empty() || !a.kwarg.empty() || !a.kwonly.empty()) code->flags &= ~kCodeSimple;
  }

  void function_def(const Stmt& s) {
    for (auto& d : s.decorators) {
      set_loc(d->loc);
      emit(Op::PUSH_NULL);
      expr(*d);
    }
    set_loc(s.loc);
    std::uint32_t flags = defaults(*s.args);
    Scope* sc = table_.scopes.at(&s);
    if (sc->is_coroutine && sc->is_generator) fail(s.loc, "asynchronous generators are not supported by gilvm yet");
    enter(sc, s.name, child_qualname(s.name), s.loc.line);
    body(s.body);
    if (!u_->unreachable) {
      load_const(Value::none());
      emit(Op::RETURN_VALUE);
    }
    CodeObject* code = leave();
    set_signature(code, *s.args);
    set_loc(s.loc);
    make_function(code, flags);
    for (std::size_t i = 0; i < s.decorators.size(); ++i) emit(Op::CALL, 1);
    name_op(s.name, Ctx::Store);
  }

  void class_def(const Stmt& s) {
    for (auto& d : s.decorators) {
      set_loc(d->loc);
      emit(Op::PUSH_NULL);
      expr(*d);
    }
    set_loc(s.loc);
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_BUILD_CLASS);
    Scope* sc = table_.scopes.at(&s);
    std::string qual = child_qualname(s.name);
    enter(sc, s.name, qual, s.loc.line);
    emit(Op::LOAD_NAME, name_arg("__name__"));
    emit(Op::STORE_NAME, name_arg("__module__"));
    load_str(qual);
    emit(Op::STORE_NAME, name_arg("__qualname__"));
    body(s.body);
    if (sc->needs_class_cell) {
      emit(Op::LOAD_CLOSURE, deref_arg("__class__"));
    } else {
      load_const(Value::none());
    }
    emit(Op::RETURN_VALUE);
    CodeObject* code = leave();
    set_loc(s.loc);
    make_function(code, 0);
    load_str(s.name);
    for (auto& b : s.bases) {
      if (b->kind == ExprKind::Starred) fail(b->loc, "starred base classes are not supported by gilvm");
      expr(*b);
    }
    std::uint32_t n = 2 + static_cast<std::uint32_t>(s.bases.size());
    if (!s.keywords.empty()) {
      std::vector<Value> names;
      for (auto& k : s.keywords) {
        if (k.name.empty()) fail(k.loc, "**kwargs in a class statement is not supported by gilvm");
        expr(*k.value);
        names.push_back(Value::from_obj(interp_.intern(k.name)));
      }
      load_const(Value::from_obj(new_tuple_const(names)));
      set_loc(s.loc);
      emit(Op::CALL_KW, n + static_cast<std::uint32_t>(s.keywords.size()));
    } else {
      set_loc(s.loc);
      emit(Op::CALL, n);
    }
    for (std::size_t i = 0; i < s.decorators.size(); ++i) emit(Op::CALL, 1);
    name_op(s.name, Ctx::Store);
  }

  // ---- expressions ----

  // Jumps to `label` when the truth of `e` equals `cond`; falls through otherwise.
  void jump_if(const Expr& e, bool cond, int label) {
    if (e.kind == ExprKind::UnaryOp && e.unary_op == UnaryOp::Not) {
      jump_if(*e.a, !cond, label);
      return;
    }
    if (e.kind == ExprKind::BoolOp) {
      bool is_and = e.bool_op == BoolOp::And;
      if (is_and != cond) {
        // and/false or or/true: any operand decides
        for (auto& x : e.elts) jump_if(*x, cond, label);
      } else {
        int skip = new_label();
        for (std::size_t i = 0; i + 1 < e.elts.size(); ++i) jump_if(*e.elts[i], !cond, skip);
        jump_if(*e.elts.back(), cond, label);
        bind(skip);
      }
      return;
    }
    expr(e);
    jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  }

  void expr(const Expr& e) {
    Loc saved = u_->loc;
    set_loc(e.loc);
    expr_inner(e);
    u_->loc = saved;
  }

  // The value of an int literal as written ("0x_ff", "1_000"), inline when
  // it fits int64.
  Value int_literal_value(const Expr& e) {
    std::string digits;
    for (char c : e.text)
      if (c != '_') digits += c;
    int base = 10;
    if (digits.size() > 1 && digits[0] == '0') {
      char p = static_cast<char>(digits[1] | 0x20);
      base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
      if (base != 10) digits = digits.substr(2);
    }
    auto v = BigInt::from_digits(digits, base, false);
    if (!v) fail(e.loc, "invalid integer literal");
    if (v->fits_int64()) return Value::from_int(v->to_int64());
    return Value::from_obj(interp_.heap.make<BigIntObj>(interp_.types.int_, std::move(*v)));
  }

  void int_literal(const Expr& e) {
    Value v = int_literal_value(e);
    if (v.is_int() && v.as_int() < (1 << 23))
      emit(Op::LOAD_SMALL_INT, static_cast<std::uint32_t>(v.as_int()) & kMaxArg);
    else
      load_const(v);
  }

  void expr_inner(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        name_op(e.name, Ctx::Load);
        break;
      case ExprKind::Int:
        int_literal(e);
        break;
      case ExprKind::Float:
        load_const(Value::from_float(e.number));
        break;
      case ExprKind::Imaginary:
        fail(e.loc, "complex numbers are not supported by gilvm");
      case ExprKind::Str:
        load_const(Value::from_obj(e.text.size() <= 40 ? interp_.intern(e.text)
                                                       : new_str_obj(interp_, e.text)));
        break;
      case ExprKind::Bytes:
        load_const(Value::from_obj(interp_.heap.make<Bytes>(interp_.types.bytes, e.text)));
        break;
      case ExprKind::JoinedStr: {
        std::uint32_t n = 0;
        for (auto& part : e.elts) {
          if (part->kind == ExprKind::Str && part->text.empty()) continue;
          expr(*part);
          ++n;
        }
        if (n == 0)
          load_str("");
        else if (n > 1 || e.elts.size() != 1 || e.elts[0]->kind != ExprKind::Str)
          emit(Op::BUILD_STRING, n);
        break;
      }
      case ExprKind::FormattedValue: {
        expr(*e.a);
        std::uint32_t flags = e.conversion == 's' ? 1 : e.conversion == 'r' ? 2 : e.conversion == 'a' ? 3 : 0;
        if (e.b) {
          expr(*e.b);
          flags |= 4;
        }
        emit(Op::FORMAT_VALUE, flags);
        break;
      }
      case ExprKind::True:
        load_const(Value::from_bool(true));
        break;
      case ExprKind::False:
        load_const(Value::from_bool(false));
        break;
      case ExprKind::None:
        load_const(Value::none());
        break;
      case ExprKind::Ellipsis:
        load_const(interp_.ellipsis);
        break;
      case ExprKind::Tuple:
      case ExprKind::List:
      case ExprKind::Set:
        display(e);
        break;
      case ExprKind::Dict:
        dict_display(e);
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
      case ExprKind::DictComp:
        comprehension(e);
        break;
      case ExprKind::BinOp:
        if (e.bin_op == front::BinOp::MatMul) fail(e.loc, "the '@' operator is not supported by gilvm");
        expr(*e.a);
        expr(*e.b);
        emit(Op::BINARY_OP, static_cast<std::uint32_t>(e.bin_op));
        break;
      case ExprKind::UnaryOp:
        expr(*e.a);
        switch (e.unary_op) {
          case front::UnaryOp::Neg: emit(Op::UNARY_NEGATIVE); break;
          case front::UnaryOp::Pos: emit(Op::UNARY_POSITIVE); break;
          case front::UnaryOp::Invert: emit(Op::UNARY_INVERT); break;
          case front::UnaryOp::Not: emit(Op::UNARY_NOT); break;
        }
        break;
      case ExprKind::BoolOp: {
        int end = new_label();
        Op op = e.bool_op == BoolOp::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
        for (std::size_t i = 0; i < e.elts.size(); ++i) {
          expr(*e.elts[i]);
          if (i + 1 < e.elts.size()) jump(op, end);
        }
        bind(end);
        break;
      }
      case ExprKind::Compare:
        compare(e);
        break;
      case ExprKind::IfExp: {
        int orelse = new_label();
        int end = new_label();
        jump_if(*e.a, false, orelse);
        expr(*e.b);
        jump(Op::JUMP, end);
        bind(orelse);
        expr(*e.c);
        bind(end);
        break;
      }
      case ExprKind::Lambda: {
        std::uint32_t flags = defaults(*e.args);
        Scope* sc = table_.scopes.at(&e);
        enter(sc, "<lambda>", child_qualname("<lambda>"), e.loc.line);
        expr(*e.a);
        if (!sc->is_generator) emit(Op::RETURN_VALUE);
        else {
          emit(Op::POP_TOP);
          load_const(Value::none());
          emit(Op::RETURN_VALUE);
        }
        CodeObject* code = leave();
        set_signature(code, *e.args);
        make_function(code, flags);
        break;
      }
      case ExprKind::Call:
        call(e);
        break;
      case ExprKind::Attribute:
        expr(*e.a);
        set_loc(e.loc);
        emit(Op::LOAD_ATTR, attr_arg(e.name));
        break;
      case ExprKind::Subscript:
        expr(*e.a);
        subscript_index(*e.b);
        set_loc(e.loc);
        emit(Op::BINARY_SUBSCR);
        break;
      case ExprKind::Slice:
        slice(e);
        break;
      case ExprKind::Starred:
        fail(e.loc, "can't use starred expression here");
      case ExprKind::Yield:
        if (u_->scope->kind != ScopeKind::Function) fail(e.loc, "'yield' outside function");
        if (e.a)
          expr(*e.a);
        else
          load_const(Value::none());
        emit(Op::YIELD_VALUE);
        break;
      case ExprKind::YieldFrom: {
        if (u_->scope->kind != ScopeKind::Function) fail(e.loc, "'yield' outside function");
        if (u_->scope->is_coroutine) fail(e.loc, "'yield from' inside async function");
        expr(*e.a);
        emit(Op::GET_YIELD_FROM_ITER);
        send_loop();
        break;
      }
      case ExprKind::Await:
        require_coroutine(e.loc, "'await'");
        expr(*e.a);
        set_loc(e.loc);
        await_top();
        break;
      case ExprKind::NamedExpr:
        // value -- value, and the name bound (in a comprehension the
        // symbol table made it the enclosing function's variable).
        expr(*e.b);
        set_loc(e.loc);
        emit(Op::COPY, 1);
        name_op(e.a->name, Ctx::Store);
        break;
      case ExprKind::MatchValue:
      case ExprKind::MatchSingleton:
      case ExprKind::MatchSequence:
      case ExprKind::MatchStar:
      case ExprKind::MatchMapping:
      case ExprKind::MatchClass:
      case ExprKind::MatchAs:
      case ExprKind::MatchOr:
        fail(e.loc, "internal error: a pattern outside a match statement");
    }
  }

  void slice(const Expr& e) {
    if (e.a) expr(*e.a); else load_const(Value::none());
    if (e.b) expr(*e.b); else load_const(Value::none());
    if (e.c) {
      expr(*e.c);
      emit(Op::BUILD_SLICE, 3);
    } else {
      emit(Op::BUILD_SLICE, 2);
    }
  }

  void subscript_index(const Expr& e) { expr(e); }

  static bool has_starred(const ExprList& l) {
    return std::any_of(l.begin(), l.end(), [](const ExprP& x) { return x->kind == ExprKind::Starred; });
  }

  // A constant as CPython's compiler folds it (literals, signed numbers,
  // tuples of constants), or Null.
  Value constant_value(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Int: return int_literal_value(e);
      case ExprKind::Float: return Value::from_float(e.number);
      case ExprKind::Str: return Value::from_obj(interp_.intern(e.text));
      case ExprKind::True: return Value::from_bool(true);
      case ExprKind::False: return Value::from_bool(false);
      case ExprKind::None: return Value::none();
      case ExprKind::UnaryOp:
        if (e.unary_op == front::UnaryOp::Neg) {
          Value v = constant_value(*e.a);
          if (v.is_int() && v.as_int() != INT64_MIN) return Value::from_int(-v.as_int());
          if (v.is_float()) return Value::from_float(-v.as_float());
        }
        return Value::null();
      case ExprKind::Tuple: {
        std::vector<Value> items;
        for (auto& x : e.elts) {
          Value v = constant_value(*x);
          if (v.is_null()) return Value::null();
          items.push_back(v);
        }
        return Value::from_obj(new_tuple_const(items));
      }
      default: return Value::null();
    }
  }

  void display(const Expr& e) {
    std::uint32_t n = static_cast<std::uint32_t>(e.elts.size());
    if (e.kind == ExprKind::Set && n > 2) {
      // CPython folds a display of constants into a frozenset constant and
      // builds the set from it, which can order the table differently from
      // adding the items one by one.
      std::vector<Value> items;
      for (auto& x : e.elts) {
        Value v = constant_value(*x);
        if (v.is_null()) break;
        items.push_back(v);
      }
      if (items.size() == n) {
        load_const(Value::from_obj(new_tuple_const(items)));
        emit(Op::BUILD_CONST_SET);
        return;
      }
    }
    if (!has_starred(e.elts)) {
      for (auto& x : e.elts) expr(*x);
      emit(e.kind == ExprKind::Tuple ? Op::BUILD_TUPLE : e.kind == ExprKind::List ? Op::BUILD_LIST : Op::BUILD_SET, n);
      return;
    }
    bool is_set = e.kind == ExprKind::Set;
    emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
    for (auto& x : e.elts) {
      if (x->kind == ExprKind::Starred) {
        expr(*x->a);
        emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
      } else {
        expr(*x);
        emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
      }
    }
    if (e.kind == ExprKind::Tuple) emit(Op::LIST_TO_TUPLE);
  }

  void dict_display(const Expr& e) {
    bool unpack = std::any_of(e.keys.begin(), e.keys.end(), [](const ExprP& k) { return !k; });
    if (!unpack) {
      for (std::size_t i = 0; i < e.keys.size(); ++i) {
        expr(*e.keys[i]);
        expr(*e.values[i]);
      }
      emit(Op::BUILD_MAP, static_cast<std::uint32_t>(e.keys.size()));
      return;
    }
    emit(Op::BUILD_MAP, 0);
    for (std::size_t i = 0; i < e.keys.size(); ++i) {
      if (!e.keys[i]) {
        expr(*e.values[i]);
        emit(Op::DICT_UPDATE, 1);
      } else {
        expr(*e.keys[i]);
        expr(*e.values[i]);
        emit(Op::MAP_ADD, 1);
      }
    }
  }

  void compare(const Expr& e) {
    expr(*e.a);
    if (e.cmp_ops.size() == 1) {
      expr(*e.elts[0]);
      set_loc(e.loc);
      compare_op(e.cmp_ops[0]);
      return;
    }
    int cleanup = new_label();
    int end = new_label();
    for (std::size_t i = 0; i < e.cmp_ops.size(); ++i) {
      expr(*e.elts[i]);
      if (i + 1 < e.cmp_ops.size()) {
        emit(Op::SWAP, 2);
        emit(Op::COPY, 2);
        compare_op(e.cmp_ops[i]);
        jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
      } else {
        compare_op(e.cmp_ops[i]);
      }
    }
    jump(Op::JUMP, end);
    bind(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    bind(end);
  }

  void compare_op(CmpOp op) {
    switch (op) {
      case CmpOp::Is: emit(Op::IS_OP, 0); break;
      case CmpOp::IsNot: emit(Op::IS_OP, 1); break;
      case CmpOp::In: emit(Op::CONTAINS_OP, 0); break;
      case CmpOp::NotIn: emit(Op::CONTAINS_OP, 1); break;
      default: emit(Op::COMPARE_OP, static_cast<std::uint32_t>(op)); break;
    }
  }

  // The first positional parameter of the enclosing function, for super().
  bool zero_arg_super(const Expr& e) {
    if (e.a->kind != ExprKind::Name || e.a->name != "super" || !e.elts.empty() || !e.keywords.empty())
      return false;
    Scope& sc = *u_->scope;
    if (sc.kind != ScopeKind::Function || sc.params.empty()) return false;
    if (sc.lookup("__class__") != NameScope::Free) return false;
    emit(Op::PUSH_NULL);
    name_op("super", Ctx::Load);
    emit(Op::LOAD_DEREF, deref_arg("__class__"));
    name_op(sc.params[0], Ctx::Load);
    set_loc(e.loc);
    emit(Op::CALL, 2);
    return true;
  }

  void call(const Expr& e) {
    if (zero_arg_super(e)) return;
    bool star = has_starred(e.elts) ||
                std::any_of(e.keywords.begin(), e.keywords.end(), [](const Keyword& k) { return k.name.empty(); });
    if (star) {
      emit(Op::PUSH_NULL);
      expr(*e.a);
      emit(Op::BUILD_LIST, 0);
      for (auto& x : e.elts) {
        if (x->kind == ExprKind::Starred) {
          expr(*x->a);
          emit(Op::LIST_EXTEND, 1);
        } else {
          expr(*x);
          emit(Op::LIST_APPEND, 1);
        }
      }
      emit(Op::LIST_TO_TUPLE);
      std::uint32_t flags = 0;
      if (!e.keywords.empty()) {
        emit(Op::BUILD_MAP, 0);
        bool merged = false;
        for (auto& k : e.keywords) {
          if (k.name.empty()) {
            expr(*k.value);
            emit(Op::DICT_MERGE, 1);
            merged = true;
          } else if (merged) {
            // After a **mapping, name=value may repeat one of its keys:
            // merged, so that is an error rather than an overwrite.
            load_str(k.name);
            expr(*k.value);
            emit(Op::BUILD_MAP, 1);
            emit(Op::DICT_MERGE, 1);
          } else {
            load_str(k.name);
            expr(*k.value);
            emit(Op::MAP_ADD, 1);
          }
        }
        flags = 1;
      }
      set_loc(e.loc);
      emit(Op::CALL_EX, flags);
      return;
    }
    if (e.a->kind == ExprKind::Attribute) {
      expr(*e.a->a);
      set_loc(e.a->loc);
      emit(Op::LOAD_METHOD, attr_arg(e.a->name));
    } else {
      emit(Op::PUSH_NULL);
      expr(*e.a);
    }
    for (auto& x : e.elts) expr(*x);
    std::uint32_t n = static_cast<std::uint32_t>(e.elts.size() + e.keywords.size());
    if (!e.keywords.empty()) {
      std::vector<Value> names;
      for (auto& k : e.keywords) {
        expr(*k.value);
        names.push_back(Value::from_obj(interp_.intern(k.name)));
      }
      load_const(Value::from_obj(new_tuple_const(names)));
      set_loc(e.loc);
      emit(Op::CALL_KW, n);
    } else {
      set_loc(e.loc);
      emit(Op::CALL, n);
    }
  }

  void comprehension(const Expr& e) {
    Scope* sc = table_.scopes.at(&e);
    emit(Op::PUSH_NULL);
    enter(sc, sc->name, child_qualname(sc->name), e.loc.line);
    set_loc(e.loc);
    if (e.kind == ExprKind::ListComp) emit(Op::BUILD_LIST, 0);
    if (e.kind == ExprKind::SetComp) emit(Op::BUILD_SET, 0);
    if (e.kind == ExprKind::DictComp) emit(Op::BUILD_MAP, 0);
    comp_generator(e, 0);
    if (e.kind == ExprKind::GeneratorExp) load_const(Value::none());
    emit(Op::RETURN_VALUE);
    CodeObject* code = leave();
    code->argcount = 1;
    make_function(code, 0);
    expr(*e.comps[0].iter);
    emit(Op::GET_ITER);
    set_loc(e.loc);
    emit(Op::CALL, 1);
  }

  void comp_generator(const Expr& e, std::size_t i) {
    const Comprehension& c = e.comps[i];
    if (c.is_async) fail(e.loc, "asynchronous comprehensions are not supported by gilvm yet");
    int start = new_label();
    int end = new_label();
    if (i == 0) {
      emit(Op::LOAD_FAST, static_cast<std::uint32_t>(add_var(".0")));
    } else {
      expr(*c.iter);
      emit(Op::GET_ITER);
    }
    bind(start);
    jump(Op::FOR_ITER, end);
    store(*c.target);
    for (auto& f : c.ifs) jump_if(*f, false, start);
    if (i + 1 < e.comps.size()) {
      comp_generator(e, i + 1);
    } else {
      std::uint32_t depth = static_cast<std::uint32_t>(i + 2);
      switch (e.kind) {
        case ExprKind::ListComp:
          expr(*e.a);
          emit(Op::LIST_APPEND, depth);
          break;
        case ExprKind::SetComp:
          expr(*e.a);
          emit(Op::SET_ADD, depth);
          break;
        case ExprKind::DictComp:
          expr(*e.a);
          expr(*e.b);
          emit(Op::MAP_ADD, depth);
          break;
        default:
          expr(*e.a);
          emit(Op::YIELD_VALUE);
          emit(Op::POP_TOP);
          break;
      }
    }
    jump(Op::JUMP_BACKWARD, start);
    bind(end);
  }
};

}  // namespace

CompileResult compile(Interpreter& interp, const front::Module& module, const std::string& filename, Mode mode) {
  Compiler c(interp, filename, mode);
  CompileResult r = c.run(module);
  if (!r.code) r.error.filename = filename;
  return r;
}

CompileResult compile_expression(Interpreter& interp, front::ExprP expr, const std::string& filename) {
  front::Module m;
  Loc loc = expr->loc;
  m.body.push_back(std::make_unique<Stmt>(StmtKind::Expr, loc));
  m.body[0]->a = std::move(expr);
  Compiler c(interp, filename, Mode::Eval);
  return c.run_expression(m);
}

}  // namespace gilvm::compiler
