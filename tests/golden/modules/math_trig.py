# Trigonometry and angle conversion.
import math
print(math.sin(0), math.cos(0), math.tan(0))  # expect: 0.0 1.0 0.0
print(math.sin(math.pi / 2), math.atan2(1, 1))  # expect: 1.0 0.7853981633974483
print(math.degrees(math.pi), math.radians(180))  # expect: 180.0 3.141592653589793
print(math.hypot(3, 4), round(math.cos(math.pi), 9))  # expect: 5.0 -1.0
