# for/else: else runs when the loop is exhausted without break.
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print('found at', i)
            break
    else:
        print('not found')
find([1, 2, 3], 2)  # expect: found at 1
find([1, 2, 3], 9)  # expect: not found
find([], 1)  # expect: not found
