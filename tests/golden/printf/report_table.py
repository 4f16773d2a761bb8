# printf-style % in the everyday way: a padded table built in a loop.
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.125)]
total = 0.0
for name, qty, price in rows:
    total += qty * price
    print("%-10s|%4d|%8.3f|%6.1f%%" % (name, qty, price, 100 * qty * price / 7.125))
# expect: apple     |   3|   0.500|  21.1%
# expect: kiwi      |  12|   0.250|  42.1%
# expect: watermelon|   1|   3.125|  43.9%
print("%-10s|%4s|%8.3f|" % ("total", "", total))  # expect: total     |    |   7.625|
