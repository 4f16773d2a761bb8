// Native modules (as CPython's Modules/): each is a name and a function that
// fills a fresh module dict. The importer (vm/import.cpp) consults this table
// before stdlib/ and the file system; a module is created on first import.
#pragma once

#include <span>

namespace gilvm {

struct ThreadState;
struct Dict;

// Fills `module_dict` with the module's functions and constants. Returns
// false with an exception pending on failure.
using ModuleInit = bool (*)(ThreadState& ts, Dict* module_dict);

struct NativeModule {
  const char* name;
  ModuleInit init;
};

std::span<const NativeModule> native_modules();

// One per module file in modules/.
bool init_sys_module(ThreadState& ts, Dict* d);     // modules/sys.cpp
bool init_time_module(ThreadState& ts, Dict* d);    // modules/time.cpp
bool init_math_module(ThreadState& ts, Dict* d);    // modules/math.cpp
bool init_random_module(ThreadState& ts, Dict* d);  // modules/random.cpp
bool init_thread_module(ThreadState& ts, Dict* d);  // modules/thread.cpp (_thread)
bool init_hashlib_module(ThreadState& ts, Dict* d);  // modules/hashlib.cpp
bool init_zlib_module(ThreadState& ts, Dict* d);     // modules/zlib.cpp
bool init_re_module(ThreadState& ts, Dict* d);       // modules/re.cpp
bool init_os_module(ThreadState& ts, Dict* d);      // modules/os.cpp
bool init_socket_module(ThreadState& ts, Dict* d);  // modules/socket.cpp
bool init_gil_module(ThreadState& ts, Dict* d);     // modules/gil.cpp
bool init_signal_module(ThreadState& ts, Dict* d);  // modules/signal.cpp
bool init_multiprocessing_module(ThreadState& ts, Dict* d);  // modules/multiprocessing.cpp (_multiprocessing)
bool init_pickle_module(ThreadState& ts, Dict* d);  // modules/pickle/module.cpp
bool init_subprocess_module(ThreadState& ts, Dict* d);  // modules/subprocess_native.cpp (_subprocess)
bool init_mmap_module(ThreadState& ts, Dict* d);    // modules/mmap.cpp
bool init_selector_module(ThreadState& ts, Dict* d);  // modules/selector.cpp (_selector)
bool init_asyncio_module(ThreadState& ts, Dict* d);   // modules/asyncio/module.cpp (_asyncio)

}  // namespace gilvm
