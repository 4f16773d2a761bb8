# Exceptions propagate to the nearest matching handler outward.
def level3():
    raise IndexError("deep")
def level2():
    try:
        level3()
    except KeyError:
        print("not here")
    finally:
        print("level2 finally")
try:
    level2()
except IndexError as e:
    print("caught", e)
# expect: level2 finally
# expect: caught deep
