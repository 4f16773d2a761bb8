# Waiting for a child releases the GIL: another thread runs and is what ends the child.
import os
import subprocess
import threading
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
steps = []
def feeder():
    # Runs while the main thread is blocked in wait()/communicate(): if those
    # held the GIL this thread could not run, cat would never see EOF, and
    # the program would hang.
    total = 0
    for i in range(100000):
        total += i
    steps.append(total)
    p.stdin.write(b"fed by the thread\n")
    p.stdin.close()
t = threading.Thread(target=feeder)
t.start()
print(p.wait())
# expect: 0
t.join()
print(steps, p.stdout.read())
# expect: [4999950000] b'fed by the thread\n'
p.stdout.close()
r, w = os.pipe()
q = subprocess.Popen(["cat"], stdin=r, stdout=subprocess.PIPE)
os.close(r)
def writer():
    os.write(w, b"again\n")
    os.close(w)
t = threading.Thread(target=writer)
t.start()
print(q.communicate(), q.returncode)
# expect: (b'again\n', None) 0
t.join()
