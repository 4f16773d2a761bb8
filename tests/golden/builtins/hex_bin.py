# hex and bin (and oct) of ints.
print(hex(255), hex(0), hex(-1))  # expect: 0xff 0x0 -0x1
print(bin(10), bin(-10))  # expect: 0b1010 -0b1010
print(bin(2 ** 65))  # expect: 0b100000000000000000000000000000000000000000000000000000000000000000
print(oct(64), oct(-8))  # expect: 0o100 -0o10
print(int(hex(12345), 16), int(bin(99), 2))  # expect: 12345 99
