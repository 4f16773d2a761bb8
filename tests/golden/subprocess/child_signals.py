# The child starts with SIGPIPE at its default and nothing blocked, even from a thread.
import subprocess
import threading
# `yes` dies quietly of SIGPIPE when head exits; with SIGPIPE ignored it would
# complain "Broken pipe" on stderr instead.
r = subprocess.run(["sh", "-c", "yes | head -n 2"], capture_output=True)
print(r.stdout, r.stderr)
# expect: b'y\ny\n' b''
# SIGINT (bit 1) and SIGPIPE (bit 12) in the child's blocked set; SIGPIPE in its
# ignored set (SIGINT may be ignored by whoever started the test).
SHOW = "grep -E '^Sig(Blk|Ign)' /proc/self/status"
def masks():
    out = subprocess.run(["sh", "-c", SHOW], capture_output=True, text=True).stdout
    bits = {"SigBlk:": 0x1002, "SigIgn:": 0x1000}
    return [(line.split()[0], int(line.split()[1], 16) & bits[line.split()[0]]) for line in out.splitlines()]
print(masks())
# expect: [('SigBlk:', 0), ('SigIgn:', 0)]
results = []
t = threading.Thread(target=lambda: results.append(masks()))
t.start()
t.join()
print(results[0])
# expect: [('SigBlk:', 0), ('SigIgn:', 0)]
