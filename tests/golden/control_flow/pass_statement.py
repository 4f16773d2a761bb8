# pass does nothing, anywhere a statement is needed.
def f():
    pass
class Empty:
    pass
for _ in range(2):
    pass
if True:
    pass
print(f(), type(Empty()).__name__)  # expect: None Empty
