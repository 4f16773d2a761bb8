// The command line: option parsing and the run modes (script, -c, -m,
// stdin, REPL), shaped like python's. The interactive loop is repl.cpp.
//
// Every option is one row of kOptions: its spellings, its argument, its
// --help line and what it sets in Options. Settings the VM consults go into
// Options::config (vm/interp.h Config), which becomes the interpreter's.
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/repl.h"
#include "compiler/compiler.h"
#include "compiler/disasm.h"
#include "debug/stepper.h"
#include "front/parser.h"
#include "modules/registry.h"
#include "runtime/file.h"
#include "trace/reports.h"
#include "vm/api.h"
#include "vm/eval.h"  // never-awaited coroutines at exit
#include "vm/import.h"
#include "vm/run.h"
#include "vm/shutdown.h"  // threads at exit
#include "vm/stdlib_table.h"

namespace gilvm {
void set_current_thread(ThreadState* ts);
}

namespace gilvm::cli {

namespace {

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

struct Options {
  enum class Source { Default, Command, Module, Script, Stdin };
  Config config;                  // becomes interp.config (argv and path are filled in later)
  Source source = Source::Default;
  std::string target;             // the command, the module's name or the script's path
  std::vector<std::string> args;  // sys.argv[1:]
  bool inspect = false;           // -i
  bool quiet = false;             // -q
  bool help = false;
  bool version = false;
};

using Source = Options::Source;
using Apply = std::string (*)(Options& o, const std::string& arg);  // returns an error message, or ""

struct OptionSpec {
  const char* flags;    // its spellings, comma-separated: "-i", "-h, --help", "--gil"
  const char* metavar;  // its argument's name in --help; nullptr when it takes none
  const char* help;     // one line per '\n'
  Apply apply;
  bool ends_options = false;  // the arguments after it are the program's (-c, -m)
};

std::string set_x_option(Options& o, const std::string& v) {
  if (v == "gc_stress") {
    o.config.gc_stress = true;
    return "";
  }
  return "unknown -X option: " + v;
}

std::string set_gil_mode(Options& o, const std::string& v) {
  if (o.config.gil_mode == GilMode::Seeded) return "--gil cannot be combined with --sched";
  if (v == "interval") {
    o.config.gil_mode = GilMode::Interval;
  } else if (v == "legacy") {
    o.config.gil_mode = GilMode::Legacy;
  } else if (v == "off") {
    o.config.gil_mode = GilMode::Off;  // one thread only: starting another raises RuntimeError
  } else {
    return "--gil expects interval, legacy or off, not '" + v + "'";
  }
  return "";
}

std::string set_switch_interval(Options& o, const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end != '\0' || !(d > 0.0)) return "--switch-interval expects seconds > 0, not '" + v + "'";
  o.config.switch_interval = d;
  return "";
}

std::string set_sched(Options& o, const std::string& v) {
  constexpr std::string_view kPrefix = "seed:";
  std::string_view rest(v);
  if (rest.substr(0, kPrefix.size()) != kPrefix) return "--sched expects seed:N, not '" + v + "'";
  rest.remove_prefix(kPrefix.size());
  char* end = nullptr;
  std::string digits(rest);
  unsigned long long n = std::strtoull(digits.c_str(), &end, 10);
  if (digits.empty() || digits[0] == '-' || *end != '\0') return "--sched expects seed:N with N a number >= 0, not '" + v + "'";
  if (o.config.gil_mode != GilMode::Interval) return "--sched cannot be combined with --gil";
  o.config.gil_mode = GilMode::Seeded;
  o.config.sched_seed = n;
  return "";
}

// The options, in --help's order. To add one: a row here (and its field in
// Options or Config).
const OptionSpec kOptions[] = {
    {"-c", "cmd", "program passed in as string (terminates option list)",
     [](Options& o, const std::string& v) { o.source = Source::Command; o.target = v; return std::string(); }, true},
    {"-m", "mod", "run library module as a script (terminates option list);\n-m dis FILE prints FILE's bytecode;\n-m step FILE [arg] ... runs FILE under the step debugger (s, n,\nsi, c, b, l, dis, stack, locals, p, w, threads, t, gil, switch, q;\n`help` inside lists them), threads under the seeded scheduler\n(seed 0, or --sched=seed:N); recognised before any module lookup",
     [](Options& o, const std::string& v) { o.source = Source::Module; o.target = v; return std::string(); }, true},
    {"-i", nullptr, "inspect interactively after running script or command;\nforces a prompt even if stdin is not a terminal",
     [](Options& o, const std::string&) { o.inspect = true; return std::string(); }},
    {"-q", nullptr, "don't print the version message on interactive startup",
     [](Options& o, const std::string&) { o.quiet = true; return std::string(); }},
    {"-X", "opt", "implementation option: -X gc_stress collects garbage at every\nsafe point after an allocation (also GILVM_GC_STRESS=1)",
     set_x_option},
    {"--gil", "MODE", "the GIL's scheduling: interval (default; CPython 3.2+: a waiting\nthread asks the holder to drop it after the switch interval, and\ngets it) or legacy (CPython 2: the holder releases and at once\nretakes it about every 100 instructions, with no hand-off) or off\n(no GIL and no accounting, for one-thread programs only: it\nmeasures what the GIL costs; starting a thread raises RuntimeError)",
     set_gil_mode},
    {"--sched", "seed:N", "reproducible interleavings: the GIL passes from thread to thread\nafter a pseudo-random number of ticks (loop back edges and calls)\ndrawn from seed N, and lock, queue, event and join waits hand it\nover deterministically, so the same seed gives the same\ninterleaving and output; sleeps, timeouts and real IO still\ndepend on time (not with --gil; the switch interval is unused)",
     set_sched},
    {"--switch-interval", "SECONDS", "the GIL's switch interval (default 0.005, as sys.setswitchinterval)",
     set_switch_interval},
    {"--gil-stats", nullptr, "at exit, print the GIL's statistics to stderr: per thread, time\nrunning, waiting for the GIL and blocked; switches; a verdict",
     [](Options& o, const std::string&) { o.config.gil_stats = true; return std::string(); }},
    {"--gil-trace", "FILE", "record every GIL event into FILE, a Chrome trace (JSON) that\nPerfetto (ui.perfetto.dev) and chrome://tracing open",
     [](Options& o, const std::string& v) { o.config.gil_trace = v; return std::string(); }},
    {"--gil-timeline", "FILE", "at exit, write FILE, a self-contained HTML page drawing each\nthread's states over time (open it in a web browser)",
     [](Options& o, const std::string& v) { o.config.gil_timeline = v; return std::string(); }},
    {"-h, --help", nullptr, "print this help message and exit",
     [](Options& o, const std::string&) { o.help = true; return std::string(); }},
    {"-V, --version", nullptr, "print the version number and exit",
     [](Options& o, const std::string&) { o.version = true; return std::string(); }},
};

constexpr const char* kUsageLine = "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

constexpr const char* kArguments =
    "Arguments:\n"
    "  file             program read from script file\n"
    "  -                program read from stdin (default; interactive mode if a tty)\n"
    "  arg ...          arguments passed to program in sys.argv[1:]\n";

std::vector<std::string_view> spellings(const OptionSpec& spec) {
  std::vector<std::string_view> out;
  std::string_view s = spec.flags;
  while (!s.empty()) {
    std::size_t comma = s.find(',');
    out.push_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  }
  return out;
}

const OptionSpec* find_option(std::string_view spelling) {
  for (const OptionSpec& spec : kOptions)
    for (std::string_view s : spellings(spec))
      if (s == spelling) return &spec;
  return nullptr;
}

std::string help_text() {
  constexpr std::size_t kColumn = 19;
  std::string out = kUsageLine;
  out += "Options:\n";
  for (const OptionSpec& spec : kOptions) {
    std::string left = "  " + std::string(spec.flags);
    if (spec.metavar != nullptr) left += std::string(" ") + spec.metavar;
    left += left.size() + 1 < kColumn ? std::string(kColumn - left.size(), ' ') : std::string("\n") + std::string(kColumn, ' ');
    std::string_view help = spec.help;
    for (bool first = true; !help.empty(); first = false) {
      std::size_t nl = help.find('\n');
      out += (first ? left : std::string(kColumn, ' ')) + std::string(help.substr(0, nl)) + "\n";
      help = nl == std::string_view::npos ? std::string_view() : help.substr(nl + 1);
    }
  }
  return out + kArguments;
}

int usage_error(const std::string& message) {
  std::cerr << message << "\n" << kUsageLine << "Try `gilvm -h' for more information.\n";
  return 2;
}

// Applies one option; returns an exit status for a usage error.
std::optional<int> apply_option(Options& o, const OptionSpec& spec, const std::string& value) {
  std::string error = spec.apply(o, value);
  if (error.empty()) return std::nullopt;
  return usage_error("gilvm: " + error);
}

// Parses the command line into `o`; returns an exit status when gilvm must
// stop (a usage error).
std::optional<int> parse_args(const std::vector<std::string>& args, Options& o) {
  std::size_t i = 0;
  while (i < args.size() && !o.help && !o.version) {
    const std::string& a = args[i];
    if (a == "-") {
      o.source = Source::Stdin;
      ++i;
      break;
    }
    if (a == "--" || a.size() < 2 || a[0] != '-') {
      if (a == "--") ++i;
      if (i < args.size()) {
        o.source = Source::Script;
        o.target = args[i++];
      }
      break;
    }
    if (a[1] == '-') {  // --name or --name=value
      std::size_t eq = a.find('=');
      std::string name = a.substr(0, eq);
      const OptionSpec* spec = find_option(name);
      if (spec == nullptr) return usage_error("unknown option " + name);
      std::string value;
      if (spec->metavar == nullptr && eq != std::string::npos) return usage_error("option " + name + " takes no argument");
      if (spec->metavar != nullptr) {
        if (eq != std::string::npos)
          value = a.substr(eq + 1);
        else if (i + 1 < args.size())
          value = args[++i];
        else
          return usage_error("Argument expected for the " + name + " option");
      }
      ++i;
      if (auto status = apply_option(o, *spec, value)) return status;
      if (spec->ends_options) break;
      continue;
    }
    // A cluster of one-letter options: -i, -iq, -c CODE, -cCODE, -Xgc_stress.
    bool ended = false;
    for (std::size_t j = 1; j < a.size() && !ended; ++j) {
      std::string name = std::string("-") + a[j];
      const OptionSpec* spec = find_option(name);
      if (spec == nullptr) return usage_error("Unknown option: " + name);
      std::string value;
      if (spec->metavar != nullptr) {
        if (j + 1 < a.size())
          value = a.substr(j + 1);
        else if (i + 1 < args.size())
          value = args[++i];
        else
          return usage_error("Argument expected for the " + name + " option");
        j = a.size();
      }
      if (auto status = apply_option(o, *spec, value)) return status;
      ended = spec->ends_options;
    }
    ++i;
    if (ended) break;
  }
  o.args.assign(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Run modes
// ---------------------------------------------------------------------------

Interpreter* g_interp = nullptr;  // for the SIGINT handler only

void on_sigint(int) {
  if (g_interp != nullptr) g_interp->eval_breaker.fetch_or(kBreakSignal, std::memory_order_relaxed);
  repl_wake_on_signal();
}

// Reads a whole file; false with errno set when it cannot.
bool read_file(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      errno = saved;
      return false;
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return true;
}

std::string read_stdin() {
  std::ostringstream ss;
  ss << std::cin.rdbuf();
  return ss.str();
}

int cannot_open(const std::string& path) {
  int err = errno;
  std::cerr << "gilvm: can't open file '" << path << "': [Errno " << err << "] " << std::strerror(err) << "\n";
  return 2;
}

std::string dir_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return path.substr(0, slash == 0 ? 1 : slash);
}

// sys.path[0] for `gilvm FILE`: FILE's folder, absolute and with symlinks
// resolved (CPython's _PyPathConfig_ComputeSysPath0 follows a symlinked
// script to the folder of the file it names). FILE's own __file__ keeps
// the unresolved path: see run_script.
std::string script_dir(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return dir_of(absolute_path(path));
  std::string dir = dir_of(real);
  std::free(real);
  return dir;
}

// gilvm -m dis FILE: compiles FILE and prints its bytecode.
int disassemble_file(ThreadState& ts, const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cerr << "usage: gilvm -m dis FILE\n";
    return 2;
  }
  const std::string& path = args[0];
  std::string src;
  if (!read_file(path, src)) return cannot_open(path);
  front::ParseResult pr = front::parse(src, path, front::ParseMode::File);
  if (pr.ok) {
    compiler::CompileResult cr = compiler::compile(ts.interp, pr.module, path, compiler::Mode::Module);
    if (cr.code != nullptr) {
      std::cout << disassemble(*cr.code);
      return 0;
    }
  }
  // Report the syntax error as running the file would.
  Value r = run_main_source(ts, src, path);
  return r.is_fail() ? report_uncaught(ts) : 0;
}

// gilvm -m NAME: runs the module's source as __main__ (so its
// `if __name__ == "__main__":` part runs), as python's runpy does: NAME.py
// or the package NAME's __main__.py on sys.path, else the embedded stdlib.
// Sets `status` when there is no such module.
Value run_module_as_main(ThreadState& ts, const std::string& name, std::optional<int>& status) {
  Interpreter& in = ts.interp;
  std::vector<std::string> dirs = in.config.path;
  std::string leaf = name;
  std::size_t dot = name.rfind('.');
  if (dot != std::string::npos) {
    Value parent = import_module(ts, name.substr(0, dot));
    if (parent.is_fail()) return parent;
    leaf = name.substr(dot + 1);
    dirs.clear();
    if (Module* m = as_module(parent))
      if (List* l = as_list(dict_get_cstr(in, m->dict, "__path__")))
        for (Value d : l->items)
          if (Str* s = as_str(d)) dirs.push_back(s->s);
  }
  for (const std::string& d : dirs) {
    std::string base = sys_path_dir(d) + "/" + leaf;
    for (const std::string& path : {base + ".py", base + "/__main__.py"}) {
      std::string src;
      if (read_file(path, src)) return run_main_source(ts, src, path);
    }
  }
  if (dot == std::string::npos) {
    for (const EmbeddedModule* e = kEmbeddedStdlib; e->name != nullptr; ++e)
      if (name == e->name) return run_main_source(ts, e->source, std::string("<stdlib>/") + e->file);
    for (const NativeModule& nm : native_modules())
      if (name == nm.name) return import_module(ts, name);
  }
  std::cerr << "gilvm: No module named " << name << "\n";
  status = 1;
  return Value::none();
}

// sys.executable: the absolute path of the running binary, as CPython
// gives it, so that subprocess.run([sys.executable, ...]) works from any
// directory. /proc/self/exe names the binary itself; argv[0] is the
// fallback where /proc is missing.
std::string executable_path(const char* argv0) {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return std::string(buf, static_cast<std::size_t>(n));
  char* real = ::realpath(argv0, nullptr);
  if (real == nullptr) return argv0;
  std::string out = real;
  std::free(real);
  return out;
}

// When a file (or stdin) has run as __main__, CPython's
// _PyRun_SimpleFileObject takes __file__ out of its globals again: threads
// still running and python -i's REPL no longer see it.
void forget_main_file(ThreadState& ts) {
  Interpreter& in = ts.interp;
  Dict* globals = main_module_dict(ts, "");
  dict_del(ts, globals, obj(in.names.__file__));  // a str key: 0 or 1, never an error
}

// gilvm FILE: runs FILE as __main__; sets `status` when it cannot be read.
// As in CPython 3.9+, the script is known by its absolute path (__file__,
// co_filename, tracebacks, warnings, the "can't open file" message) while
// sys.argv[0] stays as typed.
Value run_script(ThreadState& ts, const std::string& path, std::optional<int>& status) {
  std::string file = absolute_path(path);
  std::string src;
  if (read_file(file, src)) return run_main_source(ts, src, file);
  status = cannot_open(file);
  return Value::none();
}

int run(Options& o, const char* argv0) {
  Interpreter interp;
  interp.config = o.config;
  interp.config.executable = executable_path(argv0);
  switch (o.source) {
    case Source::Command: interp.config.argv = {"-c"}; break;
    case Source::Module: interp.config.argv = {o.target}; break;
    case Source::Script: interp.config.argv = {o.target}; break;
    case Source::Stdin: interp.config.argv = {"-"}; break;
    case Source::Default: interp.config.argv = {""}; break;
  }
  interp.config.argv.insert(interp.config.argv.end(), o.args.begin(), o.args.end());
  // sys.path[0]: the script's folder; for -m the current directory, made
  // absolute as CPython 3.11 does; "" (the current directory, whichever it
  // is at import time) for -c, stdin and the REPL.
  if (o.source == Source::Script)
    interp.config.path = {script_dir(o.target)};
  else if (o.source == Source::Module)
    interp.config.path = {absolute_path("")};
  else
    interp.config.path = {std::string()};
  const bool stepping = o.source == Source::Module && o.target == "step";
  if (stepping) {
    // gilvm -m step FILE args: sys.argv is FILE args, as under pdb; the
    // seeded scheduler so that hand-offs do not depend on pauses.
    if (o.args.empty()) {
      std::cerr << "usage: gilvm -m step FILE [arg] ...\n";
      return 2;
    }
    interp.config.argv = o.args;
    interp.config.path = {script_dir(o.args[0])};
    if (interp.config.gil_mode != GilMode::Off) interp.config.gil_mode = GilMode::Seeded;
  }
  interp.heap.set_stress(interp.config.gc_stress);
  interp.configure_gil();
  if (!interp.config.gil_trace.empty() || !interp.config.gil_timeline.empty()) {
    std::string error = start_gil_recording(interp, interp.config.gil_trace);
    if (!error.empty()) {
      std::cerr << "gilvm: " << error << "\n";
      return 2;
    }
  }

  // The step debugger stays attached until every thread has ended.
  std::unique_ptr<debug::Stepper> stepper;
  if (stepping) stepper = std::make_unique<debug::Stepper>(interp);
  ThreadState ts(interp);
  ts.is_main = true;
  set_current_thread(&ts);
  gil_take(ts);
  g_interp = &interp;
  struct sigaction sa {};
  sa.sa_handler = on_sigint;  // no SA_RESTART: a blocking call returns EINTR
  sigaction(SIGINT, &sa, nullptr);
  // Writing to a pipe or socket whose reader is gone fails with EPIPE
  // (BrokenPipeError) instead of killing the process, as in CPython.
  signal(SIGPIPE, SIG_IGN);

  Value result = Value::none();
  std::optional<int> status;  // set when the program could not start, or for the REPL
  switch (o.source) {
    case Source::Command:
      // No __file__ for -c, as in CPython: its main module has none.
      result = exec_source(ts, o.target, "<string>", main_module_dict(ts, ""));
      break;
    case Source::Module:
      if (stepping) {
        result = run_script(ts, o.args[0], status);
        forget_main_file(ts);
      } else if (o.target == "dis") {
        status = disassemble_file(ts, o.args);
      } else {
        result = run_module_as_main(ts, o.target, status);
      }
      break;
    case Source::Script:
      result = run_script(ts, o.target, status);
      forget_main_file(ts);
      break;
    case Source::Default:
      if (o.inspect || isatty(0)) {
        status = run_repl(ts, ReplOptions{.banner = !o.quiet});
        o.inspect = false;
        break;
      }
      [[fallthrough]];
    case Source::Stdin:
      result = run_main_source(ts, read_stdin(), "<stdin>");
      forget_main_file(ts);
      break;
  }
  const bool never_started = status.has_value();  // e.g. the script could not be opened
  if (o.inspect) {
    // python -i: the traceback (SystemExit's too), then the REPL in the
    // program's globals.
    if (result.is_fail()) print_exception(ts, take_exception(ts));
    status = run_repl(ts, ReplOptions{.banner = false});
  } else if (!status) {
    status = result.is_fail() ? report_uncaught(ts) : 0;
  }
  // Threads (vm/shutdown.h, owned by the threading work): join non-daemon
  // threads, and never destroy the heap under daemon threads still running.
  if (std::optional<int> s = wait_for_threads(ts, *status)) status = s;
  warn_never_awaited_at_exit(ts);
  if (stepper && !never_started) stepper->finish(ts);
  flush_std_streams(ts);
  finish_gil_reports(ts);  // --gil-stats, --gil-trace, --gil-timeline
  exit_if_threads_remain(ts, *status);
  if (interp.forked_child) {
    flush_all_files(interp);
    std::_Exit(*status);  // no teardown in a forked child: see vm/fork.h
  }
  g_interp = nullptr;
  set_current_thread(nullptr);
  return *status;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.config.gc_stress = std::getenv("GILVM_GC_STRESS") != nullptr;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (std::optional<int> status = parse_args(args, o)) return *status;
  if (o.help) {
    std::cout << help_text();
    return 0;
  }
  if (o.version) {
    std::cout << kVersion << "\n";
    return 0;
  }
  return run(o, argv[0]);
}

}  // namespace gilvm::cli
