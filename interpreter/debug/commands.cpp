// The stepper's commands: one table (names, arguments, help line, action),
// from which `help` is printed; and the commands about one frame (list,
// dis, stack, locals, p, where, break). Each problem with a command — an
// unknown name, a breakpoint where no code is, an expression that raises —
// is one line starting with "***", as pdb writes them, and the session
// goes on.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>

#include "compiler/compiler.h"
#include "compiler/disasm.h"
#include "debug/stepper.h"
#include "front/parser.h"
#include "vm/api.h"
#include "vm/import.h"
#include "vm/run.h"

namespace gilvm::debug {

namespace {

using Action = void (*)(Stepper& st, std::string_view arg);

struct Command {
  const char* names;  // spellings, '|'-separated: "s|step"
  const char* args;   // for help: "FILE:LINE", "" for none
  const char* help;
  Action run;
};

std::string file_of(const Frame* f) {
  return f != nullptr && f->code != nullptr && f->code->filename != nullptr ? f->code->filename->s : "";
}

// The focused thread's frame, or a message and null.
Frame* frame_or_say(Stepper& st) {
  Frame* f = st.focused_frame();
  if (f == nullptr) st.out("*** the focused thread has no Python frame\n");
  return f;
}

// The last line of an exception's report: "NameError: name 'x' is not defined".
std::string exception_line(ThreadState& ts, Value exc) {
  std::string text = format_exception(ts, exc);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::size_t nl = text.rfind('\n');
  return nl == std::string::npos ? text : text.substr(nl + 1);
}

// The pending exception as one "*** Error: message" line (taking it).
std::string pending_error(ThreadState& ts) {
  Value exc = take_exception(ts);
  TempRoot root(ts, exc);
  return "*** " + exception_line(ts, exc);
}

// Evaluates `source` in frame `f` (its globals, and its locals as locals()
// sees them); returns the repr, or "*** Error: message".
std::string evaluate(Stepper& st, Frame* f, std::string_view source) {
  ThreadState& ts = st.here();
  Interpreter& in = st.interp();
  front::ParseResult pr = front::parse(source, "<stdin>", front::ParseMode::Eval);
  if (!pr.ok) return "*** SyntaxError: " + pr.error.message;
  compiler::CompileResult cr = compiler::compile_expression(in, std::move(pr.expression), "<stdin>");
  if (cr.code == nullptr) return "*** SyntaxError: " + cr.error.message;
  TempRoot code_root(ts, obj(cr.code));
  Value locals = frame_locals_of(ts, f);
  TempRoot locals_root(ts, locals);
  Value r = run_code(ts, cr.code, f->globals, as_dict(locals));
  if (r.is_fail()) return pending_error(ts);
  TempRoot r_root(ts, r);
  std::optional<std::string> text = repr_string(ts, r);
  return text ? *text : pending_error(ts);
}

// repr() of a value for a listing; an exception is shown in its place.
std::string repr_or_error(ThreadState& ts, Value v) {
  if (v.is_null()) return "<unbound>";
  std::optional<std::string> text = repr_string(ts, v);
  return text ? *text : "<repr failed> " + pending_error(ts);
}

// Lines of `file` that have code: every line in the line tables of its
// module's code objects, compiled again from the remembered source.
std::set<int> code_lines(Stepper& st, const std::string& file) {
  std::set<int> lines;
  Interpreter& in = st.interp();
  auto it = in.sources.find(file);
  if (it == in.sources.end()) return lines;
  std::string source;
  for (const std::string& l : it->second) source += l + "\n";
  front::ParseResult pr = front::parse(source, file, front::ParseMode::File);
  if (!pr.ok) return lines;
  compiler::CompileResult cr = compiler::compile(in, pr.module, file, compiler::Mode::Module);
  if (cr.code == nullptr) return lines;
  std::vector<const CodeObject*> todo{cr.code};
  TempRoot root(st.here(), obj(cr.code));
  while (!todo.empty()) {
    const CodeObject* c = todo.back();
    todo.pop_back();
    lines.insert(c->lines.begin(), c->lines.end());
    for (Value k : c->consts)
      if (const CodeObject* inner = as_kind<CodeObject, Kind::Code>(k)) todo.push_back(inner);
  }
  return lines;
}

// "FILE:LINE" or "LINE" (in the focused frame's file).
bool parse_location(Stepper& st, std::string_view arg, std::string& file, int& line) {
  std::size_t colon = arg.rfind(':');
  std::string num(colon == std::string_view::npos ? arg : arg.substr(colon + 1));
  file = colon == std::string_view::npos ? file_of(st.focused_frame()) : std::string(arg.substr(0, colon));
  char* end = nullptr;
  long n = std::strtol(num.c_str(), &end, 10);
  if (num.empty() || *end != '\0' || n <= 0) return false;
  line = static_cast<int>(n);
  // A file named as typed, or by the tail of a known path.
  auto& sources = st.interp().sources;
  if (sources.count(file) == 0)
    for (const auto& [name, lines] : sources)
      if (name.size() > file.size() && name.ends_with("/" + file)) file = name;
  return true;
}

void cmd_break(Stepper& st, std::string_view arg) {
  auto& bps = st.breakpoints();
  if (arg.empty()) {
    if (bps.empty()) return st.out("No breakpoints.\n");
    std::string text;
    for (std::size_t i = 0; i < bps.size(); ++i) text += fmt::format("{:>3}  {}:{}\n", i + 1, bps[i].file, bps[i].line);
    return st.out(text);
  }
  std::string file;
  int line;
  if (!parse_location(st, arg, file, line)) return st.out("*** usage: b FILE:LINE or b LINE\n");
  if (st.interp().sources.count(file) == 0) return st.out("*** no source loaded for '" + file + "'\n");
  if (code_lines(st, file).count(line) == 0)
    return st.out(fmt::format("*** line {} of {} has no code: a breakpoint there would never stop\n", line, file));
  bps.push_back({file, line});
  st.out(fmt::format("Breakpoint {} at {}:{}\n", bps.size(), file, line));
}

void cmd_clear(Stepper& st, std::string_view arg) {
  auto& bps = st.breakpoints();
  if (arg.empty()) {
    bps.clear();
    return st.out("Deleted all breakpoints.\n");
  }
  std::string file;
  int line;
  if (!parse_location(st, arg, file, line)) return st.out("*** usage: cl FILE:LINE or cl (all)\n");
  auto it = std::find_if(bps.begin(), bps.end(), [&](const Stepper::Breakpoint& b) { return b.file == file && b.line == line; });
  if (it == bps.end()) return st.out(fmt::format("*** no breakpoint at {}:{}\n", file, line));
  bps.erase(it);
  st.out(fmt::format("Deleted breakpoint at {}:{}\n", file, line));
}

void cmd_list(Stepper& st, std::string_view) {
  Frame* f = frame_or_say(st);
  if (f == nullptr) return;
  std::string file = file_of(f);
  auto it = st.interp().sources.find(file);
  if (it == st.interp().sources.end()) return st.out("*** no source for " + file + "\n");
  const int current = f->line();
  const int n = static_cast<int>(it->second.size());
  const int first = std::max(1, current - 5);
  const int last = std::min(n, current + 5);
  std::string text;
  for (int i = first; i <= last; ++i) {
    bool bp = std::any_of(st.breakpoints().begin(), st.breakpoints().end(),
                          [&](const Stepper::Breakpoint& b) { return b.file == file && b.line == i; });
    text += fmt::format("{:>4} {}{:<2} {}\n", i, bp ? "B" : " ", i == current ? "->" : "", it->second[static_cast<std::size_t>(i - 1)]);
  }
  st.out(text);
}

void cmd_dis(Stepper& st, std::string_view) {
  if (Frame* f = frame_or_say(st)) st.out(disassemble(*f->code, false, static_cast<int>(f->pc())));
}

void cmd_stack(Stepper& st, std::string_view) {
  Frame* f = frame_or_say(st);
  if (f == nullptr) return;
  if (f->sp == f->stack_base) return st.out("(the value stack is empty)\n");
  std::string text;
  int depth = static_cast<int>(f->sp - f->stack_base);
  for (int i = depth - 1; i >= 0; --i)
    text += fmt::format("{:>3}  {}{}\n", i, repr_or_error(st.here(), f->stack_base[i]), i == depth - 1 ? "   <- top" : "");
  st.out(text);
}

void cmd_locals(Stepper& st, std::string_view) {
  Frame* f = frame_or_say(st);
  if (f == nullptr) return;
  ThreadState& ts = st.here();
  Value d = frame_locals_of(ts, f);
  TempRoot root(ts, d);
  std::vector<std::pair<std::string, Value>> items;
  const bool module_frame = f->func == nullptr;
  const BuiltinTypes& types = ts.interp.types;
  dict_for_each(as_dict(d), [&](Value k, Value v) {
    Str* s = as_str(k);
    if (s == nullptr || (s->s.starts_with("__") && s->s.ends_with("__"))) return;
    if (module_frame && v.is_obj()) {
      // A module's imports, functions and classes are not what one looks for.
      const Type* t = v.as_obj()->type;
      if (t == types.module || t == types.function || t == types.builtin_function || t == types.type) return;
    }
    items.emplace_back(s->s, v);
  });
  if (items.empty()) return st.out("(no locals)\n");
  std::string text;
  for (auto& [name, v] : items) text += name + " = " + repr_or_error(ts, v) + "\n";
  st.out(text);
}

void cmd_print(Stepper& st, std::string_view arg) {
  if (arg.empty()) return st.out("*** usage: p EXPR\n");
  Frame* f = frame_or_say(st);
  if (f != nullptr) st.out(evaluate(st, f, arg) + "\n");
}

void cmd_where(Stepper& st, std::string_view) {
  ThreadState* t = st.focused();
  if (t == nullptr || t->frame == nullptr) return st.out("*** the focused thread has no Python frame\n");
  std::vector<Frame*> frames;
  for (Frame* f = t->frame; f != nullptr; f = f->prev)
    if (f->code != nullptr) frames.push_back(f);
  std::string text;
  const Frame* selected = st.focused_frame();
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    std::string pos = st.position(*t, *it, false);
    if (*it != selected) pos[0] = ' ';  // only the selected frame gets '>'
    text += pos;
  }
  st.out(text);
}

// up / down: select the caller's frame, or back towards the innermost.
void select_frame(Stepper& st, int delta) {
  if (!st.move_frame(delta)) return st.out(delta > 0 ? "*** Oldest frame\n" : "*** Newest frame\n");
  ThreadState* t = st.focused();
  st.out(st.position(*t, st.focused_frame(), false));
}

void cmd_threads(Stepper& st, std::string_view) { st.out(threads_view(st)); }
void cmd_gil(Stepper& st, std::string_view) { st.out(gil_view(st)); }

void cmd_thread(Stepper& st, std::string_view arg) {
  std::string num(arg);
  char* end = nullptr;
  long n = std::strtol(num.c_str(), &end, 10);
  if (num.empty() || *end != '\0') return st.out("*** usage: t N (N as `threads` shows it)\n");
  ThreadState* t = find_thread(st.interp(), static_cast<int>(n));
  if (t == nullptr) return st.out(fmt::format("*** no thread {}\n", n));
  st.set_focus(static_cast<int>(n));
  st.out(st.position(*t, t->frame, false));
}

void cmd_help(Stepper& st, std::string_view);

const Command kCommands[] = {
    {"s|step", "", "run the focused thread to its next line, into calls", [](Stepper& st, std::string_view) { st.resume(Stepper::Mode::StepLine); }},
    {"n|next", "", "run the focused thread to its next line in this function (over calls)", [](Stepper& st, std::string_view) { st.resume(Stepper::Mode::StepOver); }},
    {"si|stepi", "", "run the focused thread one bytecode instruction", [](Stepper& st, std::string_view) { st.resume(Stepper::Mode::StepInstr); }},
    {"switch", "", "run until the GIL changes hands; focus the thread that gets it", [](Stepper& st, std::string_view) { st.resume(Stepper::Mode::SwitchGil); }},
    {"c|cont|continue", "", "run until a breakpoint (hand-offs are not printed)", [](Stepper& st, std::string_view) { st.resume(Stepper::Mode::Continue); }},
    {"b|break", "[FILE:]LINE", "set a breakpoint; without an argument, list them", cmd_break},
    {"cl|clear", "[FILE:]LINE", "delete a breakpoint; without an argument, all of them", cmd_clear},
    {"l|list", "", "the source around the current line (-> marks it, B a breakpoint)", cmd_list},
    {"dis", "", "the current function's bytecode, --> at the current instruction", cmd_dis},
    {"stack", "", "the value stack of the focused frame, top first", cmd_stack},
    {"locals", "", "the focused frame's local variables", cmd_locals},
    {"p", "EXPR", "evaluate EXPR in the focused frame and print its repr", cmd_print},
    {"w|where|bt", "", "the focused thread's call stack, innermost last", cmd_where},
    {"u|up", "", "select the caller's frame (for l, dis, stack, locals, p)", [](Stepper& st, std::string_view) { select_frame(st, 1); }},
    {"d|down", "", "select the frame it called, back towards the innermost", [](Stepper& st, std::string_view) { select_frame(st, -1); }},
    {"threads", "", "every thread: id, name, state, line; * the GIL holder, > the focus", cmd_threads},
    {"t|thread", "N", "focus thread N (stepping then follows it)", cmd_thread},
    {"gil", "", "the GIL: holder, waiters, switches, ticks to the next forced switch", cmd_gil},
    {"h|help", "", "this list", cmd_help},
    {"q|quit", "", "end the program at once", [](Stepper& st, std::string_view) { st.quit(); }},
};

bool has_name(const Command& c, std::string_view name) {
  std::string_view names = c.names;
  while (!names.empty()) {
    std::size_t bar = names.find('|');
    if (names.substr(0, bar) == name) return true;
    if (bar == std::string_view::npos) break;
    names.remove_prefix(bar + 1);
  }
  return false;
}

void cmd_help(Stepper& st, std::string_view) {
  std::string text = "Commands (an empty line repeats the last one):\n";
  for (const Command& c : kCommands) {
    std::string left = std::string(c.names) + (*c.args ? std::string(" ") + c.args : "");
    text += fmt::format("  {:<24}{}\n", left, c.help);
  }
  st.out(text);
}

}  // namespace

void run_command(Stepper& st, const std::string& line) {
  std::string_view rest = line;
  std::size_t space = rest.find(' ');
  std::string_view name = rest.substr(0, space);
  std::string_view arg = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  while (!arg.empty() && arg.front() == ' ') arg.remove_prefix(1);
  for (const Command& c : kCommands) {
    if (has_name(c, name)) {
      c.run(st, arg);
      return;
    }
  }
  st.out("*** unknown command '" + std::string(name) + "' (help lists the commands)\n");
}

}  // namespace gilvm::debug
