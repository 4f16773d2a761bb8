// The stepper's hook: when to stop, and where the program is. The design
// is in stepper.h.
#include "debug/stepper.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "compiler/disasm.h"
#include "runtime/file.h"
#include "vm/api.h"

namespace gilvm::debug {

namespace {

constexpr const char* kPrompt = "(Step) ";

std::string strip(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\f");
  if (a == std::string::npos) return "";
  std::size_t b = s.find_last_not_of(" \t\r\n\f");
  return s.substr(a, b - a + 1);
}

// One line from fd 0, read a byte at a time so that nothing past the line
// is taken from the program's own stdin. False at end of input.
bool read_plain_line(std::string& line) {
  line.clear();
  char c;
  for (;;) {
    ssize_t n = ::read(0, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return !line.empty();
    if (c == '\n') return true;
    line += c;
  }
}

// The line of `disassemble` that marks instruction `pc` ("-->").
std::string instruction_line(const CodeObject& code, std::uint32_t pc) {
  std::string text = disassemble(code, false, static_cast<int>(pc));
  std::size_t at = text.find("-->");
  if (at == std::string::npos) return "";
  std::size_t start = text.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  std::size_t end = text.find('\n', at);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

Stepper::Stepper(Interpreter& interp) : interp_(interp) {
  interp_.step_hook = this;
  std::lock_guard<std::mutex> lk(interp_.gil.mu);
  interp_.gil.sched.log_handoffs = true;
}

Stepper::~Stepper() {
  interp_.step_hook = nullptr;
  std::lock_guard<std::mutex> lk(interp_.gil.mu);
  interp_.gil.sched.log_handoffs = false;
  interp_.gil.sched.handoffs.clear();
}

ThreadState* Stepper::focused() { return find_thread(interp_, focus_); }

Frame* Stepper::focused_frame() {
  ThreadState* t = focused();
  Frame* f = t != nullptr ? t->frame : nullptr;
  for (int i = 0; i < up_ && f != nullptr; ++i) f = f->prev;
  return f;
}

bool Stepper::move_frame(int delta) {
  int was = up_;
  up_ = std::max(0, up_ + delta);
  if (up_ == was || focused_frame() == nullptr || focused_frame()->code == nullptr) {
    up_ = was;
    return false;
  }
  return true;
}

void Stepper::out(const std::string& text) {
  if (here_ != nullptr) flush_std_streams(*here_);
  std::string_view s = text;
  while (!s.empty()) {
    ssize_t n = ::write(1, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string Stepper::position(ThreadState& ts, Frame* f, bool with_instruction) {
  std::string who = ts.name.empty() ? "thread " + std::to_string(ts.acct.serial) : ts.name;
  if (f == nullptr || f->code == nullptr) return "  " + who + " has no Python frame\n";
  const CodeObject& code = *f->code;
  // The file by its co_filename: for the main script its absolute path,
  // as pdb's "> /abs/dir/x.py(12)f()" shows it; breakpoints still accept
  // the path as typed (parse_location matches a known path's tail).
  std::string file = code.filename != nullptr ? code.filename->s : "?";
  int line = f->line();
  std::string text = "> " + file + "(" + std::to_string(line) + ")" + (code.name ? code.name->s : "?") + "() in " + who + "\n";
  auto it = interp_.sources.find(file);
  if (it != interp_.sources.end() && line >= 1 && line <= static_cast<int>(it->second.size()))
    text += "-> " + strip(it->second[static_cast<std::size_t>(line - 1)]) + "\n";
  if (with_instruction) text += instruction_line(code, f->pc()) + "\n";
  return text;
}

void Stepper::print_handoffs() {
  std::vector<SchedHandoff> handoffs;
  {
    std::lock_guard<std::mutex> lk(interp_.gil.mu);
    handoffs.swap(interp_.gil.sched.handoffs);
  }
  if (mode_ == Mode::Continue) return;
  std::string text;
  for (const SchedHandoff& h : handoffs) {
    // The receiver by the name it has now: a new thread is named by
    // threading only once it runs.
    std::string to = thread_name(interp_, h.to);
    text += "GIL: " + h.from + " \u2192 " + (to.empty() ? h.to_name : to) + " (" + h.why + ")\n";
  }
  if (!text.empty()) out(text);
}

bool Stepper::should_stop(ThreadState& ts, Frame* f, bool new_line) {
  const int serial = ts.acct.serial;
  if (new_line && f->code->filename != nullptr) {
    for (const Breakpoint& b : breakpoints_) {
      if (b.line == f->line() && b.file == f->code->filename->s) {
        focus_ = serial;
        out("Breakpoint at " + b.file + ":" + std::to_string(b.line) + "\n");
        return true;
      }
    }
  }
  if (mode_ != Mode::Continue && mode_ != Mode::SwitchGil && serial != focus_ && focused() == nullptr) {
    focus_ = serial;
    out("(the focused thread has ended; focus on " + ts.name + ")\n");
    return true;
  }
  switch (mode_) {
    case Mode::Continue: return false;
    case Mode::StepInstr: return serial == focus_;
    case Mode::StepLine: return serial == focus_ && new_line;
    case Mode::StepOver: return serial == focus_ && new_line && ts.depth <= start_depth_;
    case Mode::SwitchGil:
      if (serial == last_serial_) return false;
      focus_ = serial;
      return true;
  }
  return false;
}

void Stepper::on_instruction(ThreadState& ts, Frame* f) {
  if (busy_ || finished_) return;
  // The thread in the hook now: the one whose streams out() flushes. (The
  // thread that paused last may have ended and been freed since.)
  here_ = &ts;
  const int serial = ts.acct.serial;
  if (serial != last_serial_) print_handoffs();
  if (last_at_.size() <= static_cast<std::size_t>(serial)) last_at_.resize(static_cast<std::size_t>(serial) + 1);
  auto& depths = last_at_[static_cast<std::size_t>(serial)];
  if (depths.size() <= static_cast<std::size_t>(ts.depth)) depths.resize(static_cast<std::size_t>(ts.depth) + 1);
  auto& at = depths[static_cast<std::size_t>(ts.depth)];
  const int line = f->line();
  const bool new_line = f->pc() == 0 || at.first != f->code || at.second != line;
  at = {f->code, line};
  bool stop = should_stop(ts, f, new_line);
  last_serial_ = serial;
  // Ctrl-C while the program runs stops it here, as in pdb, instead of
  // raising KeyboardInterrupt in the program.
  if (take_interrupt()) {
    out("\nProgram interrupted. (Use 'c' to resume.)\n");
    focus_ = serial;
    stop = true;
  }
  if (!stop) return;

  // Paused: this thread keeps the GIL, so every thread is paused; no forced
  // switch while an expression is evaluated.
  busy_ = true;
  {
    std::lock_guard<std::mutex> lk(interp_.gil.mu);
    ++interp_.gil.sched.holds;
  }
  out(position(ts, f, mode_ == Mode::StepInstr));
  command_loop(ts);
  {
    std::lock_guard<std::mutex> lk(interp_.gil.mu);
    --interp_.gil.sched.holds;
  }
  busy_ = false;
}

void Stepper::command_loop(ThreadState& ts) {
  const bool tty = isatty(0) != 0;
  while (!resumed_) {
    std::string line;
    if (tty) {
      char* raw = readline(kPrompt);
      if (raw == nullptr) {
        out("\n");
        quit();
      }
      line = raw;
      std::free(raw);
      if (!strip(line).empty()) add_history(line.c_str());
    } else {
      out(kPrompt);
      if (!read_plain_line(line)) {
        out("\n");
        quit();
      }
      out(line + "\n");
    }
    take_interrupt();  // a Ctrl-C at the prompt has nothing to interrupt
    line = strip(line);
    if (line.empty()) line = last_command_;  // pdb: an empty line repeats the last command
    if (line.empty()) continue;
    last_command_ = line;
    run_command(*this, line);
  }
  resumed_ = false;
}

bool Stepper::take_interrupt() {
  return (interp_.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakSignal)) & kBreakSignal) != 0;
}

void Stepper::resume(Mode mode) {
  mode_ = mode;
  resumed_ = true;
  up_ = 0;
  if (ThreadState* t = focused()) start_depth_ = t->depth;
}

void Stepper::quit() {
  if (here_ != nullptr) flush_std_streams(*here_);
  std::_Exit(0);
}

void Stepper::finish(ThreadState& ts) {
  if (finished_) return;
  here_ = &ts;
  finished_ = true;
  out("The program finished.\n");
}

}  // namespace gilvm::debug
