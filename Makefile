# gilvm — the two set-up commands, on a fresh Debian 12 machine:
#
#   make run     install what is missing, build build/gilvm, run samples/01_cpu_bound_threads.py
#                with the GIL's statistics and timeline (build/gil-timeline.html)
#   make test    the same build, then every test: ctest (unit + golden + golden
#                under python3), the golden suite under AddressSanitizer+UBSan,
#                and the threaded tests under ThreadSanitizer
#
# Other targets: deps, build (the default), install, uninstall, bench,
# test-asan, test-tsan, clean, help. Variables: JOBS (parallel jobs, default
# 2), PYTHON, BENCH_ARGS, PREFIX and DESTDIR (install).
# CMake and Ninja do the real work; this file only strings the steps together.
# Ctrl-C stops the step that runs; an interrupted configure step is redone by
# the next make (the marker file build.ninja is only written when it finished).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
# A recipe that fails (or is interrupted) leaves no half-written target behind.
.DELETE_ON_ERROR:
# The steps run one after the other (each one is parallel inside, with Ninja):
# `make -j test` must not build the Release and the sanitizer trees at once on
# a 2-core machine.
.NOTPARALLEL:

JOBS      ?= 2
PYTHON    ?= python3
BUILD     := build
ASAN_DIR  := build-asan
TSAN_DIR  := build-tsan
# The golden tests that start threads, run under ThreadSanitizer by test-tsan:
# a whole directory when every test in it is threaded, else the single files
# (TSan runs are slow: the single-threaded tests of a module stay out). A new
# module's threaded tests are one more line here; run.py takes directories
# and files alike, and fails on a path that does not exist.
THREAD_TESTS := tests/golden/threads
THREAD_TESTS += tests/golden/pickle/threads.py
THREAD_TESTS += tests/golden/mmap/close_while_slicing.py
THREAD_TESTS += tests/golden/subprocess/threads.py
THREAD_TESTS += tests/golden/subprocess/child_signals.py
THREAD_TESTS += tests/golden/subprocess/wait_releases_gil.py
THREAD_TESTS += tests/golden/subprocess/huge_timeouts.py
THREAD_TESTS += tests/golden/multiprocessing
THREAD_TESTS += tests/golden/asyncio/loop_per_thread.py
THREAD_TESTS += tests/golden/asyncio/to_thread.py
THREAD_TESTS += tests/golden/futures
THREAD_TESTS += tests/golden/logging/queue_listener.py
THREAD_TESTS += tests/golden/logging/threads_one_stream.py
THREAD_TESTS += tests/golden/logging/record_attributes.py
THREAD_TESTS += tests/golden/atexit/after_threads.py
# Test scripts that start threads and take the interpreter as argument: the
# GIL's views, and a child waited for while another thread runs.
THREAD_SCRIPTS := tests/gil/test_gil_views.py
THREAD_SCRIPTS += tests/cli/test_subprocess.py
THREAD_SCRIPTS += tests/step/test_step.py
BENCH_ARGS ?=
# make install: PREFIX/bin/gilvm, under DESTDIR when set (a staging root).
PREFIX    ?= /usr/local
DESTDIR   ?=

# --- Debian packages, and why each one is there -----------------------------
DEB_PACKAGES :=
DEB_PACKAGES += g++              # GCC 12: the C++20 compiler (and its sanitizer runtimes)
DEB_PACKAGES += cmake            # the build description (CMakeLists.txt, 3.25)
DEB_PACKAGES += ninja-build      # the generator: fast, parallel, Ctrl-C safe builds
DEB_PACKAGES += pkg-config       # how CMake finds readline
DEB_PACKAGES += catch2           # unit tests (Catch2 2.13)
DEB_PACKAGES += libfmt-dev       # {fmt}: formatting of floats and messages like Python's
DEB_PACKAGES += libreadline-dev  # the REPL: line editing, history, tab completion
DEB_PACKAGES += libpcre2-dev     # re: PCRE2 and its JIT, the engine behind Python's regex syntax
DEB_PACKAGES += zlib1g-dev       # the zlib module: real zlib, not a hand-written one
DEB_PACKAGES += libssl-dev       # hashlib: OpenSSL's well-kept digests, not hand-written ones
DEB_PACKAGES += tmux             # tests/cli drives the REPL in a real terminal (send-keys / capture-pane)
DEB_PACKAGES += chromium         # tests/timeline loads the GIL timeline page in a real (headless) browser
# python3: the golden tests' runner and oracle, and bench/run.py. Only
# installed when there is no python3 on PATH at all (any 3.x will do).
ifeq ($(shell command -v $(PYTHON) 2>/dev/null),)
DEB_PACKAGES += python3
endif

# Root installs directly; anyone else goes through sudo.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Sanitizer runtime options: fail on the first report, with a stack.
# LeakSanitizer stays on (ASan's default): heap still reachable at exit is not
# a leak, so a tracing GC that keeps its heap until exit passes.
export ASAN_OPTIONS  ?= detect_leaks=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
# die_after_fork=0: multiprocessing's forked children start threads (a
# queue's feeder) after a fork from a threaded parent; TSan would kill them
# (it cannot promise exact reports in such a child, but the parent's are).
export TSAN_OPTIONS  ?= halt_on_error=1:second_deadlock_stack=1:die_after_fork=0

# Sanitizer trees are Debug builds at -O1: full debug info, a usable speed.
SAN_CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g"

.PHONY: help deps build install uninstall run test ctest test-asan test-tsan bench clean

help:
	@echo "make run     install what is missing, build, run samples/01 with the GIL statistics and timeline"
	@echo "make test    build, then unit + golden tests, then the sanitizer runs"
	@echo "make bench   gilvm against CPython on bench/*.py (BENCH_ARGS='--runs 9 --filter fib'),"
	@echo "             then bench/concurrency, bench/async and bench/pickle run.py"
	@echo "make install   build, then copy gilvm to \$$PREFIX/bin (PREFIX=/usr/local; DESTDIR honoured)"
	@echo "make uninstall remove what the last make install copied (build/install_manifest.txt)"
	@echo "make deps | build | test-asan | test-tsan | clean"

# --- deps: install only the missing Debian packages --------------------------
deps:
	@if ! command -v dpkg-query >/dev/null; then \
	  echo "deps: not a Debian system; make sure these are installed: $(strip $(DEB_PACKAGES))"; \
	  exit 0; \
	fi; \
	missing=""; \
	for p in $(strip $(DEB_PACKAGES)); do \
	  status=$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null || true); \
	  if [ "$$status" != "install ok installed" ]; then missing="$$missing $$p"; fi; \
	done; \
	if [ -z "$$missing" ]; then \
	  echo "deps: all $(words $(DEB_PACKAGES)) Debian packages already installed"; \
	else \
	  echo "deps: installing$$missing"; \
	  $(SUDO) apt-get -o DPkg::Lock::Timeout=300 update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	    -o DPkg::Lock::Timeout=300 $$missing; \
	fi

# --- build: Release, C++20, into build/ --------------------------------------
# Configured once; after that Ninja re-runs CMake by itself when CMakeLists.txt
# changes. build.ninja is the marker: CMake writes it last.
$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j$(JOBS)

# --- install: CMake's install rules (CMakeLists.txt) ---------------------------
# One file, PREFIX/bin/gilvm: the stdlib and the timeline page are inside the
# binary, so it runs from any folder. CMake lists what it copied in
# build/install_manifest.txt (without DESTDIR), and uninstall removes exactly
# those files under the same DESTDIR (cmake/uninstall.cmake), never a folder.
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

uninstall:
	DESTDIR="$(DESTDIR)" cmake -DMANIFEST="$(abspath $(BUILD))/install_manifest.txt" -P cmake/uninstall.cmake

# The headline sample: CPU-bound threads taking turns on the GIL, with the
# statistics table and the timeline page.
TIMELINE := $(BUILD)/gil-timeline.html
run: build
	./$(BUILD)/gilvm --gil-stats --gil-timeline=$(TIMELINE) samples/01_cpu_bound_threads.py
	@echo
	@echo "The timeline of that run: $(abspath $(TIMELINE))"
	@echo "open it in a web browser (for example: xdg-open $(TIMELINE)); docs/timeline.md says how to read it"

# --- tests -------------------------------------------------------------------
test: ctest test-asan test-tsan
	@echo "make test: all passed"

# Unit tests and the golden suite, under gilvm and under python3 (the oracle).
ctest: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# The golden suite under AddressSanitizer + UBSan: only the gilvm target.
$(ASAN_DIR)/build.ninja: | deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DGILVM_SANITIZE=address $(SAN_CMAKE_FLAGS)

test-asan: deps $(ASAN_DIR)/build.ninja
	cmake --build $(ASAN_DIR) -j$(JOBS) --target gilvm
	$(PYTHON) tests/golden/run.py --interp $(ASAN_DIR)/gilvm tests/golden

# The GIL's unit tests, the threaded golden tests (THREAD_TESTS, above) and
# the threaded test scripts (THREAD_SCRIPTS: the GIL's views — statistics,
# trace, timeline: the accounting runs in every thread — and subprocess's)
# under ThreadSanitizer (the second golden run with a 1 us switch interval: a
# hand-off at almost every safe point; the third under the seeded scheduler,
# whose hand-offs go through other code).
# setarch -R turns off address randomisation for the run where the kernel
# allows it: GCC 12's TSan fails on kernels with 32 bits of mmap randomisation.
NORANDOM = $(shell setarch "$$(uname -m)" -R true 2>/dev/null && echo setarch "$$(uname -m)" -R)

$(TSAN_DIR)/build.ninja: | deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DGILVM_SANITIZE=thread $(SAN_CMAKE_FLAGS)

test-tsan: deps $(TSAN_DIR)/build.ninja
	cmake --build $(TSAN_DIR) -j$(JOBS) --target gilvm gilvm_unit
	$(NORANDOM) ./$(TSAN_DIR)/gilvm_unit "[gil]"
	$(NORANDOM) $(PYTHON) tests/golden/run.py --interp $(TSAN_DIR)/gilvm $(THREAD_TESTS)
	$(NORANDOM) $(PYTHON) tests/golden/run.py --interp $(TSAN_DIR)/gilvm \
	  --interp-arg=--switch-interval=0.000001 --timeout 60 $(THREAD_TESTS)
	$(NORANDOM) $(PYTHON) tests/golden/run.py --interp $(TSAN_DIR)/gilvm \
	  --interp-arg=--sched=seed:1 --timeout 60 $(THREAD_TESTS)
	for script in $(THREAD_SCRIPTS); do $(NORANDOM) $(PYTHON) $$script $(TSAN_DIR)/gilvm; done

# --- bench: gilvm against CPython (not a test) --------------------------------
bench: build
	$(PYTHON) bench/run.py $(BENCH_ARGS)
	$(PYTHON) bench/concurrency/run.py
	$(PYTHON) bench/async/run.py
	$(PYTHON) bench/pickle/run.py

clean:
	rm -rf $(BUILD) $(ASAN_DIR) $(TSAN_DIR)
