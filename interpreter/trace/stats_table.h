// The --gil-stats report: the GIL's accounting (vm/gil_account.h) as an
// aligned table with a one-line verdict, for a person reading a terminal.
#pragma once

#include <string>
#include <vector>

#include "vm/gil.h"

namespace gilvm {

// Every figure of one thread, formatted, in the table's column order.
struct StatsRow {
  std::vector<std::string> cells;
};

std::vector<std::string> stats_columns();
std::vector<StatsRow> stats_rows(const GilSnapshot& s);
// "GIL busy 99%: threads waited 48% of their time for the lock".
std::string stats_verdict(const GilSnapshot& s);
// The whole report, ending with a newline. `mode` is "interval" or "legacy".
std::string stats_table(const GilSnapshot& s, const std::string& mode, double interval_s);
// A thread's display name: its name, or "Thread <serial>".
std::string thread_label(const GilSnapshot& s, int serial);

}  // namespace gilvm
