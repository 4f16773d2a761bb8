# printf-style %c: an int code point or a one-character str.
print("%c%c%c" % (72, "i", 0x1F600))  # expect: Hi😀
print("[%3c][%-3c][%03c]" % ("a", 98, "c"))  # expect: [  a][b  ][  c]
print("%c" % True == "\x01")  # expect: True
for bad in ["ab", 65.0, None, 0x110000, -1, 2**70]:
    try:
        "%c" % bad
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# expect: TypeError %c requires int or char
# expect: TypeError %c requires int or char
# expect: TypeError %c requires int or char
# expect: OverflowError %c arg not in range(0x110000)
# expect: OverflowError %c arg not in range(0x110000)
# expect: OverflowError %c arg not in range(0x110000)
