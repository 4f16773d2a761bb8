# A block statement followed by no indented block.
print("never printed")
if True:
print("x")
# error: IndentationError
