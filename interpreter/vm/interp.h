// Interpreter-wide state apart from per-thread state (docs/style.md §6), as Lua's
// global_State / lua_State and CPython's PyInterpreterState / PyThreadState.
//
//   Interpreter  owns the heap, the builtin types, sys.modules, the builtins,
//                interned strings, the eval breaker and the list of threads.
//   ThreadState  owns one OS thread's value stack, frames, pending exception
//                and the exception being handled.
//   Frame        one activation of a CodeObject. Frames are plain structs in
//                a per-thread pool, readable from other threads while their
//                owner does not hold the GIL (the collector, the stepper and
//                the GIL statistics read them); the eval loop writes its
//                cached ip and sp back at every sync point (vm/eval.cpp).
//
// Nothing in the VM is a mutable global: everything hangs off Interpreter.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/code.h"
#include "vm/finalize.h"
#include "vm/gil.h"
#include "vm/heap.h"
#include "vm/object.h"

namespace gilvm {

struct Generator;
struct Frame;
class TraceRecorder;  // trace/recorder.h

// What the eval loop calls before every instruction while a stepper is
// attached, with the GIL held and `frame` synced (frame->pc() is the
// instruction about to run). It may run Python code (an expression to
// print) but leaves the frame as it found it.
struct StepHook {
  virtual ~StepHook() = default;
  virtual void on_instruction(ThreadState& ts, Frame* frame) = 0;
  // True while a Ctrl-C is the hook's to take at the next instruction (the
  // program stops in the stepper, as in pdb): the eval breaker then leaves
  // the signal bit alone instead of raising KeyboardInterrupt. The check
  // and the hook would otherwise race for the bit at a loop's back edge.
  virtual bool takes_interrupt() const = 0;
};

struct Frame {
  Frame* prev = nullptr;
  CodeObject* code = nullptr;
  Function* func = nullptr;       // null for module code and class bodies run without one
  Dict* globals = nullptr;
  Dict* locals = nullptr;         // namespace dict of a module or class body, else null
  Value* base = nullptr;          // first local slot
  Value* stack_base = nullptr;    // first operand stack slot (after locals and cells)
  Value* sp = nullptr;            // synced: one past the top operand
  const std::uint32_t* ip = nullptr;  // synced: the next instruction
  Generator* gen = nullptr;       // the generator this frame runs, if any
  Value* call_base = nullptr;     // where the caller wants the result (the call's lowest slot)
  Value* outer_top = nullptr;     // generator frames: the thread stack's top while they run
  bool is_entry = false;          // returning from it returns from this eval() call

  std::uint32_t pc() const {  // index of the instruction being executed
    return static_cast<std::uint32_t>(ip - code->code.data()) - 1;
  }
  int line() const { return code->line_at(pc()); }
  Cell* cell(std::uint32_t i) const { return static_cast<Cell*>(base[code->nlocals + i].as_obj()); }
};

// A generator keeps its frame's slots (locals, cells, operand stack) in its
// own array, so suspending is saving ip and sp, and resuming pushes a Frame
// whose base points here. (CPython 3.11 embeds the frame in the generator in
// the same way.)
struct Generator : Object {
  Function* func;
  std::vector<Value> slots;
  std::size_t saved_sp = 0;       // operand stack depth when suspended
  std::uint32_t saved_pc = 0;     // next instruction
  bool started = false;
  bool running = false;
  bool finished = false;
  // An async def's coroutine (Language Reference §3.4.3): the same frame
  // machinery, but not iterable; awaited through GET_AWAITABLE, and reported
  // as never awaited if it dies unstarted (vm/coroutine.cpp).
  bool is_coroutine = false;
  CodeObject* created_in = nullptr;  // coroutines: the code and line that called
  int created_line = 0;              //   the async def, for the never-awaited warning
  Generator(Type* t, Function* f);
  void trace(Tracer&) override;
};

// Bits of the eval breaker: the one word the eval loop checks at safe points.
// A thread's wait for a lock with no timeout, as the deadlock detector
// (modules/thread.cpp, where the design is) sees it.
struct ForeverWait {
  const void* lock = nullptr;  // the LockObj waited for; null: not in such a wait
  const char* what = nullptr;  // the call, for the report: "Lock.acquire"
  bool taken = false;          // set under the lock's own mutex: the waiter got it and is leaving
};

// Deadlock detection's shared state (modules/thread.cpp).
struct DeadlockWatch {
  std::mutex mu;                           // guards every ThreadState::forever_wait and the plain fields
  std::atomic<int> waiters{0};             // threads in a forever wait (written under mu)
  std::atomic<std::uint64_t> releases{0};  // progress generation: bumped by every lock release
  std::uint64_t epoch = 0;                 // bumped when a forever wait begins or ends
  bool candidate = false;                  // the last snapshot found every thread blocked forever,
  std::uint64_t candidate_epoch = 0;       //   with these counters,
  std::uint64_t candidate_releases = 0;
  std::int64_t candidate_ns = 0;           //   at this steady_clock time
  std::atomic<bool> reported{false};       // a thread is printing the report; the others wait on
  bool main_at_exit = false;               // the main thread is in the exit-time join (GIL held)
};

enum EvalBreakerBit : std::uint32_t {
  kBreakGc = 1,           // the heap asks for a collection
  kBreakGilDrop = 2,      // another thread asks the holder to release the GIL
  kBreakSignal = 4,       // a signal arrived (Ctrl-C)
  kBreakAsyncExc = 8,     // an exception was set for a thread from outside
  kBreakLegacyTick = 16,  // --gil=legacy: every safe point counts down to a release
  kBreakSchedTick = 32,   // --sched=seed:N: every safe point is a tick of the scheduler (vm/sched.h)
};

// Whether a blocking call, retrying after EINTR with the GIL released,
// should stop and raise KeyboardInterrupt: Ctrl-C is pending and this is
// the main thread (the only one CPython delivers it to). Reads no heap
// object, so it is safe without the GIL.
inline bool ctrl_c_pending(bool is_main, const std::atomic<std::uint32_t>& breaker) {
  return is_main && (breaker.load(std::memory_order_relaxed) & kBreakSignal);
}

struct ThreadState {
  // The value stack's size, in Values: an address-space reservation the
  // kernel commits page by page. The main thread's is large (deep recursion
  // under a raised recursion limit); threads started by _thread get a
  // smaller one, so a thousand threads do not reserve 256 GiB.
  static constexpr std::size_t kMainStackValues = std::size_t{16} << 20;   // 256 MiB
  static constexpr std::size_t kThreadStackValues = std::size_t{2} << 20;  // 32 MiB

  explicit ThreadState(Interpreter& interp, std::size_t stack_values = kMainStackValues);
  ~ThreadState();
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;

  Interpreter& interp;

  // The value stack: frames' slots, contiguous. [stack, stack_top) is live
  // and a root for the collector; natives push temporaries at stack_top.
  Value* stack = nullptr;
  Value* stack_end = nullptr;
  Value* stack_top = nullptr;

  Frame* frame = nullptr;          // the innermost frame
  int depth = 0;                   // Python frames on this thread
  int c_depth = 0;                 // nested eval() calls (native re-entry)
  std::vector<std::unique_ptr<Frame>> frame_pool;

  Value exc;                       // the exception propagating now, or Null
  Value exc_info;                  // the exception being handled (except/finally), or Null
  bool reraising = false;          // the propagating exception is a bare re-raise

  std::vector<Object*> repr_stack;  // containers being repr'd (vm/repr_guard.h)

  std::uint64_t ident = 0;         // threading.get_ident()
  std::string name = "MainThread";
  bool is_main = false;            // the thread that receives KeyboardInterrupt
  bool holds_gil = false;          // written by the owner only (gil.cpp)
  GilAccount acct;                 // the GIL's accounting of this thread (under gil.mu)
  // A thread started by _thread has returned from its function and is only
  // dropping the GIL and deleting its state: at exit the main thread may
  // wait for such threads (vm/shutdown.cpp), never for the others.
  std::atomic<bool> finishing{false};
  // The _thread lock this thread waits for with no timeout, for deadlock
  // detection (modules/thread.cpp); guarded by Interpreter::deadlock.mu.
  ForeverWait forever_wait;

  // Pushes a frame: the one place a new Frame's fields are set. `fields`
  // names those that differ from Frame's defaults, e.g.
  //   ts.push_frame({.code = co, .func = fn, .globals = fn->globals, .base = ...});
  // (`prev` is set here). Inline, so the call fast path (eval.cpp CALL)
  // stores the fields directly.
  Frame* push_frame(const Frame& fields) {
    if (static_cast<std::size_t>(depth) >= frame_pool.size()) grow_frame_pool();
    Frame* f = frame_pool[static_cast<std::size_t>(depth)].get();
    *f = fields;
    f->prev = frame;
    frame = f;
    ++depth;
    return f;
  }
  void pop_frame() {
    frame = frame->prev;
    --depth;
  }
  void grow_frame_pool();
};

// Every builtin type, by name. Filled at start-up (Interpreter::Interpreter, vm/interp.cpp).
struct BuiltinTypes {
  Type *object, *type, *none, *bool_, *int_, *float_, *str, *bytes, *list, *tuple, *dict,
      *set, *frozenset, *range, *slice, *function, *builtin_function, *method, *module,
      *cell, *code, *generator, *coroutine, *iterator, *property, *staticmethod, *classmethod,
      *super, *notimplemented, *ellipsis, *file, *dict_keys, *dict_values, *dict_items,
      *getset_descriptor;
  // The exception hierarchy (Python Language Reference §"Built-in Exceptions").
  Type *BaseException, *Exception, *SystemExit, *KeyboardInterrupt, *GeneratorExit,
      *StopIteration, *ArithmeticError, *ZeroDivisionError, *OverflowError, *AssertionError,
      *AttributeError, *LookupError, *IndexError, *KeyError, *NameError,
      *UnboundLocalError, *RuntimeError, *RecursionError, *NotImplementedError, *TypeError,
      *ValueError, *UnicodeError, *UnicodeDecodeError, *UnicodeEncodeError, *MemoryError, *OSError, *FileNotFoundError, *FileExistsError,
      *PermissionError, *IsADirectoryError, *TimeoutError, *BrokenPipeError,
      *ImportError, *ModuleNotFoundError, *SyntaxError, *IndentationError, *EOFError,
      *StopAsyncIteration, *Warning, *RuntimeWarning, *DeprecationWarning,
      *UserWarning, *ChildProcessError, *ConnectionError, *InterruptedError,
      *BlockingIOError, *ConnectionAbortedError, *ConnectionRefusedError,
      *ConnectionResetError, *NotADirectoryError, *ProcessLookupError;
};

// Interned strings for names the VM looks up often.
struct CommonNames {
  Str *__init__, *__new__, *__name__, *__qualname__, *__module__, *__doc__, *__class__,
      *__dict__, *__repr__, *__str__, *__eq__, *__ne__, *__lt__, *__le__, *__gt__, *__ge__,
      *__hash__, *__len__, *__bool__, *__iter__, *__next__, *__getitem__, *__setitem__,
      *__delitem__, *__contains__, *__call__, *__enter__, *__exit__, *__getattr__,
      *__getattribute__, *__setattr__, *__delattr__, *__get__, *__set__, *__delete__,
      *__main__, *__builtins__, *__file__, *__all__, *__index__, *__int__, *__float__,
      *__neg__, *__pos__, *__invert__, *__abs__, *__round__, *__format__, *__classcell__,
      *__init_subclass__, *__set_name__, *__missing__, *__reversed__,
      *__await__, *__aenter__, *__aexit__, *__aiter__, *__anext__,
      *args, *send, *throw_, *close, *write, *flush, *readline, *keys, *items, *__import__;
};

// Command-line and build-time settings the VM consults.
struct Config {
  std::vector<std::string> argv;     // sys.argv
  std::string executable;            // sys.executable
  std::vector<std::string> path;     // module search path (sys.path)
  bool interactive = false;
  bool gc_stress = false;
  GilMode gil_mode = GilMode::Interval;  // --gil
  double switch_interval = 0.005;        // --switch-interval, sys.setswitchinterval (seconds)
  bool gil_stats = false;                // --gil-stats: the GIL's statistics at exit
  std::string gil_trace;                 // --gil-trace=FILE.json (Chrome trace format)
  std::string gil_timeline;              // --gil-timeline=FILE.html
  std::uint64_t sched_seed = 0;          // --sched=seed:N (with gil_mode Seeded)
};

struct Interpreter {
  Interpreter();
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  Heap heap;
  BuiltinTypes types{};
  CommonNames names{};
  Config config;

  Dict* modules = nullptr;   // sys.modules
  Dict* builtins = nullptr;  // the builtins module's dict
  Value not_implemented;
  Value ellipsis;
  Tuple* empty_tuple = nullptr;

  std::atomic<std::uint32_t> eval_breaker{0};
  // The step debugger (debug/stepper.h), when one is attached: the eval
  // loop then calls it before every instruction.
  StepHook* step_hook = nullptr;
  Gil gil;
  std::unique_ptr<TraceRecorder> trace;  // the recorder gil.recorder points to (trace/reports.h)
  int recursion_limit = 1000;
  int exit_status = 0;
  bool forked_child = false;  // this process is a child of os.fork() (vm/fork.h)

  // Source lines by file name, for tracebacks and the stepper.
  std::map<std::string, std::vector<std::string>> sources;

  std::mutex threads_mu;  // guards `threads` (added/removed outside the GIL)
  std::vector<ThreadState*> threads;
  // In a child of os.fork(): the threads that did not survive the fork.
  // Their stacks stay roots and their states are never destroyed
  // (vm/fork.h explains why).
  std::vector<ThreadState*> forked_away;
  std::atomic<int> live_threads{0};  // threads.size(), readable without threads_mu
  // Value stacks of ended threads, reused by new ones (under threads_mu).
  static constexpr std::size_t kSpareStacks = 16;
  std::vector<Value*> spare_stacks;
  DeadlockWatch deadlock;

  // Returns the interned str for `text` (one object per distinct text).
  Str* intern(std::string_view text);

  // A cache of type_lookup() results (as CPython's method cache): entries
  // are valid while `type_version` is unchanged. It is bumped whenever a
  // class's attributes change and after every collection (a freed type or
  // name could otherwise be mistaken for a new one at the same address).
  struct AttrCacheEntry {
    const Type* type = nullptr;
    const Str* name = nullptr;
    Value value;
    std::uint64_t version = 0;
  };
  static constexpr std::size_t kAttrCacheSize = 4096;
  std::vector<AttrCacheEntry> attr_cache = std::vector<AttrCacheEntry>(kAttrCacheSize);
  std::uint64_t type_version = 1;

  // Objects found dead that need finalizing, and how many live ones may
  // (vm/finalize.h). The candidates are the coroutines made and not yet
  // started, closed or reported as never awaited (vm/coroutine.cpp): the
  // collector and the exit-time check walk the heap only when there are
  // some.
  Finalization finalization;

  // Extra roots registered by native modules (each a Value that lives as
  // long as the interpreter).
  std::vector<Value*> extra_roots;

  void mark_roots(Tracer& t);
  void mark_thread(Tracer& t, ThreadState* ts);

  // Applies config.gil_mode and config.switch_interval to the GIL.
  void configure_gil();

 private:
  std::unordered_map<std::string_view, Str*> interned_;
};

}  // namespace gilvm
