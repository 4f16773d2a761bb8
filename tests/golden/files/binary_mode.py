# Binary files read and write bytes.
with open("blob.bin", "wb") as f:
    print(f.write(bytes([0, 1, 2, 255])))  # expect: 4
    f.write(b"\n\r")
with open("blob.bin", "rb") as f:
    data = f.read()
print(data, len(data), type(data).__name__)  # expect: b'\x00\x01\x02\xff\n\r' 6 bytes
with open("blob.bin", "rb") as f:
    print(f.read(2), f.read(1))  # expect: b'\x00\x01' b'\x02'
