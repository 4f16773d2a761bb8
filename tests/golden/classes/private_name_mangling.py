# Private names (__x) inside a class body and its methods are mangled to
# _Class__x: attributes, variables, methods and parameters; dunder names
# and names outside classes are not.
class Account:
    __rate = 2
    def __init__(self, balance):
        self.__balance = balance
    def __secret(self):
        return self.__balance * self.__rate
    def reveal(self, __factor=1):
        return self.__secret() * __factor
    def __repr__(self):
        return "Account"
a = Account(5)
print(a.reveal(), a.reveal(3))  # expect: 10 30
print(a._Account__balance, Account._Account__rate)  # expect: 5 2
print(hasattr(a, '__balance'), sorted(k for k in vars(Account) if 'secret' in k))  # expect: False ['_Account__secret']
print(sorted(a.__dict__))  # expect: ['_Account__balance']
class _Under:
    def set(self):
        self.__v = 1
        return self.__dict__
print(_Under().set())  # expect: {'_Under__v': 1}
class Sub(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as e:
            return str(e)
print(Sub(1).peek())  # expect: 'Sub' object has no attribute '_Sub__balance'
__top = 'module level'
print(__top)  # expect: module level
