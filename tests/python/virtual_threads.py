"""Threads on the virtual clock, for virtual_asyncio.py.

CPython's own ThreadPoolExecutor, asyncio.to_thread and loop.run_in_executor
run unchanged, on real threads; only *when* each thread may run is decided
here, so a program with threads gives the same output every run:

  * a worker thread runs only when it holds the turn, one at a time; the
    turn goes to the thread that became runnable first on the virtual clock,
    ties broken by the order the work was submitted in;
  * time.sleep in a worker thread gives the turn back until the clock reaches
    its deadline;
  * the clock moves only when no worker can run (every submitted job is
    running, sleeping, or queued behind a busy pool), so the loop's select()
    and the main thread's time.sleep first let the workers run up to the
    moment they move the clock to;
  * time.thread_time() is each thread's CPU clock, and reading it is how a
    program computes for a while (`while time.thread_time() < end: pass`):
    between two readings from the same call of a function, with no wait in
    between (time.sleep, or the loop's select), the thread is taken to have
    computed for CPU_QUANTUM. A quantum of computing needs the
    GIL, which the main thread and the thread-pool workers share: it starts
    when the GIL is next free (first come, first served), so computing
    threads take turns and the clock moves on while they do. Other code
    costs no time, as in the playground, where only cpu() does.

ProcessPoolExecutor becomes a thread pool of the same size: a child process
cannot share this clock. Its jobs run on the same turns as threads, which is
what the playground's process pool does too (both are workers on one virtual
clock), except that each has its own GIL: processes compute in parallel.
os.cpu_count() is 4, as the playground's virtual machine has.
"""
import concurrent.futures
import concurrent.futures.thread as cft
import heapq
import itertools
import os
import sys
import threading

# The computing between two readings of time.thread_time() in a loop:
# binary-exact, so that a second of computing is exactly 256 quanta, and
# about CPython's GIL switch interval (sys.getswitchinterval(), 5 ms).
CPU_QUANTUM = 2.0 ** -8


class Scheduler:
    def __init__(self, clock):
        self.clock = clock  # an object with a float `now`
        self.cv = threading.Condition()
        self.order = itertools.count()
        self.runnable = []  # heap of (time, order, thread ident)
        self.sleepers = []  # heap of (deadline, order, thread ident)
        self.turn = None  # the worker allowed to run; None: the main thread runs
        self.order_of = {}  # thread ident -> order of the job it runs
        self.pools = []
        self.shares_gil = {}  # worker ident -> whether its pool shares the GIL (threads, not processes)
        self.gil_free = 0.0  # when the GIL is next free for a quantum of computing
        self.cpu_time = {}  # thread ident -> CPU seconds computed (time.thread_time())
        self.reader = {}  # thread ident -> the frame that last read time.thread_time()

    # -- bookkeeping per pool: submitted and begun jobs, jobs under way --------

    def settled(self):
        """Nobody holds the turn, and every job a pool can start has reached
        begin() (threads start and pick up work in real time)."""
        if self.turn is not None:
            return False
        return all(p._vt_submitted == p._vt_begun or p._vt_active >= p._max_workers
                   for p in self.pools)

    def begin(self, pool, order):
        """A worker thread picked up a job: wait for its turn."""
        me = threading.get_ident()
        with self.cv:
            pool._vt_begun += 1
            pool._vt_active += 1
            self.order_of[me] = order
            self.shares_gil[me] = pool._vt_shares_gil
            heapq.heappush(self.runnable, (self.clock.now, order, me))
            self.cv.notify_all()
            self.cv.wait_for(lambda: self.turn == me)

    def end(self, pool):
        with self.cv:
            pool._vt_active -= 1
            self.order_of.pop(threading.get_ident(), None)
            self.reader.pop(threading.get_ident(), None)
            self.turn = None
            self.cv.notify_all()

    def sleep(self, seconds):
        """time.sleep in a worker: give the turn back until the deadline."""
        self.sleep_until(self.clock.now + seconds)

    def sleep_until(self, deadline):
        me = threading.get_ident()
        with self.cv:
            heapq.heappush(self.sleepers, (deadline, self.order_of[me], me))
            self.turn = None
            self.cv.notify_all()
            self.cv.wait_for(lambda: self.turn == me)

    def is_worker(self):
        return threading.get_ident() in self.order_of

    # -- computing: time.thread_time() ----------------------------------------

    def waits(self):
        """The calling thread waits (time.sleep, the loop's select): it does
        not compute until its next reading of time.thread_time(). (No lock:
        only this thread adds or drops its own entry, and a dict's pop is
        atomic; the loop's select calls this on every turn of the loop.)"""
        if self.reader:
            self.reader.pop(threading.get_ident(), None)

    def thread_time(self, reader):
        """time.thread_time() read by the frame `reader`: if the same frame
        read it last in this thread, the thread has been computing since, for
        a quantum, which first waits for the GIL unless it is a process's."""
        me = threading.get_ident()
        with self.cv:
            computing = self.reader.get(me) is reader
            self.reader[me] = reader  # held, so a later frame cannot reuse its id
            if not computing:
                return self.cpu_time.get(me, 0.0)
            start = self.clock.now
            if self.shares_gil.get(me, True):  # the main thread, or a thread-pool worker
                start = max(start, self.gil_free)
                self.gil_free = start + CPU_QUANTUM
            self.cpu_time[me] = self.cpu_time.get(me, 0.0) + CPU_QUANTUM
        if self.is_worker():
            self.sleep_until(start + CPU_QUANTUM)
        else:  # the main thread: the workers run (or wait for the GIL) meanwhile
            self.run_until(start + CPU_QUANTUM)
        return self.cpu_time[me]

    # -- the main thread lets the workers run ---------------------------------

    def run_until(self, limit, stop_early=None):
        """Run workers, one turn at a time, moving the clock up to `limit`
        (None: as far as sleepers go). Returns early, clock unmoved, once
        `stop_early()` is true with no worker runnable at the current time."""
        with self.cv:
            while True:
                self.cv.wait_for(self.settled)
                if self.runnable:
                    _, _, ident = heapq.heappop(self.runnable)
                    self.turn = ident
                    self.cv.notify_all()
                    self.cv.wait_for(lambda: self.turn is None)
                    continue
                if stop_early is not None and stop_early():
                    return
                if self.sleepers and (limit is None or self.sleepers[0][0] <= limit):
                    deadline = self.sleepers[0][0]
                    self.clock.now = max(self.clock.now, deadline)
                    while self.sleepers and self.sleepers[0][0] <= deadline:
                        heapq.heappush(self.runnable, heapq.heappop(self.sleepers))
                    continue
                if limit is not None:
                    self.clock.now = max(self.clock.now, limit)
                return

    def idle(self):
        with self.cv:
            return not self.runnable and not self.sleepers and all(
                p._vt_submitted == p._vt_begun for p in self.pools)


def install(clock):
    """Patch concurrent.futures for virtual threads; returns the Scheduler,
    the time.sleep to install (a worker sleeps on the scheduler; the main
    thread lets the workers run while the clock moves to its deadline) and
    the time.thread_time to install (see Scheduler.thread_time)."""
    sched = Scheduler(clock)
    original_init = cft.ThreadPoolExecutor.__init__
    original_submit = cft.ThreadPoolExecutor.submit
    original_run = cft._WorkItem.run

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._vt_submitted = self._vt_begun = self._vt_active = 0
        self._vt_shares_gil = True
        sched.pools.append(self)

    def submit(self, fn, /, *args, **kwargs):
        with sched.cv:
            order = next(sched.order)
            self._vt_submitted += 1
        job = lambda *a, **k: fn(*a, **k)  # noqa: E731 - carries the order
        job._vt = (self, order)
        return original_submit(self, job, *args, **kwargs)

    def run(self):
        pool, order = getattr(self.fn, "_vt", (None, None))
        if pool is None:
            return original_run(self)
        sched.begin(pool, order)
        try:
            return original_run(self)
        finally:
            sched.end(pool)

    cft.ThreadPoolExecutor.__init__ = __init__
    cft.ThreadPoolExecutor.submit = submit
    cft._WorkItem.run = run

    class ProcessPoolExecutor(cft.ThreadPoolExecutor):
        """A process pool, as threads on the virtual clock."""

        def __init__(self, max_workers=None, *args, **kwargs):
            # A prefix of its own, so it does not use up ThreadPoolExecutor's name counter.
            super().__init__(max_workers or os.cpu_count(), thread_name_prefix="Process")
            self._vt_shares_gil = False  # each process has an interpreter, and a GIL, of its own

    concurrent.futures.ProcessPoolExecutor = ProcessPoolExecutor
    os.cpu_count = lambda: 4

    def sleep(seconds):
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        sched.waits()
        if sched.is_worker():
            sched.sleep(seconds)
        else:
            sched.run_until(clock.now + seconds)

    def thread_time():
        return sched.thread_time(sys._getframe(1))

    return sched, sleep, thread_time
