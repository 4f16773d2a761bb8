# Only a name can be the target of := (an attribute is not).
print("never printed")
class A: pass
if (A.x := 1):
    pass
# error: SyntaxError: cannot use assignment expressions with attribute
