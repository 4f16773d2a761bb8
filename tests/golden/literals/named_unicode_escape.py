# \N{NAME} escapes look characters up by their Unicode name.
s = "\N{BULLET} \N{EURO SIGN}"
print(s)  # expect: • €
print(len(s))  # expect: 3
print("\N{LATIN SMALL LETTER E WITH ACUTE}" == "\u00e9")  # expect: True
