# The order of try, except, else and finally blocks.
def run(fail):
    try:
        print("try")
        if fail:
            raise ValueError("bad")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
run(False)
# expect: try
# expect: else
# expect: finally
run(True)
# expect: try
# expect: except bad
# expect: finally
