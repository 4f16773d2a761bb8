// Exception-object helpers the attribute and repr code use (the raising API
// itself is in vm/api.h).
#pragma once

#include "vm/object.h"

namespace gilvm {

// Special attributes of exceptions (args, __cause__, value, errno, ...):
// Null when `name` is not one of them.
Value exception_getattr(ThreadState& ts, Exception* e, Str* name);
// Sets a special attribute; false when `name` is not one (or on error, with
// an exception pending).
bool exception_setattr(ThreadState& ts, Exception* e, Str* name, Value v);
// str(e)
Value exception_str(ThreadState& ts, Exception* e);

}  // namespace gilvm
