// The --gil-stats table; see stats_table.h.
#include "trace/stats_table.h"

#include <algorithm>

#include <fmt/format.h>

namespace gilvm {

namespace {

std::string ms(std::int64_t ns) {
  double v = static_cast<double>(ns) / 1e6;
  if (v >= 1000) return fmt::format("{:.2f} s", v / 1000);
  if (v >= 100) return fmt::format("{:.0f} ms", v);
  if (v >= 10) return fmt::format("{:.1f} ms", v);
  return fmt::format("{:.2f} ms", v);
}

std::string pct(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "0%";
  return fmt::format("{:.0f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}


}  // namespace

std::string thread_label(const GilSnapshot& s, int serial) {
  for (const GilAccount& a : s.threads) {
    if (a.serial == serial) return a.name.empty() ? fmt::format("Thread {}", serial) : a.name;
  }
  return fmt::format("Thread {}", serial);
}

std::vector<std::string> stats_columns() {
  return {"thread", "running", "waiting", "blocked", "acquired", "forced", "released",
          "longest wait", "yield mean/max"};
}

std::vector<StatsRow> stats_rows(const GilSnapshot& s) {
  std::vector<StatsRow> rows;
  for (const GilAccount& a : s.threads) {
    std::int64_t total = a.total_ns();
    std::int64_t blocked = a.blocked_ns();
    std::int64_t run = a.running_ns();
    std::int64_t wait = a.waiting_ns();
    StatsRow r;
    r.cells = {
        thread_label(s, a.serial),
        fmt::format("{} {}", ms(run), pct(run, total)),
        fmt::format("{} {}", ms(wait), pct(wait, total)),
        fmt::format("{} {}", ms(blocked), pct(blocked, total)),
        std::to_string(a.acquisitions),
        std::to_string(a.forced_drops),
        std::to_string(a.releases),
        ms(a.longest_wait_ns),
        a.yields == 0 ? std::string("-")
                      : fmt::format("{} / {}", ms(a.yield_sum_ns / static_cast<std::int64_t>(a.yields)),
                                    ms(a.yield_max_ns)),
    };
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string stats_verdict(const GilSnapshot& s) {
  std::int64_t waiting = 0, total = 0;
  for (const GilAccount& a : s.threads) {
    waiting += a.waiting_ns();
    total += a.total_ns();
  }
  std::string v = fmt::format("GIL busy {}: threads waited {} of their time for the lock", pct(s.running_ns(), s.wall_ns()),
                              pct(waiting, total));
  if (s.threads.size() <= 1) v += " (one thread: nobody to wait)";
  return v;
}

std::string stats_table(const GilSnapshot& s, const std::string& mode, double interval_s) {
  std::vector<std::string> cols = stats_columns();
  std::vector<StatsRow> rows = stats_rows(s);
  std::vector<std::size_t> width(cols.size());
  for (std::size_t c = 0; c < cols.size(); ++c) {
    width[c] = cols[c].size();
    for (const StatsRow& r : rows) width[c] = std::max(width[c], r.cells[c].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c == 0) {
        out += fmt::format("{:<{}}", cells[c], width[c]);
      } else {
        out += fmt::format("  {:>{}}", cells[c], width[c]);
      }
    }
    return out + "\n";
  };
  std::string out = fmt::format("\nGIL statistics (--gil={}, switch interval {:g} ms), wall time {}\n", mode,
                                interval_s * 1000, ms(s.wall_ns()));
  out += line(cols);
  for (const StatsRow& r : rows) out += line(r.cells);
  // Where the blocked time went, and who made whom wait.
  for (const GilAccount& a : s.threads) {
    std::vector<std::pair<const char*, std::int64_t>> b = a.blocked_in;
    std::sort(b.begin(), b.end(), [](auto& x, auto& y) { return x.second > y.second; });
    std::string parts;
    for (auto& [what, ns] : b) parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", what, ms(ns));
    if (!parts.empty()) out += fmt::format("  {} blocked in: {}\n", thread_label(s, a.serial), parts);
  }
  // Who made whom wait: the longest (waiter, holder) pairs of the run.
  struct Pair {
    int waiter, holder;
    std::int64_t ns;
  };
  std::vector<Pair> pairs;
  for (const GilAccount& a : s.threads)
    for (const auto& [holder, ns] : a.waited_for) pairs.push_back({a.serial, holder, ns});
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) { return x.ns > y.ns; });
  constexpr std::size_t kTopPairs = 4;
  for (std::size_t i = 0; i < pairs.size() && i < kTopPairs; ++i)
    out += fmt::format("  {} waited {} for the GIL held by {}\n", thread_label(s, pairs[i].waiter), ms(pairs[i].ns),
                       thread_label(s, pairs[i].holder));
  out += fmt::format("  switches {} ({} forced), drop requests {}\n", s.totals.switches, s.totals.forced_switches,
                     s.totals.drop_requests);
  out += stats_verdict(s) + "\n";
  return out;
}

}  // namespace gilvm
