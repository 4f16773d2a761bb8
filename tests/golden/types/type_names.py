# types names the interpreter's own types
import types, sys
def f():
    yield 1
class C:
    def m(self):
        pass
print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType)
print(type(f()) is types.GeneratorType, type(C().m) is types.MethodType)
print(type(len) is types.BuiltinFunctionType, type(sys) is types.ModuleType)
print(type(None) is types.NoneType, type(...) is types.EllipsisType, type(NotImplemented) is types.NotImplementedType)
print(types.FunctionType, types.MethodType, types.ModuleType, types.GeneratorType)
print(isinstance(f.__code__, types.CodeType))

# expect: True True
# expect: True True
# expect: True True
# expect: True True True
# expect: <class 'function'> <class 'method'> <class 'module'> <class 'generator'>
# expect: True
