# match and case are soft keywords: as plain names they still work, also
# as a match subject and inside patterns.
match = [1, 2]
case = 'c'
print(match, case)  # expect: [1, 2] c
match match:
    case [1, case]:
        print("case bound to", case)  # expect: case bound to 2
def match_len(match):
    return len(match)
print(match_len(match))  # expect: 2
