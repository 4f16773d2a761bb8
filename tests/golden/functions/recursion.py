# Recursive functions.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fact(25))  # expect: 15511210043330985984000000
print([fib(i) for i in range(12)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
def hanoi(n, a, b, c):
    return 0 if n == 0 else hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a)
print(hanoi(10, 'A', 'B', 'C'))  # expect: 1023
