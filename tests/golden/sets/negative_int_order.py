# hash(-1) == -2, so -1 and -2 collide; the order follows the probing.
print({-1, -2})  # expect: {-1, -2}
print({-2, -1})  # expect: {-2, -1}
print({0, -1, 1})  # expect: {0, 1, -1}
print(hash(-1), hash(-2))  # expect: -2 -2
