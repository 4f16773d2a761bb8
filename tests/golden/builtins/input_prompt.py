# input(prompt) writes the prompt to stdout without a newline.
# stdin: Ann
# stdin: 7
name = input("Name? ")
print("Hello,", name)  # expect: Name? Hello, Ann
age = int(input(""))
print(age * 2)  # expect: 14
