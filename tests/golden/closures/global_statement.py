# global makes assignments go to module scope.
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)  # expect: 12
def make():
    global created
    created = 'yes'
make()
print(created)  # expect: yes
