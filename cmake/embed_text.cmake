# Turns one text file into a C++ source that defines
#   extern const char* const SYMBOL;   (in namespace gilvm)
# holding its contents, so the binary needs no data files at run time (the
# GIL timeline page's template, interpreter/trace/timeline.html).
# Run by CMake in script mode: cmake -DIN=... -DOUT=... -DSYMBOL=... -P embed_text.cmake
file(READ ${IN} text)
file(WRITE ${OUT}.tmp
"// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.
namespace gilvm {
extern const char* const ${SYMBOL};
const char* const ${SYMBOL} = R\"gilvm_text(${text})gilvm_text\";
}  // namespace gilvm
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
