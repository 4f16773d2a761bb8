# Floats inside containers use repr.
print([0.1, 1e16, 1e-05, 2.0])  # expect: [0.1, 1e+16, 1e-05, 2.0]
print((1.5,))  # expect: (1.5,)
print({'x': -0.0})  # expect: {'x': -0.0}
print(str(1e22), repr(1e21))  # expect: 1e+22 1e+21
