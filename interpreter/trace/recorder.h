// The GIL trace recorder: what --gil-trace and --gil-timeline write, and
// what gil.start_trace() collects.
//
// The GIL's accounting (vm/gil_account.h) calls the recorder, a GilObserver
// (vm/gil.h), under
// Gil::mu, each time a thread changes state (a slice: thread, start,
// duration, state, what it was blocked in, the source line), when a waiter
// asks the holder to drop the GIL and when the GIL changes hands. The
// recorder keeps slices in memory for the timeline page, merging a thread's
// consecutive short slices once there are too many (so that a long program
// still makes a page of a few MB), and, with a Chrome trace file open,
// also streams each event to it as it happens: the file is a JSON array
// that Perfetto and chrome://tracing load even when the closing bracket is
// missing, so a program that dies midway still leaves a loadable trace.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "vm/gil.h"
#include "vm/gil_account.h"

namespace gilvm {

struct TraceSlice {
  int serial;
  std::int64_t start_ns;  // since the recorder's t0
  std::int64_t dur_ns;
  RunState state;
  int what;    // index into strings (0: none)
  int where;   // index into strings (0: unknown)
  int merged;  // slices merged into this one
};

struct TraceDrop {
  std::int64_t t_ns;
  int requester;
  int holder;
};

struct TraceSwitch {
  std::int64_t t_ns;
  int from;
  int to;
  bool forced;
};

// `s` as a JSON string literal, safe to inline in an HTML <script>.
std::string json_quote(const std::string& s);

class TraceRecorder final : public GilObserver {
 public:
  // Starts recording at `t0_ns`; with `json_path`, streams a Chrome trace
  // there (an error message in `error` when it cannot be created).
  TraceRecorder(std::int64_t t0_ns, const std::string& json_path, std::string& error);
  ~TraceRecorder();

  // The GilObserver calls (vm/gil.h), under Gil::mu.
  void slice(int serial, std::int64_t start_ns, std::int64_t end_ns, RunState state, const char* what,
             const std::string& where) override;
  void drop_request(std::int64_t t_ns, int requester, int holder) override;
  void gil_switch(std::int64_t t_ns, int from, int to, bool forced) override;
  void thread_name(int serial, const std::string& name) override;
  void waiting_count(std::int64_t t_ns, int waiters) override;
  // Writes the closing bracket and closes the Chrome trace file.
  void finish(std::int64_t end_ns);

  std::int64_t t0_ns() const { return t0_; }
  std::int64_t end_ns() const { return end_; }
  const std::vector<TraceSlice>& slices() const { return slices_; }
  const std::vector<TraceDrop>& drops() const { return drops_; }
  const std::vector<TraceSwitch>& switches() const { return switches_; }
  const std::vector<std::string>& strings() const { return strings_; }
  const std::map<int, std::string>& names() const { return names_; }

 private:
  int intern(const std::string& s);
  void emit(const std::string& event);
  void merge_short_slices();

  std::int64_t t0_;
  std::int64_t end_ = 0;
  std::FILE* json_ = nullptr;
  bool first_event_ = true;
  std::int64_t last_flush_ns_ = 0;
  std::string buffer_;
  std::vector<TraceSlice> slices_;
  std::vector<TraceDrop> drops_;
  std::vector<TraceSwitch> switches_;
  std::vector<std::string> strings_{""};
  std::map<std::string, int> string_index_;
  std::map<int, std::string> names_;
  std::size_t merge_limit_;
  std::int64_t merge_below_ns_ = 0;
};

}  // namespace gilvm
