# pop from an empty list.
a = [1]
print(a.pop())  # expect: 1
a.pop()
# error: IndexError: pop from empty list
