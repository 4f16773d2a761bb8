# raise ... from sets __cause__.
try:
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError("config invalid") from e
except ValueError as err:
    print(err)  # expect: config invalid
    print(repr(err.__cause__))  # expect: KeyError('missing')
    print(err.__context__ is err.__cause__)  # expect: True
