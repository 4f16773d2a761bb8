# Two threads add to a shared counter without a lock: a switch that falls
# between the read of `counter` and the write loses an update.
import threading

counter = 0


def step():
    return 1


def racy(n):
    global counter
    for _ in range(n):
        counter = counter + step()


threads = [threading.Thread(target=racy, args=(200,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lost = 400 - counter  # under --sched=seed:N, the same for the same N
print("threads finished")
