# A missing instance attribute is an AttributeError naming the class.
class Box:
    def __init__(self):
        self.w = 1
b = Box()
print(b.w)  # expect: 1
b.height
# error: AttributeError: 'Box' object has no attribute 'height'
