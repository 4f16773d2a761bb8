# repr chooses quotes the way CPython does.
print(repr("abc"))  # expect: 'abc'
print(repr("it's"))  # expect: "it's"
print(repr('say "hi"'))  # expect: 'say "hi"'
print(repr("both ' and \""))  # expect: 'both \' and "'
print(repr(""))  # expect: ''
print(["a", "b'c"])  # expect: ['a', "b'c"]
