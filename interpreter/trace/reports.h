// What gilvm writes about the GIL when a program ends: --gil-stats (a table
// on stderr), --gil-trace (a Chrome trace file, streamed while the program
// runs) and --gil-timeline (a self-contained HTML page, trace/timeline.html
// filled with the run's data). Also the recording that the gil module
// starts and stops from inside a program.
#pragma once

#include <string>

namespace gilvm {

struct Interpreter;
struct ThreadState;
struct GilSnapshot;
class TraceRecorder;

// Starts recording the GIL's events (streaming a Chrome trace to
// `json_path` unless it is empty). Returns an error message, or "".
std::string start_gil_recording(Interpreter& interp, const std::string& json_path);
// Stops the recording, closing its trace file; the recorder stays in
// interp.trace for the timeline. False when nothing was being recorded.
bool stop_gil_recording(Interpreter& interp);
// The data the timeline page draws (its format: trace/timeline.html).
std::string timeline_json(const GilSnapshot& s, const TraceRecorder& r, const std::string& title,
                          const std::string& mode, double interval_s);
// At exit: the table, the trace's end and the page, as the options asked.
void finish_gil_reports(ThreadState& ts);

}  // namespace gilvm
