# An invalid format spec for a type is a ValueError.
print(f"{'ok':>3}")  # expect:  ok
x = "abc"
print(f"{x:d}")
# error: ValueError: Unknown format code 'd' for object of type 'str'
