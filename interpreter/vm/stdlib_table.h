// The modules of stdlib/**/*.py, embedded in the binary at build time by
// cmake/embed_stdlib.cmake (as Wren embeds wren_core.wren).
#pragma once

namespace gilvm {

struct EmbeddedModule {
  const char* name;    // module name, e.g. "threading" or "concurrent.futures"; null ends the table
  const char* file;    // its path under stdlib/, e.g. "concurrent/futures/__init__.py"
  const char* source;  // its Python source
  bool package;        // an __init__.py: the module gets a __path__, its submodules are entries too
};

extern const EmbeddedModule kEmbeddedStdlib[];

}  // namespace gilvm
