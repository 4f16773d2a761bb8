# A finally block in a generator runs when iteration completes.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in g():
    print(x)
print("after")
# expect: 1
# expect: 2
# expect: cleanup
# expect: after
