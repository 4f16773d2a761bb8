# Unicode case mappings, including one character becoming two.
print("straße".upper())  # expect: STRASSE
print(len("straße"), len("straße".upper()))  # expect: 6 7
print("ÉCOLE".lower(), "ñandú".upper())  # expect: école ÑANDÚ
print("ΣΊΣΥΦΟΣ".lower())  # expect: σίσυφος
