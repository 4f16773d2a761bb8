# A metaclass __call__ decides what calling the class does (a singleton); super().__call__ makes the instance.
class Singleton(type):
    def __call__(cls, *args, **kw):
        if not hasattr(cls, "_instance"):
            cls._instance = super().__call__(*args, **kw)
        return cls._instance

class Config(metaclass=Singleton):
    def __init__(self, value):
        print("init", value)
        self.value = value

a = Config(1)  # expect: init 1
b = Config(2)
print(a is b, b.value)  # expect: True 1
