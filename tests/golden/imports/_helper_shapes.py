# Helper module imported by tests in this folder.
PI = 3.14159
calls = 0

def area(r):
    global calls
    calls += 1
    return PI * r * r

class Square:
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

def whoami():
    return __name__

if __name__ == "__main__":
    print("helper run as a script")
