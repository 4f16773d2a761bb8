# A read-only attribute of a builtin object (range, slice) cannot be assigned: AttributeError "readonly attribute".
for obj in (range(3), slice(1, 2)):
    try:
        obj.start = 5
    except AttributeError as e:
        print(type(obj).__name__, e)
# expect: range readonly attribute
# expect: slice readonly attribute
print(range(3).start, slice(1, 2).start)  # expect: 0 1
