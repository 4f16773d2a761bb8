# __getattr__ answers an AttributeError raised by a property; getattr(o, n, default) and hasattr go through __getattr__ too.
class G:
    @property
    def p(self):
        raise AttributeError("nope")
    def __getattr__(self, name):
        if name == "absent":
            raise AttributeError(name)
        return "ga " + name

g = G()
print(g.p)  # expect: ga p
print(getattr(g, "q", "default"))  # expect: ga q
print(getattr(g, "absent", "default"))  # expect: default
print(hasattr(g, "anything"), hasattr(g, "absent"))  # expect: True False

class Plain:
    @property
    def p(self):
        raise AttributeError("from the getter")
try:
    Plain().p
except AttributeError as e:
    print(e)  # expect: from the getter
print(getattr(Plain(), "p", "default"))  # expect: default
