# Default argument values.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))  # expect: Hello, Ann!
print(greet("Bob", "Hi"))  # expect: Hi, Bob!
print(greet("Cy", punct="?"))  # expect: Hello, Cy?
