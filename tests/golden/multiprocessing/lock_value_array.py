# Value and Array live in shared memory: four processes add under the
# value's lock and each writes its own slot of an Array.
import multiprocessing as mp


def add(counter, slots, i, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    slots[i] = i * 10 + 0.5


if __name__ == "__main__":
    counter = mp.Value("i", 0)
    slots = mp.Array("d", 4)
    ps = [mp.Process(target=add, args=(counter, slots, i, 300)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value)  # expect: 1200
    print(slots[:], len(slots))  # expect: [0.5, 10.5, 20.5, 30.5] 4
    v = mp.Value("d", 2.5)
    print(v.value)  # expect: 2.5
    arr = mp.Array("i", [5, 6, 7])
    arr[1] = -6
    print(list(arr), arr[-1])  # expect: [5, -6, 7] 7
