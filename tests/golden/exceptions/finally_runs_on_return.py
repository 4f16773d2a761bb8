# finally runs when a function returns from inside try.
log = []
def f():
    try:
        log.append("try")
        return "result"
    finally:
        log.append("finally")
print(f(), log)  # expect: result ['try', 'finally']
