# Float literal spellings and their reprs.
print(1.5)  # expect: 1.5
print(.5)  # expect: 0.5
print(5.)  # expect: 5.0
print(1e3)  # expect: 1000.0
print(1E-3)  # expect: 0.001
print(2.5e+2)  # expect: 250.0
print(1_000.5)  # expect: 1000.5
print(0.0)  # expect: 0.0
