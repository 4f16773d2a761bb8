# A comprehension's loop variable is local to the comprehension.
x = 'outer'
squares = [x * x for x in range(4)]
print(x)  # expect: outer
print(squares)  # expect: [0, 1, 4, 9]
g = list(x for x in 'ab')
print(x, g)  # expect: outer ['a', 'b']
