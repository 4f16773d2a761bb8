# zip stops at the shortest generator.
def letters():
    yield from "abcdef"
def three():
    yield 1
    yield 2
    yield 3
print(list(zip(letters(), three())))  # expect: [('a', 1), ('b', 2), ('c', 3)]
print(dict(zip(three(), letters())))  # expect: {1: 'a', 2: 'b', 3: 'c'}
