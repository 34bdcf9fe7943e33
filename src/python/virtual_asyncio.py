"""Run an ordinary asyncio program on a VIRTUAL clock, deterministically, under CPython 3.14.

The tests run it in Pyodide (CPython 3.14 compiled to WebAssembly, from npm), one instance per
Node worker thread (tests/support/pyodide.ts), many programs one after another:

    run_program(source) -> {"stdout": [...lines], "stamps": [...virtual seconds per line],
                            "virtualEnd": seconds, "stderr": [...lines], "error": None | "Type: msg"}

Each program starts as it would in a fresh CPython process (reset()): a fresh __main__, the clock at
0.0, task names from Task-1, warnings shown again, no event loop policy or running loop left over.

The point is to get CPython's *own* scheduling order and timer arithmetic, only without waiting:
the event loop is CPython's BaseEventLoop (_run_once is not touched); only these things are swapped:
  * loop.time()             -> the virtual clock (BaseEventLoop.time normally returns
                               time.monotonic()),
  * the selector            -> a null selector whose select(timeout) does no I/O and just moves the
                               clock forward by `timeout`, while modelled threads run on the way,
  * the self-pipe           -> emulated: call_soon_threadsafe "writes" to it, and the next select
                               reports it readable, so _process_events queues one _read_from_self
                               handle, as Linux's SelectorEventLoop does (BaseSelectorEventLoop),
  * time.sleep/time/monotonic/perf_counter -> the same virtual clock,
  * time.thread_time        -> each thread's CPU clock, read while computing,
  * threads and processes   -> a model (virtual_threads.py): Pyodide cannot start threads.
A program that would wait forever raises Deadlock instead. Stopping a program that runs too long is
the host's job (tests/support/pyodide.ts stops its worker thread).

It also runs under a native CPython (3.11+), one program per process, e.g. for the benchmark:
    python3 tests/python/virtual_asyncio.py PROGRAM.py     (or `-` for stdin)
"""
import asyncio
import gc
import importlib.util
import inspect
import io
import json
import linecache
import logging
import os
import sys
import time
import traceback
import types
import warnings
from asyncio import events, futures, timeouts

import virtual_threads
from virtual_threads import Deadlock, NotModelled  # noqa: F401 - part of this module's interface


class Clock:
    """The single virtual clock shared by the whole program (all loops, code before/after
    asyncio.run). Starts at 0.0."""
    now = 0.0


THREADS = virtual_threads.install(Clock)

# BaseEventLoop.__init__ sets _clock_resolution to time.get_clock_info('monotonic').resolution,
# which _run_once adds to the clock to pick the timers that are due: Linux's, where readers run.
LINUX_MONOTONIC_RESOLUTION = 1e-09


class NullSelector:
    """The selector BaseEventLoop._run_once calls: select() waits on the virtual clock."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        return self._loop._wait(timeout)

    def get_map(self):
        return {}

    def close(self):
        pass


class VirtualEventLoop(asyncio.BaseEventLoop):
    """CPython's BaseEventLoop on the virtual clock, doing what Linux's SelectorEventLoop does
    around its selector (named like it, as a program that prints its loop sees it)."""

    def __init__(self):
        if THREADS.job is not None:
            raise NotModelled("an event loop in a thread or process (not modelled)")
        super().__init__()
        self._clock_resolution = LINUX_MONOTONIC_RESOLUTION
        self._selector = NullSelector(self)
        # BaseSelectorEventLoop._make_self_pipe registers the pipe's reading end with this handle.
        self._self_pipe_bytes = 0
        self._self_reader = events.Handle(self._read_from_self, (), self, None)

    def time(self):  # overrides BaseEventLoop.time (time.monotonic())
        return Clock.now

    def _write_to_self(self):  # BaseSelectorEventLoop._write_to_self sends a byte to the pipe
        self._self_pipe_bytes += 1

    def _read_from_self(self):  # ... and _read_from_self reads all there is
        self._self_pipe_bytes = 0

    def _process_events(self, event_list):  # BaseSelectorEventLoop._process_events, for the pipe
        for handle in event_list:
            self._add_callback(handle)

    def _wait(self, timeout):
        # BaseEventLoop._run_once computes timeout as 0 if callbacks are ready, else the time to
        # the next timer (at most MAXIMUM_SELECT_TIMEOUT), else None. Blocking for `timeout` seconds
        # == advancing the clock by exactly it, letting modelled threads run on the way (a job that
        # ends calls call_soon_threadsafe, which ends the wait early, as the self-pipe would).
        limit = None if timeout is None else Clock.now + timeout
        THREADS.waits()  # the loop's thread stops computing (time.thread_time)
        THREADS.run_until(limit, stop_early=lambda: bool(self._ready))
        if self._self_pipe_bytes:
            return [self._self_reader]
        if self._ready or timeout is not None:
            return []
        raise Deadlock("event loop would block forever: no ready callbacks and no timers scheduled")

    def call_soon_threadsafe(self, callback, *args, context=None):
        if THREADS.job is None:
            return super().call_soon_threadsafe(callback, *args, context=context)
        # From a modelled thread: the handle reaches the loop when the job's playback gets there.
        self._check_closed()
        handle = events._ThreadSafeHandle(callback, args, self, context)

        def deliver():
            if not self.is_closed():
                self._ready.append(handle)
                self._write_to_self()

        THREADS.job.happenings.append(("call", deliver, None, None))
        return handle

    async def shutdown_default_executor(self, timeout=None):
        # BaseEventLoop.shutdown_default_executor, whose helper thread (_do_shutdown:
        # executor.shutdown(wait=True), then call_soon_threadsafe) is modelled: it acts once the
        # default pool has no job left.
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()

        def joined():
            if not self.is_closed():
                self.call_soon_threadsafe(futures._set_result_unless_cancelled, future, None)

        self._default_executor.shutdown(wait=False)
        self._default_executor.when_idle(joined)
        try:
            async with timeouts.timeout(timeout):
                await future
        except TimeoutError:
            warnings.warn("The executor did not finishing joining "
                          f"its threads within {timeout} seconds.",
                          RuntimeWarning, stacklevel=2)
            self._default_executor.shutdown(wait=False)


VirtualEventLoop.__name__ = VirtualEventLoop.__qualname__ = "_UnixSelectorEventLoop"

# 3.14 deprecates the policy system but still creates asyncio.run's loop through it
# (Runner._lazy_init -> events.new_event_loop -> _get_event_loop_policy().new_event_loop()); the
# private names do not warn. (Before 3.14 they were public.)
_BasePolicy = getattr(events, "_BaseDefaultEventLoopPolicy", None) or events.BaseDefaultEventLoopPolicy
_set_policy = getattr(events, "_set_event_loop_policy", None) or asyncio.set_event_loop_policy


class VirtualPolicy(_BasePolicy):
    _loop_factory = VirtualEventLoop


class LineRecorder(io.TextIOBase):
    """Stand-in for sys.stdout / sys.stderr: splits the text into lines and notes the virtual time
    at which each line was completed ('\\n' written)."""

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


class ProcessExit(BaseException):
    """os._exit(status) in a program: it would end the whole process, here the program."""


def _exit(status):
    raise ProcessExit(status)


_TIME = ("time", "monotonic", "perf_counter", "sleep", "thread_time")


def run(source, filename="<stdin>"):
    """Run program text; return the result dict. While it runs, time, sys.std*, os._exit and the
    modelled threads are patched in; call reset() first when this process ran a program before
    (run_program does)."""
    real_time = {name: getattr(time, name) for name in _TIME if hasattr(time, name)}
    for name in ("time", "monotonic", "perf_counter"):
        setattr(time, name, THREADS.now)
    time.sleep = THREADS.sleep
    time.thread_time = lambda: THREADS.thread_time(sys._getframe(1))
    THREADS.patch()

    out, err = LineRecorder(), LineRecorder()
    real_out, real_err, real_main, real_exit = sys.stdout, sys.stderr, sys.modules["__main__"], os._exit
    # warnings.showwarning and logging's lastResort handler (used by the 'asyncio' logger for "Task
    # exception was never retrieved") both look up sys.stderr at write time, so swapping sys.stderr
    # captures them.
    sys.stdout, sys.stderr = out, err
    os._exit = _exit
    main = types.ModuleType("__main__")  # like runpy: a fresh __main__
    main.__file__ = filename
    sys.modules["__main__"] = main
    sys.argv = [filename]
    error = where = None
    # A traceback quotes the program's lines, as it would from a file.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        exec(compile(source, filename, "exec"), main.__dict__)
        # Like interpreter exit: concurrent.futures joins the pools' threads.
        THREADS.run_until(None)
    except SystemExit as e:
        if e.code not in (None, 0):
            error = f"SystemExit: {e.code}"
    except ProcessExit as e:
        error = f"HarnessError: os._exit({e.args[0]}) ended the program's process"
    except BaseException as e:  # noqa: BLE001 - report anything uncaught
        msg = str(e)
        error = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
        where = _program_traceback(e, filename)
    finally:
        # (`e` and its traceback are already dropped: Python deletes the except-variable.) Like
        # interpreter shutdown: clear globals and collect cycles while stderr is still captured, so
        # late "never retrieved" logs land here.
        main.__dict__.clear()
        gc.collect()
        out.finish()
        err.finish()
        sys.stdout, sys.stderr = real_out, real_err
        sys.modules["__main__"] = real_main
        os._exit = real_exit
        THREADS.unpatch()
        for name in _TIME:  # (Pyodide's time has no thread_time: emscripten lacks the clock)
            if name in real_time:
                setattr(time, name, real_time[name])
            else:
                delattr(time, name)
    result = {"stdout": out.lines, "stamps": out.stamps, "virtualEnd": Clock.now,
              "stderr": err.lines, "error": error}
    if where is not None:
        result["errorLine"], result["traceback"] = where
    return result


def _program_traceback(exc, filename):
    """Where an uncaught exception came from in the program: its last line there, and the traceback
    Python would print, cut to the program's own frames (asyncio's are noise to a reader)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    lines = ["Traceback (most recent call last):"] if frames else []
    lines += "".join(traceback.format_list(frames)).rstrip("\n").split("\n") if frames else []
    lines += "".join(traceback.format_exception_only(exc)).rstrip("\n").split("\n")
    return (frames[-1].lineno if frames else None), lines


# -- Each program as in a fresh process -------------------------------------------------------------

def _asyncio_modules():
    return [(name, m) for name, m in list(sys.modules.items())
            if name == "asyncio" or name.startswith("asyncio.")]


# The C accelerator asyncio bound at import (Lib/asyncio/futures.py, tasks.py, events.py take
# Future, Task, current_task, _get_running_loop, ... from it) and asyncio's module dicts as imported.
_C_ASYNCIO = sys.modules["_asyncio"]
_C_NAMES = {id(v): k for k, v in vars(_C_ASYNCIO).items() if callable(v)}
_PRISTINE = {name: dict(vars(m)) for name, m in _asyncio_modules()}
_CLASSES = {cls: dict(vars(cls)) for namespace in _PRISTINE.values() for cls in namespace.values()
            if isinstance(cls, type) and cls.__module__.startswith("asyncio.")}
# tasks._GatheringFuture subclasses futures.Future: it is made again on top of each fresh Future.
_lines, _first = inspect.getsourcelines(asyncio.tasks._GatheringFuture)
_GATHERING = compile("\n" * (_first - 1) + "".join(_lines), asyncio.tasks.__file__, "exec")
_WARNING_FILTERS = list(warnings.filters)
_CWD = os.getcwd()
_SYS_HOOKS = sys.excepthook, sys.unraisablehook, sys.displayhook, sys.getrecursionlimit()
_LOGGERS = {name: logging.getLogger(name) for name in ("", "asyncio", "concurrent.futures")}
_LOGGER_STATE = {name: (lg.level, list(lg.handlers), lg.propagate, lg.disabled) for name, lg in _LOGGERS.items()}


def _restore_asyncio():
    """Undo what the last program changed in asyncio's modules and classes (Handle._run, ...)."""
    for name, module in _asyncio_modules():
        if name in _PRISTINE:
            namespace = vars(module)
            namespace.clear()
            namespace.update(_PRISTINE[name])
    for cls, pristine in _CLASSES.items():
        current = vars(cls)
        for key in [k for k in current if k not in pristine]:
            delattr(cls, key)
        for key in [k for k, v in pristine.items() if current.get(k) is not v]:
            setattr(cls, key, pristine[key])


def _fresh_c_asyncio():
    """A new instance of _asyncio, bound wherever asyncio's modules bound the first one. Since 3.12
    _asyncio has per-module state (multi-phase init, Modules/_asynciomodule.c), and that state holds
    the counter that names tasks Task-1, Task-2, ...: a new instance counts from 1 again, as in a
    fresh process, for the cost of creating a module (re-importing asyncio costs ~0.4 s)."""
    spec = _C_ASYNCIO.__spec__
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    for _, module in _asyncio_modules():
        namespace = vars(module)
        for key, value in namespace.items():
            c_name = _C_NAMES.get(id(value))
            if c_name is not None and value is getattr(_C_ASYNCIO, c_name):
                namespace[key] = getattr(fresh, c_name)
    exec(_GATHERING, vars(asyncio.tasks))
    # eager_task_factory closes over the Task class of its day: make it again over the fresh one.
    factory = asyncio.tasks.create_eager_task_factory(asyncio.tasks.Task)
    for module in (asyncio, asyncio.tasks):
        vars(module)["eager_task_factory"] = factory
    sys.modules["_asyncio"] = fresh


def reset():
    """Give the next program what a fresh CPython process would."""
    Clock.now = 0.0
    THREADS.reset()
    _restore_asyncio()
    _fresh_c_asyncio()
    events._set_running_loop(None)  # Pyodide runs its own loop (WebLoop): asyncio.run would refuse
    os.chdir(_CWD)
    _set_policy(VirtualPolicy())
    # The warnings filters as at start-up, and their version bumped, which invalidates every
    # module's __warningregistry__ (a warning shown once per place shows again).
    warnings.filters[:] = _WARNING_FILTERS
    warnings._filters_mutated()
    sys.excepthook, sys.unraisablehook, sys.displayhook = _SYS_HOOKS[:3]
    sys.setrecursionlimit(_SYS_HOOKS[3])
    for name, logger in _LOGGERS.items():
        logger.level, handlers, logger.propagate, logger.disabled = _LOGGER_STATE[name]
        logger.handlers[:] = handlers
    logging.disable(logging.NOTSET)


def run_program(source, instrument=None):
    """reset(), then run(source). `instrument`, if given, is called after the reset and returns a
    function called after the program; what that returns is the result's "extra"."""
    reset()
    finish = instrument() if instrument is not None else None
    try:
        result = run(source)
    finally:
        extra = finish() if finish is not None else None
    if extra is not None:
        result["extra"] = extra
    return result


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: virtual_asyncio.py PROGRAM.py | -")
    if argv[1] == "-":
        source, filename = sys.stdin.read(), "<stdin>"
    else:
        with open(argv[1], encoding="utf-8") as f:
            source, filename = f.read(), argv[1]
    events._set_running_loop(None)
    _set_policy(VirtualPolicy())
    print(json.dumps(run(source, filename)))


if __name__ == "__main__":
    main(sys.argv)
