// Exact accounting of the GIL, always on.
//
// gilvm owns the lock, so instead of sampling (py-spy, gil_load) it records
// every change of a thread's state at the moment it happens, in the GIL's
// own take and drop paths (vm/gil.cpp). A thread is always in one of four
// states:
//
//   running  holding the GIL (running bytecode or native code);
//   waiting  in gil_take(), waiting for the GIL;
//   io       the GIL released around a blocking call that is not a lock:
//            sleep, file, socket, pipe, child process, long native work;
//   lock     the GIL released while blocked on a _thread lock (and so on
//            everything built on one: Condition, Event, Queue, join...).
//
// Each change adds the time since the last one to the state being left, so
// running + waiting + io + lock is the thread's whole life. All changes
// happen under Gil::mu (the take and drop paths hold it anyway), so readers
// (gil.stats(), the exit report) take the same mutex and see a consistent
// snapshot. Costs: two clock reads (vDSO, ~20 ns) per GIL take or release;
// nothing per bytecode instruction.
//
// When a trace is being recorded, each change also appends a slice (thread,
// start, duration, state, what, where) to the GIL's observer (GilObserver in
// vm/gil.h), which is the recorder of trace/recorder.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gilvm {

enum class RunState : std::uint8_t { Running, Waiting, Io, Lock, Off };
inline constexpr int kRunStates = 4;  // Off (not started, finished) is not timed

// What a thread releasing the GIL is about to block in: the state it enters
// and a label for the statistics ("time.sleep", "socket.recv"). Labels are
// string literals (static storage): the accounting keeps the pointer.
struct BlockedIn {
  RunState state = RunState::Io;
  const char* what = "native code";
};

// One thread's figures. Written only under Gil::mu.
struct GilAccount {
  int serial = 0;              // 1, 2, 3... in order of creation (trace thread ids)
  std::string name;            // the thread's name when it finished or when last read
  RunState state = RunState::Off;
  std::int64_t since_ns = 0;   // when `state` began
  std::int64_t start_ns = 0;   // when the thread first took the GIL
  std::int64_t end_ns = 0;     // when it finished (0: alive)
  std::int64_t ns[kRunStates] = {};
  const char* what = nullptr;  // while blocked: in what; while waiting: null
  std::string where;           // while blocked, when tracing: "file.py:12"
  std::uint64_t acquisitions = 0;    // times it took the GIL
  std::uint64_t forced_drops = 0;    // releases because another thread asked
  std::uint64_t releases = 0;        // releases around blocking calls (voluntary)
  std::uint64_t drop_requests = 0;   // times it asked the holder to drop
  std::int64_t longest_wait_ns = 0;  // the longest single wait for the GIL
  std::int64_t yield_sum_ns = 0;     // time from a drop request to this thread's release
  std::int64_t yield_max_ns = 0;
  std::uint64_t yields = 0;
  std::int64_t wait_began_ns = 0;    // the current wait for the GIL began (0: not waiting)
  // Time blocked, by label; time waited for the GIL, by the holder's serial.
  std::vector<std::pair<const char*, std::int64_t>> blocked_in;
  std::vector<std::pair<int, std::int64_t>> waited_for;

  std::int64_t total_ns() const { return ns[0] + ns[1] + ns[2] + ns[3]; }
  std::int64_t running_ns() const { return ns[static_cast<int>(RunState::Running)]; }
  std::int64_t waiting_ns() const { return ns[static_cast<int>(RunState::Waiting)]; }
  std::int64_t blocked_ns() const { return ns[static_cast<int>(RunState::Io)] + ns[static_cast<int>(RunState::Lock)]; }
};

// Interpreter-wide figures, under Gil::mu.
struct GilTotals {
  std::int64_t start_ns = 0;            // the interpreter took the GIL for the first time
  std::uint64_t switches = 0;           // the GIL passed to a different thread
  std::uint64_t forced_switches = 0;    // ... because the holder was asked to drop
  std::uint64_t drop_requests = 0;
  std::int64_t drop_request_ns = 0;     // the pending drop request was made at (0: none)
  int drop_requester = 0;               // by this thread's serial
  std::int64_t holder_since_ns = 0;     // the current holder took the GIL at
  int last_holder = 0;                  // serial of the thread that held the GIL last
  int next_serial = 1;
  std::vector<GilAccount> finished;     // accounts of threads that have ended
};

// The monotonic clock, in nanoseconds.
std::int64_t gil_clock_ns();

}  // namespace gilvm
