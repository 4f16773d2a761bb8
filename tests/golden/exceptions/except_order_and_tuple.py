# The first matching except clause wins; a tuple matches any of its types.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ZeroDivisionError:
        return "zero"
    except Exception as e:
        return "other " + type(e).__name__
print(classify(KeyError('k')))  # expect: lookup KeyError
print(classify(IndexError))  # expect: lookup IndexError
print(classify(ZeroDivisionError()))  # expect: zero
print(classify(ValueError()))  # expect: other ValueError
