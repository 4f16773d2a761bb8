# fnmatch: *, ?, [seq], [!seq], ranges, literal brackets, filter and translate
import fnmatch
names = ['a.py', 'b.txt', 'ab.py', '.hidden', 'data1.csv', 'data22.csv', 'x]y', 'a-b', 'A.PY']
for pat in ['*.py', '?.*', 'data?.csv', '[ab]*', '[!a]*', '[a-c].*', '*[]]*', 'x[', '[z-a]*', '*-*']:
    print(pat, fnmatch.filter(names, pat))
print(fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.fnmatch('a.py', '*.py'), fnmatch.fnmatch('a/b.py', '*.py'))
print(fnmatch.fnmatchcase('line\nbreak', 'line?break'), fnmatch.fnmatchcase('[x', '[[]x'))
print(fnmatch.translate('*.py'), fnmatch.translate('a*b*c?[!0-9]'))

# expect: *.py ['a.py', 'ab.py']
# expect: ?.* ['a.py', 'b.txt', 'A.PY']
# expect: data?.csv ['data1.csv']
# expect: [ab]* ['a.py', 'b.txt', 'ab.py', 'a-b']
# expect: [!a]* ['b.txt', '.hidden', 'data1.csv', 'data22.csv', 'x]y', 'A.PY']
# expect: [a-c].* ['a.py', 'b.txt']
# expect: *[]]* ['x]y']
# expect: x[ []
# expect: [z-a]* []
# expect: *-* ['a-b']
# expect: False True True
# expect: True True
# expect: (?s:.*\.py)\Z (?s:a(?>.*?b).*c.[^0-9])\Z
