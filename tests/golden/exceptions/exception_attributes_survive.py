# An exception object can be stored and inspected later.
saved = []
for exc in (IndexError("i"), KeyError("k")):
    try:
        raise exc
    except LookupError as e:
        saved.append(e)
print([type(e).__name__ for e in saved])  # expect: ['IndexError', 'KeyError']
print([e.args[0] for e in saved])  # expect: ['i', 'k']
