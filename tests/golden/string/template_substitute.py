# string.Template: substitute with mapping and keywords, $$ escapes, ${name}, KeyError on a missing name
from string import Template
t = Template('$who likes ${what}s; costs $$5')
print(t.substitute(who='tim', what='pie'))
print(t.substitute({'who': 'ann', 'what': 'cake'}, what='tart'))
print(Template('${n}th and $n_2').substitute(n=4, n_2='x'))
print(Template('$a$b').substitute(a=1, b=[2]))
print(t.template, t.get_identifiers())
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError:', e)
class Percent(Template):
    delimiter = '%'
print(Percent('%x costs 100%% $y').substitute(x='it'))

# expect: tim likes pies; costs $5
# expect: ann likes tarts; costs $5
# expect: 4th and x
# expect: 1[2]
# expect: $who likes ${what}s; costs $$5 ['who', 'what']
# expect: KeyError: 'what'
# expect: it costs 100% $y
