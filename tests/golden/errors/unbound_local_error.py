# Reading a local before assignment.
count = 0
def increment():
    count += 1
increment()
# error: UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
