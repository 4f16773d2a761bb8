# Turns stdlib/*.py into a C++ table { module name, source text } that the
# importer consults before the file system (see interpreter/vm/import.cpp).
# Run by CMake in script mode: cmake -DOUT=... -DSRC_DIR=... -P embed_stdlib.cmake
file(GLOB files ${SRC_DIR}/*.py)
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} text)
  # A raw string literal with a delimiter no Python source here uses.
  string(APPEND body "    {\"${name}\", R\"gilvm_src(${text})gilvm_src\"},\n")
endforeach()
file(WRITE ${OUT}.tmp
"// Generated from stdlib/*.py by cmake/embed_stdlib.cmake. Do not edit.
#include <string_view>
#include \"vm/stdlib_table.h\"
namespace gilvm {
const EmbeddedModule kEmbeddedStdlib[] = {
${body}    {nullptr, nullptr},
};
}  // namespace gilvm
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
