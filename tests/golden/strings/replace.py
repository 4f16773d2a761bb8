# replace, with and without a count.
print("aaaa".replace("a", "b"))  # expect: bbbb
print("aaaa".replace("a", "b", 2))  # expect: bbaa
print("hello".replace("l", ""))  # expect: heo
print("abc".replace("", "-"))  # expect: -a-b-c-
print("abab".replace("ab", "ba"))  # expect: baba
print("abc".replace("x", "y"))  # expect: abc
