# A comprehension's later loop may not rebind a name that := assigned.
print("never printed")
x = [i for i in range(3) if (j := i) for j in range(2)]
# error: SyntaxError: comprehension inner loop cannot rebind assignment expression target 'j'
