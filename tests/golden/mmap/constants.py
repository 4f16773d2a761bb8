# The module's constants have Linux's values; mmap.error is OSError.
import mmap

print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS == mmap.MAP_ANON)
print(mmap.PROT_READ, mmap.PROT_WRITE, mmap.PROT_EXEC)
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE % 4096, mmap.error is OSError)
m = mmap.mmap(-1, 8, prot=mmap.PROT_READ)
print(isinstance(m, mmap.mmap), type(m).__name__, repr(m))
try:
    m[0] = 1
except TypeError as e:
    print(e)

# The output:
# expect: 0 1 2 3
# expect: 1 2 True
# expect: 1 2 4
# expect: True 0 True
# expect: True mmap <mmap.mmap closed=False, access=ACCESS_READ, length=8, pos=0, offset=0>
# expect: mmap can't modify a readonly memory map.
