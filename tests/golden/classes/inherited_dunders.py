# Dunder methods are inherited by subclasses.
class Base:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __len__(self):
        return self.v
    def __repr__(self):
        return f"{type(self).__name__}({self.v})"
class Child(Base):
    pass
print(Child(3) == Base(3), len(Child(4)), [Child(1)])  # expect: True 4 [Child(1)]
