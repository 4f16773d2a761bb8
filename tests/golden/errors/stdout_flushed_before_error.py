# Every line printed before an uncaught error reaches stdout, in order.
for i in range(5):
    print("line", i)
print("last line")
raise KeyError("after output")
# expect: line 0
# expect: line 1
# expect: line 2
# expect: line 3
# expect: line 4
# expect: last line
# error: KeyError: 'after output'
