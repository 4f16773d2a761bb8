// The trace recorder; the design is in recorder.h.
#include "trace/recorder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace gilvm {

namespace {

// Slices kept for the timeline before short ones are merged (about 40
// bytes of JSON each on the page: ~5 MB).
constexpr std::size_t kSliceLimit = 120000;
// Drop requests and switches kept for the page, each: past this, every
// second one is dropped (the Chrome trace still gets them all).
constexpr std::size_t kMarkLimit = 40000;

template <typename T>
void thin_out(std::vector<T>& v) {
  if (v.size() <= kMarkLimit) return;
  std::size_t j = 0;
  for (std::size_t i = 0; i < v.size(); i += 2) v[j++] = v[i];
  v.resize(j);
}
// The Chrome trace is written in pieces of this size.
constexpr std::size_t kFlushBytes = std::size_t{64} << 10;
constexpr std::int64_t kFlushNs = 100'000'000;  // 0.1 s

const char* state_name(RunState s) {
  switch (s) {
    case RunState::Running: return "running";
    case RunState::Waiting: return "waiting for the GIL";
    case RunState::Io: return "blocked (GIL released)";
    case RunState::Lock: return "blocked on a lock";
    case RunState::Off: break;
  }
  return "off";
}

std::string us(std::int64_t ns) { return fmt::format("{:.3f}", static_cast<double>(ns) / 1000.0); }

}  // namespace

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '<': out += "\\u003c"; break;  // never "</script>" when inlined in a page
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

TraceRecorder::TraceRecorder(std::int64_t t0_ns, const std::string& json_path, std::string& error)
    : t0_(t0_ns), merge_limit_(kSliceLimit) {
  if (json_path.empty()) return;
  json_ = std::fopen(json_path.c_str(), "w");
  if (json_ == nullptr) {
    error = fmt::format("cannot write the GIL trace to '{}': {}", json_path, std::strerror(errno));
    return;
  }
  std::fputs("[\n", json_);
  emit(R"({"ph":"M","name":"process_name","pid":1,"args":{"name":"gilvm"}})");
}

TraceRecorder::~TraceRecorder() {
  if (json_ != nullptr) finish(end_ != 0 ? end_ : t0_);
}

int TraceRecorder::intern(const std::string& s) {
  if (s.empty()) return 0;
  auto it = string_index_.find(s);
  if (it != string_index_.end()) return it->second;
  int i = static_cast<int>(strings_.size());
  strings_.push_back(s);
  string_index_.emplace(s, i);
  return i;
}

void TraceRecorder::emit(const std::string& event) {
  if (json_ == nullptr) return;
  if (!first_event_) buffer_ += ",\n";
  first_event_ = false;
  buffer_ += event;
  // Written out in pieces, and at least every kFlushNs: a program killed
  // midway leaves all but its last moments in the file.
  std::int64_t now = gil_clock_ns();
  if (buffer_.size() >= kFlushBytes || now - last_flush_ns_ >= kFlushNs) {
    last_flush_ns_ = now;
    std::fwrite(buffer_.data(), 1, buffer_.size(), json_);
    std::fflush(json_);
    buffer_.clear();
  }
}

void TraceRecorder::slice(int serial, std::int64_t start_ns, std::int64_t end_ns, RunState state,
                          const char* what, const std::string& where) {
  std::int64_t start = std::max<std::int64_t>(start_ns - t0_, 0);
  std::int64_t dur = end_ns - std::max(start_ns, t0_);
  if (dur < 0) return;
  int w = what != nullptr ? intern(what) : 0;
  int loc = intern(where);
  slices_.push_back({serial, start, dur, state, w, loc, 1});
  if (slices_.size() > merge_limit_) merge_short_slices();
  if (json_ != nullptr) {
    std::string args;
    if (w != 0) args += ",\"what\":" + json_quote(strings_[static_cast<std::size_t>(w)]);
    if (loc != 0) args += ",\"where\":" + json_quote(strings_[static_cast<std::size_t>(loc)]);
    emit(fmt::format(R"({{"ph":"X","cat":"gil","name":"{}","pid":1,"tid":{},"ts":{},"dur":{},"args":{{"state":"{}"{}}}}})",
                     state_name(state), serial, us(start), us(dur), state_name(state), args));
  }
}

void TraceRecorder::drop_request(std::int64_t t_ns, int requester, int holder) {
  std::int64_t t = t_ns - t0_;
  drops_.push_back({t, requester, holder});
  thin_out(drops_);
  emit(fmt::format(R"({{"ph":"i","s":"t","cat":"gil","name":"drop request","pid":1,"tid":{},"ts":{},"args":{{"holder":{}}}}})",
                   requester, us(t), holder));
}

void TraceRecorder::gil_switch(std::int64_t t_ns, int from, int to, bool forced) {
  std::int64_t t = t_ns - t0_;
  switches_.push_back({t, from, to, forced});
  thin_out(switches_);
  if (forced)
    emit(fmt::format(R"({{"ph":"i","s":"t","cat":"gil","name":"forced switch","pid":1,"tid":{},"ts":{},"args":{{"from":{}}}}})",
                     to, us(t), from));
}

void TraceRecorder::thread_name(int serial, const std::string& name) {
  auto it = names_.find(serial);
  if (it != names_.end() && it->second == name) return;
  names_[serial] = name;
  emit(fmt::format(R"({{"ph":"M","name":"thread_name","pid":1,"tid":{},"args":{{"name":{}}}}})", serial,
                   json_quote(name)));
  emit(fmt::format(R"({{"ph":"M","name":"thread_sort_index","pid":1,"tid":{},"args":{{"sort_index":{}}}}})",
                   serial, serial));
}

void TraceRecorder::waiting_count(std::int64_t t_ns, int waiters) {
  emit(fmt::format(R"({{"ph":"C","name":"threads waiting for the GIL","pid":1,"ts":{},"args":{{"waiting":{}}}}})",
                   us(t_ns - t0_), waiters));
}

void TraceRecorder::finish(std::int64_t end_ns) {
  end_ = end_ns;
  if (json_ == nullptr) return;
  buffer_ += "\n]\n";
  std::fwrite(buffer_.data(), 1, buffer_.size(), json_);
  buffer_.clear();
  std::fclose(json_);
  json_ = nullptr;
}

// Halves the number of slices, about: each thread's consecutive slices
// shorter than a threshold are merged into one, which takes the state that
// had most of its time. The threshold doubles each time this runs.
void TraceRecorder::merge_short_slices() {
  merge_below_ns_ = merge_below_ns_ == 0 ? 50000 : merge_below_ns_ * 2;  // from 50 us
  std::stable_sort(slices_.begin(), slices_.end(),
                   [](const TraceSlice& a, const TraceSlice& b) { return a.serial < b.serial; });
  std::vector<TraceSlice> out;
  out.reserve(slices_.size() / 2);
  std::int64_t dominant_ns = 0;
  for (const TraceSlice& s : slices_) {
    if (!out.empty()) {
      TraceSlice& last = out.back();
      bool same_thread = last.serial == s.serial;
      if (same_thread && last.dur_ns < merge_below_ns_ && s.dur_ns < merge_below_ns_) {
        if (s.dur_ns > dominant_ns) {
          last.state = s.state;
          last.what = s.what;
          last.where = s.where;
          dominant_ns = s.dur_ns;
        }
        last.dur_ns = s.start_ns + s.dur_ns - last.start_ns;
        last.merged += s.merged;
        continue;
      }
    }
    out.push_back(s);
    dominant_ns = s.dur_ns;
  }
  slices_ = std::move(out);
  if (slices_.size() > merge_limit_ / 2) merge_limit_ = slices_.size() * 2;
}

}  // namespace gilvm
