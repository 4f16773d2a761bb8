# Single inheritance and method overriding.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def intro(self):
        return "I am " + self.speak()
class Dog(Animal):
    def speak(self):
        return f"{self.name} barks"
print(Animal('cat').intro())  # expect: I am cat makes a sound
print(Dog('rex').intro())  # expect: I am rex barks
