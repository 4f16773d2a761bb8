# Writing bytes to a text file is a TypeError.
with open("t.txt", "w") as f:
    f.write("text is fine")
    print("wrote text")  # expect: wrote text
    f.write(b"bytes")
# error: TypeError: write() argument must be str, not bytes
