# Generator expressions are lazy, but the first iterable is evaluated at once.
log = []
def src():
    log.append('src')
    return [1, 2, 3]
g = (log.append(x) or x * 10 for x in src())
print(log)  # expect: ['src']
print(next(g), log)  # expect: 10 ['src', 1]
print(list(g))  # expect: [20, 30]
print(list(g))  # expect: []
