# __init_subclass__ is an implicit classmethod and receives the class keyword arguments; unconsumed ones reach object's.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name
        Plugin.registry.append(cls.__name__)

class Csv(Plugin, name="csv"):
    pass
class Json(Plugin):
    pass
print(Plugin.registry, Csv.plugin_name, Json.plugin_name)  # expect: ['Csv', 'Json'] csv None
try:
    class Bad(Plugin, name="x", extra=1):
        pass
except TypeError as e:
    print(e)  # expect: Bad.__init_subclass__() takes no keyword arguments
try:
    class Plain(flag=1):
        pass
except TypeError as e:
    print(e)  # expect: Plain.__init_subclass__() takes no keyword arguments
