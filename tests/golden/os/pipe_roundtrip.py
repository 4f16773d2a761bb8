# os.pipe: bytes written to the write end come out of the read end, in
# order, in pieces as asked; after the writer closes, read returns b"".
import os

r, w = os.pipe()
print(type(r).__name__, type(w).__name__, r != w)  # expect: int int True
print(os.write(w, b"hello, "))  # expect: 7
print(os.write(w, b"pipe"))  # expect: 4
print(os.read(r, 5))  # expect: b'hello'
print(os.read(r, 100))  # expect: b', pipe'
print(os.write(w, b""))  # expect: 0
os.close(w)
print(os.read(r, 10))  # expect: b''
print(os.read(r, 0))  # expect: b''
os.close(r)
