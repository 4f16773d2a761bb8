# Defining __eq__ without __hash__ makes instances unhashable.
class P:
    def __eq__(self, other):
        return True
print(P() == 5)  # expect: True
{P()}
# error: TypeError: unhashable type: 'P'
