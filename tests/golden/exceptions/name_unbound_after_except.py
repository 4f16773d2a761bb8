# The `as` name is deleted at the end of the except block.
try:
    raise ValueError("v")
except ValueError as e:
    print("inside", e)  # expect: inside v
try:
    print(e)
except NameError as ne:
    print(ne)  # expect: name 'e' is not defined
