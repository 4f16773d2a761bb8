# gilvm-only
# A negative base to a fractional power is complex in CPython; gilvm has
# no complex type and says so rather than returning a wrong float.
print((-8) ** 2)  # expect: 64
print((-8) ** (1/3))
# error: ValueError: complex numbers are not supported by gilvm
