# Literal patterns (numbers, strings, negative numbers, None/True/False by
# identity) and the wildcard default.
def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case "go" | "run":
            return "verb"
        case None:
            return "none"
        case True:
            return "true"
        case 2.5:
            return "two and a half"
        case _:
            return "other"
for v in (0, -1, "go", "run", None, True, 1, 2.5, "stop", 0.0, False):
    print(repr(v), describe(v))
# expect: 0 zero
# expect: -1 minus one
# expect: 'go' verb
# expect: 'run' verb
# expect: None none
# expect: True true
# expect: 1 other
# expect: 2.5 two and a half
# expect: 'stop' other
# expect: 0.0 zero
# expect: False zero
