// The GIL's reports at exit and the recording switch; see reports.h.
#include "trace/reports.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "trace/recorder.h"
#include "trace/stats_table.h"
#include "vm/interp.h"

namespace gilvm {

extern const char* const kTimelineTemplate;  // generated from trace/timeline.html

namespace {

constexpr const char* kPlaceholder = "/*GILVM_TRACE_DATA*/";

// The state's index in the page's "states" list.
int state_index(RunState s) {
  switch (s) {
    case RunState::Running: return 0;
    case RunState::Waiting: return 1;
    case RunState::Io: return 2;
    case RunState::Lock: return 3;
    case RunState::Off: break;
  }
  return 0;
}

bool write_file(const std::string& path, const std::string& text, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0) ok = false;
  if (!ok) error = std::strerror(errno);
  return ok;
}

std::string program_title(const Interpreter& interp) {
  const auto& argv = interp.config.argv;
  if (argv.empty() || argv[0].empty()) return "<stdin>";
  if (argv[0] == "-c") return "-c program";
  return argv[0];
}

}  // namespace

std::string start_gil_recording(Interpreter& interp, const std::string& json_path) {
  Gil& g = interp.gil;
  std::string error;
  auto rec = std::make_unique<TraceRecorder>(gil_clock_ns(), json_path, error);
  if (!error.empty()) return error;
  std::lock_guard<std::mutex> lk(g.mu);
  g.observer = rec.get();
  interp.trace = std::move(rec);
  return "";
}

bool stop_gil_recording(Interpreter& interp) {
  Gil& g = interp.gil;
  TraceRecorder* r;
  {
    std::lock_guard<std::mutex> threads_lk(interp.threads_mu);  // before g.mu, as gil_snapshot()
    std::lock_guard<std::mutex> lk(g.mu);
    // The observer the GIL notifies is interp.trace (start_gil_recording).
    if (g.observer == nullptr) return false;
    r = interp.trace.get();
    // Close every live thread's current slice, so the picture reaches the end.
    std::int64_t now = gil_clock_ns();
    for (ThreadState* t : interp.threads) {
      GilAccount& a = t->acct;
      if (a.serial == 0 || a.state == RunState::Off) continue;
      r->slice(a.serial, a.since_ns, now, a.state, a.what, a.where);
      r->thread_name(a.serial, t->name);
    }
    g.observer = nullptr;
    r->finish(now);
  }
  return true;
}

std::string timeline_json(const GilSnapshot& s, const TraceRecorder& r, const std::string& title,
                          const std::string& mode, double interval_s) {
  // Threads, by serial, in the order the page draws them.
  std::vector<int> serials;
  for (const GilAccount& a : s.threads) serials.push_back(a.serial);
  auto index_of = [&](int serial) {
    for (std::size_t i = 0; i < serials.size(); ++i)
      if (serials[i] == serial) return static_cast<int>(i);
    serials.push_back(serial);
    return static_cast<int>(serials.size() - 1);
  };
  std::string slices;
  std::vector<TraceSlice> sorted = r.slices();
  std::stable_sort(sorted.begin(), sorted.end(), [](const TraceSlice& a, const TraceSlice& b) {
    return a.serial != b.serial ? a.serial < b.serial : a.start_ns < b.start_ns;
  });
  for (const TraceSlice& x : sorted) {
    if (!slices.empty()) slices += ",";
    slices += fmt::format("[{},{},{},{},{},{}", index_of(x.serial), x.start_ns / 1000, std::max<std::int64_t>(x.dur_ns / 1000, 1),
                          state_index(x.state), x.what, x.where);
    slices += x.merged > 1 ? fmt::format(",{}]", x.merged) : "]";
  }
  std::string drops;
  for (const TraceDrop& d : r.drops()) {
    if (!drops.empty()) drops += ",";
    drops += fmt::format("[{},{},{}]", d.t_ns / 1000, index_of(d.requester), index_of(d.holder));
  }
  std::string switches;
  for (const TraceSwitch& w : r.switches()) {
    if (!switches.empty()) switches += ",";
    switches += fmt::format("[{},{},{},{}]", w.t_ns / 1000, index_of(w.from), index_of(w.to), w.forced ? 1 : 0);
  }
  std::string threads;
  for (int serial : serials) {
    if (!threads.empty()) threads += ",";
    threads += fmt::format("{{\"name\":{},\"serial\":{}}}", json_quote(thread_label(s, serial)), serial);
  }
  std::string strings;
  for (const std::string& t : r.strings()) {
    if (!strings.empty()) strings += ",";
    strings += json_quote(t);
  }
  std::string cols;
  for (const std::string& c : stats_columns()) cols += (cols.empty() ? "" : ",") + json_quote(c);
  std::string rows;
  for (const StatsRow& row : stats_rows(s)) {
    std::string cells;
    for (const std::string& c : row.cells) cells += (cells.empty() ? "" : ",") + json_quote(c);
    rows += (rows.empty() ? "[" : ",[") + cells + "]";
  }
  std::int64_t wall_us = (r.end_ns() != 0 ? r.end_ns() : s.now_ns) - r.t0_ns();
  return fmt::format(
      "{{\"version\":1,\"title\":{},\"mode\":{},\"switch_interval_us\":{},\"wall_us\":{},"
      "\"threads\":[{}],\"states\":[\"running\",\"waiting\",\"io\",\"lock\"],\"strings\":[{}],"
      "\"slices\":[{}],\"drops\":[{}],\"switches\":[{}],"
      "\"stats\":{{\"columns\":[{}],\"rows\":[{}],\"verdict\":{}}}}}",
      json_quote(title), json_quote(mode), static_cast<std::int64_t>(interval_s * 1e6 + 0.5), wall_us / 1000,
      threads, strings, slices, drops, switches, cols, rows, json_quote(stats_verdict(s)));
}

void finish_gil_reports(ThreadState& ts) {
  Interpreter& in = ts.interp;
  const Config& c = in.config;
  if (!c.gil_stats && c.gil_trace.empty() && c.gil_timeline.empty()) return;
  stop_gil_recording(in);
  GilSnapshot s = gil_snapshot(in);
  std::string mode = gil_mode_name(c.gil_mode);
  double interval = static_cast<double>(in.gil.interval_us.load()) / 1e6;
  if (c.gil_stats) {
    std::string table = stats_table(s, mode, interval);
    std::fwrite(table.data(), 1, table.size(), stderr);
  }
  if (!c.gil_trace.empty()) std::fprintf(stderr, "gilvm: GIL trace written to %s (open it in https://ui.perfetto.dev or chrome://tracing)\n", c.gil_trace.c_str());
  if (!c.gil_timeline.empty() && in.trace != nullptr) {
    std::string page = kTimelineTemplate;
    std::size_t at = page.find(kPlaceholder);
    std::string data = "window.GILVM_TRACE = " +
                       timeline_json(s, *in.trace, program_title(in), mode, interval) + ";";
    if (at != std::string::npos) page.replace(at, std::strlen(kPlaceholder), data);
    std::string error;
    if (write_file(c.gil_timeline, page, error)) {
      std::fprintf(stderr, "gilvm: GIL timeline written to %s (open it in a web browser)\n", c.gil_timeline.c_str());
    } else {
      std::fprintf(stderr, "gilvm: cannot write the GIL timeline to '%s': %s\n", c.gil_timeline.c_str(), error.c_str());
    }
  }
}

}  // namespace gilvm
