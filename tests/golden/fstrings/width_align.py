# Width and alignment with fill characters.
print(f"[{'ab':>6}]")  # expect: [    ab]
print(f"[{'ab':<6}]")  # expect: [ab    ]
print(f"[{'ab':^6}]")  # expect: [  ab  ]
print(f"[{'ab':*^7}]")  # expect: [**ab***]
print(f"[{42:6}]")  # expect: [    42]
print(f"[{'s':6}]")  # expect: [s     ]
print(f"[{-42:=6}]")  # expect: [-   42]
print(f"[{42:06}]")  # expect: [000042]
