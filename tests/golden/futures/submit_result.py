# ThreadPoolExecutor.submit returns futures whose results come back in order of submission.
from concurrent.futures import ThreadPoolExecutor

def square(x, add=0):
    return x * x + add

with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(square, i, add=1) for i in range(8)]
    print([f.result() for f in fs])  # expect: [1, 2, 5, 10, 17, 26, 37, 50]
    print(all(f.done() for f in fs), any(f.running() for f in fs))  # expect: True False
