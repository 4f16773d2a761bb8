// The os module's process calls (modules/os_process.cpp), added to the os
// module's dict by init_os_module.
#pragma once

namespace gilvm {

struct Interpreter;
struct Dict;

void add_os_process_functions(Interpreter& in, Dict* d);

}  // namespace gilvm
