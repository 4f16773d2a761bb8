# CPython's errors for an impossible MRO, a duplicate base and an instance lay-out conflict.
class A: pass
class B: pass
class X(A, B): pass
try:
    class Y(B, X): pass
except TypeError as e:
    print(e)
# expect: Cannot create a consistent method resolution
# expect: order (MRO) for bases B, X
try:
    class C(A, B, A): pass
except TypeError as e:
    print(e)  # expect: duplicate base class A
import asyncio
try:
    class E(ValueError, asyncio.Future): pass
except TypeError as e:
    print(e)  # expect: multiple bases have instance lay-out conflict
