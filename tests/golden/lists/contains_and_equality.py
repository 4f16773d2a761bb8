# in uses ==, so 1 == 1.0 == True matches.
a = [1, 'two', [3]]
print('two' in a, [3] in a, 3 in a)  # expect: True True False
print(1.0 in [1], True in [1], 0 in [False])  # expect: True True True
nan = float('nan')
print(nan in [nan])  # expect: True
