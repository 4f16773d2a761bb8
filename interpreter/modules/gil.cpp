// modules/gil.cpp — the `gil` module: the GIL's accounting, seen from inside
// a program (CPython has no such module; samples import it guarded by
// try/except ImportError so that they still run under python3).
//
//   gil.stats()        the figures of --gil-stats as a dict: per thread (a
//                      list of dicts, in order of creation) the seconds
//                      running, waiting for the GIL and blocked, what it was
//                      blocked in, acquisitions, forced drops, releases,
//                      drop requests, the longest wait, time to yield after
//                      a drop request, and whom it waited for; overall the
//                      switches, drop requests, wall time and how busy the
//                      GIL was.
//   gil.holder()       the name of the thread holding the GIL: the caller's,
//                      since a thread must hold the GIL to ask.
//   gil.waiting()      the names of the threads waiting for it now.
//   gil.start_trace(path=None)
//   gil.stop_trace()   record the GIL's events around a region of code (a
//                      Chrome trace streamed to `path` if given, and the
//                      data for --gil-timeline); stop_trace() returns counts.
//
// Every figure comes from gil_snapshot() (vm/gil.h), a consistent copy
// taken under the GIL's own mutex.
#include <string>

#include "modules/registry.h"
#include "trace/recorder.h"
#include "trace/reports.h"
#include "trace/stats_table.h"
#include "vm/api.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

double secs(std::int64_t ns) { return static_cast<double>(ns) / 1e9; }

Value fsecs(std::int64_t ns) { return Value::from_float(secs(ns)); }

Value name_str(ThreadState& ts, const GilSnapshot& s, int serial) { return new_str(ts, thread_label(s, serial)); }

// The collector runs only at safe points, never inside a native call, so
// the objects built here need no rooting while the dict grows.
Dict* thread_dict(ThreadState& ts, const GilSnapshot& s, const GilAccount& a) {
  Interpreter& in = ts.interp;
  Dict* d = new_dict(ts);
  auto set = [&](const char* k, Value v) { dict_set_cstr(in, d, k, v); };
  set("name", name_str(ts, s, a.serial));
  set("alive", Value::from_bool(a.state != RunState::Off));
  set("running", fsecs(a.running_ns()));
  set("waiting", fsecs(a.waiting_ns()));
  set("blocked", fsecs(a.blocked_ns()));
  Dict* in_what = new_dict(ts);
  for (const auto& [what, ns] : a.blocked_in) dict_set_cstr(in, in_what, what, fsecs(ns));
  set("blocked_in", Value::from_obj(in_what));
  set("acquisitions", Value::from_int(static_cast<std::int64_t>(a.acquisitions)));
  set("forced_drops", Value::from_int(static_cast<std::int64_t>(a.forced_drops)));
  set("releases", Value::from_int(static_cast<std::int64_t>(a.releases)));
  set("drop_requests", Value::from_int(static_cast<std::int64_t>(a.drop_requests)));
  set("longest_wait", fsecs(a.longest_wait_ns));
  set("yield_mean", a.yields == 0 ? Value::none() : fsecs(a.yield_sum_ns / static_cast<std::int64_t>(a.yields)));
  set("yield_max", a.yields == 0 ? Value::none() : fsecs(a.yield_max_ns));
  Dict* waited = new_dict(ts);
  for (const auto& [holder, ns] : a.waited_for) dict_set_cstr(in, waited, thread_label(s, holder).c_str(), fsecs(ns));
  set("waited_for", Value::from_obj(waited));
  return d;
}

Value gil_stats(ThreadState& ts, Value, const Args& a) {
  Interpreter& in = ts.interp;
  GilSnapshot s = gil_snapshot(in);
  Dict* d = new_dict(ts);
  auto set = [&](const char* k, Value v) { dict_set_cstr(in, d, k, v); };
  std::int64_t wall = s.wall_ns();
  List* threads = new_list(ts);
  for (const GilAccount& acct : s.threads) threads->items.push_back(Value::from_obj(thread_dict(ts, s, acct)));
  set("mode", new_str(ts, gil_mode_name(in.gil.mode.load())));
  set("switch_interval", Value::from_float(static_cast<double>(in.gil.interval_us.load()) / 1e6));
  set("wall", fsecs(wall));
  set("busy", Value::from_float(wall > 0 ? static_cast<double>(s.running_ns()) / static_cast<double>(wall) : 0.0));
  set("switches", Value::from_int(static_cast<std::int64_t>(s.totals.switches)));
  set("forced_switches", Value::from_int(static_cast<std::int64_t>(s.totals.forced_switches)));
  set("drop_requests", Value::from_int(static_cast<std::int64_t>(s.totals.drop_requests)));
  set("threads", Value::from_obj(threads));
  set("verdict", new_str(ts, stats_verdict(s)));
  return Value::from_obj(d);
}

Value gil_holder(ThreadState& ts, Value, const Args& a) {
  GilSnapshot s = gil_snapshot(ts.interp);
  return s.holder == 0 ? Value::none() : name_str(ts, s, s.holder);
}

Value gil_waiting(ThreadState& ts, Value, const Args& a) {
  GilSnapshot s = gil_snapshot(ts.interp);
  List* l = new_list(ts);
  for (int serial : s.waiters) l->items.push_back(name_str(ts, s, serial));
  return Value::from_obj(l);
}

Value gil_start_trace(ThreadState& ts, Value, const Args& a) {
  Interpreter& in = ts.interp;
  std::string path;
  if (!a[0].is_null() && !a[0].is_none()) {
    Str* p = as_str(a[0]);
    if (p == nullptr) return raise_fmt(ts, in.types.TypeError, "start_trace() path must be str, not {}", type_name(ts, a[0]));
    path = p->s;
  }
  if (in.gil.observer != nullptr) return raise(ts, in.types.RuntimeError, "a GIL trace is already being recorded");
  std::string error = start_gil_recording(in, path);
  if (!error.empty()) return raise(ts, in.types.OSError, error);
  return Value::none();
}

Value gil_stop_trace(ThreadState& ts, Value, const Args& a) {
  Interpreter& in = ts.interp;
  if (!stop_gil_recording(in)) return raise(ts, in.types.RuntimeError, "no GIL trace is being recorded");
  const TraceRecorder& r = *in.trace;
  std::int64_t forced = 0;
  for (const TraceSwitch& w : r.switches()) forced += w.forced ? 1 : 0;
  Dict* d = new_dict(ts);
  dict_set_cstr(in, d, "slices", Value::from_int(static_cast<std::int64_t>(r.slices().size())));
  dict_set_cstr(in, d, "switches", Value::from_int(static_cast<std::int64_t>(r.switches().size())));
  dict_set_cstr(in, d, "forced_switches", Value::from_int(forced));
  dict_set_cstr(in, d, "drop_requests", Value::from_int(static_cast<std::int64_t>(r.drops().size())));
  dict_set_cstr(in, d, "duration", fsecs(r.end_ns() - r.t0_ns()));
  return Value::from_obj(d);
}

constexpr MethodDef kGilFunctions[] = {
    {"stats", gil_stats, "", Style::NoArgs},
    {"holder", gil_holder, "", Style::NoArgs},
    {"waiting", gil_waiting, "", Style::NoArgs},
    {"start_trace", gil_start_trace, "path=None, /", Style::Positional},
    {"stop_trace", gil_stop_trace, "", Style::NoArgs},
};

}  // namespace

bool init_gil_module(ThreadState& ts, Dict* d) {
  add_functions(ts.interp, d, kGilFunctions);
  return true;
}

}  // namespace gilvm
