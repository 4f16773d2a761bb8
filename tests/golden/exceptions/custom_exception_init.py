# A custom exception with its own __init__ and attributes.
class HttpError(Exception):
    def __init__(self, code, reason):
        super().__init__(f"{code} {reason}")
        self.code = code
try:
    raise HttpError(404, "Not Found")
except HttpError as e:
    print(e.code, e, e.args)  # expect: 404 404 Not Found ('404 Not Found',)
    print(repr(e))  # expect: HttpError('404 Not Found')
