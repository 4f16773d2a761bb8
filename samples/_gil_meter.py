"""Shared by the threaded samples: the GIL's own figures, under gilvm.

CPython has no `gil` module, so under python3 `gil` is None and a GilMeter
measures and prints nothing. (A helper, not a sample: tests/samples skips
files whose name starts with "_".)
"""
try:
    import gil  # gilvm's introspection module; absent under CPython
except ImportError:
    gil = None


def gil_counters():
    """gil.stats() summed over every thread so far: counters that only grow.
    Keys "in X" hold the seconds threads spent blocked in X (time.sleep...)."""
    stats = gil.stats()
    c = {"wall": stats["wall"], "switches": stats["switches"],
         "forced": stats["forced_switches"], "running": 0, "waiting": 0, "life": 0}
    for t in stats["threads"]:
        c["running"] += t["running"]
        c["waiting"] += t["waiting"]
        c["life"] += t["running"] + t["waiting"] + t["blocked"]
        for what, seconds in t["blocked_in"].items():
            c["in " + what] = c.get("in " + what, 0) + seconds
    return c


class GilMeter:
    """`with meter:` adds up what the GIL did inside; report() prints the sum
    (nothing under CPython)."""

    def __init__(self):
        self.sum = {}

    def __enter__(self):
        self.start = gil_counters() if gil else {}
        return self

    def __exit__(self, *exc):
        if gil:
            for key, value in gil_counters().items():
                self.sum[key] = self.sum.get(key, 0) + value - self.start.get(key, 0)

    def report(self, label, top=3, file=None):
        if not gil:
            return
        s = self.sum
        print(f"  GIL, {label}: {s['switches']} switches ({s['forced']} forced),"
              f" busy {s['running'] / s['wall']:.0%}, threads waited"
              f" {s['waiting'] / s['life']:.0%} of their time for it", file=file)
        blocked = sorted(((v, k[3:]) for k, v in s.items() if k.startswith("in ")),
                         reverse=True)
        blocked = [f"{what} {v:.3f} s" for v, what in blocked[:top] if v >= 0.001]
        if blocked:
            print("    blocked (GIL released) in: " + ", ".join(blocked), file=file)
