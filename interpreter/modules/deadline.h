// An absolute deadline `seconds` from now on a clock, for the system calls
// that take one (clock_nanosleep, sem_timedwait).
#pragma once

#include <time.h>

#include <cmath>

namespace gilvm {

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
