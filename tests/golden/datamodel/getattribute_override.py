# __getattribute__ overrides every lookup; object.__getattribute__ is callable from it; __getattr__ runs only after an AttributeError.
class G:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name == "virtual":
            return "from getattribute"
        if name == "broken":
            raise KeyError("not an AttributeError")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
    def method(self):
        return "method"

g = G()
print(g.virtual)  # expect: from getattribute
print(g.real)  # expect: 1
print(g.method())  # expect: method
print(g.missing)  # expect: fallback missing
try:
    g.broken
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'not an AttributeError'

class NoFallback:
    def __getattribute__(self, name):
        raise AttributeError("custom " + name)

try:
    NoFallback().x
except AttributeError as e:
    print(e)  # expect: custom x
print(hasattr(NoFallback(), "x"))  # expect: False
