# string.Formatter: positional/keyword/auto fields, conversions, nested specs, parse(), and errors
import string
f = string.Formatter()
print(f.format('{} {:>5} {name!r} {0[1]} {obj.imag} {{x}}', [1, 2], 'r', name='n', obj=3))
print(f.format('[{:{w}.{p}f}|{:^9}]', 3.14159, 'mid', w=10, p=2))
print(list(f.parse('a{b!r:>3}c{{d}}')))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format('{} and {x}', 'abc', x='def'))
for text in ['{', '}', '{0}{}', '{!x}']:
    try:
        f.format(text, 1)
    except ValueError as e:
        print('ValueError:', e)

# expect: [1, 2]     r 'n' 2 0 {x}
# expect: [      3.14|   mid   ]
# expect: [('a', 'b', '>3', 'r'), ('c{', None, None, None), ('d}', None, None, None)]
# expect: ABC and DEF
# expect: ValueError: Single '{' encountered in format string
# expect: ValueError: Single '}' encountered in format string
# expect: ValueError: cannot switch from manual field specification to automatic field numbering
# expect: ValueError: Unknown conversion specifier x
