// modules/time.cpp — the time module: clocks, sleep, and a little calendar.
//
// Design. Each clock is one clock_gettime() call (CLOCK_REALTIME for time(),
// CLOCK_MONOTONIC for perf_counter() and monotonic(), CLOCK_PROCESS_CPUTIME_ID
// and CLOCK_THREAD_CPUTIME_ID for process_time() and thread_time(), as
// CPython on Linux). sleep() is the one blocking call: it validates its
// argument with the GIL held and then calls blocking_sleep(), a small function
// that touches no Value, so the GIL can be released around exactly it.
//
// localtime()/gmtime() return a plain 9-tuple (CPython's struct_time is a
// tuple too, with named fields gilvm does not model); strftime() and
// mktime() accept any 9-item tuple. Messages are CPython 3.11's.

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>

#include "vm/deadline.h"
#include "modules/registry.h"
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

// ---------------------------------------------------------------------------
// The blocking call (GIL release point)
// ---------------------------------------------------------------------------

// Sleeps for `seconds`, resuming after other signals until the time is up;
// returns early when `interrupted` (the interpreter's eval breaker) shows a
// pending Ctrl-C, so the caller can raise KeyboardInterrupt (PEP 475).
void blocking_sleep(double seconds, const std::atomic<std::uint32_t>& breaker) {
  const struct timespec deadline = deadline_after(CLOCK_MONOTONIC, seconds);
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR) {
    if (breaker.load(std::memory_order_relaxed) & kBreakSignal) return;
  }
}

// ---------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------

std::int64_t clock_ns(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

double clock_seconds(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

bool no_args(ThreadState& ts, const Args& a, const char* name) {
  if (a.size() == 0 && a.nkw == 0) return true;
  raise_fmt(ts, ts.interp.types.TypeError, "time.{}() takes no arguments ({} given)", name,
            a.size() + a.nkw);
  return false;
}

#define GILVM_CLOCK(fn, name, id)                                       \
  Value fn(ThreadState& ts, Value self, const Args& a) {                \
    if (!no_args(ts, a, name)) return Value::fail();                    \
    return Value::from_float(clock_seconds(id));                        \
  }                                                                     \
  Value fn##_ns(ThreadState& ts, Value self, const Args& a) {           \
    if (!no_args(ts, a, name "_ns")) return Value::fail();              \
    return Value::from_int(clock_ns(id));                               \
  }

GILVM_CLOCK(t_time, "time", CLOCK_REALTIME)
GILVM_CLOCK(t_perf_counter, "perf_counter", CLOCK_MONOTONIC)
GILVM_CLOCK(t_monotonic, "monotonic", CLOCK_MONOTONIC)
GILVM_CLOCK(t_process_time, "process_time", CLOCK_PROCESS_CPUTIME_ID)
GILVM_CLOCK(t_thread_time, "thread_time", CLOCK_THREAD_CPUTIME_ID)
#undef GILVM_CLOCK

// A number of seconds as time.sleep() and friends accept it.
bool seconds_arg(ThreadState& ts, Value v, double& out) {
  if (v.is_float()) {
    out = v.as_float();
  } else if (is_int_like(v)) {
    auto d = to_double(ts, v);
    if (!d) return false;
    out = *d;
  } else {
    Value m = type_lookup(type_of(ts, v), ts.interp.names.__float__);
    if (m.is_null()) {
      raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer",
                type_name(ts, v));
      return false;
    }
    auto d = to_double(ts, v);
    if (!d) return false;
    out = *d;
  }
  if (std::isnan(out)) {
    raise(ts, ts.interp.types.ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  return true;
}

Value t_sleep(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "time.sleep() takes no keyword arguments");
  if (a.size() != 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "time.sleep() takes exactly one argument ({} given)",
                     a.size());
  double secs;
  if (!seconds_arg(ts, a[0], secs)) return Value::fail();
  if (secs < 0) return raise(ts, ts.interp.types.ValueError, "sleep length must be non-negative");
  if (secs > 9.2e18)
    return raise(ts, ts.interp.types.OverflowError, "timestamp out of range for platform time_t");
  {
    ReleaseGil released(ts, {RunState::Io, "time.sleep"});  // other threads run meanwhile
    blocking_sleep(secs, ts.interp.eval_breaker);
  }
  // Ctrl-C during the sleep: raise KeyboardInterrupt now (main thread).
  if (ctrl_c_pending(ts.is_main, ts.interp.eval_breaker))
    if (!handle_eval_breaker(ts)) return Value::fail();
  return Value::none();
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

Value tm_tuple(ThreadState& ts, const struct tm& t) {
  return obj(new_tuple(ts, {Value::from_int(t.tm_year + 1900), Value::from_int(t.tm_mon + 1),
                            Value::from_int(t.tm_mday), Value::from_int(t.tm_hour),
                            Value::from_int(t.tm_min), Value::from_int(t.tm_sec),
                            Value::from_int((t.tm_wday + 6) % 7), Value::from_int(t.tm_yday + 1),
                            Value::from_int(t.tm_isdst)}));
}

// The optional `secs` argument of localtime()/gmtime()/ctime().
bool time_arg(ThreadState& ts, const Args& a, const char* name, time_t& out) {
  if (a.size() > 1)
    return !raise_fmt(ts, ts.interp.types.TypeError, "{} expected at most 1 argument, got {}", name,
                      a.size()).is_fail();
  if (a.size() == 0 || a[0].is_none()) {
    out = time(nullptr);
    return true;
  }
  double d;
  if (!seconds_arg(ts, a[0], d)) return false;
  out = static_cast<time_t>(d);
  return true;
}

Value t_localtime(ThreadState& ts, Value self, const Args& a) {
  time_t t;
  if (!time_arg(ts, a, "localtime", t)) return Value::fail();
  struct tm tmv;
  if (localtime_r(&t, &tmv) == nullptr)
    return raise(ts, ts.interp.types.OverflowError, "timestamp out of range for platform time_t");
  return tm_tuple(ts, tmv);
}

Value t_gmtime(ThreadState& ts, Value self, const Args& a) {
  time_t t;
  if (!time_arg(ts, a, "gmtime", t)) return Value::fail();
  struct tm tmv;
  if (gmtime_r(&t, &tmv) == nullptr)
    return raise(ts, ts.interp.types.OverflowError, "timestamp out of range for platform time_t");
  return tm_tuple(ts, tmv);
}

// A 9-tuple (year, mon, mday, hour, min, sec, wday, yday, isdst) to struct tm.
bool tuple_tm(ThreadState& ts, Value v, struct tm& out) {
  Tuple* t = as_tuple(v);
  if (t == nullptr || t->items.size() != 9) {
    raise(ts, ts.interp.types.TypeError, "Tuple or struct_time argument required");
    return false;
  }
  std::int64_t f[9];
  for (int i = 0; i < 9; ++i) {
    auto n = to_index(ts, t->items[i]);
    if (!n) return false;
    f[i] = *n;
  }
  std::memset(&out, 0, sizeof out);
  out.tm_year = static_cast<int>(f[0] - 1900);
  out.tm_mon = static_cast<int>(f[1] - 1);
  out.tm_mday = static_cast<int>(f[2]);
  out.tm_hour = static_cast<int>(f[3]);
  out.tm_min = static_cast<int>(f[4]);
  out.tm_sec = static_cast<int>(f[5]);
  out.tm_wday = static_cast<int>((f[6] + 1) % 7);
  out.tm_yday = static_cast<int>(f[7] - 1);
  out.tm_isdst = static_cast<int>(f[8]);
  return true;
}

Value t_strftime(ThreadState& ts, Value self, const Args& a) {
  if (a.size() < 1 || a.size() > 2)
    return raise_fmt(ts, ts.interp.types.TypeError, "strftime expected {} arguments, got {}",
                     a.size() < 1 ? "at least 1" : "at most 2", a.size());
  Str* f = as_str(a[0]);
  if (f == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "strftime() argument 1 must be str, not {}",
                     type_name(ts, a[0]));
  struct tm tmv;
  if (a.size() == 2) {
    if (!tuple_tm(ts, a[1], tmv)) return Value::fail();
  } else {
    time_t now = time(nullptr);
    localtime_r(&now, &tmv);
  }
  if (f->s.empty()) return new_str(ts, "");
  std::string buf(256, '\0');
  for (;;) {
    std::size_t n = strftime(buf.data(), buf.size(), f->s.c_str(), &tmv);
    if (n > 0 || buf.size() > 65536) {
      buf.resize(n);
      return new_str(ts, std::move(buf));
    }
    buf.resize(buf.size() * 4);
  }
}

Value t_ctime(ThreadState& ts, Value self, const Args& a) {
  time_t t;
  if (!time_arg(ts, a, "ctime", t)) return Value::fail();
  struct tm tmv;
  localtime_r(&t, &tmv);
  char buf[64];
  std::size_t n = strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tmv);
  return new_str(ts, std::string(buf, n));
}

Value t_mktime(ThreadState& ts, Value self, const Args& a) {
  if (a.size() != 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "time.mktime() takes exactly one argument ({} given)",
                     a.size());
  struct tm tmv;
  if (!tuple_tm(ts, a[0], tmv)) return Value::fail();
  time_t t = mktime(&tmv);
  if (t == static_cast<time_t>(-1))
    return raise(ts, ts.interp.types.OverflowError, "mktime argument out of range");
  return Value::from_float(static_cast<double>(t));
}

const MethodDef kTimeFunctions[] = {
    {"time", t_time},
    {"time_ns", t_time_ns},
    {"perf_counter", t_perf_counter},
    {"perf_counter_ns", t_perf_counter_ns},
    {"monotonic", t_monotonic},
    {"monotonic_ns", t_monotonic_ns},
    {"process_time", t_process_time},
    {"process_time_ns", t_process_time_ns},
    {"thread_time", t_thread_time},
    {"thread_time_ns", t_thread_time_ns},
    {"sleep", t_sleep},
    {"localtime", t_localtime},
    {"gmtime", t_gmtime},
    {"strftime", t_strftime},
    {"ctime", t_ctime},
    {"mktime", t_mktime},
};

}  // namespace

bool init_time_module(ThreadState& ts, Dict* d) {
  add_functions(ts.interp, d, kTimeFunctions);
  tzset();
  dict_set_cstr(ts.interp, d, "timezone", Value::from_int(timezone));
  dict_set_cstr(ts.interp, d, "daylight", Value::from_int(daylight));
  return true;
}

}  // namespace gilvm
