// The import system (Python Language Reference §5 "The import system", in
// the small form gilvm needs): sys.modules, then native modules
// (modules/registry.h), then stdlib/ embedded in the binary, then .py files
// on sys.path (the script's folder first). Packages are folders with an
// __init__.py. Relative imports are refused by name.
#pragma once

#include <string>
#include <string_view>

#include "vm/interp.h"

namespace gilvm {

// IMPORT_NAME: imports `name` (dotted) and returns the top-level package,
// or the module itself when `fromlist` is a non-empty tuple or True.
Value import_name(ThreadState& ts, Str* name, Value fromlist, int level, Dict* globals);
// IMPORT_FROM: `from module import name`.
Value import_from(ThreadState& ts, Value module, Str* name);
// IMPORT_STAR: copies the module's public names into `target`.
bool import_star(ThreadState& ts, Value module, Dict* target);
// Imports one module by its full dotted name and returns it.
Value import_module(ThreadState& ts, std::string_view name);

// Compiles `source` and runs it as module code in `globals`. Returns the
// result of the code (None for modules) or Fail.
Value exec_source(ThreadState& ts, std::string_view source, const std::string& filename, Dict* globals,
                  bool interactive = false);

// Runs module or expression code in a new entry frame, names looked up in
// `locals` (when non-null) then `globals`. The caller roots `code`.
Value run_code(ThreadState& ts, CodeObject* code, Dict* globals, Dict* locals);

// `path` made absolute as CPython does it for the main script and for
// sys.path entries (Python/fileutils.c _Py_abspath, importlib's
// _path_abspath): the current directory joined to a relative path, not
// normalised ("./x.py" stays "/cwd/./x.py") and symlinks not resolved.
// "" is the current directory. Returns `path` as it is when the current
// directory cannot be read.
std::string absolute_path(const std::string& path);
// The folder a sys.path entry names, as importlib's FileFinder has it:
// absolute_path(entry) without trailing slashes. Modules found there (by
// import and by -m) get their __file__ from it.
std::string sys_path_dir(const std::string& entry);

// Makes a new module object whose dict has __name__ (and __file__ when
// `file` is non-empty).
Module* new_module(ThreadState& ts, std::string_view name, std::string_view file);

}  // namespace gilvm
