# Mutable containers are not hashable.
print(hash((1, 'a')) == hash((1, 'a')))  # expect: True
for v in ([1], {}, set()):
    try:
        hash(v)
    except TypeError as e:
        print(e)
# expect: unhashable type: 'list'
# expect: unhashable type: 'dict'
# expect: unhashable type: 'set'
