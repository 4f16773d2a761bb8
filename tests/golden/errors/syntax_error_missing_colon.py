# A missing colon after if is a syntax error; nothing runs.
print("never printed")
x = 1
if x == 1
    print("no")
# error: SyntaxError
