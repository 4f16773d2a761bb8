# A producer and a consumer hand items over through a Queue; an Event says
# when the consumer is done.
import queue
import threading

items = queue.Queue()
done = threading.Event()
seen = []


def produce():
    for i in range(3):
        items.put(i * 10)
    items.put(None)


def consume():
    while True:
        item = items.get()
        if item is None:
            break
        seen.append(item)
    done.set()


workers = [threading.Thread(target=produce, name="producer"),
           threading.Thread(target=consume, name="consumer")]
for w in workers:
    w.start()
done.wait()
for w in workers:
    w.join()
print("seen", seen)
