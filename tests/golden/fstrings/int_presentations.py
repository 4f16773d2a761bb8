# Integer presentation types and the # flag.
print(f"{255:x} {255:X} {255:o} {5:b}")  # expect: ff FF 377 101
print(f"{255:#x} {255:#o} {5:#b}")  # expect: 0xff 0o377 0b101
print(f"{5:08b}")  # expect: 00000101
print(f"{-255:#x}")  # expect: -0xff
print(f"{65:c}")  # expect: A
print(f"{42:d}")  # expect: 42
