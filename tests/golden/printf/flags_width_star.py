# printf-style flags '# 0 - + space', width and precision, '*' from the args.
print("[%5d][%-5d][%05d][%+d][% d][%+05d][% 05d]" % (42, 42, -42, 42, 42, 42, 42))  # expect: [   42][42   ][-0042][+42][ 42][+0042][ 0042]
print("[%-05d][%0-5d][%+ d]" % (-3, 3, 1))  # expect: [-3   ][3    ][+1]
print("[%#10x][%#010x][%-#10x][%+#10x]" % (255, 255, 255, 255))  # expect: [      0xff][0x000000ff][0xff      ][     +0xff]
print("[%#05o][%#5o]" % (-8, -8))  # expect: [-0o10][-0o10]
print("[%5.3d][%05.3d]" % (-5, -5))  # expect: [ -005][-0005]
print("[%+010.2f][%010f][%-010f]" % (3.14159, float("inf"), float("-inf")))  # expect: [+000003.14][0000000inf][-inf      ]
print("[%*d][%-*d][%*d]" % (5, 1, 5, 2, -5, 3))  # expect: [    1][2    ][3    ]
print("[%.*f][%*.*f]" % (2, 3.14159, 8, 3, 2.71828))  # expect: [3.14][   2.718]
print("[%.*f]" % (-3, 1.5))  # expect: [2]
print("[%*s]" % (True, "x"))  # expect: [x]
print("%hd %ld %Ld" % (1, 2, 3))  # expect: 1 2 3
