# match and case are soft keywords: as plain names they still work.
match = [1, 2]
case = 'c'
print(match, case)  # expect: [1, 2] c
def match_len(match):
    return len(match)
print(match_len(match))  # expect: 2
match.append(3)
print(match[-1])  # expect: 3
