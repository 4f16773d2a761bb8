# string.Template: safe_substitute leaves placeholders; invalid ones raise ValueError with line and column
from string import Template
print(Template('$a ${b} $ $1 ${c').safe_substitute(a='A'))
print(Template('$a').is_valid(), Template('$1').is_valid())
for text in ['$', 'x $1', 'line one\n  ${', 'ok $a\nbad $ here']:
    try:
        Template(text).substitute(a=1)
    except ValueError as e:
        print('ValueError:', e)

# expect: A ${b} $ $1 ${c
# expect: True False
# expect: ValueError: Invalid placeholder in string: line 1, col 1
# expect: ValueError: Invalid placeholder in string: line 1, col 3
# expect: ValueError: Invalid placeholder in string: line 2, col 3
# expect: ValueError: Invalid placeholder in string: line 2, col 5
