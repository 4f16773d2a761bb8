// The modules of stdlib/*.py, embedded in the binary at build time by
// cmake/embed_stdlib.cmake (as Wren embeds wren_core.wren).
#pragma once

namespace gilvm {

struct EmbeddedModule {
  const char* name;    // module name, e.g. "threading"; null ends the table
  const char* source;  // its Python source
};

extern const EmbeddedModule kEmbeddedStdlib[];

}  // namespace gilvm
