# A data descriptor (__set__) wins over the instance dict; a non-data one (only __get__) loses to it.
class NonData:
    def __get__(self, inst, owner):
        return "nondata"

class Data:
    def __get__(self, inst, owner):
        return "data"
    def __set__(self, inst, value):
        inst.__dict__["seen"] = value

class A:
    nd = NonData()
    dd = Data()

a = A()
print(a.nd)  # expect: nondata
a.__dict__["nd"] = "instance"
print(a.nd)  # expect: instance
a.__dict__["dd"] = "instance"
print(a.dd)  # expect: data
a.dd = 5
print(a.seen, a.__dict__["dd"])  # expect: 5 instance
