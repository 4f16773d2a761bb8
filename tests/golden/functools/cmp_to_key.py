# functools.cmp_to_key turns an old-style comparison into a sort key
import functools
def by_len_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)
words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'plum']
print(sorted(words, key=functools.cmp_to_key(by_len_then_reverse)))
print(max([3, 9, 4], key=functools.cmp_to_key(lambda a, b: b - a)))
K = functools.cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))

# expect: ['fig', 'plum', 'pear', 'kiwi', 'date', 'apple']
# expect: 3
# expect: True True False
