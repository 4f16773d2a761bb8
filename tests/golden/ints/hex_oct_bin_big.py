# hex/oct/bin of big and negative numbers.
print(hex(2 ** 64))  # expect: 0x10000000000000000
print(hex(-255))  # expect: -0xff
print(oct(8))  # expect: 0o10
print(bin(-5))  # expect: -0b101
print(bin(0))  # expect: 0b0
print(hex(2 ** 100 - 1).count('f'))  # expect: 25
