# Subscripting None.
def find(items, key):
    return items.get(key)
value = find({'a': [1]}, 'b')
print(value)  # expect: None
value[0]
# error: TypeError: 'NoneType' object is not subscriptable
