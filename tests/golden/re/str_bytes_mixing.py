# re: a str pattern on bytes and a bytes pattern on str are TypeErrors
import re
for pat, subj in [("a", b"a"), (b"a", "a"), ("a", 3)]:
    try:
        re.search(pat, subj)
    except TypeError as e:
        print("TypeError:", e)
# expect: TypeError: cannot use a string pattern on a bytes-like object
# expect: TypeError: cannot use a bytes pattern on a string-like object
# expect: TypeError: expected string or bytes-like object, got 'int'
