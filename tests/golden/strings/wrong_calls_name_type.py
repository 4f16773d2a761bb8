# str methods refusing keywords name the type, as CPython's do (str.strip(), str.maketrans()).
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

attempt(lambda: "ab".strip(chars="a"))
attempt(lambda: "ab".replace("a", "b", count=1))
attempt(lambda: "ab".rjust(width=3))
attempt(lambda: str.maketrans(x={}))
print("xaby".strip("xy"), "ab".rjust(4, "*"), str.maketrans("a", "b"))
# expect: str.strip() takes no keyword arguments
# expect: str.replace() takes no keyword arguments
# expect: str.rjust() takes no keyword arguments
# expect: str.maketrans() takes no keyword arguments
# expect: ab **ab {97: 98}
