# is* predicates, including on empty strings.
print("123".isdigit(), "12a".isdigit(), "".isdigit())  # expect: True False False
print("abc".isalpha(), "ab1".isalpha())  # expect: True False
print("ab1".isalnum(), "ab 1".isalnum())  # expect: True False
print(" \t\n".isspace(), "".isspace())  # expect: True False
print("ABC".isupper(), "Abc".isupper(), "abc".islower())  # expect: True False True
print("123".isupper())  # expect: False
