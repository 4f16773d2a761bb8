# open() with a wrong call: CPython's binder messages (unknown keyword with the file missing, doubled argument).
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

attempt(lambda: open(x=1))
attempt(lambda: open("f.txt", file="g.txt"))
attempt(lambda: open(1, 2, 3, 4, 5, 6, 7, 8, 9))
# expect: open() missing required argument 'file' (pos 1)
# expect: argument for open() given by name ('file') and position (1)
# expect: open() takes at most 8 arguments (9 given)
