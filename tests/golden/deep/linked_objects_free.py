# A 200000-long chain of objects is created and dropped.
class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next
head = None
for i in range(200000):
    head = Node(i, head)
total = 0
n = head
while n is not None:
    total += n.value
    n = n.next
print(total)  # expect: 19999900000
head = None
print("dropped")  # expect: dropped
