# Class decorators receive and return the class.
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Alpha:
    pass
@register
class Beta(Alpha):
    pass
print(registry, Alpha.registered, Beta().registered)  # expect: ['Alpha', 'Beta'] True True
