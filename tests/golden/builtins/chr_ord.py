# chr and ord, including non-ASCII code points.
print(chr(65), chr(97), ord('A'), ord('z'))  # expect: A a 65 122
print(chr(9731), ord('€'), chr(0x1F600))  # expect: ☃ 8364 😀
print(ord(chr(1114111)))  # expect: 1114111
try:
    ord('ab')
except TypeError as e:
    print(e)  # expect: ord() expected a character, but string of length 2 found
