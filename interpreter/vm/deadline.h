// vm/deadline.h — a Python timeout (seconds, a float) as a deadline on the
// steady clock, for the calls that wait with the GIL released: a lock's
// acquire, socket IO, waiting for a child process.
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

#include <chrono>

namespace gilvm {

inline constexpr double kForeverSeconds = 1e9;

// `seconds` (>= 0, not NaN) from now; time_point::max() from
// kForeverSeconds up.
inline std::chrono::steady_clock::time_point deadline_in(double seconds) {
  using Clock = std::chrono::steady_clock;
  if (seconds >= kForeverSeconds) return Clock::time_point::max();
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace gilvm
