# keyword.kwlist / softkwlist and iskeyword / issoftkeyword
import keyword
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.kwlist[-3:])
print(keyword.softkwlist)
print([w for w in ['if', 'match', 'print', 'None', 'async', 'case', '_', 'type'] if keyword.iskeyword(w)])
print([w for w in ['if', 'match', 'print', 'case', '_', 'type'] if keyword.issoftkeyword(w)])

# expect: 35 ['False', 'None', 'True', 'and', 'as'] ['while', 'with', 'yield']
# expect: ['_', 'case', 'match']
# expect: ['if', 'None', 'async']
# expect: ['match', 'case', '_']
