# Turns stdlib/**/*.py into a C++ table { module name, file, source text,
# is-package } that the importer consults before the file system (see
# interpreter/vm/import.cpp). A file in a folder is a submodule: stdlib/a/b.py
# is the module "a.b", and stdlib/a/__init__.py is the package "a".
# Run by CMake in script mode: cmake -DOUT=... -DSRC_DIR=... -P embed_stdlib.cmake
file(GLOB_RECURSE files RELATIVE ${SRC_DIR} ${SRC_DIR}/*.py)
list(SORT files)
set(body "")
foreach(rel ${files})
  file(READ ${SRC_DIR}/${rel} text)
  string(REGEX REPLACE "\\.py$" "" name ${rel})
  set(package false)
  if(name MATCHES "/__init__$")
    string(REGEX REPLACE "/__init__$" "" name ${name})
    set(package true)
  endif()
  string(REPLACE "/" "." name ${name})
  # A raw string literal with a delimiter no Python source here uses.
  string(APPEND body "    {\"${name}\", \"${rel}\", R\"gilvm_src(${text})gilvm_src\", ${package}},\n")
endforeach()
file(WRITE ${OUT}.tmp
"// Generated from stdlib/**/*.py by cmake/embed_stdlib.cmake. Do not edit.
#include <string_view>
#include \"vm/stdlib_table.h\"
namespace gilvm {
const EmbeddedModule kEmbeddedStdlib[] = {
${body}    {nullptr, nullptr, nullptr, false},
};
}  // namespace gilvm
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
