// The disassembler; see disasm.h.
#include "compiler/disasm.h"

#include <fmt/format.h>

#include <set>

#include "front/ast.h"
#include "runtime/numfmt.h"
#include "runtime/unicode.h"

namespace gilvm {

namespace {

// A constant's repr without running Python code (constants are simple).
std::string const_repr(Value v) {
  switch (v.tag()) {
    case Tag::None: return "None";
    case Tag::Bool: return v.as_bool() ? "True" : "False";
    case Tag::Int: return std::to_string(v.as_int());
    case Tag::Float: return text::float_repr(v.as_float());
    case Tag::Obj: break;
    default: return "<null>";
  }
  Object* o = v.as_obj();
  switch (o->kind) {
    case Kind::Str: return text::str_repr(static_cast<Str*>(o)->s);
    case Kind::Bytes: return text::bytes_repr(static_cast<Bytes*>(o)->s);
    case Kind::BigInt: return static_cast<BigIntObj*>(o)->v.to_string(10);
    case Kind::Tuple: {
      auto& items = static_cast<Tuple*>(o)->items;
      std::string s = "(";
      for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + const_repr(items[i]);
      return s + (items.size() == 1 ? ",)" : ")");
    }
    case Kind::Code: {
      auto* c = static_cast<CodeObject*>(o);
      return fmt::format("<code object {} at {:#x}, file \"{}\", line {}>", c->name->s,
                         reinterpret_cast<std::uintptr_t>(c), c->filename->s, c->firstline);
    }
    case Kind::Singleton: return static_cast<Singleton*>(o)->repr;
    default: return "<object>";
  }
}

const char* binop_name(std::uint32_t a) {
  static const char* names[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
  return a < 13 ? names[a] : "?";
}

const char* cmpop_name(std::uint32_t a) {
  static const char* names[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return a < 10 ? names[a] : "?";
}

}  // namespace

std::string describe_operand(const CodeObject& code, std::uint32_t word) {
  Op op = op_of(word);
  std::uint32_t arg = arg_of(word);
  switch (kOpInfo[static_cast<int>(op)].operand) {
    case OperandKind::Const:
      return arg < code.consts.size() ? const_repr(code.consts[arg]) : "?";
    case OperandKind::Local:
      return arg < code.varnames.size() ? code.varnames[arg]->s : "?";
    case OperandKind::Name:
      return arg < code.names.size() ? code.names[arg]->s : "?";
    case OperandKind::Deref:
      if (arg < code.cellvars.size()) return code.cellvars[arg]->s;
      arg -= static_cast<std::uint32_t>(code.cellvars.size());
      return arg < code.freevars.size() ? code.freevars[arg]->s : "?";
    case OperandKind::Jump:
      return fmt::format("to {}", arg);
    case OperandKind::BinOp:
      return op == Op::INPLACE_OP ? std::string(binop_name(arg)) + "=" : binop_name(arg);
    case OperandKind::CmpOp:
      return cmpop_name(arg);
    case OperandKind::Int:
      return "";
    default:
      return "";
  }
}

std::string disassemble(const CodeObject& code, bool recursive, int current) {
  std::set<std::uint32_t> targets;
  for (std::uint32_t w : code.code)
    if (kOpInfo[static_cast<int>(op_of(w))].operand == OperandKind::Jump) targets.insert(arg_of(w));
  for (const auto& e : code.exception_table) targets.insert(e.handler);
  std::string out;
  int last_line = -1;
  for (std::size_t pc = 0; pc < code.code.size(); ++pc) {
    std::uint32_t w = code.code[pc];
    Op op = op_of(w);
    const OpInfo& info = kOpInfo[static_cast<int>(op)];
    int line = code.lines[pc];
    std::string line_col = "    ";
    if (line != last_line) {
      if (last_line != -1) out += "\n";
      line_col = fmt::format("{:>4}", line);
      last_line = line;
    }
    std::string mark = static_cast<int>(pc) == current ? "-->" : "   ";
    std::string target = targets.count(static_cast<std::uint32_t>(pc)) ? ">>" : "  ";
    std::string row = fmt::format("{} {} {} {:>4} {:<24}", line_col, mark, target, pc, info.name);
    if (info.operand != OperandKind::None) {
      std::int64_t shown = info.operand == OperandKind::Int ? signed_arg_of(w) : arg_of(w);
      row += fmt::format("{:>5}", shown);
      std::string meaning = describe_operand(code, w);
      if (!meaning.empty()) row += " (" + meaning + ")";
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const auto& e : code.exception_table)
      out += fmt::format("  {} to {} -> {} [{}]\n", e.start, e.end - 1, e.handler, e.depth);
  }
  if (recursive) {
    for (Value c : code.consts) {
      if (c.is_obj() && c.as_obj()->kind == Kind::Code) {
        const auto* inner = static_cast<const CodeObject*>(c.as_obj());
        out += "\nDisassembly of " + const_repr(c) + ":\n";
        out += disassemble(*inner, true, -1);
      }
    }
  }
  return out;
}

}  // namespace gilvm
