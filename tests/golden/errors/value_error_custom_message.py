# Raising ValueError with a formatted message.
def parse_age(s):
    n = int(s)
    if n < 0:
        raise ValueError(f"age must be >= 0, got {n}")
    return n
print(parse_age("5"))  # expect: 5
parse_age("-3")
# error: ValueError: age must be >= 0, got -3
