// gilvm's command line, shaped like python's: gilvm [options] [-c cmd | -m mod | script | -] [args]
//
// The interpreter runs on a thread with a large C stack (natives that call
// back into Python nest eval loops; see config.h), while the process's main
// thread only waits for it. SIGINT is blocked in the waiting thread, so the
// kernel delivers Ctrl-C to the interpreter's thread, where it interrupts a
// blocking system call (the REPL's select(), a sleep) with EINTR. Exit status:
// 0, 1 on an uncaught exception or syntax error, 2 on a usage error, 130 on
// Ctrl-C.
#include <pthread.h>
#include <signal.h>

#include <cstddef>

#include "cli/cli.h"

namespace {

struct Launch {
  int argc;
  char** argv;
  int status = 0;
};

void set_sigint_blocked(bool blocked) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGINT);
  pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &s, nullptr);
}

void* run_thread(void* p) {
  auto* l = static_cast<Launch*>(p);
  set_sigint_blocked(false);
  l->status = gilvm::cli::main(l->argc, l->argv);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Launch l{argc, argv};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{512} << 20);
  set_sigint_blocked(true);  // the new thread inherits the mask and unblocks it
  pthread_t t;
  if (pthread_create(&t, &attr, run_thread, &l) != 0) {
    run_thread(&l);  // fall back to the main thread's stack
  } else {
    pthread_join(t, nullptr);
  }
  pthread_attr_destroy(&attr);
  return l.status;
}
