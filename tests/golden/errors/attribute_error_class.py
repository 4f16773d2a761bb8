# Missing attribute on a class object.
class Config:
    debug = True
print(Config.debug)  # expect: True
Config.verbose
# error: AttributeError: type object 'Config' has no attribute 'verbose'
