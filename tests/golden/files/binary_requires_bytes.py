# Writing str to a binary file is a TypeError.
with open("b.bin", "wb") as f:
    f.write(b"bytes are fine")
    print("wrote bytes")  # expect: wrote bytes
    f.write("text")
# error: TypeError: a bytes-like object is required, not 'str'
