# __exit__ runs when leaving the block by return or break.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit")
def f():
    with CM():
        return "returned"
print(f())
for i in range(3):
    with CM():
        if i == 1:
            break
        print("iteration", i)
# expect: exit
# expect: returned
# expect: iteration 0
# expect: exit
# expect: exit
