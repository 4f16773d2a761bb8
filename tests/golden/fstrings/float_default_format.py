# A float with an empty spec or a bare width uses repr-like formatting.
print(f"{0.1}")  # expect: 0.1
print(f"{1e16}")  # expect: 1e+16
print(f"{1e-5}")  # expect: 1e-05
print(f"{2.0:6}|")  # expect:    2.0|
print(f"{1/3:.5}")  # expect: 0.33333
print(f"{100.0:.2}")  # expect: 1e+02
