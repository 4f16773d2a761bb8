// The S-expression dump of the AST (front/ast_dump.h has the format).
#include "front/ast_dump.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace gilvm::front {

std::string float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Shortest round-trip digits, then Python's float_repr_style 'r' layout:
  // positional for exponents -4..15, scientific otherwise.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  std::string sign;
  if (s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  std::size_t epos = s.find('e');
  int exp = std::stoi(s.substr(epos + 1));
  std::string digits;
  for (char c : s.substr(0, epos)) {
    if (c != '.') digits += c;
  }
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return sign + "0." + std::string(-exp - 1, '0') + digits;
    std::string whole = digits.substr(0, std::min<std::size_t>(digits.size(), exp + 1));
    whole += std::string(exp + 1 - whole.size(), '0');
    std::string frac = digits.size() > std::size_t(exp + 1) ? digits.substr(exp + 1) : "0";
    return sign + whole + "." + frac;
  }
  std::string mant = digits.substr(0, 1);
  if (digits.size() > 1) mant += "." + digits.substr(1);
  return fmt::format("{}{}e{}{:02d}", sign, mant, exp < 0 ? '-' : '+', std::abs(exp));
}

namespace {

std::string quote(const std::string& s, bool bytes) {
  std::string out = bytes ? "b'" : "'";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '\'';
  return out;
}

const char* bin_op_name(BinOp op) {
  switch (op) {
    case BinOp::Add: return "Add";
    case BinOp::Sub: return "Sub";
    case BinOp::Mul: return "Mul";
    case BinOp::Div: return "Div";
    case BinOp::FloorDiv: return "FloorDiv";
    case BinOp::Mod: return "Mod";
    case BinOp::Pow: return "Pow";
    case BinOp::LShift: return "LShift";
    case BinOp::RShift: return "RShift";
    case BinOp::BitAnd: return "BitAnd";
    case BinOp::BitOr: return "BitOr";
    case BinOp::BitXor: return "BitXor";
    case BinOp::MatMul: return "MatMul";
  }
  return "?";
}

const char* cmp_op_name(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "Eq";
    case CmpOp::NotEq: return "NotEq";
    case CmpOp::Lt: return "Lt";
    case CmpOp::LtE: return "LtE";
    case CmpOp::Gt: return "Gt";
    case CmpOp::GtE: return "GtE";
    case CmpOp::Is: return "Is";
    case CmpOp::IsNot: return "IsNot";
    case CmpOp::In: return "In";
    case CmpOp::NotIn: return "NotIn";
  }
  return "?";
}

const char* unary_op_name(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return "Neg";
    case UnaryOp::Pos: return "Pos";
    case UnaryOp::Invert: return "Invert";
    case UnaryOp::Not: return "Not";
  }
  return "?";
}

class Dumper {
 public:
  explicit Dumper(DumpLocs locs) : locs_(locs == DumpLocs::Yes) {}
  std::string out;

  void expr(const Expr* e) {
    if (!e) {
      out += '_';
      return;
    }
    switch (e->kind) {
      case ExprKind::True: atom("True", *e); return;
      case ExprKind::False: atom("False", *e); return;
      case ExprKind::None: atom("None", *e); return;
      case ExprKind::Ellipsis: atom("Ellipsis", *e); return;
      default: break;
    }
    out += '(';
    switch (e->kind) {
      case ExprKind::Name: out += "Name " + e->name; break;
      case ExprKind::Int: out += "Int " + e->text; break;
      case ExprKind::Float: out += "Float " + float_repr(e->number); break;
      case ExprKind::Imaginary: out += "Imaginary " + float_repr(e->number); break;
      case ExprKind::Str: out += "Str " + quote(e->text, false); break;
      case ExprKind::Bytes: out += "Bytes " + quote(e->text, true); break;
      case ExprKind::JoinedStr:
        out += "JoinedStr";
        list(e->elts);
        break;
      case ExprKind::FormattedValue:
        out += "FormattedValue ";
        expr(e->a.get());
        if (e->conversion) {
          out += " !";
          out += e->conversion;
        }
        if (e->b) {
          out += ' ';
          expr(e->b.get());
        }
        break;
      case ExprKind::Tuple: out += "Tuple"; list(e->elts); break;
      case ExprKind::List: out += "List"; list(e->elts); break;
      case ExprKind::Set: out += "Set"; list(e->elts); break;
      case ExprKind::Dict:
        out += "Dict";
        for (std::size_t i = 0; i < e->values.size(); ++i) {
          if (e->keys[i]) {
            out += " (: ";
            expr(e->keys[i].get());
            out += ' ';
          } else {
            out += " (** ";
          }
          expr(e->values[i].get());
          out += ')';
        }
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
        out += e->kind == ExprKind::ListComp ? "ListComp " : e->kind == ExprKind::SetComp ? "SetComp " : "GeneratorExp ";
        expr(e->a.get());
        comps(*e);
        break;
      case ExprKind::DictComp:
        out += "DictComp ";
        expr(e->a.get());
        out += ' ';
        expr(e->b.get());
        comps(*e);
        break;
      case ExprKind::BinOp:
        out += fmt::format("BinOp {} ", bin_op_name(e->bin_op));
        expr(e->a.get());
        out += ' ';
        expr(e->b.get());
        break;
      case ExprKind::UnaryOp:
        out += fmt::format("UnaryOp {} ", unary_op_name(e->unary_op));
        expr(e->a.get());
        break;
      case ExprKind::BoolOp:
        out += e->bool_op == BoolOp::And ? "BoolOp And" : "BoolOp Or";
        list(e->elts);
        break;
      case ExprKind::Compare:
        out += "Compare ";
        expr(e->a.get());
        for (std::size_t i = 0; i < e->cmp_ops.size(); ++i) {
          out += fmt::format(" {} ", cmp_op_name(e->cmp_ops[i]));
          expr(e->elts[i].get());
        }
        break;
      case ExprKind::IfExp:
        out += "IfExp ";
        expr(e->a.get());
        out += ' ';
        expr(e->b.get());
        out += ' ';
        expr(e->c.get());
        break;
      case ExprKind::Lambda:
        out += "Lambda ";
        arguments(e->args.get());
        out += ' ';
        expr(e->a.get());
        break;
      case ExprKind::Call:
        out += "Call ";
        expr(e->a.get());
        list(e->elts);
        keywords(e->keywords);
        break;
      case ExprKind::Attribute:
        out += "Attribute ";
        expr(e->a.get());
        out += ' ' + e->name;
        break;
      case ExprKind::Subscript:
        out += "Subscript ";
        expr(e->a.get());
        out += ' ';
        expr(e->b.get());
        break;
      case ExprKind::Slice:
        out += "Slice ";
        expr(e->a.get());
        out += ' ';
        expr(e->b.get());
        out += ' ';
        expr(e->c.get());
        break;
      case ExprKind::Starred: out += "Starred "; expr(e->a.get()); break;
      case ExprKind::Yield:
        out += "Yield";
        if (e->a) {
          out += ' ';
          expr(e->a.get());
        }
        break;
      case ExprKind::YieldFrom: out += "YieldFrom "; expr(e->a.get()); break;
      case ExprKind::Await: out += "Await "; expr(e->a.get()); break;
      case ExprKind::NamedExpr:
        out += "NamedExpr ";
        expr(e->a.get());
        out += ' ';
        expr(e->b.get());
        break;
      case ExprKind::MatchValue: out += "MatchValue "; expr(e->a.get()); break;
      case ExprKind::MatchSingleton: out += "MatchSingleton "; expr(e->a.get()); break;
      case ExprKind::MatchSequence: out += "MatchSequence"; list(e->elts); break;
      case ExprKind::MatchStar: out += "MatchStar " + (e->name.empty() ? "_" : e->name); break;
      case ExprKind::MatchMapping:
        out += "MatchMapping";
        for (std::size_t i = 0; i < e->values.size(); ++i) {
          out += " (: ";
          expr(e->keys[i].get());
          out += ' ';
          expr(e->values[i].get());
          out += ')';
        }
        if (!e->name.empty()) out += " (** " + e->name + ")";
        break;
      case ExprKind::MatchClass:
        out += "MatchClass ";
        expr(e->a.get());
        list(e->elts);
        keywords(e->keywords);
        break;
      case ExprKind::MatchAs:
        out += "MatchAs ";
        if (e->a) {
          expr(e->a.get());
          out += ' ';
        }
        out += e->name.empty() ? "_" : e->name;
        break;
      case ExprKind::MatchOr: out += "MatchOr"; list(e->elts); break;
      default: break;
    }
    loc(e->loc);
    out += ')';
  }

  void stmt(const Stmt& s) {
    out += '(';
    switch (s.kind) {
      case StmtKind::Expr: out += "Expr "; expr(s.a.get()); break;
      case StmtKind::Assign:
        out += "Assign";
        for (const ExprP& t : s.targets) {
          out += ' ';
          expr(t.get());
          out += " =";
        }
        out += ' ';
        expr(s.a.get());
        break;
      case StmtKind::AugAssign:
        out += "AugAssign ";
        expr(s.targets[0].get());
        out += fmt::format(" {} ", bin_op_name(s.bin_op));
        expr(s.a.get());
        break;
      case StmtKind::AnnAssign:
        out += "AnnAssign ";
        expr(s.targets[0].get());
        if (s.a) {
          out += ' ';
          expr(s.a.get());
        }
        break;
      case StmtKind::Pass: out += "Pass"; break;
      case StmtKind::Break: out += "Break"; break;
      case StmtKind::Continue: out += "Continue"; break;
      case StmtKind::Return:
        out += "Return";
        if (s.a) {
          out += ' ';
          expr(s.a.get());
        }
        break;
      case StmtKind::Delete: out += "Delete"; list(s.targets); break;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
        out += s.kind == StmtKind::Global ? "Global" : "Nonlocal";
        for (const std::string& n : s.idents) out += ' ' + n;
        break;
      case StmtKind::If:
      case StmtKind::While:
        out += s.kind == StmtKind::If ? "If " : "While ";
        expr(s.a.get());
        body("body", s.body);
        body("orelse", s.orelse);
        break;
      case StmtKind::For:
        out += s.is_async ? "AsyncFor " : "For ";
        expr(s.targets[0].get());
        out += ' ';
        expr(s.a.get());
        body("body", s.body);
        body("orelse", s.orelse);
        break;
      case StmtKind::FunctionDef:
        out += s.is_async ? "AsyncFunctionDef " : "FunctionDef ";
        out += s.name + ' ';
        arguments(s.args.get());
        if (!s.decorators.empty()) {
          out += " (decorators";
          list(s.decorators);
          out += ')';
        }
        body("body", s.body);
        break;
      case StmtKind::ClassDef:
        out += "ClassDef " + s.name;
        if (!s.bases.empty()) {
          out += " (bases";
          list(s.bases);
          out += ')';
        }
        if (!s.keywords.empty()) {
          out += " (keywords";
          keywords(s.keywords);
          out += ')';
        }
        if (!s.decorators.empty()) {
          out += " (decorators";
          list(s.decorators);
          out += ')';
        }
        body("body", s.body);
        break;
      case StmtKind::Try:
        out += "Try";
        body("body", s.body, true);
        for (const ExceptHandler& h : s.handlers) {
          out += " (except";
          if (h.type) {
            out += ' ';
            expr(h.type.get());
          }
          if (!h.name.empty()) out += " as " + h.name;
          body("body", h.body);
          out += ')';
        }
        body("orelse", s.orelse);
        body("finally", s.finalbody);
        break;
      case StmtKind::Raise:
        out += "Raise";
        if (s.a) {
          out += ' ';
          expr(s.a.get());
        }
        if (s.b) {
          out += " from ";
          expr(s.b.get());
        }
        break;
      case StmtKind::With:
        out += s.is_async ? "AsyncWith" : "With";
        for (const WithItem& it : s.items) {
          out += " (item ";
          expr(it.context.get());
          if (it.target) {
            out += ' ';
            expr(it.target.get());
          }
          out += ')';
        }
        body("body", s.body);
        break;
      case StmtKind::Assert:
        out += "Assert ";
        expr(s.a.get());
        if (s.b) {
          out += ' ';
          expr(s.b.get());
        }
        break;
      case StmtKind::Import:
        out += "Import";
        aliases(s.aliases);
        break;
      case StmtKind::ImportFrom:
        out += "ImportFrom " + std::string(s.level, '.') + s.module;
        aliases(s.aliases);
        break;
      case StmtKind::Match:
        out += "Match ";
        expr(s.a.get());
        for (const MatchCase& c : s.cases) {
          out += " (case ";
          expr(c.pattern.get());
          if (c.guard) {
            out += " (if ";
            expr(c.guard.get());
            out += ')';
          }
          body("body", c.body);
          out += ')';
        }
        break;
    }
    loc(s.loc);
    out += ')';
  }

 private:
  bool locs_;

  void atom(const char* name, const Expr& e) {
    if (!locs_) {
      out += name;
      return;
    }
    out += '(';
    out += name;
    loc(e.loc);
    out += ')';
  }
  void loc(const Loc& l) {
    if (locs_) out += fmt::format(" @{}:{}-{}:{}", l.line, l.col, l.end_line, l.end_col);
  }
  void list(const ExprList& xs) {
    for (const ExprP& x : xs) {
      out += ' ';
      expr(x.get());
    }
  }
  void keywords(const std::vector<Keyword>& kws) {
    for (const Keyword& k : kws) {
      out += k.name.empty() ? " (** " : " (= " + k.name + ' ';
      expr(k.value.get());
      out += ')';
    }
  }
  void comps(const Expr& e) {
    for (const Comprehension& c : e.comps) {
      out += c.is_async ? " (async-for " : " (for ";
      expr(c.target.get());
      out += ' ';
      expr(c.iter.get());
      for (const ExprP& cond : c.ifs) {
        out += " (if ";
        expr(cond.get());
        out += ')';
      }
      out += ')';
    }
  }
  void param(const Param& p) {
    out += ' ';
    if (p.default_value) {
      out += "(= " + p.name + ' ';
      expr(p.default_value.get());
      out += ')';
    } else {
      out += p.name;
    }
  }
  void arguments(const Arguments* a) {
    out += "(args";
    if (a) {
      for (std::size_t i = 0; i < a->positional.size(); ++i) {
        param(a->positional[i]);
        if (int(i) + 1 == a->positional_only) out += " /";
      }
      if (!a->vararg.empty()) {
        out += " *" + a->vararg;
      } else if (!a->kwonly.empty()) {
        out += " *";
      }
      for (const Param& p : a->kwonly) param(p);
      if (!a->kwarg.empty()) out += " **" + a->kwarg;
    }
    out += ')';
  }
  void aliases(const std::vector<Alias>& as) {
    for (const Alias& a : as) {
      if (a.asname.empty()) {
        out += ' ' + a.name;
      } else {
        out += " (" + a.name + " as " + a.asname + ')';
      }
    }
  }
  void body(const char* name, const StmtList& b, bool always = false) {
    if (b.empty() && !always && std::string_view(name) != "body") return;
    out += fmt::format(" ({}", name);
    for (const StmtP& s : b) {
      out += ' ';
      stmt(*s);
    }
    out += ')';
  }
};

}  // namespace

std::string dump(const Expr& expr, DumpLocs locs) {
  Dumper d(locs);
  d.expr(&expr);
  return std::move(d.out);
}

std::string dump(const Stmt& stmt, DumpLocs locs) {
  Dumper d(locs);
  d.stmt(stmt);
  return std::move(d.out);
}

std::string dump(const Module& module, DumpLocs locs) {
  std::string out;
  for (const StmtP& s : module.body) {
    if (!out.empty()) out += '\n';
    out += dump(*s, locs);
  }
  return out;
}

}  // namespace gilvm::front
