# An attribute target of := at statement level is named in the error.
print("never printed")
class A: pass
A.x := 1
# error: SyntaxError: cannot use assignment expressions with attribute
