# pprint: long strings split at spaces, depth= cuts nesting, recursion marked, saferepr/isreadable/isrecursive
import pprint
text = 'The quick brown fox jumps over the lazy dog and keeps running far away.\nSecond line here.'
pprint.pprint(text, width=30)
pprint.pprint({'k': text}, width=40)
nested = [1, [2, [3, [4, [5]]]], {'a': {'b': {'c': 1}}}]
pprint.pprint(nested, depth=2)
print(pprint.pformat(nested, depth=3))
loop = ['x']
loop.append(loop)
print(pprint.saferepr(loop).replace(str(id(loop)), 'ID'))
print(pprint.isrecursive(loop), pprint.isreadable([1, 'a']), pprint.isreadable(object()))
pprint.pp({'z': 1, 'a': 2})

# expect: ('The quick brown fox jumps '
# expect:  'over the lazy dog and '
# expect:  'keeps running far away.\n'
# expect:  'Second line here.')
# expect: {'k': 'The quick brown fox jumps over '
# expect:       'the lazy dog and keeps running '
# expect:       'far away.\n'
# expect:       'Second line here.'}
# expect: [1, [2, [...]], {'a': {...}}]
# expect: [1, [2, [3, [...]]], {'a': {'b': {...}}}]
# expect: ['x', <Recursion on list with id=ID>]
# expect: True True False
# expect: {'z': 1, 'a': 2}
