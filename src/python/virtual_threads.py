"""Threads and processes on the virtual clock, for virtual_asyncio.py.

THIS PART IS A MODEL, NOT CPYTHON'S THREADS. Pyodide (CPython in WebAssembly, where the tests run
CPython) cannot start a thread, so concurrent.futures' ThreadPoolExecutor and ProcessPoolExecutor
(and through them asyncio.to_thread and loop.run_in_executor) are replaced by pools of modelled
workers, *lanes*, that do what the playground's runtime does with its Web Workers
(src/runtime/executors.ts, job-playback.ts, agenda.ts):

  * a lane takes a job as CPython's worker threads do (ThreadPoolExecutor._adjust_thread_count and
    _worker in Lib/concurrent/futures/thread.py): an idle lane if there is one (the one idle
    longest, as the threads blocked in the work queue's get() are woken first come first served),
    else a new lane while the pool has fewer than max_workers, else the job waits in the queue
    until a lane is free;
  * when a lane takes a job, the function runs at once, synchronously, on the job's own clock:
    time.sleep adds to that clock, time.thread_time() is the lane's CPU clock (two readings from
    the same frame, with no wait between, mean the lane computed for CPU_QUANTUM), time.time(),
    monotonic() and perf_counter() read the job's start plus its own clock, and what it writes to
    sys.stdout / sys.stderr is recorded with its time on that clock;
  * then the job is played back on the virtual clock (the agenda): its writes at their times, its
    sleeps as they are, and each quantum of computing in a thread first waits for the GIL, which
    the main thread shares (first come, first served), so computing threads take turns while
    processes, each with a GIL of its own, compute in parallel;
  * the job's end sets its concurrent.futures.Future, whose callbacks reach asyncio through
    call_soon_threadsafe as from a real thread; then the lane takes the next queued job;
  * the agenda runs only while the main thread waits (the loop's select, time.sleep, a blocking
    result() or wait() on the pools' futures, time.thread_time() while computing), in time order,
    ties in the order the jobs were submitted, as the turns of the earlier model with real threads.

An observer (Scheduler.observer, e.g. the trace recorder) is told what the pools and their lanes
do, on the virtual clock: a pool made, a job queued, started on a lane, done; each of a lane's sleeps
and quanta of computing as it is played back, and its waits for the GIL (Observer lists the calls).
It changes nothing the model does.

What the model cannot show: a job's time.time() does not include its waits for the GIL; its effects
on objects it shares with the program happen when it starts; a job cannot wait for another thread
or start jobs of its own (NotModelled is raised); ProcessPoolExecutor's jobs run in this process
(their function, arguments and result must still pickle, as they would to reach a real process;
threading.current_thread().name is 'MainThread' there, as in a child process). os.cpu_count() and
os.process_cpu_count() are 4, as on the playground's virtual machine.
"""
import collections
import concurrent.futures
import concurrent.futures.thread
import heapq
import itertools
import math
import os
import pickle
import sys
import threading
from asyncio import events
from concurrent.futures import _base

# The computing between two readings of time.thread_time() in a loop: binary-exact, so that a
# second of computing is exactly 256 quanta, and about CPython's GIL switch interval
# (sys.getswitchinterval(), 5 ms).
CPU_QUANTUM = 2.0 ** -8
CPU_COUNT = 4


class Deadlock(BaseException):
    """Raised where CPython would wait forever. BaseException, so that a program's
    `except Exception` cannot hide it."""


class NotModelled(BaseException):
    """A program does with threads what this model cannot play back."""


class Observer:
    """What a Scheduler's observer is told (all times are the virtual clock's, Clock.now when
    called). This one ignores it all; an observer overrides what it wants."""

    def pool_created(self, pool, kind, max_workers):
        """A ThreadPoolExecutor ("thread") or ProcessPoolExecutor ("process") was made."""

    def job_queued(self, pool, future, fn, args, kwargs):
        """fn(*args, **kwargs) entered the pool's queue; `future` is the concurrent.futures.Future
        that submit() returns (a job cancelled while queued is a future cancelled)."""

    def job_started(self, pool, future, lane):
        """A lane (its `label`: the thread's name, or Process-N) took the job: it runs from now."""

    def job_done(self, pool, future, lane, ok, value):
        """The lane's job ended with a result (ok) or an exception (`value`), before its future is
        set."""

    def lane_waits(self, lane, until):
        """The lane's thread waits for the GIL from now until `until` before computing."""

    def lane_holds(self, lane, kind, seconds, given, line):
        """The lane sleeps ("sleep": time.sleep(given)) or computes ("cpu": one quantum, read through
        time.thread_time()) from now for `seconds`; `line` is the program's, where it did (or None)."""

    def lane_held(self, lane, kind):
        """The lane's sleep or quantum that began with lane_holds ends now."""


class _Job:
    """A job while it runs: its lane, where it started on the virtual clock, its own clock and
    what it did: ("write", stream, text, line), ("sleep", seconds, as given, line), ("cpu", seconds, None,
    line) and
    ("call", action, None, None) entries, `line` being the program's (Scheduler.where)."""

    def __init__(self, lane, start):
        self.lane, self.start, self.offset, self.happenings, self.reader = lane, start, 0.0, [], None


class _JobStream:
    """sys.stdout / sys.stderr while a job runs: records each write with the job's time."""

    def __init__(self, job, name, where):
        self.job, self.name, self.where = job, name, where

    def write(self, text):
        self.job.happenings.append(("write", self.name, text, self.where()))
        return len(text)

    def flush(self):
        pass

    def writable(self):
        return True


_MISSING = object()


class Scheduler:
    """The agenda of the modelled workers, and the clocks they and the main thread keep."""

    def __init__(self, clock):
        self.clock = clock  # an object with a float `now`: the virtual clock
        self.observer = Observer()  # told what the pools and lanes do (see Observer)
        self.playing = None  # while a job's write is played back: (its lane, the program's line)
        self.patches = []  # (object, attribute, value): the model, while a program runs
        self.originals = []
        self.counted = []
        self.reset()

    def patch(self):
        """Put the model in place (while a program runs)."""
        self.originals = [(target, name, vars(target).get(name, _MISSING)) for target, name, _ in self.patches]
        for target, name, value in self.patches:
            setattr(target, name, value)

    def unpatch(self):
        for target, name, value in self.originals:
            if value is _MISSING:
                delattr(target, name)
            else:
                setattr(target, name, value)
        self.originals = []

    def reset(self):
        """As in a fresh process: nothing scheduled, clocks at 0, names counted from the start."""
        for pool_class in self.counted:  # ThreadPoolExecutor._counter names pools from 0
            pool_class._counter = itertools.count().__next__
        self.process_numbers = itertools.count(1)  # processes are named Process-1, Process-2, ...
        self.agenda = []  # heap of (when, job order, tie-breaker, action)
        self.ties = itertools.count()
        self.orders = itertools.count()  # jobs in the order they were submitted
        self.job = None  # the job running now (synchronously), if any
        self.gil_free = 0.0  # when the GIL is next free for a quantum of computing
        self.main_cpu = 0.0  # the main thread's CPU clock (time.thread_time())
        self.main_reader = None  # the frame that last read it

    def where(self):
        """The program's line a job is at, for its happenings (None unless an observer says)."""
        return None

    def at(self, when, order, action):
        heapq.heappush(self.agenda, (when, order, next(self.ties), action))

    # -- the main thread waits: the agenda runs ---------------------------------

    def run_until(self, limit, stop_early=None):
        """Play the agenda in time order, moving the clock up to `limit` (None: as far as the agenda
        goes). Returns early, clock unmoved, once `stop_early()` is true after everything due now."""
        if self.job is not None:
            raise NotModelled("a thread or process waits for something that runs beside it (not modelled)")
        while True:
            while self.agenda and self.agenda[0][0] <= self.clock.now:
                heapq.heappop(self.agenda)[3]()
            if stop_early is not None and stop_early():
                return
            if self.agenda and (limit is None or self.agenda[0][0] <= limit):
                self.clock.now = self.agenda[0][0]
                continue
            if limit is not None:
                self.clock.now = max(self.clock.now, limit)
            return

    def wait_main(self, done, timeout):
        """The main thread blocks until done() (a Condition.wait): the agenda runs meanwhile."""
        self.waits()
        limit = None if timeout is None else self.clock.now + max(0.0, timeout)
        self.run_until(limit, stop_early=done)
        if not done() and timeout is None:
            raise Deadlock("the main thread would wait forever: no thread or process is left to wake it")

    # -- what time.* read and do ------------------------------------------------

    def now(self):
        """time.time(), monotonic(), perf_counter(): the virtual clock, or in a job its own."""
        job = self.job
        return self.clock.now if job is None else job.start + job.offset

    def waits(self):
        """The calling thread waits (time.sleep, the loop's select): it does not compute until its
        next reading of time.thread_time()."""
        if self.job is None:
            self.main_reader = None
        else:
            self.job.reader = None

    def sleep(self, seconds):
        """time.sleep: a job's clock moves on; the main thread lets the agenda run meanwhile."""
        given, seconds = seconds, float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.waits()
        job = self.job
        if job is None:
            self.run_until(self.clock.now + seconds)
        else:
            job.offset += seconds
            job.happenings.append(("sleep", seconds, given, self.where()))

    def thread_time(self, reader):
        """time.thread_time() read by the frame `reader`: if the same frame read it last in this
        thread, the thread has computed since, for a quantum (which, on the main thread, first
        waits for the GIL while the agenda runs)."""
        job = self.job
        if job is not None:
            computing, job.reader = job.reader is reader, reader  # held: a later frame cannot reuse its id
            if computing:
                job.lane.cpu_time += CPU_QUANTUM
                job.offset += CPU_QUANTUM
                job.happenings.append(("cpu", CPU_QUANTUM, None, self.where()))
            return job.lane.cpu_time
        computing, self.main_reader = self.main_reader is reader, reader
        if computing:
            start = max(self.clock.now, self.gil_free)
            self.gil_free = start + CPU_QUANTUM
            self.main_cpu += CPU_QUANTUM
            self.run_until(start + CPU_QUANTUM)
        return self.main_cpu

    # -- jobs -------------------------------------------------------------------

    def run_job(self, lane, fn, args, kwargs):
        """Run fn(*args, **kwargs) now, as a job of `lane`: (happenings, ok, result or exception)."""
        if self.job is not None:
            raise NotModelled("a thread or process hands work to a pool (not modelled)")
        job = self.job = _Job(lane, self.clock.now)
        saved = sys.stdout, sys.stderr, events._get_running_loop()
        sys.stdout, sys.stderr = _JobStream(job, "stdout", self.where), _JobStream(job, "stderr", self.where)
        events._set_running_loop(None)  # a worker thread has no running event loop
        try:
            return job.happenings, True, fn(*args, **kwargs)
        except NotModelled:
            raise
        except BaseException as e:  # noqa: BLE001 - _WorkItem.run hands any exception to the future
            return job.happenings, False, e
        finally:
            self.job = None
            sys.stdout, sys.stderr = saved[0], saved[1]
            events._set_running_loop(saved[2])

    def play(self, order, start, happenings, shares_gil, end, lane=None):
        """Place a job's happenings on the virtual clock from `start`; end() runs when it is done.
        The observer is told what `lane` does meanwhile."""
        observer = self.observer

        def hold(i, begin):
            kind, seconds, given, line = happenings[i]
            observer.lane_holds(lane, kind, seconds, given, line)

            def held():
                observer.lane_held(lane, kind)
                go(i + 1, begin + seconds)

            self.at(begin + seconds, order, held)

        def go(i, t):
            while i < len(happenings):
                kind, a, b, line = happenings[i]
                if kind in ("sleep", "cpu"):  # `a` seconds
                    begin = t
                    if kind == "cpu" and shares_gil:  # a thread's quantum first waits for the GIL
                        begin = max(t, self.gil_free)
                        self.gil_free = begin + a
                    if begin > t:  # (the GIL is taken now, for `begin`: its turn comes then)
                        observer.lane_waits(lane, begin)
                        self.at(begin, order, lambda i=i, begin=begin: hold(i, begin))
                    else:
                        hold(i, begin)
                    return
                if kind == "write":
                    self.playing = lane, line
                    try:
                        getattr(sys, a).write(b)  # the stream the program has at that moment
                    finally:
                        self.playing = None
                else:
                    a()  # "call": e.g. the job's call_soon_threadsafe reaching the loop
                i += 1
            end()

        self.at(start, order, lambda: go(0, start))

    def current_thread(self, original):
        job = self.job
        return original() if job is None else job.lane.thread


class _Lane:
    """A modelled worker thread or process."""

    fresh = True  # has taken no job yet

    def __init__(self, thread_name, label=None):
        self.cpu_time = 0.0
        self.thread = threading.Thread(name=thread_name)  # never started: what current_thread() gives
        self.label = label or thread_name  # its name in a trace: the thread's, or Process-N


def install(clock):
    """Make the model: pools for concurrent.futures, threading for a world without other threads.
    Returns the Scheduler, whose patch() puts them in place and unpatch() takes them out, and whose
    now / sleep / thread_time the caller puts in `time`."""
    sched = Scheduler(clock)

    class _Pool(_base.Executor):
        _shares_gil = True
        _kind = "thread"

        def __init__(self, max_workers):
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
            self._lanes, self._idle, self._queue = [], collections.deque(), collections.deque()
            self._shutdown = False
            self._running = 0
            self._when_idle = []
            sched.observer.pool_created(self, self._kind, max_workers)

        def submit(self, fn, /, *args, **kwargs):
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if sched.job is not None:
                raise NotModelled("a thread or process hands work to a pool (not modelled)")
            future = _base.Future()
            self._queue.append((future, fn, args, kwargs, next(sched.orders)))
            sched.observer.job_queued(self, future, fn, args, kwargs)
            if self._idle:
                self._take(self._idle.popleft())
            elif len(self._lanes) < self._max_workers:
                lane = self._new_lane(len(self._lanes))
                self._lanes.append(lane)
                self._take(lane)
            return future

        def _take(self, lane):
            """The lane takes the next job that was not cancelled while queued (_WorkItem.run's
            set_running_or_notify_cancel), or goes idle."""
            while self._queue:
                future, fn, args, kwargs, order = self._queue.popleft()
                if not future.set_running_or_notify_cancel():
                    continue
                self._running += 1
                sched.observer.job_started(self, future, lane)
                happenings, ok, value = self._run(lane, fn, args, kwargs)
                lane.fresh = False
                sched.play(order, sched.clock.now, happenings, self._shares_gil,
                           lambda: self._finish(lane, future, ok, value), lane)
                return
            self._idle.append(lane)
            self._notify_if_idle()

        def _run(self, lane, fn, args, kwargs):
            return sched.run_job(lane, fn, args, kwargs)

        def _finish(self, lane, future, ok, value):
            sched.observer.job_done(self, future, lane, ok, value)
            self._running -= 1
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
            self._take(lane)

        def _notify_if_idle(self):
            if not self._running and not self._queue:
                for callback in self._when_idle:
                    callback()
                self._when_idle.clear()

        def when_idle(self, callback):
            """callback() once no job is queued or running (as the thread that joins a pool's
            threads in loop.shutdown_default_executor sees it): after the main thread's current
            step if already idle."""
            self._when_idle.append(callback)
            sched.at(sched.clock.now, math.inf, self._notify_if_idle)

        def shutdown(self, wait=True, *, cancel_futures=False):
            self._shutdown = True
            if cancel_futures:
                while self._queue:
                    self._queue.popleft()[0].cancel()
            if wait:  # join the threads: the main thread blocks while they finish
                sched.wait_main(lambda: not self._running and not self._queue, None)

    class ThreadPoolExecutor(_Pool):
        """concurrent.futures.ThreadPoolExecutor, with modelled threads (see the module docstring)."""

        _counter = None  # ThreadPoolExecutor._counter, from 0 again in each program (Scheduler.reset)

        def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
            if max_workers is None:  # ThreadPoolExecutor.__init__ (3.13+)
                max_workers = min(32, (os.process_cpu_count() or 1) + 4)
            super().__init__(max_workers)
            if initializer is not None and not callable(initializer):
                raise TypeError("initializer must be a callable")
            self._initializer, self._initargs = initializer, initargs
            self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % self._counter())

        def _new_lane(self, index):
            return _Lane("%s_%d" % (self._thread_name_prefix, index))

        def _run(self, lane, fn, args, kwargs):
            if lane.fresh and self._initializer is not None:
                # _worker runs the initializer once, before the thread's first job.
                initializer, initargs = self._initializer, self._initargs
                job = lambda: (initializer(*initargs), fn(*args, **kwargs))[1]  # noqa: E731
                return sched.run_job(lane, job, (), {})
            return sched.run_job(lane, fn, args, kwargs)

    class ProcessPoolExecutor(_Pool):
        """concurrent.futures.ProcessPoolExecutor, with modelled processes that compute in parallel
        (see the module docstring)."""

        _shares_gil = False
        _kind = "process"

        def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                     max_tasks_per_child=None):
            super().__init__(os.process_cpu_count() if max_workers is None else max_workers)

        def _new_lane(self, index):
            # The name of a child process's own thread; the process's, as multiprocessing counts them.
            return _Lane("MainThread", "Process-%d" % next(sched.process_numbers))

        def _run(self, lane, fn, args, kwargs):
            # What crosses to a real process and back is pickled (the call queue and result queue of
            # Lib/concurrent/futures/process.py); a failure there becomes the job's exception.
            try:
                pickle.dumps((fn, args, kwargs))
            except Exception as e:  # noqa: BLE001
                return [], False, e
            happenings, ok, value = sched.run_job(lane, fn, args, kwargs)
            if ok:
                try:
                    pickle.dumps(value)
                except Exception as e:  # noqa: BLE001
                    return happenings, False, e
            return happenings, ok, value

    cpu_count = lambda: CPU_COUNT  # noqa: E731
    sched.patches = [
        (concurrent.futures, "ThreadPoolExecutor", ThreadPoolExecutor),
        (concurrent.futures.thread, "ThreadPoolExecutor", ThreadPoolExecutor),
        (concurrent.futures, "ProcessPoolExecutor", ProcessPoolExecutor),
        (os, "cpu_count", cpu_count),
        (os, "process_cpu_count", cpu_count),
    ]

    # No thread but the main one exists, so a wait on a condition (Future.result, wait,
    # as_completed, Event.wait, queue.Queue) can only be ended by the agenda: let it run until a
    # notify() reaches this waiter. (Condition.notify calls each waiter's release().)
    class _Waiter:
        notified = False

        def release(self):
            self.notified = True

    def wait(self, timeout=None):  # threading.Condition.wait
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _Waiter()
        self._waiters.append(waiter)
        saved = self._release_save()
        try:
            sched.wait_main(lambda: waiter.notified, timeout)
            return waiter.notified
        finally:
            self._acquire_restore(saved)
            if not waiter.notified and waiter in self._waiters:
                self._waiters.remove(waiter)

    original_current_thread = threading.current_thread
    sched.counted = [ThreadPoolExecutor]
    sched.patches += [
        (threading.Condition, "wait", wait),
        (threading, "current_thread", lambda: sched.current_thread(original_current_thread)),
    ]
    sched.reset()
    return sched
