# Catching a base class catches its subclasses.
class AppError(Exception):
    pass
class DbError(AppError):
    pass
try:
    raise DbError("db down")
except AppError as e:
    print(type(e).__name__, e)  # expect: DbError db down
print(issubclass(DbError, Exception), issubclass(DbError, BaseException))  # expect: True True
