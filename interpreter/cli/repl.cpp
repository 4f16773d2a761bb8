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

// The write end of the terminal reader's self-pipe, or -1.
std::atomic<int> g_wake_fd{-1};

// Writes to fd 2 after flushing sys.stdout, so the two interleave in order.
void write_stderr(ThreadState& ts, std::string_view s) {
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
    using_history();
    stifle_history(kHistoryLength);
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
      history_path_ = std::string(home) + "/.gilvm_history";
      read_history(history_path_.c_str());
    }
    if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) == 0) {
      g_wake_fd.store(wake_[1]);
    } else {
      wake_[0] = wake_[1] = -1;
    }
  }

  ~TerminalInput() override {
    g_wake_fd.store(-1);
    if (wake_[0] >= 0) {
      close(wake_[0]);
      close(wake_[1]);
    }
    if (!history_path_.empty() && write_history(history_path_.c_str()) == 0)
      history_truncate_file(history_path_.c_str(), kHistoryLength);
  }

  Read read_line(const char* prompt, std::string& line) override {
    drain_wake_pipe();
    take_signal(ts_.interp);  // a Ctrl-C that came after the last entry finished
    g_completed_line = nullptr;
    g_line_done = false;
    rl_callback_handler_install(prompt, on_line);
    // Waiting for keys: once threads exist, the GIL is released around here.
    while (!g_line_done) {
      fd_set fds;
      FD_ZERO(&fds);
      FD_SET(0, &fds);
      if (wake_[0] >= 0) FD_SET(wake_[0], &fds);
      int n = select((wake_[0] > 0 ? wake_[0] : 0) + 1, &fds, nullptr, nullptr, nullptr);
      if (n < 0 && errno != EINTR) {
        rl_callback_handler_remove();
        return Read::Eof;
      }
      if (n > 0 && wake_[0] >= 0 && FD_ISSET(wake_[0], &fds)) drain_wake_pipe();
      if (take_signal(ts_.interp)) {
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_cleanup_after_signal();
        rl_callback_handler_remove();
        return Read::Interrupt;
      }
      if (n > 0 && FD_ISSET(0, &fds)) rl_callback_read_char();
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
  void drain_wake_pipe() {
    char buf[64];
    if (wake_[0] >= 0)
      while (::read(wake_[0], buf, sizeof buf) > 0) {
      }
  }

  ThreadState& ts_;
  std::string history_path_;
  int wake_[2] = {-1, -1};
};

// ---------------------------------------------------------------------------
// Not a terminal: lines from sys.stdin (sharing its buffer with input() and
// sys.stdin.read() in the program), prompts on stderr, no echo.
// ---------------------------------------------------------------------------

class StreamInput final : public Input {
 public:
  explicit StreamInput(ThreadState& ts) : ts_(ts) {}

  Read read_line(const char* prompt, std::string& line) override {
    write_stderr(ts_, prompt);
    Value in = sys_stream(ts_, "stdin");
    std::string text;
    bool ok = !in.is_fail();
    if (!ok || in.is_none()) {
      // no sys.stdin: end of input
    } else if (File* f = as_file(in)) {
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
  if (isatty(0))
    input = std::make_unique<TerminalInput>(ts);
  else
    input = std::make_unique<StreamInput>(ts);
  if (options.banner) write_stderr(ts, std::string(kVersion) + "\nType exit() or Ctrl-D to leave.\n");

  std::string entry;  // the lines typed so far of one statement
  for (;;) {
    flush_std_streams(ts);
    std::string line;
    Read r = input->read_line(entry.empty() ? kPrompt1 : kPrompt2, line);
    if (r == Read::Interrupt) {
      write_stderr(ts, "\nKeyboardInterrupt\n");
      entry.clear();
      continue;
    }
    if (r == Read::Eof) {
      write_stderr(ts, "\n");
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
