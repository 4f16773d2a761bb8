# The as target can be any assignment target, including a tuple.
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return None
with Pair() as (x, y):
    print(x + y)  # expect: 3
store = {}
with Pair() as store['p']:
    pass
print(store)  # expect: {'p': (1, 2)}
