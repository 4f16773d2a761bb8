# Exceptions pickle as BaseException.__reduce__ does: (type, args[, __dict__]), and come back equal.
import pickle


class AppError(ValueError):
    pass


for e in [ValueError("bad"), KeyError(1), AppError("x", 2), ZeroDivisionError()]:
    d = pickle.dumps(e)
    print(d)
    back = pickle.loads(d)
    print(type(back).__name__, back.args, repr(str(back)))
e = AppError("with state")
e.code = 42
back = pickle.loads(pickle.dumps(e))
print(back.code, back.args)

# The output:
# expect: b'\x80\x04\x95%\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\nValueError\x94\x93\x94\x8c\x03bad\x94\x85\x94R\x94.'
# expect: ValueError ('bad',) 'bad'
# expect: b'\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x08KeyError\x94\x93\x94K\x01\x85\x94R\x94.'
# expect: KeyError (1,) '1'
# expect: b'\x80\x04\x95#\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x08AppError\x94\x93\x94\x8c\x01x\x94K\x02\x86\x94R\x94.'
# expect: AppError ('x', 2) "('x', 2)"
# expect: b'\x80\x04\x95%\x00\x00\x00\x00\x00\x00\x00\x8c\x08builtins\x94\x8c\x11ZeroDivisionError\x94\x93\x94)R\x94.'
# expect: ZeroDivisionError () ''
# expect: 42 ('with state',)
