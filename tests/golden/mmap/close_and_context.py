# close(), the closed property and the context manager; every use of a closed map is ValueError.
import mmap

with mmap.mmap(-1, 8) as m:
    m[:3] = b"abc"
    print(m.closed, m[:3])
print(m.closed, repr(m))
for use in [lambda: m[0], lambda: len(m), lambda: m.read(), lambda: m.write(b"x"), lambda: m[:2],
            lambda: m.find(b"a"), lambda: m.seek(0), lambda: m.flush()]:
    try:
        use()
    except ValueError as e:
        print("ValueError", e)
m.close()
print("closing twice is fine", m.closed)

# The output:
# expect: False b'abc'
# expect: True <mmap.mmap closed=True>
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: ValueError mmap closed or invalid
# expect: closing twice is fine True
