// Start-up of the runtime: each file that defines builtin types' methods or
// a builtin module registers them from one init function, called in this
// order by Interpreter::Interpreter (vm/interp.cpp) after the builtin types
// exist. Adding a type's methods means adding one line here and one there.
#pragma once

namespace gilvm {

struct Interpreter;

void init_object_methods(Interpreter& interp);     // runtime/object_methods.cpp: object, type
void init_int_float_methods(Interpreter& interp);  // runtime/number_methods.cpp: int, float, bool ctors and methods
void init_str_methods(Interpreter& interp);        // runtime/str_methods.cpp: str ctor and methods
void init_bytes_methods(Interpreter& interp);      // runtime/bytes_methods.cpp
void init_list_methods(Interpreter& interp);       // runtime/list_methods.cpp: list, tuple
void init_dict_methods(Interpreter& interp);       // runtime/dict_methods.cpp: dict and its views
void init_set_methods(Interpreter& interp);        // runtime/set_methods.cpp: set, frozenset
void init_exception_methods(Interpreter& interp);  // runtime/exceptions.cpp: BaseException & co
void init_builtins(Interpreter& interp);           // runtime/builtins.cpp: the builtins module
void init_generator_methods(Interpreter& interp);  // vm/generator.cpp
void init_object_getsets(Interpreter& interp);     // vm/object_getsets.cpp: function, code, range... attributes


}  // namespace gilvm
