# printf-style %d %i %u %o %x %X on ints, bools and truncated floats.
print("%d|%i|%u" % (42, -7, 3))  # expect: 42|-7|3
print("%d|%d|%d" % (True, 3.99, -3.99))  # expect: 1|3|-3
print("%o|%x|%X" % (8, 255, 255))  # expect: 10|ff|FF
print("%#o|%#x|%#X" % (8, 255, 255))  # expect: 0o10|0xff|0XFF
print("%#x|%#o" % (-31, -8))  # expect: -0x1f|-0o10
print("%.5d|%.5x|%#.5x" % (42, -3, -3))  # expect: 00042|-00003|-0x00003
print("%x|%o" % (0, 0), "%#x|%#o" % (0, 0))  # expect: 0|0 0x0|0o0
print("%d" % -0)  # expect: 0
print("%x" % True)  # expect: 1
