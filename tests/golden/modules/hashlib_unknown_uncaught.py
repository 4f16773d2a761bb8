# hashlib.new with an unknown name: an uncaught ValueError, as CPython words it.
import hashlib

print("before")  # expect: before
hashlib.new("sha999")
# error: ValueError: unsupported hash type sha999
