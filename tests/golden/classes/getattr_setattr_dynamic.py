# Attributes can be read and written by name.
class Cfg:
    debug = False
c = Cfg()
setattr(c, 'level', 3)
print(c.level, getattr(c, 'debug'), getattr(c, 'nope', 'dflt'))  # expect: 3 False dflt
print(hasattr(c, 'level'), hasattr(c, 'nope'), hasattr(Cfg, 'level'))  # expect: True False False
