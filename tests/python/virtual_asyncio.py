#!/usr/bin/env python3
"""Run an ordinary asyncio program on a VIRTUAL clock, deterministically.

    python3 tests/python/virtual_asyncio.py PROGRAM.py     (or `-` for stdin)
    python3 tests/python/virtual_asyncio.py --batch        (many programs)
    python3 tests/python/virtual_asyncio.py --serve        (many batches)

Prints one JSON object:
    {"stdout": [...lines], "stamps": [...virtual seconds per line],
     "virtualEnd": seconds, "stderr": [...lines], "error": null | "Type: msg"}

With --batch, stdin holds a JSON array of program texts and stdout gets a
JSON array of those objects, one per program, in order. With --serve, each
line of stdin is such a JSON array and gets one line of stdout in answer,
until stdin ends (no start-up cost per batch). Each program starts
as it would in a fresh process: a fresh __main__, the clock at 0.0, task
names from Task-1 and warnings shown again (each runs in a forked child:
see run_isolated).

The point is to get CPython's *own* scheduling order and timer arithmetic,
only without waiting: the event loop is CPython's real loop
(BaseEventLoop._run_once is not touched); only these things are swapped:
  * loop.time()             -> the virtual clock (BaseEventLoop.time normally
                               returns time.monotonic()),
  * the selector            -> a fake whose select(timeout) does no I/O and
                               just moves the clock forward by `timeout`,
  * time.sleep/time/monotonic/perf_counter -> the same virtual clock,
  * worker threads (to_thread, run_in_executor) take turns on that clock
                               (virtual_threads.py),
  * time.thread_time        -> each thread's CPU clock, read while computing:
                               computing threads take turns for the GIL,
                               processes compute in parallel (virtual_threads.py).
Written for CPython 3.11.
"""
import asyncio
import gc
import io
import itertools
import json
import os
import selectors
import signal
import sys
import threading
import time
import types
import warnings

import virtual_threads


class Clock:
    """The single virtual clock shared by the whole program (all loops,
    code before/after asyncio.run). Starts at 0.0."""
    now = 0.0


class Deadlock(BaseException):
    """Raised when the real loop would block forever in select(None).
    BaseException so that a program's `except Exception` cannot hide it."""


# Threads (to_thread, run_in_executor) run on the same clock: see virtual_threads.py.
THREADS, _thread_aware_sleep, _virtual_thread_time = virtual_threads.install(Clock)
# Real seconds to wait for a thread outside the pools (asyncio.run's
# shutdown_default_executor joins the pool's threads in one) before calling
# a loop with nothing scheduled a deadlock.
REAL_WAIT_FOR_STRAY_THREADS = 5.0


class VirtualSelector(selectors.SelectSelector):
    """SelectSelector keeps the fd bookkeeping that SelectorEventLoop needs
    (its self-pipe is registered in BaseSelectorEventLoop._make_self_pipe),
    but select() does no I/O: it moves the clock."""

    loop = None  # set by VirtualEventLoop

    def select(self, timeout=None):
        # BaseEventLoop._run_once computes timeout as
        #   0 if callbacks are ready, else
        #   min(max(0, next_timer_when - self.time()), MAXIMUM_SELECT_TIMEOUT)
        #   else None (nothing ready, no timers).
        # Blocking for `timeout` seconds == advancing the clock by exactly it,
        # letting worker threads run on the way (a thread that finishes calls
        # call_soon_threadsafe, which ends the wait early, as the self-pipe
        # would); _run_once then adds _clock_resolution itself to pick ready timers.
        limit = None if timeout is None else Clock.now + timeout
        THREADS.waits()  # the loop's thread stops computing (time.thread_time)
        THREADS.run_until(limit, stop_early=lambda: bool(self.loop._ready))
        # A thread's call_soon_threadsafe wrote to the self-pipe: report it
        # readable, as a real select would (it queues _read_from_self).
        events = super().select(0)
        if events or self.loop._ready or timeout is not None:
            return events
        if threading.active_count() > 1:
            events = super().select(REAL_WAIT_FOR_STRAY_THREADS)
            if events:
                return events
        raise Deadlock("event loop would block forever: no ready "
                       "callbacks and no timers scheduled")


class VirtualEventLoop(asyncio.SelectorEventLoop):
    """CPython's real (Unix) selector event loop, on the virtual clock.
    _clock_resolution is left as BaseEventLoop.__init__ sets it
    (time.get_clock_info('monotonic').resolution)."""

    def __init__(self):
        super().__init__(selector=VirtualSelector())
        self._selector.loop = self

    def time(self):  # overrides BaseEventLoop.time (time.monotonic())
        return Clock.now


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    # BaseDefaultEventLoopPolicy.new_event_loop() returns self._loop_factory();
    # asyncio.run -> Runner._lazy_init -> events.new_event_loop() -> here.
    _loop_factory = VirtualEventLoop


def _now():
    return Clock.now


class LineRecorder(io.TextIOBase):
    """Stand-in for sys.stdout / sys.stderr: splits the text into lines and
    notes the virtual time at which each line was completed ('\\n' written)."""

    def __init__(self):
        self.lines, self.stamps, self._partial = [], [], ""

    def writable(self):
        return True

    def write(self, s):
        *done, self._partial = (self._partial + s).split("\n")
        for line in done:
            self.lines.append(line)
            self.stamps.append(Clock.now)
        return len(s)

    def finish(self):  # an unterminated last line completes at program end
        if self._partial:
            self.write("\n")


def run(source, filename="<program>"):
    """Run program text; return the result dict. Patches process-wide state
    (time module, policy, sys.std*), so run one program per process, or
    call reset_process_state() between programs (run_batch does): task
    names (Task-1, ...) come from asyncio's global counter."""
    for name in ("time", "monotonic", "perf_counter"):
        setattr(time, name, _now)
    time.sleep = _thread_aware_sleep
    time.thread_time = _virtual_thread_time
    asyncio.set_event_loop_policy(VirtualPolicy())

    out, err = LineRecorder(), LineRecorder()
    real_out, real_err, real_main = sys.stdout, sys.stderr, sys.modules["__main__"]
    # warnings.showwarning and logging's lastResort handler (used by the
    # 'asyncio' logger for "Task exception was never retrieved") both look up
    # sys.stderr at write time, so swapping sys.stderr captures them.
    sys.stdout, sys.stderr = out, err
    main = types.ModuleType("__main__")  # like runpy: a fresh __main__
    main.__file__ = filename
    sys.modules["__main__"] = main
    sys.argv = [filename]
    error = None
    try:
        exec(compile(source, filename, "exec"), main.__dict__)
        # Like interpreter exit: concurrent.futures joins the pools' threads.
        THREADS.run_until(None)
    except SystemExit as e:
        if e.code not in (None, 0):
            error = f"SystemExit: {e.code}"
    except BaseException as e:  # noqa: BLE001 - report anything uncaught
        msg = str(e)
        error = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
    finally:
        # (`e` and its traceback are already dropped: Python deletes the
        # except-variable.) Like interpreter shutdown: clear globals and collect cycles while
        # stderr is still captured, so late "never retrieved" logs land here.
        main.__dict__.clear()
        gc.collect()
        out.finish()
        err.finish()
        sys.stdout, sys.stderr = real_out, real_err
        sys.modules["__main__"] = real_main
    return {"stdout": out.lines, "stamps": out.stamps, "virtualEnd": Clock.now,
            "stderr": err.lines, "error": error}


def reset_process_state():
    """Undo what one program leaves behind in the process: the virtual clock
    back to 0.0, the pure-Python Task's name counter (tasks.py) back to 1,
    and the warnings filters' version bumped, which invalidates every
    module's __warningregistry__ (a warning shown once per place shows
    again). The C Task (_asyncio) keeps its own counter, which Python cannot
    reset: that is why run_batch forks."""
    Clock.now = 0.0
    asyncio.tasks._task_name_counter = itertools.count(1)
    warnings._filters_mutated()


# A program that runs longer than this (in real seconds) is stopped in --batch mode.
BATCH_PROGRAM_TIMEOUT = 20


def run_isolated(source, filename="<stdin>"):
    """run(source) in a forked child of this process, so it starts exactly as
    in a fresh CPython (names from Task-1: the C Task's counter is a static
    of _asyncio, still 0 here because this parent never makes a task) at
    the cost of a fork (~1 ms) instead of a start-up (~50 ms)."""
    if not hasattr(os, "fork"):  # no fork: reset what can be reset
        reset_process_state()
        return run(source, filename)
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the JSON back, leave without cleanup
        status = 0
        try:
            os.close(read_end)
            signal.alarm(BATCH_PROGRAM_TIMEOUT)
            reset_process_state()
            data = json.dumps(run(source, filename)).encode()
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001 - the parent reports a missing result
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        return json.loads(data)
    why = (f"killed by signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
           else f"exit status {os.WEXITSTATUS(status)}")
    return {"stdout": [], "stamps": [], "virtualEnd": None, "stderr": [],
            "error": f"HarnessError: the program's process ended without a result ({why})"}


def run_batch(sources):
    """Run each program text as if alone in a fresh process; list of results."""
    # Objects made so far (modules, this file) go to the permanent generation:
    # the children's gc.collect() then skips them, so they are not copied on write.
    gc.collect()
    gc.freeze()
    return [run_isolated(source) for source in sources]


def read_sources(text):
    sources = json.loads(text)
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        sys.exit("--batch and --serve read JSON arrays of program texts")
    return sources


def serve(stdin, stdout):
    """--serve: one JSON array of programs per input line, one JSON array of
    results per output line, flushed at once."""
    for request in stdin:
        if request.strip():
            stdout.write(json.dumps(run_batch(read_sources(request))) + "\n")
            stdout.flush()


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: virtual_asyncio.py PROGRAM.py | - | --batch | --serve")
    if argv[1] == "--batch":
        results = run_batch(read_sources(sys.stdin.read()))
        # One result per line: still one JSON array, easy to read.
        sys.stdout.write("[\n" + ",\n".join(json.dumps(r) for r in results) + "\n]\n")
        return
    if argv[1] == "--serve":
        serve(sys.stdin, sys.stdout)
        return
    if argv[1] == "-":
        source, filename = sys.stdin.read(), "<stdin>"
    else:
        with open(argv[1], encoding="utf-8") as f:
            source, filename = f.read(), argv[1]
    print(json.dumps(run(source, filename)))


if __name__ == "__main__":
    main(sys.argv)
