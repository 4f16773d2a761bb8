import threading

counter = 0


def work(n):
    global counter
    for i in range(n):
        counter = counter + 1


t = threading.Thread(target=work, args=(300,), name="worker")
t.start()
work(300)
t.join()
print("counter", counter)
