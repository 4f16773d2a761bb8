// modules/registry.cpp — the table of native modules (as CPython's
// Modules/config.c inittab). The importer (vm/import.cpp) looks a name up
// here before stdlib/ and the file system. Adding a native module: one
// ModuleInit function in modules/NAME.cpp, its declaration in registry.h,
// one line here.

#include "modules/registry.h"

#include "runtime/file.h"

namespace gilvm {

namespace {

constexpr NativeModule kModules[] = {
    {"sys", init_sys_module},
    {"time", init_time_module},
    {"math", init_math_module},
    {"random", init_random_module},
    {"_thread", init_thread_module},
    {"hashlib", init_hashlib_module},
    {"zlib", init_zlib_module},
    {"_re", init_re_module},
    {"os", init_os_module},
    {"socket", init_socket_module},
    {"gil", init_gil_module},
    {"signal", init_signal_module},
    {"_multiprocessing", init_multiprocessing_module},
    {"pickle", init_pickle_module},
    {"_subprocess", init_subprocess_module},
    {"mmap", init_mmap_module},
    {"_selector", init_selector_module},
    {"_asyncio", init_asyncio_module},
    {"io", init_io_module},  // declared in runtime/file.h with the file type
};

}  // namespace

std::span<const NativeModule> native_modules() { return kModules; }

}  // namespace gilvm
