#!/usr/bin/env python3
"""Tests of the GIL timeline page (interpreter/trace/timeline.html) in a real browser.

    python3 tests/timeline/test_timeline.py [--keep DIR] [--docs-png FILE]

Fills the template with the fixtures of make_fixture.py (two CPU-bound
threads, 8 sleeping threads, and a huge run of ~190k slices), then loads each
page in headless Chromium, as a person's browser would:

  - --dump-dom: one div.thread-row per thread (data-thread 0..n-1, with the
    thread's name), the #legend with every state, table#stats with one body
    row per thread, the title and verdict, no script error;
  - --screenshot at 1400x900: the PNG exists and is not blank; decoded here
    (zlib, stdlib only) it has many colours, among them the running and the
    waiting colours (and IO or lock where the fixture has them);
  - the huge fixture: its HTML is under 5 MB, and a headless load finishes
    within seconds (the page's own figure, navigation to first picture, and
    the browser's wall time are printed);
  - interaction, through a copy of the page with a test script appended (the
    template itself holds no test code): wheel zoom keeps the time under the
    pointer, drag pans, shift-drag zooms to the range, double-click and the
    buttons reset and zoom, the tooltip shows state, times, what and where,
    the mark toggles redraw; redraw times are printed.

Chromium is Debian's `chromium` (or `chromium-browser`); when neither is on
PATH the test installs `chromium` with apt-get (through sudo when not root).
No network otherwise: the pages are local files, and Chromium runs with
background networking off and a fresh profile. Python 3 standard library
only. Prints one line per failure and `N passed, M failed`; exits 1 when
something failed. --docs-png FILE also writes the screenshot of the
CPU-bound fixture to FILE (docs/timeline-cpu-bound.png).
"""

import argparse
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import harness  # noqa: E402
import make_fixture  # noqa: E402

MAX_HTML_BYTES = 5_000_000
# Navigation start to the first picture of the huge page. About 1 s on an
# idle 2-core machine, most of it V8 reading the 4.8 MB of data; the limit
# leaves room for a machine busy with other work (builds, other tests).
LOAD_LIMIT_MS = 5000
WALL_LIMIT_S = 20           # the whole headless run of the huge page (browser start included)
# the page's colours (interpreter/trace/timeline.html, STATE_INFO)
COLORS = {"running": (0x00, 0x9E, 0x73), "waiting": (0xD5, 0x5E, 0x00),
          "io": (0x56, 0xB4, 0xE9), "lock": (0xCC, 0x79, 0xA7)}

checks = harness.Checks()
check = checks.check


# -- Chromium ----------------------------------------------------------------

def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def install_chromium():
    """Debian's chromium, with apt-get (sudo when not root)."""
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = sudo + ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    print("chromium is not installed: " + " ".join(install), flush=True)
    t0 = time.time()
    p = subprocess.run(install, env=env, capture_output=True, text=True)
    if p.returncode != 0:   # perhaps no package lists yet
        subprocess.run(sudo + ["apt-get", "update"], env=env, capture_output=True, text=True)
        p = subprocess.run(install, env=env, capture_output=True, text=True)
    print(f"apt-get install chromium: exit {p.returncode} after {time.time() - t0:.0f} s", flush=True)
    if p.returncode != 0:
        print(p.stdout[-2000:] + p.stderr[-2000:])
    return find_chromium()


class Browser:
    def __init__(self, exe, tmp):
        self.exe = exe
        self.tmp = tmp
        self.n = 0

    def run(self, url, *args, timeout=90):
        self.n += 1
        profile = os.path.join(self.tmp, f"profile-{self.n}")
        os.makedirs(profile)
        cmd = [self.exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
               "--force-device-scale-factor=1", f"--user-data-dir={profile}", *args, url]
        t0 = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           env=dict(os.environ, LANG="C.UTF-8"))
        return p, time.time() - t0

    def dump_dom(self, path, fragment=""):
        return self.run("file://" + path + fragment, "--dump-dom")

    def screenshot(self, path, png, size="1400,900", fragment=""):
        if os.path.exists(png):
            os.remove(png)
        return self.run("file://" + path + fragment, f"--screenshot={png}", f"--window-size={size}")


# -- the DOM -----------------------------------------------------------------

class Dom(html.parser.HTMLParser):
    """Just enough of the dumped DOM: elements by id, thread rows, legend
    items, table rows, and the text inside chosen elements."""

    VOID = {"meta", "br", "input", "img", "hr", "link", "source", "wbr", "col", "area", "base"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack = []           # (tag, attrs, id of a watched ancestor)
        self.ids = {}
        self.text = {}            # id -> text
        self.thread_rows = []     # (data-thread, text)
        self.legend_states = []
        self.legend_marks = []
        self.stats_head = []
        self.stats_rows = []      # list of cell texts
        self.body = {}
        self._row = None
        self._cell = None
        self._thread_row = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if "id" in a:
            self.ids[a["id"]] = a
            self.text.setdefault(a["id"], "")
        classes = (a.get("class") or "").split()
        inside = [x[1].get("id") for x in self.stack if x[1].get("id")]
        if "thread-row" in classes:
            self._thread_row = [a.get("data-thread"), "", len(self.stack)]
        if "legend" in inside:
            if "data-state" in a:
                self.legend_states.append(a["data-state"])
            if "data-mark" in a:
                self.legend_marks.append(a["data-mark"])
        if "stats" in inside or a.get("id") == "stats":
            if tag == "tr":
                self._row = ("head" if "thead" in [x[0] for x in self.stack] else "body", [])
            if tag in ("td", "th"):
                self._cell = ""
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, a = self.stack.pop()
            if self._thread_row and len(self.stack) == self._thread_row[2]:
                self.thread_rows.append((self._thread_row[0], self._thread_row[1].strip()))
                self._thread_row = None
            if t in ("td", "th") and self._cell is not None and self._row:
                self._row[1].append(self._cell.strip())
                self._cell = None
            if t == "tr" and self._row:
                (self.stats_head if self._row[0] == "head" else self.stats_rows).append(self._row[1])
                self._row = None
            if t == tag:
                break

    def handle_data(self, data):
        for _, a in self.stack:
            if a.get("id"):
                self.text[a["id"]] = self.text.get(a["id"], "") + data
        if self._thread_row:
            self._thread_row[1] += data
        if self._cell is not None:
            self._cell += data


# -- PNG ---------------------------------------------------------------------

def decode_png(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or interlace or ctype not in (2, 6):
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {ctype}, interlace {interlace}")
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ft == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ft == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif ft == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ft == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def colour_counts(path):
    w, h, bpp, rows = decode_png(path)
    counts = {}
    for line in rows:
        for i in range(0, len(line), bpp):
            c = line[i:i + 3]
            counts[c] = counts.get(c, 0) + 1
    return w, h, counts


def near(counts, rgb, tol=6):
    """Pixels within tol of rgb in each channel."""
    n = 0
    for c, k in counts.items():
        if abs(c[0] - rgb[0]) <= tol and abs(c[1] - rgb[1]) <= tol and abs(c[2] - rgb[2]) <= tol:
            n += k
    return n


# -- the interaction script (appended to a copy of a page) ------------------------

SELFTEST = r"""
<script>
(function () {
  var out = { ok: true, errors: [] };
  function fail(m) { out.ok = false; out.errors.push(m); }
  try {
    var T = window.gilvmTimeline, L = T.layout(), chart = document.getElementById('chart');
    var box = chart.getBoundingClientRect();
    // events carry whole pixels: positions are whole client pixels, and
    // times are those of the position the page sees (clientX - box.left)
    function cx(x) { return Math.round(box.left + x); }
    function cy(y) { return Math.round(box.top + y); }
    function tAt(x) { var v = T.getView(); return v.t0 + (cx(x) - box.left - L.labelW) * (v.t1 - v.t0) / L.plotW; }
    function span() { var v = T.getView(); return v.t1 - v.t0; }
    function mouse(type, x, y, extra) {
      var o = { bubbles: true, cancelable: true, clientX: cx(x), clientY: cy(y), button: 0 };
      for (var k in extra || {}) o[k] = extra[k];
      (type === 'mousedown' || type === 'dblclick' ? chart : window).dispatchEvent(new MouseEvent(type, o));
    }
    function near(a, b, tol) { return Math.abs(a - b) <= tol; }
    var full = T.getView();
    out.full = full;
    if (!(full.t0 === T.full.t0 && full.t1 === T.full.t1)) fail('does not open on the whole run');
    var y = L.axisH + L.rowH * 1.5;   // the second thread's row
    // wheel: zoom in around a point, which keeps its time
    var x = L.labelW + L.plotW * 0.3, before = tAt(x), s0 = span();
    chart.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -300, clientX: cx(x), clientY: cy(y) }));
    out.wheel_ratio = span() / s0;
    if (!(span() < s0 * 0.8)) fail('wheel did not zoom in: ' + s0 + ' -> ' + span());
    if (!near(tAt(x), before, s0 * 1e-6)) fail('wheel moved the time under the pointer: ' + before + ' -> ' + tAt(x));
    chart.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -300, clientX: cx(x), clientY: cy(y) }));
    // drag: pan by 100 px (later in time when dragging to the left)
    var v1 = T.getView(), perPx = (v1.t1 - v1.t0) / L.plotW;
    mouse('mousedown', x, y); mouse('mousemove', x - 50, y); mouse('mousemove', x - 100, y); mouse('mouseup', x - 100, y);
    var v2 = T.getView();
    out.pan_us = v2.t0 - v1.t0;
    if (!near(v2.t0 - v1.t0, 100 * perPx, perPx) || !near(v2.t1 - v2.t0, v1.t1 - v1.t0, perPx)) fail('drag did not pan by 100 px: ' + JSON.stringify([v1, v2]));
    // shift-drag: zoom to the range
    T.reset();
    var xa = L.labelW + L.plotW * 0.4, xb = L.labelW + L.plotW * 0.5, ta = tAt(xa), tb = tAt(xb);
    mouse('mousedown', xa, y, { shiftKey: true }); mouse('mousemove', (xa + xb) / 2, y, { shiftKey: true });
    mouse('mousemove', xb, y, { shiftKey: true }); mouse('mouseup', xb, y, { shiftKey: true });
    var v3 = T.getView();
    if (!near(v3.t0, ta, (tb - ta) * 0.01) || !near(v3.t1, tb, (tb - ta) * 0.01)) fail('shift-drag did not zoom to the range: ' + JSON.stringify([ta, tb, v3]));
    // double-click: the whole run
    mouse('dblclick', xa, y);
    var v4 = T.getView();
    if (v4.t0 !== full.t0 || v4.t1 !== full.t1) fail('double-click did not reset: ' + JSON.stringify(v4));
    // buttons
    document.getElementById('zoom-in').click();
    if (!near(span(), (full.t1 - full.t0) / 2, 1)) fail('Zoom in did not halve the span');
    document.getElementById('zoom-out').click();
    document.getElementById('zoom-in').click(); document.getElementById('zoom-in').click();
    document.getElementById('zoom-reset').click();
    if (span() !== full.t1 - full.t0) fail('Whole run did not reset');
    // tooltip over the middle of a thread row
    var tip = document.getElementById('tooltip');
    mouse('mousemove', L.labelW + L.plotW * 0.5, y);
    out.tooltip = tip.innerText;
    if (tip.style.display !== 'block') fail('no tooltip over a thread row');
    // zoomed in until slices are wide: the tooltip names state, start, duration
    T.setView(full.t0 + (full.t1 - full.t0) * 0.5, full.t0 + (full.t1 - full.t0) * 0.5 + 20000);
    mouse('mousemove', L.labelW + L.plotW * 0.5, y);
    out.tooltip_zoomed = tip.innerText;
    ['state', 'start', 'duration'].forEach(function (w) { if (tip.innerText.indexOf(w) < 0) fail('zoomed tooltip lacks ' + w); });
    mouse('mousemove', -50, -50);   // leave
    mouse('mousemove', L.width + 500, y);
    if (tip.style.display === 'block') fail('the tooltip stays after the pointer left');
    // toggles
    ['show-drops', 'show-forced', 'show-other'].forEach(function (id) {
      var b = document.getElementById(id); b.click(); T.redraw(); b.click();
    });
    // redraw costs
    function timeIt(n) { var t = performance.now(); for (var i = 0; i < n; i++) T.redraw(); return (performance.now() - t) / n; }
    T.reset(); out.redraw_full_ms = timeIt(5);
    T.setView(full.t0, full.t0 + (full.t1 - full.t0) / 20); out.redraw_20x_ms = timeIt(5);
    T.setView(full.t0, full.t0 + 50000); out.redraw_50ms_ms = timeIt(5);
    T.reset();
  } catch (e) { fail('exception: ' + e + ' ' + (e.stack || '')); }
  document.body.setAttribute('data-selftest', JSON.stringify(out));
})();
</script>
"""


# -- the tests ---------------------------------------------------------------

def static_checks(template):
    lines = template.split("\n")
    check("template: one placeholder line",
          sum(1 for line in lines if line.strip() == make_fixture.PLACEHOLDER) == 1
          and template.count("GILVM_TRACE_DATA") == 1)
    bad = [c for c in set(template) if ord(c) > 127]
    check("template: pure ASCII", not bad, f"non-ASCII characters: {bad!r}")
    check("template: fits a C++ raw string R\"(...)\"", ')"' not in template)
    no_net = template.replace("http://www.w3.org/2000/svg", "")  # a namespace name, never fetched
    found = [p for p in (r"https?://", r"<(script|img|iframe|audio|video|source|embed|input)\b[^>]*\ssrc\s*=", r"<link\b", r"@import", r"url\(", r"\bfetch\(",
                         r"XMLHttpRequest", r"WebSocket", r"@font-face", r"<iframe", r"<img")
             if re.search(p, no_net, re.I)]
    check("template: nothing that loads from elsewhere", not found, f"found {found}")


def dom_checks(name, html_path, data, browser):
    p, secs = browser.dump_dom(html_path)
    if not check(f"{name}: --dump-dom runs", p.returncode == 0 and "<body" in p.stdout,
                 f"exit {p.returncode}\n{p.stderr[-1500:]}"):
        return None
    dom = Dom(p.stdout)
    n = len(data["threads"])
    check(f"{name}: no script error", "data-error" not in dom.body and not dom.text.get("error", "").strip(),
          dom.body.get("data-error") or dom.text.get("error"))
    check(f"{name}: the page drew its picture", "data-render-ms" in dom.body, dom.body)
    got = [r[0] for r in dom.thread_rows]
    check(f"{name}: one .thread-row per thread", got == [str(k) for k in range(n)],
          f"data-thread of the rows: {got}, threads: {n}")
    names = [r[1] for r in dom.thread_rows]
    check(f"{name}: the rows carry the thread names", names == [t["name"] for t in data["threads"]], names)
    check(f"{name}: #legend with every state", "legend" in dom.ids and dom.legend_states == data["states"],
          f"legend states {dom.legend_states}")
    check(f"{name}: table#stats with one row per thread",
          "stats" in dom.ids and len(dom.stats_rows) == n
          and [r[0] for r in dom.stats_rows] == [t["name"] for t in data["threads"]],
          f"{len(dom.stats_rows)} rows: {[r[:1] for r in dom.stats_rows]}")
    check(f"{name}: the table has the data's columns",
          dom.stats_head and dom.stats_head[0] == data["stats"]["columns"], dom.stats_head)
    check(f"{name}: title and verdict shown",
          dom.text.get("title", "").strip() == data["title"]
          and dom.text.get("verdict", "").strip() == data["stats"]["verdict"],
          f"{dom.text.get('title')!r} / {dom.text.get('verdict')!r}")
    check(f"{name}: 'How to read this' note", "How to read this" in dom.text.get("howto", "")
          and "GIL" in dom.text.get("howto-text", ""))
    return dom, secs


def screenshot_checks(name, html_path, browser, tmp, want):
    png = os.path.join(tmp, name + ".png")
    p, secs = browser.screenshot(html_path, png)
    if not check(f"{name}: --screenshot writes a PNG", p.returncode == 0 and os.path.exists(png),
                 f"exit {p.returncode}\n{p.stderr[-1500:]}"):
        return None
    try:
        w, h, counts = colour_counts(png)
    except Exception as e:  # noqa: BLE001
        check(f"{name}: the screenshot decodes", False, repr(e))
        return None
    top = max(counts.values())
    check(f"{name}: the screenshot is 1400x900 and not blank",
          (w, h) == (1400, 900) and len(counts) >= 20 and top < 0.97 * w * h,
          f"{w}x{h}, {len(counts)} colours, most common {top / (w * h):.1%}")
    for state in want:
        n = near(counts, COLORS[state])
        check(f"{name}: the screenshot shows the {state} colour", n >= 200,
              f"{n} pixels near {COLORS[state]}")
    return png


def interaction_checks(name, html_path, browser):
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    i = page.rindex("</body>")
    test_page = html_path[:-5] + ".selftest.html"
    with open(test_page, "w", encoding="utf-8") as f:
        f.write(page[:i] + SELFTEST + page[i:])
    p, _ = browser.dump_dom(test_page)
    m = re.search(r'data-selftest="([^"]*)"', p.stdout)
    if not check(f"{name}: the interaction script ran", m is not None, p.stderr[-1500:]):
        return None
    res = json.loads(html.unescape(m.group(1)))
    check(f"{name}: zoom, pan, selection, reset, tooltip and toggles work", res.get("ok"),
          "\n".join(res.get("errors", [])) + "\ntooltip: " + repr(res.get("tooltip_zoomed")))
    return res


REAL_RUN = '''
import threading, time
def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
ts = [threading.Thread(target=spin, args=(0.3,), name=f"cpu{k}") for k in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
'''


def real_run_checks(gilvm, out, browser):
    """A page gilvm itself wrote, from a real run: the same DOM and picture checks."""
    path = os.path.join(out, "real_run.html")
    p = subprocess.run([os.path.abspath(gilvm), f"--gil-timeline={path}", "-c", REAL_RUN],
                       capture_output=True, text=True, timeout=60)
    if not check("real run: gilvm wrote the page", p.returncode == 0 and os.path.exists(path), p.stderr[-800:]):
        return
    with open(path, encoding="utf-8") as f:
        m = re.search(r'window\.GILVM_TRACE = (\{"version".*?\});\n', f.read(), re.S)
    if not check("real run: the page holds gilvm's data", m is not None):
        return
    data = json.loads(m.group(1))
    print(f"real run: {os.path.getsize(path):,} bytes, {len(data['threads'])} threads, "
          f"{len(data['slices']):,} slices", flush=True)
    dom_checks("real run", path, data, browser)
    screenshot_checks("real_run", path, browser, out, ["running", "waiting", "lock"])


def main(argv):
    ap = argparse.ArgumentParser(description="tests of the GIL timeline page in headless Chromium")
    ap.add_argument("--keep", help="write the fixtures, pages and screenshots here and keep them")
    ap.add_argument("--docs-png", help="also copy the CPU-bound screenshot to this file")
    ap.add_argument("--gilvm", help="also check a page written by this gilvm (--gil-timeline) "
                                    "for a real run of two CPU-bound threads")
    args = ap.parse_args(argv)

    with open(make_fixture.TEMPLATE, encoding="utf-8") as f:
        template = f.read()
    static_checks(template)

    exe = find_chromium() or install_chromium()
    if not check("chromium is installed", exe is not None, "neither chromium nor chromium-browser on PATH"):
        return checks.summary()
    ver = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"browser: {ver}")

    tmp_root = tempfile.mkdtemp(prefix="gilvm-timeline-")
    out = os.path.abspath(args.keep) if args.keep else os.path.join(tmp_root, "pages")
    os.makedirs(out, exist_ok=True)
    browser = Browser(exe, tmp_root)
    try:
        want_colours = {"cpu_bound": ["running", "waiting", "lock"],
                        "io_bound": ["running", "io", "lock"],
                        "huge": ["running", "waiting", "io", "lock"]}
        for name in make_fixture.NAMES:
            html_path, data = make_fixture.write(name, out)
            size = os.path.getsize(html_path)
            with open(html_path, encoding="utf-8") as f:
                filled = f.read()
            check(f"{name}: the placeholder was replaced",
                  make_fixture.PLACEHOLDER not in filled and "window.GILVM_TRACE = {" in filled)
            print(f"{name}: {size:,} bytes, {len(data['threads'])} threads, "
                  f"{len(data['slices']):,} slices", flush=True)
            if name == "huge":
                check("huge: the HTML is under 5 MB", size < MAX_HTML_BYTES, f"{size:,} bytes")
                check("huge: ~200k slices", len(data["slices"]) >= 150_000, len(data["slices"]))
            got = dom_checks(name, html_path, data, browser)
            if got:
                dom, secs = got
                b = dom.body
                print(f"{name}: headless load {secs:.2f} s; in the page: first picture at "
                      f"{b.get('data-render-ms')} ms after navigation (data script "
                      f"{b.get('data-data-ms')} ms, page and picture {b.get('data-init-ms')} ms)", flush=True)
                if name == "huge":
                    ms = float(b.get("data-render-ms", "1e9"))
                    check(f"huge: the first picture within {LOAD_LIMIT_MS} ms of navigation",
                          ms <= LOAD_LIMIT_MS, f"{ms:.0f} ms")
                    check(f"huge: the headless load ends within {WALL_LIMIT_S} s", secs <= WALL_LIMIT_S,
                          f"{secs:.1f} s")
            png = screenshot_checks(name, html_path, browser, out, want_colours[name])
            if png and name == "cpu_bound" and args.docs_png:
                shutil.copyfile(png, args.docs_png)
                print(f"wrote {args.docs_png}")
            res = interaction_checks(name, html_path, browser)
            if res:
                print(f"{name}: redraw {res.get('redraw_full_ms', 0):.1f} ms (whole run), "
                      f"{res.get('redraw_20x_ms', 0):.1f} ms (1/20), "
                      f"{res.get('redraw_50ms_ms', 0):.1f} ms (50 ms)", flush=True)
        if args.gilvm:
            real_run_checks(args.gilvm, out, browser)
        # names that need escaping, and the data given as a JSON string
        tricky = make_fixture.cpu_bound()
        tricky["threads"][1]["name"] = "</script><b>bold</b> 'q' \"dq\" \\ \u00e9\u2028x"
        tricky["stats"]["rows"][1][0] = tricky["threads"][1]["name"]
        tricky["title"] = "<img src=x> & ok.py"
        for as_string in (False, True):
            path = os.path.join(out, f"tricky{'_string' if as_string else ''}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(make_fixture.fill(template, tricky, as_string))
            got = dom_checks("tricky names" + (", data as a JSON string" if as_string else ""),
                             path, tricky, browser)
        # odd but readable data: no stats (the page computes time per state),
        # a state it has no colour for, unsorted slices, a mark naming no thread
        odd = {"version": 1, "title": "odd.py", "wall_us": 1000,
               "threads": [{"name": "MainThread"}, {"name": "T"}],
               "states": ["running", "waiting", "io", "lock", "gc"],
               "strings": ["", "gc.collect", "odd.py:3"],
               "slices": [[1, 500, 300, 4, 1, 2], [0, 0, 400, 0, 0, 2], [1, 100, 400, 1, 0, 0, 3],
                          [0, 400, 600, 2, 1, 0], [7, 0, 10, 0, 0, 0], [0, 1, 1, 9, 0, 0]],
               "drops": [[200, 1, 0], [300, 9, 0]], "switches": [[400, 0, 1, 1], [450, 1, 5, 0]]}
        path = os.path.join(out, "odd.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(make_fixture.fill(template, odd))
        p, _ = browser.dump_dom(path)
        dom = Dom(p.stdout)
        check("odd data: no script error", "data-error" not in dom.body and "data-render-ms" in dom.body,
              dom.body.get("data-error") or p.stderr[-800:])
        check("odd data: rows, legend and a computed table",
              [r[0] for r in dom.thread_rows] == ["0", "1"] and dom.legend_states == odd["states"]
              and [r[0] for r in dom.stats_rows] == ["MainThread", "T"] and len(dom.stats_head[0]) == 6,
              f"{dom.thread_rows} {dom.legend_states} {dom.stats_head} {dom.stats_rows}")
        # a zoomed-in view given in the URL
        cpu = os.path.join(out, "cpu_bound.html")
        p, _ = browser.dump_dom(cpu, "#view=100000,130000")
        m = re.search(r'id="viewinfo"[^>]*>([^<]*)<', p.stdout)
        check("#view=T0,T1 opens on that range", m and "100 ms" in m.group(1) and "130 ms" in m.group(1),
              m.group(1) if m else p.stdout[-500:])
        # the bare template (no data) says so instead of failing
        bare = os.path.join(out, "template.html")
        with open(bare, "w", encoding="utf-8") as f:
            f.write(template)
        p, _ = browser.dump_dom(bare)
        check("the bare template says it has no data", "has no trace data" in p.stdout, p.stdout[-800:])
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)

    return checks.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
