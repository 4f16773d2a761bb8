# Mapping patterns: required keys, extra keys allowed, **rest, value
# patterns on keys' values, and dotted-name keys.
class Keys:
    NAME = "name"
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", Keys.NAME: name, **rest}:
            return f"key {name} rest {rest}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
print(handle({"type": "click", "pos": (1, 2), "extra": 0}))
print(handle({"type": "key", "name": "q", "mod": "ctrl", "n": 1}))
print(handle({"type": "click", "pos": 5}))
print(handle({}))
print(handle([("type", "click")]))
# expect: click at 1,2
# expect: key q rest {'mod': 'ctrl', 'n': 1}
# expect: some mapping
# expect: some mapping
# expect: not a mapping
