# Sign options.
print(f"{5:+d} {-5:+d}")  # expect: +5 -5
print(f"[{5: d}] [{-5: d}]")  # expect: [ 5] [-5]
print(f"{3.5:+.1f}")  # expect: +3.5
print(f"{-0.0:.1f}")  # expect: -0.0
