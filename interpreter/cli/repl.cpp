// The interactive loop; see repl.h.
#include "cli/repl.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "cli/cli.h"
#include "cli/completion.h"
#include "front/parser.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/import.h"
#include "vm/run.h"

namespace gilvm::cli {

namespace {

constexpr const char* kPrompt1 = ">>> ";
constexpr const char* kPrompt2 = "... ";
constexpr int kHistoryLength = 1000;  // lines kept in ~/.gilvm_history

// The write end of KeyWait's self-pipe, or -1.
std::atomic<int> g_wake_fd{-1};

// Writes to fd 2 after flushing sys.stdout, so the two interleave in order.
void write_fd2(ThreadState& ts, std::string_view s) {
  flush_std_streams(ts);
  while (!s.empty()) {
    ssize_t n = ::write(2, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Takes a pending Ctrl-C (the SIGINT handler's eval-breaker bit).
bool take_signal(Interpreter& in) {
  return (in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakSignal)) & kBreakSignal) != 0;
}

enum class Read { Line, Eof, Interrupt };

// Waits for input on fd 0 with the GIL released, woken by Ctrl-C: SIGINT
// interrupts select() when it is delivered to this thread, and the handler
// writes to a self-pipe (repl_wake_on_signal) whichever thread runs it.
class KeyWait {
 public:
  KeyWait() {
    if (pipe2(pipe_, O_NONBLOCK | O_CLOEXEC) == 0)
      g_wake_fd.store(pipe_[1]);
    else
      pipe_[0] = pipe_[1] = -1;
  }
  ~KeyWait() {
    g_wake_fd.store(-1);
    if (pipe_[0] >= 0) {
      close(pipe_[0]);
      close(pipe_[1]);
    }
  }
  KeyWait(const KeyWait&) = delete;
  KeyWait& operator=(const KeyWait&) = delete;

  // Forgets a Ctrl-C that came before the prompt (after the last entry ran).
  void reset(ThreadState& ts) {
    drain();
    take_signal(ts.interp);
  }

  // Line when fd 0 is readable, Interrupt on Ctrl-C, Eof when select fails.
  Read wait(ThreadState& ts) {
    for (;;) {
      fd_set fds;
      FD_ZERO(&fds);
      FD_SET(0, &fds);
      if (pipe_[0] >= 0) FD_SET(pipe_[0], &fds);
      int n;
      int err;
      {
        ReleaseGil released(ts, {RunState::Io, "REPL input"});  // others run while the REPL waits
        n = select((pipe_[0] > 0 ? pipe_[0] : 0) + 1, &fds, nullptr, nullptr, nullptr);
        err = errno;
      }
      if (n > 0 && pipe_[0] >= 0 && FD_ISSET(pipe_[0], &fds)) drain();
      if (take_signal(ts.interp)) return Read::Interrupt;
      if (n < 0 && err != EINTR) return Read::Eof;
      if (n > 0 && FD_ISSET(0, &fds)) return Read::Line;
    }
  }

 private:
  void drain() {
    char buf[64];
    if (pipe_[0] >= 0)
      while (::read(pipe_[0], buf, sizeof buf) > 0) {
      }
  }

  int pipe_[2] = {-1, -1};
};

class Input {
 public:
  virtual ~Input() = default;
  // One line without its newline.
  virtual Read read_line(const char* prompt, std::string& line) = 0;
};

// ---------------------------------------------------------------------------
// A terminal: GNU readline through its callback interface, so that the wait
// for a key is our select() and Ctrl-C can cancel the line (as CPython's
// Modules/readline.c does). Readline installs no signal handlers of its own.
// ---------------------------------------------------------------------------

char* g_completed_line = nullptr;
bool g_line_done = false;

void on_line(char* line) {
  g_completed_line = line;
  g_line_done = true;
  rl_callback_handler_remove();
}

class TerminalInput final : public Input {
 public:
  explicit TerminalInput(ThreadState& ts) : ts_(ts) {
    rl_readline_name = "gilvm";
    rl_catch_signals = 0;
    install_readline_completion(ts);
    rl_initialize();  // reads ~/.inputrc
    // Pasted lines then arrive one by one, as typed ones (CPython does the same).
    rl_variable_bind("enable-bracketed-paste", "off");
    using_history();
    stifle_history(kHistoryLength);
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
      history_path_ = std::string(home) + "/.gilvm_history";
      read_history(history_path_.c_str());
    }
  }

  ~TerminalInput() override {
    if (!history_path_.empty() && write_history(history_path_.c_str()) == 0)
      history_truncate_file(history_path_.c_str(), kHistoryLength);
  }

  Read read_line(const char* prompt, std::string& line) override {
    keys_.reset(ts_);
    g_completed_line = nullptr;
    g_line_done = false;
    rl_callback_handler_install(prompt, on_line);
    while (!g_line_done) {
      // Readline itself runs with the GIL held: completion reads the heap.
      Read r = keys_.wait(ts_);
      if (r == Read::Line) {
        rl_callback_read_char();
        continue;
      }
      if (r == Read::Interrupt) {
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_cleanup_after_signal();
      }
      rl_callback_handler_remove();
      return r;
    }
    if (g_completed_line == nullptr) return Read::Eof;
    line = g_completed_line;
    std::free(g_completed_line);
    g_completed_line = nullptr;
    if (!line.empty()) {
      HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
      if (last == nullptr || line != last->line) add_history(line.c_str());
    }
    return Read::Line;
  }

 private:
  ThreadState& ts_;
  std::string history_path_;
  KeyWait keys_;
};

// ---------------------------------------------------------------------------
// Not a terminal (stdin or stdout is not a tty): lines from sys.stdin
// (sharing its buffer with input() and sys.stdin.read() in the program),
// prompts on stderr, no echo, as CPython's PyOS_StdioReadline.
// ---------------------------------------------------------------------------

class StreamInput final : public Input {
 public:
  explicit StreamInput(ThreadState& ts) : ts_(ts) {}

  Read read_line(const char* prompt, std::string& line) override {
    write_fd2(ts_, prompt);
    keys_.reset(ts_);
    Value in = sys_stream(ts_, "stdin");
    std::string text;
    bool ok = !in.is_fail();
    if (!ok || in.is_none()) {
      // no sys.stdin: end of input
    } else if (File* f = as_file(in)) {
      // Wait (interruptibly, without the GIL) unless a line is buffered.
      if (f->fd == 0 && f->rbuf.find('\n', f->rpos) == std::string::npos) {
        Read r = keys_.wait(ts_);
        if (r != Read::Line) return r;
      }
      ok = file_readline(ts_, f, -1, text);
    } else {
      Value r = call_method(ts_, in, ts_.interp.names.readline, {});
      ok = !r.is_fail();
      if (Str* s = ok ? as_str(r) : nullptr) text = s->s;
    }
    if (!ok) {
      bool interrupted = exception_matches(ts_, ts_.interp.types.KeyboardInterrupt);
      take_exception(ts_);
      return interrupted ? Read::Interrupt : Read::Eof;
    }
    if (take_signal(ts_.interp)) return Read::Interrupt;
    if (text.empty()) return Read::Eof;
    if (text.back() == '\n') text.pop_back();
    line = std::move(text);
    return Read::Line;
  }

 private:
  ThreadState& ts_;
  KeyWait keys_;
};

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\f\r\n") == std::string::npos; }

// Runs one entry; returns the exit status when it raised SystemExit.
std::optional<int> run_entry(ThreadState& ts, const std::string& source) {
  // Looked up each time: sys.modules['__main__'] is what keeps it alive.
  Dict* globals = main_module_dict(ts, "");
  Value r = exec_source(ts, source, "<stdin>", globals, /*interactive=*/true);
  // Every entry is "<stdin>": a traceback through an earlier entry's
  // function would show the wrong line, so (as CPython 3.11) show none.
  ts.interp.sources.erase("<stdin>");
  if (!r.is_fail()) {
    flush_std_streams(ts);
    return std::nullopt;
  }
  if (exception_matches(ts, ts.interp.types.SystemExit)) return report_uncaught(ts);
  report_uncaught(ts);
  return std::nullopt;
}

}  // namespace

void repl_wake_on_signal() {
  int fd = g_wake_fd.load(std::memory_order_relaxed);
  if (fd < 0) return;
  int saved = errno;
  ssize_t ignored = ::write(fd, "!", 1);
  (void)ignored;
  errno = saved;
}

int run_repl(ThreadState& ts, const ReplOptions& options) {
  ts.interp.config.interactive = true;
  std::unique_ptr<Input> input;
  if (isatty(0) && isatty(1))  // readline only when both are terminals (as CPython)
    input = std::make_unique<TerminalInput>(ts);
  else
    input = std::make_unique<StreamInput>(ts);
  if (options.banner) write_fd2(ts, std::string(kVersion) + "\nType exit() or Ctrl-D to leave.\n");

  std::string entry;  // the lines typed so far of one statement
  for (;;) {
    flush_std_streams(ts);
    std::string line;
    Read r = input->read_line(entry.empty() ? kPrompt1 : kPrompt2, line);
    if (r == Read::Interrupt) {
      write_fd2(ts, "\nKeyboardInterrupt\n");
      entry.clear();
      continue;
    }
    if (r == Read::Eof) {
      write_fd2(ts, "\n");
      if (is_blank(entry)) return 0;
      // Input ended inside a block: run it as if a blank line had ended it.
      std::optional<int> status = run_entry(ts, entry + "\n");
      return status.value_or(0);
    }
    entry += line;
    entry += '\n';
    if (is_blank(entry)) {
      entry.clear();
      continue;
    }
    front::ParseResult parsed = front::parse(entry, "<stdin>", front::ParseMode::Interactive);
    if (!parsed.ok && parsed.error.incomplete) continue;
    std::optional<int> status = run_entry(ts, entry);
    entry.clear();
    if (status) return *status;
  }
}

}  // namespace gilvm::cli
