# printf-style % on ints beyond 64 bits.
print("%d" % 2**100)  # expect: 1267650600228229401496703205376
print("%x|%X|%#o" % (-2**100, 2**70, 2**64))  # expect: -10000000000000000000000000|400000000000000000|0o2000000000000000000000
print("%+.40d" % 2**100)  # expect: +0000000001267650600228229401496703205376
print("[%40x]" % 2**127)  # expect: [        80000000000000000000000000000000]
print(("%x" % 10**5000) == hex(10**5000)[2:])  # expect: True
try:
    "%d" % 10**5000
except ValueError as e:
    print("ValueError", str(e)[:30])
# expect: ValueError Exceeds the limit (4300 digits
