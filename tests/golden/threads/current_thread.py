# current_thread() inside a thread is its Thread object; idents are distinct.
import threading

seen = []

def work():
    me = threading.current_thread()
    assert me.ident == threading.get_ident()
    assert me.native_id == threading.get_native_id()
    seen.append((me.name, me is not threading.main_thread()))

ts = [threading.Thread(target=work, name=f"w{i}") for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))  # expect: [('w0', True), ('w1', True), ('w2', True), ('w3', True)]
print(len({t.ident for t in ts}) >= 1, all(t.ident is not None for t in ts))  # expect: True True
print(threading.current_thread() is threading.main_thread())  # expect: True
print(threading.current_thread().name)  # expect: MainThread
print(threading.main_thread().ident == threading.get_ident())  # expect: True
print(len(threading.enumerate()))  # expect: 1
