// Option parsing and the run modes of the command line (see --help).
#include "cli/cli.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/file.h"
#include "vm/api.h"
#include "vm/import.h"
#include "vm/run.h"

namespace gilvm {
void set_current_thread(ThreadState* ts);
}

namespace gilvm::cli {

namespace {

constexpr const char* kVersion = "gilvm 0.1.0 (a Python 3.11 subset with a real GIL)";

constexpr const char* kUsage =
    "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd         program passed in as string (terminates option list)\n"
    "  -m mod         run library module as a script (terminates option list);\n"
    "                 -m dis FILE prints FILE's bytecode\n"
    "  -i             inspect interactively after running script\n"
    "  -X gc_stress   collect garbage at every safe point after an allocation\n"
    "  -h, --help     print this help message and exit\n"
    "  -V, --version  print the version number and exit\n"
    "  file           program read from script file\n"
    "  -              program read from stdin (default; interactive mode if a tty)\n"
    "  arg ...        arguments passed to program in sys.argv[1:]\n";

Interpreter* g_interp = nullptr;  // for the SIGINT handler only

void on_sigint(int) {
  if (g_interp != nullptr) g_interp->eval_breaker.fetch_or(kBreakSignal, std::memory_order_relaxed);
}

bool read_all(std::istream& in, std::string& out) {
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::string dir_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return path.substr(0, slash == 0 ? 1 : slash);
}

int finish(ThreadState& ts, Value r) {
  int status = r.is_fail() ? report_uncaught(ts) : 0;
  flush_std_streams(ts);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool interactive_after = false;
  bool gc_stress = std::getenv("GILVM_GC_STRESS") != nullptr;
  std::string command, module, script;
  bool have_command = false, have_module = false, have_script = false;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (a == "-V" || a == "--version") {
      std::cout << kVersion << "\n";
      return 0;
    }
    if (a == "-i") {
      interactive_after = true;
      continue;
    }
    if (a == "-X") {
      if (i + 1 >= args.size()) {
        std::cerr << "Argument expected for the -X option\n" << kUsage;
        return 2;
      }
      std::string opt = args[++i];
      if (opt == "gc_stress") {
        gc_stress = true;
        continue;
      }
      std::cerr << "gilvm: unknown -X option: " << opt << "\n";
      return 2;
    }
    if (a == "-c" || a == "-m") {
      if (i + 1 >= args.size()) {
        std::cerr << "Argument expected for the " << a << " option\n" << kUsage;
        return 2;
      }
      if (a == "-c") {
        command = args[++i];
        have_command = true;
      } else {
        module = args[++i];
        have_module = true;
      }
      ++i;
      break;
    }
    if (a == "-") {
      ++i;
      break;
    }
    if (a.size() > 1 && a[0] == '-') {
      std::cerr << "Unknown option: " << a << "\n" << kUsage;
      return 2;
    }
    script = a;
    have_script = true;
    ++i;
    break;
  }
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());

  Interpreter interp;
  g_interp = &interp;
  interp.heap.set_stress(gc_stress);
  interp.config.executable = argv[0];
  if (have_command) {
    interp.config.argv = {"-c"};
    interp.config.path = {""};
  } else if (have_module) {
    interp.config.argv = {module};
    interp.config.path = {""};
  } else if (have_script) {
    interp.config.argv = {script};
    interp.config.path = {dir_of(script)};
  } else {
    interp.config.argv = {""};
    interp.config.path = {""};
  }
  for (auto& r : rest) interp.config.argv.push_back(r);

  ThreadState ts(interp);
  set_current_thread(&ts);
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigaction(SIGINT, &sa, nullptr);

  int status = 0;
  if (have_command) {
    Value r = run_main_source(ts, command, "<string>");
    status = finish(ts, r);
  } else if (have_module) {
    Dict* globals = main_module_dict(ts, "");
    (void)globals;
    Value r = import_module(ts, module);
    status = finish(ts, r);
  } else if (have_script) {
    std::ifstream f(script, std::ios::binary);
    if (!f) {
      std::cerr << argv[0] << ": can't open file '" << script << "': [Errno 2] No such file or directory\n";
      return 2;
    }
    std::string src;
    read_all(f, src);
    Value r = run_main_source(ts, src, script);
    status = finish(ts, r);
  } else {
    std::string src;
    read_all(std::cin, src);
    Value r = run_main_source(ts, src, "<stdin>");
    status = finish(ts, r);
  }
  (void)interactive_after;
  g_interp = nullptr;
  set_current_thread(nullptr);
  return status;
}

}  // namespace gilvm::cli
