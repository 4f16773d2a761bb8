// The step debugger: `gilvm -m step script.py args…`.
//
// A line-oriented debugger with pdb's habits (s, n, si, c, b, l, p, w…)
// that also shows what pdb cannot: every thread, which one holds the GIL,
// who waits for it, and where the GIL changes hands.
//
// How it stops the program. The stepper is a StepHook (vm/interp.h): while
// it is attached the eval loop calls on_instruction() before every
// instruction of every thread, with the GIL held and the frame synced. When
// the hook decides to stop, it reads commands *without releasing the GIL*:
// the thread that holds it is paused in the hook, and every other thread
// is paused too — waiting for the GIL, or blocked in a lock or IO and bound
// to wait for the GIL when it comes back. Nothing else runs bytecode until
// the hook returns.
//
// How stepping follows threads. The program runs under the seeded
// scheduler (vm/sched.h; seed 0 unless --sched=seed:N says otherwise), so
// hand-offs fall on ticks, not on wall-clock time that pausing would
// distort, and a session over the same seed replays the same interleaving.
// Stepping never bends the schedule: `s`, `n` and `si` run the program
// until the *focused* thread (`t N` changes it) reaches its next line or
// instruction, and whichever threads the scheduler runs meanwhile run; an
// expression evaluated by `p` runs with ticks not counted (Sched::holds),
// so looking does not move the next switch either.
// While stepping, every hand-off on the way is printed as it happened
// ("GIL: Thread-1 → Thread-2 (forced after 37 ticks)"); `switch` runs until
// the next hand-off and focuses the thread that got the GIL.
//
// Input comes from GNU readline when stdin is a terminal, else from stdin
// line by line, each command echoed after the prompt, so sessions can be
// scripted and their transcripts compared (tests/step/). Ctrl-C while the
// program runs stops it in the stepper rather than raising
// KeyboardInterrupt.
//
// The files: stepper.cpp (when to stop, where the program is), commands.cpp
// (the command table and the commands about one frame), thread_view.cpp
// (`threads` and `gil`).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "vm/interp.h"

namespace gilvm::debug {

class Stepper final : public StepHook {
 public:
  explicit Stepper(Interpreter& interp);
  ~Stepper() override;
  Stepper(const Stepper&) = delete;
  Stepper& operator=(const Stepper&) = delete;

  void on_instruction(ThreadState& ts, Frame* frame) override;
  bool takes_interrupt() const override { return !busy_ && !finished_; }
  // The program has ended: says so, and stops stopping.
  void finish(ThreadState& ts);

  // --- For the commands (commands.cpp, thread_view.cpp) ---------------------

  enum class Mode {
    Continue,     // c: run to a breakpoint
    StepLine,     // s: the focused thread's next line, into calls
    StepOver,     // n: the focused thread's next line in this frame or a caller
    StepInstr,    // si: the focused thread's next instruction
    SwitchGil,    // switch: the next hand-off of the GIL
  };
  struct Breakpoint {
    std::string file;
    int line;
  };

  Interpreter& interp() { return interp_; }
  ThreadState& here() { return *here_; }   // the thread paused in the hook
  // The focused thread, or null when it has ended.
  ThreadState* focused();
  // The focused thread's selected frame: the innermost, or `up` from it.
  Frame* focused_frame();
  int focus_serial() const { return focus_; }
  void set_focus(int serial) {
    focus_ = serial;
    up_ = 0;
  }
  // Selects the frame `delta` levels further out (up, > 0) or in; false
  // when there is no such frame.
  bool move_frame(int delta);
  // Resumes the program in `mode` (the command loop returns).
  void resume(Mode mode);
  void quit();
  std::vector<Breakpoint>& breakpoints() { return breakpoints_; }
  // "> file.py(12)func() in Thread-1" and "-> the line", for frame `f` of `ts`.
  std::string position(ThreadState& ts, Frame* f, bool with_instruction);
  // Writes to stdout after the program's own buffered output.
  void out(const std::string& text);

 private:
  bool should_stop(ThreadState& ts, Frame* f, bool new_line);
  void command_loop(ThreadState& ts);
  void print_handoffs();
  // Takes a pending Ctrl-C (the SIGINT handler's eval-breaker bit).
  bool take_interrupt();

  Interpreter& interp_;
  ThreadState* here_ = nullptr;  // the thread in the hook (set on entry)
  bool busy_ = false;        // in the command loop (an expression being printed must not stop)
  bool finished_ = false;
  bool resumed_ = false;     // a command resumed the program: leave the loop
  Mode mode_ = Mode::StepLine;
  int focus_ = 1;            // serial of the focused thread (MainThread is 1)
  int up_ = 0;               // the selected frame: levels out from the focused thread's innermost
  int last_serial_ = 0;      // the thread that ran the last instruction
  int start_depth_ = 0;       // `n`: the focused thread's frame depth when it began
  // Per thread serial, per frame depth: the code and line of the last
  // instruction run there. A line starts when a frame is entered or its
  // line changes, not when a call on that line returns.
  std::vector<std::vector<std::pair<const CodeObject*, int>>> last_at_;
  std::vector<Breakpoint> breakpoints_;
  std::string last_command_;
};

// Runs one command line (commands.cpp). Unknown commands and bad arguments
// print one line and return.
void run_command(Stepper& st, const std::string& line);
// `threads` and `gil` (thread_view.cpp).
std::string threads_view(Stepper& st);
std::string gil_view(Stepper& st);
// The display name of thread `serial` ("Thread-1"), or "" if it is gone.
std::string thread_name(Interpreter& in, int serial);
// The live thread with this serial, or null. Under the GIL.
ThreadState* find_thread(Interpreter& in, int serial);

}  // namespace gilvm::debug
