# printf-style % on bytes: %b/%s take bytes or __bytes__, %r/%a are ascii().
class Raw:
    def __bytes__(self):
        return b"raw"

print(b"%s|%b|%s" % (b"ab", b"cd", Raw()))  # expect: b'ab|cd|raw'
print(b"%d|%05.1f|%#x|%c|%c" % (42, 2.25, 255, 65, b"z"))  # expect: b'42|002.2|0xff|A|z'
print(b"%r|%a" % ("\xe9", b"x"))  # expect: b"'\\xe9'|b'x'"
print(b"[%5.1s][%-4b]" % (b"abc", b"x"))  # expect: b'[    a][x   ]'
print(b"%(k)s" % {b"k": b"v"})  # expect: b'v'
print(b"100%%" % ())  # expect: b'100%'
for fmt, args in [(b"%s", "str"), (b"%s", 1), (b"%c", 256), (b"%c", b"ab"), (b"%c", "a"), (b"abc", 1), (b"abc", b"x"),
                  (b"%f", "x"), (b"%i", "x"), (b"%q", 1), (b"%5\x80", 1), (b"%\x80", 1), (b"%(k)s", {"k": b"v"})]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
# expect: TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
# expect: TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'int'
# expect: OverflowError %c arg not in range(256)
# expect: TypeError %c requires an integer in range(256) or a single byte
# expect: TypeError %c requires an integer in range(256) or a single byte
# expect: TypeError not all arguments converted during bytes formatting
# expect: TypeError not all arguments converted during bytes formatting
# expect: TypeError float argument required, not str
# expect: TypeError %d format: a real number is required, not str
# expect: ValueError unsupported format character 'q' (0x71) at index 1
# expect: ValueError unsupported format character '' (0x80) at index 2
# expect: OverflowError character argument not in range(0x110000)
# expect: KeyError b'k'
