# Runtime errors of class patterns, with CPython's messages; a missing
# attribute is simply no match.
class NoArgs:
    pass
class BadArgs:
    __match_args__ = ["a"]
class P:
    __match_args__ = ("a",)
    a = 1
def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
def m1():
    match NoArgs():
        case NoArgs(x):
            return x
def m2():
    match BadArgs():
        case BadArgs(x):
            return x
def m3():
    match P():
        case P(x, a=y):
            return x
def m4():
    match 5:
        case int(a, b):
            return a
def m5():
    match P():
        case P(missing=1):
            return "matched"
        case _:
            return "no attribute, no match"
def m6():
    notaclass = len
    match 5:
        case notaclass():
            return 1
for f in (m1, m2, m3, m4, m5, m6):
    attempt(f)
# expect: TypeError: NoArgs() accepts 0 positional sub-patterns (1 given)
# expect: TypeError: BadArgs.__match_args__ must be a tuple (got list)
# expect: TypeError: P() got multiple sub-patterns for attribute 'a'
# expect: TypeError: int() accepts 1 positional sub-pattern (2 given)
# expect: no attribute, no match
# expect: TypeError: called match pattern must be a type
