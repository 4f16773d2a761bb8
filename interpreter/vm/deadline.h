// vm/deadline.h — a Python timeout (seconds, a float) as a deadline, for the
// calls that wait with the GIL released: on the steady clock for a lock's
// acquire, socket IO and waiting for a child process; as a timespec on a
// given clock for the system calls that take one (clock_nanosleep,
// sem_timedwait).
//
// The steady clock counts int64 nanoseconds, so a timeout longer than about
// 292 years cannot be converted to it or added to now: the conversion is
// out of range and the sum overflows (undefined behaviour, which UBSan
// reports; in practice the deadline wraps into the past and the wait ends
// at once as a timeout). Python allows such timeouts (a lock takes up to
// _thread.TIMEOUT_MAX, 9.2e9 s; Popen.wait any float, inf included), and
// none of them can pass in a real program, so a timeout of a billion
// seconds (31 years) or more has no deadline: time_point::max(), which the
// callers' wait loops already treat as "forever".
#pragma once

#include <time.h>

#include <chrono>
#include <cmath>

namespace gilvm {

inline constexpr double kForeverSeconds = 1e9;

// `seconds` (>= 0, not NaN) from now; time_point::max() from
// kForeverSeconds up.
inline std::chrono::steady_clock::time_point deadline_in(double seconds) {
  using Clock = std::chrono::steady_clock;
  if (seconds >= kForeverSeconds) return Clock::time_point::max();
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// The waits whose timeout < 0 means "no timeout" (a lock's acquire, Popen.wait).
inline std::chrono::steady_clock::time_point deadline_unless_negative(double seconds) {
  return seconds < 0 ? std::chrono::steady_clock::time_point::max() : deadline_in(seconds);
}

// `seconds` (>= 0) from now on `clock`, as an absolute timespec.
inline struct timespec deadline_after(clockid_t clock, double seconds) {
  struct timespec deadline;
  clock_gettime(clock, &deadline);
  double whole = std::floor(seconds);
  deadline.tv_sec += static_cast<time_t>(whole);
  deadline.tv_nsec += static_cast<long>((seconds - whole) * 1e9);
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000L;
  }
  return deadline;
}

}  // namespace gilvm
