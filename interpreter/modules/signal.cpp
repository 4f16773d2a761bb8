// modules/signal.cpp — the signal module's constants: the SIG* numbers of
// this platform, SIG_DFL, SIG_IGN and NSIG (CPython's Modules/signalmodule.c
// also installs handlers; gilvm handles SIGINT itself — KeyboardInterrupt —
// and offers no signal.signal yet). In CPython the numbers are members of
// the IntEnum signal.Signals, so print(signal.SIGTERM) shows
// "Signals.SIGTERM"; here they are plain ints (equal, usable in os.kill and
// in arithmetic, but printed as numbers).
#include <signal.h>

#include "modules/registry.h"
#include "vm/api.h"

namespace gilvm {

namespace {

struct SignalName {
  const char* name;
  int number;
};

}  // namespace

bool init_signal_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  const SignalName names[] = {
      {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},   {"SIGILL", SIGILL},
      {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},     {"SIGBUS", SIGBUS},
      {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
      {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},   {"SIGTERM", SIGTERM},
      {"SIGCHLD", SIGCHLD},     {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
      {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},     {"SIGXCPU", SIGXCPU},
      {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},   {"SIGWINCH", SIGWINCH},
      {"SIGIO", SIGIO},         {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},     {"SIGSYS", SIGSYS},
      {"SIGSTKFLT", SIGSTKFLT},
      {"SIGRTMIN", SIGRTMIN},   {"SIGRTMAX", SIGRTMAX},   {"NSIG", NSIG},
      {"SIG_DFL", 0},           {"SIG_IGN", 1},
  };
  for (const SignalName& s : names) dict_set_cstr(in, d, s.name, Value::from_int(s.number));
  return true;
}

}  // namespace gilvm
