# __set_name__(owner, name) is called at class creation for every attribute whose type has it, in definition order.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

class Record:
    first = Field()
    second = Field()
    plain = 3
# expect: set_name Record first
# expect: set_name Record second

print(Record.first.name, Record.second.name)  # expect: first second
