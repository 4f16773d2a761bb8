// Exception-object helpers the attribute and repr code use (the raising API
// itself is in vm/api.h).
#pragma once

#include "vm/object.h"

namespace gilvm {

struct Interpreter;

// Special attributes of exceptions (args, __cause__, value, errno, ...):
// Null when `name` is not one of them.
Value exception_getattr(ThreadState& ts, Exception* e, Str* name);
// Sets a special attribute; false when `name` is not one (or on error, with
// an exception pending).
bool exception_setattr(ThreadState& ts, Exception* e, Str* name, Value v);
// str(e)
Value exception_str(ThreadState& ts, Exception* e);

// The OSError subclass CPython picks for an errno value (Objects/exceptions.c
// errnomap: ENOENT -> FileNotFoundError, EPIPE -> BrokenPipeError, ...);
// OSError itself for an errno without one. OSError(errno, strerror) makes
// an instance of this class, as in CPython; raise_os_error (runtime/file.h)
// raises one.
Type* os_error_type(Interpreter& interp, int err);

}  // namespace gilvm
