# if/elif/else picks the first true branch.
def grade(n):
    if n >= 90:
        return 'A'
    elif n >= 80:
        return 'B'
    elif n >= 70:
        return 'C'
    else:
        return 'F'
print([grade(n) for n in (95, 90, 85, 70, 10)])  # expect: ['A', 'A', 'B', 'C', 'F']
if []:
    print('no')
elif {}:
    print('no')
else:
    print('empty containers are false')  # expect: empty containers are false
