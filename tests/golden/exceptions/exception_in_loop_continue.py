# Handling errors per item lets the loop continue.
results = []
for v in ["1", "x", "3", ""]:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
print(results)  # expect: [1, None, 3, None]
