# Value patterns (dotted names compared with ==), or-patterns binding the
# same name, guards that see the captures, and the subject as a tuple.
class Color:
    RED = "red"
    GREEN = "green"
def paint(c, shade):
    match c, shade:
        case Color.RED, s if s > 5:
            return "dark red"
        case Color.RED, _:
            return "red"
        case (Color.GREEN, s) | (s, Color.GREEN):
            return f"green with {s}"
        case other:
            return f"other {other}"
print(paint("red", 9), paint("red", 1), paint("green", 3), paint(3, "green"), paint("blue", 0))
n = 0
while True:
    match n:
        case 3:
            break
        case x if x % 2:
            print("odd", x)
    n += 1
# expect: dark red red green with 3 green with 3 other ('blue', 0)
# expect: odd 1
