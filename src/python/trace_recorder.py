"""Record a Python program's run on CPython's own event loop as a trace in the site's format.

The TypeScript runtime writes its trace as it schedules (src/runtime/trace/schema.ts); this module
writes the same events from CPython 3.14's asyncio running under virtual_asyncio.py, without
changing what the loop does, so that the console, the timing diagram and the stepper draw a Python
run exactly as they draw a TypeScript one. It watches from the outside:

  * the loop's ready queue (BaseEventLoop._ready, a deque): every append is a callback queued or a
    due timer moved to it (BaseEventLoop._run_once), every popleft a callback about to run;
  * Handle._run (events.py): a callback whose function is a task's step or wakeup runs that task:
    the task resumes before it and is suspended or done after it;
  * call_at (timers set), _timer_handle_cancelled, create_task, run_forever (the loop's life);
  * the program's stdout and stderr (virtual_asyncio.LineRecorder): each line printed, by whom;
  * the modelled threads and processes (virtual_threads.py, as its Observer): pools made, jobs
    queued, started on a lane (one thread or process of a pool), done, and what a lane does
    meanwhile (sleeps, computing, waiting for the GIL, printing), at the model's virtual times.

Where a task is (its line) is read from its coroutine chain (cr_await) at each suspension: the
innermost frame of the program's own file. What it waits on is read from the future it waits on
(Task._fut_waiter) and from the innermost coroutine (asyncio.sleep, Lock.acquire, ...).

    traced = run_traced(source)   # virtual_asyncio.run_program's result, plus "events"
"""
import asyncio
import builtins
import contextvars
import functools
import json
import math
import sys
from asyncio import events, tasks
from collections import deque

import virtual_asyncio
import virtual_threads
from virtual_asyncio import THREADS, Clock, LineRecorder, VirtualEventLoop

class LimitExceeded(KeyboardInterrupt):
    """A run went past one of the page's caps. Like KeyboardInterrupt (which it is, to the loop), it
    goes through tasks and callbacks up to asyncio.run, instead of being kept as a task's error."""


#: The page's caps (the runtime's BROWSER_LIMITS): trace events, printed lines, virtual seconds.
LIMITS = {"maxEvents": 200_000, "maxPrintedLines": 5_000, "maxVirtualTime": 24 * 3600}

#: The file name programs are compiled under (virtual_asyncio.run's default).
PROGRAM_FILE = "<stdin>"
#: asyncio's own files, and the harness's loop: tasks whose coroutine is a loop's method defined there
#: are the loop's (asyncio.run's shutdown), not the program's (_internal).
ASYNCIO_DIR = asyncio.__file__.rsplit("/", 1)[0]
LOOP_FILES = (ASYNCIO_DIR, virtual_asyncio.__file__)


def _internal(coro):
    """Whether a task's coroutine is the loop's own (a method of it, e.g. asyncio.run's
    shutdown_asyncgens), not one the program chose (asyncio.to_thread's is asyncio's, yet the
    program's task, as in the runtime)."""
    code = getattr(coro, "cr_code", None)
    if code is None or not code.co_filename.startswith(LOOP_FILES):
        return False
    frame = getattr(coro, "cr_frame", None)
    return frame is not None and isinstance(frame.f_locals.get("self"), events.AbstractEventLoop)


#: Frames where the loop itself runs: a callback the loop queues has no line of the program.
LOOP_FRAMES = ("_run_once", "run_forever")


def _program_line(frame):
    """The line of the program's own code that `frame` (or a caller of it, short of the loop) is
    at, or None."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename == PROGRAM_FILE:
            return frame.f_lineno
        if code.co_name in LOOP_FRAMES and code.co_filename.startswith(ASYNCIO_DIR):
            return None
        frame = frame.f_back
    return None


def _innermost(coro):
    """The coroutine at the end of `coro`'s await chain, and the program's line along it."""
    line = None
    while True:
        frame = getattr(coro, "cr_frame", None)
        if frame is not None and frame.f_code.co_filename == PROGRAM_FILE:
            line = frame.f_lineno
        inner = getattr(coro, "cr_await", None)
        if inner is None or getattr(inner, "cr_frame", None) is None:
            return coro, line
        coro = inner


def program_line_of(exc):
    """The program's line an exception was raised at (the last of its traceback in the program)."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == PROGRAM_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


#: What a task waits on, by the innermost coroutine it is suspended in (its code's qualname), as
#: the runtime labels it; {cls} is the primitive's class (a Semaphore or a BoundedSemaphore).
WAITS = {
    "Lock.acquire": ("lock", "Lock.acquire()"),
    "Event.wait": ("event", "Event.wait()"),
    "Semaphore.acquire": ("semaphore", "{cls}.acquire()"),
    "Queue.get": ("queue", "Queue.get()"),
    "Queue.put": ("queue", "Queue.put()"),
    "Condition.wait": ("lock", "Condition.wait()"),
    "to_thread": ("executor", "to_thread()"),
}


def _repr(value):
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - a repr that fails is still a value
        return "<unrepresentable>"


def _short_repr(value, limit=40):
    """repr(value), cut to `limit` characters with an ellipsis (the runtime's shortRepr)."""
    text = _repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _call_label(fn, args, kwargs):
    """A job as the runtime labels it: the function's name and its arguments, e.g. "work(1)".
    asyncio.to_thread submits functools.partial(context.run, func, *args): the label is func's."""
    if isinstance(fn, functools.partial) and isinstance(getattr(fn.func, "__self__", None), contextvars.Context) and fn.args:
        fn, args, kwargs = fn.args[0], fn.args[1:] + tuple(args), {**fn.keywords, **kwargs}
    while isinstance(fn, functools.partial):
        fn, args, kwargs = fn.func, fn.args + tuple(args), {**fn.keywords, **kwargs}
    name = getattr(fn, "__name__", None) or type(fn).__name__
    shown = [_short_repr(a) for a in args] + [f"{k}={_short_repr(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _describe(exc):
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Recorder:
    def __init__(self, limits=None):
        self.limits = {**LIMITS, **(limits or {})}
        self.printed_lines = 0
        self.modelled_threads = False  # a job ran on a modelled thread or process
        self.events = []
        self._ids = {}  # id(object) -> trace id; the objects are kept alive in _kept
        self._kept = []
        self._next = 0
        self.tasks = {}  # trace id -> task
        self.started = set()
        self.timers = {}  # trace id -> TimerHandle set by call_at
        self.stepping = None  # the task whose step runs now
        self.step_events = set()  # "done" / "suspended": what this step has said already
        self.where = {}  # task id -> the program's line it is suspended at
        self.last_due = {}  # task id -> when the last timer it set is due (its sleep's)
        self.queued_once = set()  # callbacks (not timers) queued so far
        self.creating = []  # the create_task calls under way, innermost last (_Creation)
        self.pools = PoolRecorder(self)  # what the modelled threads and processes do

    def _new_id(self):
        self._next += 1
        return self._next

    def id_of(self, obj):
        key = id(obj)
        if key not in self._ids:
            self._ids[key] = self._new_id()
            self._kept.append(obj)
        return self._ids[key]

    def known(self, obj):
        return id(obj) in self._ids

    def emit(self, kind, **fields):
        self.sync()
        event = {"kind": kind, "seq": len(self.events), "t": Clock.now}
        event.update((k, v) for k, v in fields.items() if v is not None)
        self.events.append(event)
        return event

    def emit_at(self, t, kind, **fields):
        """An event at time `t`, not after now: placed after the events up to `t` (the runtime's
        Session.emitAt)."""
        event = {"kind": kind, "seq": 0, "t": t}
        event.update((k, v) for k, v in fields.items() if v is not None)
        index = len(self.events)
        while index > 0 and self.events[index - 1]["t"] > t:
            index -= 1
        self.events.insert(index, event)
        for i in range(index, len(self.events)):
            self.events[i]["seq"] = i

    # -- tasks -----------------------------------------------------------------------------------

    def task_created(self, task, coro=None, line=None, parent=None):
        """The task-created event of `task`, once. `coro`, `line` and `parent` are given for an eager
        task, whose coroutine may be gone (an eager task that ends in its first step drops it) and
        whose first step runs where this would read them."""
        self.sync()
        if self.known(task):
            return self.id_of(task)
        tid = self.id_of(task)
        self.tasks[tid] = task
        eager = coro is not None
        if not eager:
            coro = task.get_coro()
            parent = events._get_running_loop() and tasks.current_task()
            line = _program_line(sys._getframe(1))
        internal = _internal(coro)
        self.emit("task-created", task=tid, name=task.get_name(),
                  coro=getattr(coro, "__name__", type(coro).__name__),
                  line=None if internal else line,
                  parent=self.id_of(parent) if parent is not None and self.known(parent) else None,
                  internal=True if internal else None)
        return tid

    # -- eager tasks: the first step runs inside create_task ---------------------------------------

    def creating_task(self, coro, line):
        """loop.create_task(coro) begins, at the program's `line`: a task made with eager_start (or by
        an eager task factory) takes its first step before create_task returns, not through the
        ready queue (Task.__eager_start). The step shows itself by the first event it records: the
        loop's current task is then a task that the trace does not know yet (sync)."""
        creation = _Creation(coro, line, self.stepping, self.step_events)
        self.creating.append(creation)
        return creation

    def sync(self):
        """If an eager first step has begun since the innermost create_task started, record its
        start (task-created, task-resumed) before the event that revealed it."""
        if not self.creating:
            return
        creation = self.creating[-1]
        if creation.task is not None:
            return
        loop = events._get_running_loop()
        current = tasks.current_task(loop) if loop is not None else None
        if current is None or current is self.stepping or self.known(current):
            return
        self.eager_start(creation, current)

    def eager_start(self, creation, task):
        creation.task = task
        tid = self.task_created(task, coro=creation.coro, line=creation.line, parent=creation.caller)
        self.started.add(tid)
        code = getattr(creation.coro, "cr_code", None)
        line = code.co_firstlineno if code is not None and code.co_filename == PROGRAM_FILE else None
        self.emit("task-resumed", task=tid, line=line, first=True)
        self.stepping, self.step_events = task, set()

    def created(self, creation, task):
        """create_task returned `task` (None: it raised). A task the trace does not know yet took its
        first step eagerly, without recording anything: it is recorded now, as it happened."""
        self.creating.pop()
        if creation.task is None and task is not None and not self.known(task):
            self.eager_start(creation, task)
        if creation.task is None:
            return
        task = creation.task  # (create_task raised: a KeyboardInterrupt from its step, which ends it)
        try:
            if task.done():
                self.task_done(task)
            else:
                self.task_suspended(task, self.wait_info(task))
        finally:
            self.stepping, self.step_events = creation.caller, creation.caller_events

    def task_done(self, task):
        if "done" in self.step_events:
            return
        self.step_events.add("done")
        if task.cancelled():
            outcome, value = "cancelled", None
        elif task.exception() is not None:
            outcome, value = "exception", _describe(task.exception())
        else:
            outcome, value = "result", _repr(task.result())
        tid = self.id_of(task)
        line = self.where.get(tid)
        if outcome == "exception":
            line = program_line_of(task.exception()) or line
        self.emit("task-done", task=tid, outcome=outcome, value=value, line=line)

    def task_suspended(self, task, on):
        if "suspended" in self.step_events:
            return
        self.step_events.add("suspended")
        tid = self.id_of(task)
        _, line = _innermost(task.get_coro())
        self.where[tid] = line
        self.emit("task-suspended", task=tid, line=line, on=on)

    def wait_info(self, task):
        """What a suspended task waits on (schema.ts WaitInfo)."""
        fut = getattr(task, "_fut_waiter", None)
        if isinstance(fut, asyncio.Task):
            return {"what": "task", "label": fut.get_name(), "task": self.task_created(fut)}
        job = self.pools.job_of(fut)
        if job is not None:
            return {"what": "executor", "label": job}
        children = getattr(fut, "_children", None)
        if children is not None:  # tasks._GatheringFuture
            names = [c.get_name() if isinstance(c, asyncio.Task) else self.pools.job_of(c) or "a future" for c in children]
            shown = ", ".join(names) if len(names) <= 4 else f"{', '.join(names[:3])}, … {len(names)} in all"
            tasks = [self.task_created(c) for c in children if isinstance(c, asyncio.Task)]
            return {"what": "future", "label": f"gather({shown})", "tasks": tasks}
        inner, _ = _innermost(task.get_coro())
        code = getattr(inner, "cr_code", None)
        frame = getattr(inner, "cr_frame", None)
        name = code.co_qualname if code is not None else ""
        local = frame.f_locals if frame is not None else {}
        if name == "sleep":
            delay = local.get("delay", 0)
            until = self.last_due.get(self.id_of(task), Clock.now + delay)
            return {"what": "sleep", "label": f"sleep({_repr(delay)})", "until": until}
        if name == "TaskGroup._aexit":
            group = getattr(local.get("self"), "_tasks", ())
            return {"what": "taskgroup", "label": f"TaskGroup ({len(group)} tasks)", "tasks": [self.task_created(t) for t in group]}
        if name in WAITS:
            what, label = WAITS[name]
            return {"what": what, "label": label.format(cls=type(local.get("self")).__name__)}
        if name.endswith("run_in_executor"):
            return {"what": "executor", "label": "run_in_executor()"}
        return {"what": "future", "label": "a future"}

    # -- callbacks ---------------------------------------------------------------------------------

    def step_task(self, handle):
        """The task a callback steps (Task.__step / __wakeup are bound to it), or None."""
        owner = getattr(handle._callback, "__self__", None)
        return owner if isinstance(owner, asyncio.Task) else None

    def queued(self, handle):
        self.sync()
        hid = self.id_of(handle)
        if hid in self.timers:
            self.emit("timer-fired", timer=hid, handle=hid)
            return
        if hid in self.queued_once:
            # The self-pipe's reader is one Handle queued again and again (BaseSelectorEventLoop
            # ._make_self_pipe): each time is a callback of its own in the trace.
            self._ids[id(handle)] = hid = self._new_id()
        self.queued_once.add(hid)
        # A task that has just ended schedules its done callbacks: it is done before they are queued.
        if self.stepping is not None and self.stepping.done():
            self.task_done(self.stepping)
        task = self.step_task(handle)
        if task is not None:
            tid = self.task_created(task)
            if task is self.stepping:  # a bare yield (sleep(0)) queues the task's own next step
                self.task_suspended(task, {"what": "yield", "label": "sleep(0)"})
            waking = "wakeup" in getattr(handle._callback, "__name__", "")
            verb = "wake" if waking else ("resume" if tid in self.started else "start")
            self.emit("handle-queued", handle=hid, role="step", task=tid, label=f"{verb} {task.get_name()}",
                      line=self._current_line())
            return
        self.emit("handle-queued", handle=hid, role="callback", label=self.callback_label(handle),
                  line=self._current_line())

    def callback_label(self, handle):
        name = getattr(handle._callback, "__qualname__", None) or type(handle._callback).__name__
        if name.endswith("_run_until_complete_cb"):
            return "stop the loop"
        if name.endswith("_read_from_self"):
            return "_read_from_self"
        return name

    def _current_line(self):
        return _program_line(sys._getframe(1))

    def check_limits(self):
        if len(self.events) > self.limits["maxEvents"]:
            raise LimitExceeded(f"Stopped: the run recorded {len(self.events):,} events (the event cap).")
        if Clock.now > self.limits["maxVirtualTime"]:
            raise LimitExceeded(f"Stopped: the run reached {Clock.now:,.0f} s of virtual time (the virtual-time cap).")

    def ran(self, handle):
        self.check_limits()
        self.emit("handle-run", handle=self.id_of(handle), skipped=True if handle._cancelled else None)

    def run_handle(self, handle, run):
        task = self.step_task(handle)
        if task is None or task.done():
            return run(handle)
        tid = self.id_of(task)
        first = tid not in self.started
        self.started.add(tid)
        if first:
            code = getattr(task.get_coro(), "cr_code", None)
            line = code.co_firstlineno if code is not None and code.co_filename == PROGRAM_FILE else None
        else:
            line = self.where.get(tid)
        thrown = None
        fut = handle._args[0] if handle._args else None
        if getattr(task, "_must_cancel", False) or (isinstance(fut, asyncio.Future) and fut.done() and fut.cancelled()):
            thrown = "CancelledError"
        elif isinstance(fut, asyncio.Future) and fut.done() and fut.exception() is not None:
            thrown = _describe(fut.exception())
        self.emit("task-resumed", task=tid, line=line, first=first, thrown=thrown)
        outer, outer_events = self.stepping, self.step_events
        self.stepping, self.step_events = task, set()
        try:
            return run(handle)
        finally:
            if task.done():
                self.task_done(task)
            else:
                self.task_suspended(task, self.wait_info(task))
            self.stepping, self.step_events = outer, outer_events

    # -- timers and the loop -----------------------------------------------------------------------

    def timer_set(self, timer):
        self.sync()
        hid = self.id_of(timer)
        self.timers[hid] = timer
        task = self.stepping
        label = self.callback_label(timer)
        if label.endswith("_set_result_unless_cancelled"):
            caller = sys._getframe(1)
            while caller is not None and caller.f_code.co_name in ("wrapper", "call_at", "call_later"):
                caller = caller.f_back
            delay = caller.f_locals.get("delay") if caller is not None and caller.f_code.co_name == "sleep" else None
            label = f"sleep({_repr(delay)}) timer" if delay is not None else "a timer"
            if task is not None:
                label += f" of {task.get_name()}"
        if task is not None:
            self.last_due[self.id_of(task)] = timer.when()
        self.emit("timer-set", timer=hid, due=timer.when(), label=label,
                  task=self.id_of(task) if task is not None else None, line=self._current_line())

    def timer_cancelled(self, timer):
        if timer._scheduled and self.known(timer):
            self.emit("timer-cancelled", timer=self.id_of(timer))

    def printed(self, recorder, line):
        self.sync()
        stream = "stderr" if recorder is sys.stderr else "stdout"
        if stream == "stdout":
            self.printed_lines += 1
            if self.printed_lines > self.limits["maxPrintedLines"]:
                raise LimitExceeded(f"Stopped: the program printed {self.printed_lines - 1:,} lines (the print cap).")
        if THREADS.playing is not None:  # a job's write, played back on its lane
            lane, where = THREADS.playing
            lid = self.pools.lane_id(lane)
            self.emit("print", text=line, stream=stream, lane=lid, line=where if stream == "stdout" else None)
            return
        task = self.stepping
        self.emit("print", text=line, stream=stream, task=self.id_of(task) if task is not None else None,
                  line=_program_line(sys._getframe(1)) if stream == "stdout" else None)


class PoolRecorder(virtual_threads.Observer):
    """The modelled pools' jobs and lanes (virtual_threads.py) as the runtime records its pools'
    (src/runtime/workers: executors.ts, job-playback.ts): pool-created, job-queued, job-started on a
    lane, job-done, and on the lane blocking-start / blocking-end for a time.sleep ("sleep"), for
    computing ("cpu": the model's quanta, one stretch while they follow one another) and for a wait
    for the GIL ("gil"), and the lines it prints."""

    def __init__(self, recorder):
        self.recorder = recorder
        self.open = {}  # lane id -> [work, blocking-start event, when it ended (None: it goes on)]
        self.jobs = {}  # id(concurrent future) -> what a task awaiting it waits on: "work(1) in ..."

    def job_of(self, fut):
        """What an asyncio future that stands for a job waits on (as the runtime labels it:
        "work(1) in ThreadPoolExecutor"), or None. asyncio.wrap_future chains the future to the
        pool's: its _call_check_cancel callback holds the pool's future (futures._chain_future)."""
        for callback, _ in getattr(fut, "_callbacks", None) or ():
            if getattr(callback, "__name__", "") == "_call_check_cancel":
                for cell in getattr(callback, "__closure__", None) or ():
                    try:
                        label = self.jobs.get(id(cell.cell_contents))
                    except ValueError:  # an empty cell
                        continue
                    if label is not None:
                        return label
        return None

    def lane_id(self, lane):
        lid = self.recorder.id_of(lane)
        self.close(lid)
        return lid

    def close(self, lid):
        """End the lane's computing stretch that ended with its last quantum, if it did."""
        held = self.open.get(lid)
        if held is not None and held[2] is not None:
            del self.open[lid]
            self.recorder.emit_at(held[2], "blocking-end", lane=lid)

    def close_all(self):
        for lid in list(self.open):
            self.close(lid)

    def pool_created(self, pool, kind, max_workers):
        rec = self.recorder
        rec.sync()
        rec.emit("pool-created", pool=rec.id_of(pool), poolKind=kind, name=type(pool).__name__,
                 maxWorkers=max_workers, line=_program_line(sys._getframe(2)))

    def job_queued(self, pool, future, fn, args, kwargs):
        rec = self.recorder
        rec.sync()
        task = rec.stepping
        job = rec.id_of(future)
        label = _call_label(fn, args, kwargs)
        self.jobs[id(future)] = f"{label} in {type(pool).__name__}"  # (the future is kept: id_of)
        rec.emit("job-queued", job=job, pool=rec.id_of(pool), label=label,
                 task=rec.id_of(task) if task is not None else None, line=_program_line(sys._getframe(2)))

        def cancelled(f):  # cancelled while queued (asyncio's _call_check_cancel, shutdown(cancel_futures))
            if f.cancelled():
                rec.emit("job-done", job=job, outcome="cancelled")

        future.add_done_callback(cancelled)

    def job_started(self, pool, future, lane):
        rec = self.recorder
        rec.emit("job-started", job=rec.id_of(future), pool=rec.id_of(pool), lane=self.lane_id(lane),
                 laneName=lane.label, line=_program_line(sys._getframe(2)))

    def job_done(self, pool, future, lane, ok, value):
        rec = self.recorder
        rec.emit("job-done", job=rec.id_of(future), lane=self.lane_id(lane), outcome="result" if ok else "exception",
                 value=_short_repr(value, 60) if ok else type(value).__name__)

    def lane_waits(self, lane, until):
        lid = self.lane_id(lane)
        self.open[lid] = ["gil", self.recorder.emit("blocking-start", until=until, lane=lid,
                                                    label="waiting for the GIL", work="gil"), None]

    def lane_holds(self, lane, kind, seconds, given, line):
        rec = self.recorder
        rec.check_limits()  # (jobs play back while the loop waits: no callback runs meanwhile)
        lid = rec.id_of(lane)
        held = self.open.get(lid)
        if held is not None and held[0] == "gil":  # its turn for the GIL came
            del self.open[lid]
            rec.emit("blocking-end", lane=lid)
        elif kind == "cpu" and held is not None and held[0] == "cpu" and held[2] == Clock.now:
            held[1]["until"], held[2] = Clock.now + seconds, None  # the next quantum at once: one stretch
            return
        self.close(lid)
        label = f"time.sleep({_repr(given)})" if kind == "sleep" else "computing"
        event = rec.emit("blocking-start", until=Clock.now + seconds, lane=lid, label=label, work=kind, line=line)
        self.open[lid] = [kind, event, None]

    def lane_held(self, lane, kind):
        lid = self.recorder.id_of(lane)
        held = self.open.get(lid)
        if held is not None:
            held[2] = Clock.now
        if kind != "cpu":
            self.close(lid)


class _Creation:
    """A loop.create_task call under way: its coroutine, the program's line, the step it is made
    in (the caller's task and what that step recorded), and the task once its eager step began."""

    def __init__(self, coro, line, caller, caller_events):
        self.coro, self.line, self.caller, self.caller_events = coro, line, caller, caller_events
        self.task = None


class RecordingQueue(deque):
    """BaseEventLoop._ready, watched: appends are queued callbacks, poplefts are callbacks run."""

    recorder = None

    def append(self, handle):
        super().append(handle)
        self.recorder.queued(handle)

    def popleft(self):
        handle = super().popleft()
        self.recorder.ran(handle)
        return handle


def _patch(owner, name, make):
    original = getattr(owner, name)
    setattr(owner, name, make(original))
    return owner, name, original


def instrument(recorder):
    """Watch the next program's loops; returns the function that stops watching (run_program's
    `instrument` protocol)."""

    # A loop's life, as the runtime draws it: from asyncio.run making it to asyncio.run closing it.
    def loop_init(init):
        def __init__(self):
            init(self)
            queue = RecordingQueue(self._ready)
            queue.recorder = recorder
            self._ready = queue
            recorder.emit("loop-start", loop=recorder.id_of(self))
        return __init__

    def close(original):
        def wrapper(self):
            if not self.is_closed():
                recorder.emit("loop-end", loop=recorder.id_of(self))
            return original(self)
        return wrapper

    def call_at(original):
        def wrapper(self, when, callback, *args, context=None):
            timer = original(self, when, callback, *args, context=context)
            recorder.timer_set(timer)
            return timer
        return wrapper

    def timer_cancelled(original):
        def wrapper(self, handle):
            recorder.timer_cancelled(handle)
            return original(self, handle)
        return wrapper

    def create_task(original):
        def wrapper(self, coro, **kwargs):
            creation = recorder.creating_task(coro, _program_line(sys._getframe(1)))
            task = None
            try:
                task = original(self, coro, **kwargs)
            finally:
                recorder.created(creation, task)
            recorder.task_created(task)
            return task
        return wrapper

    def handle_run(original):
        def _run(self):
            return recorder.run_handle(self, original)
        return _run

    def write(original):
        def wrapper(self, s):
            before = len(self.lines)
            written = original(self, s)
            for line in self.lines[before:]:
                recorder.printed(self, line)
            return written
        return wrapper

    def blocking_sleep(original):
        def sleep(seconds):
            if THREADS.job is not None:  # a modelled thread: its own lane, not the loop's
                return original(seconds)
            recorder.sync()
            task = recorder.stepping
            tid = recorder.id_of(task) if task is not None else None
            recorder.emit("blocking-start", until=Clock.now + seconds, task=tid, label=f"time.sleep({_repr(seconds)})",
                          line=_program_line(sys._getframe(1)))
            try:
                return original(seconds)
            finally:
                recorder.emit("blocking-end", task=tid)
        return sleep

    patches = [
        _patch(VirtualEventLoop, "__init__", loop_init),
        _patch(VirtualEventLoop, "close", close),
        _patch(VirtualEventLoop, "call_at", call_at),
        _patch(VirtualEventLoop, "_timer_handle_cancelled", timer_cancelled),
        _patch(VirtualEventLoop, "create_task", create_task),
        _patch(events.Handle, "_run", handle_run),
        _patch(LineRecorder, "write", write),
    ]
    THREADS.sleep = blocking_sleep(type(THREADS).sleep.__get__(THREADS))

    def run_job(original):
        def wrapper(lane, fn, args, kwargs):
            recorder.modelled_threads = True
            return original(lane, fn, args, kwargs)
        return wrapper

    THREADS.run_job = run_job(type(THREADS).run_job.__get__(THREADS))
    THREADS.observer = recorder.pools
    THREADS.where = lambda: _program_line(sys._getframe(1))

    # A playground has no keyboard to read from: say so, instead of whatever the host's stdin does.
    def no_input(prompt=""):
        raise RuntimeError("input() cannot read in a playground: there is no keyboard here. "
                           "Give the program its value in the code instead.")

    patches.append((builtins, "input", builtins.input))
    builtins.input = no_input

    def finish():
        for owner, name, original in reversed(patches):
            setattr(owner, name, original)
        del THREADS.sleep
        del THREADS.run_job
        del THREADS.where
        THREADS.observer = virtual_threads.Observer()
        recorder.pools.close_all()
        return recorder.events

    return finish


def to_json(result):
    """`result` (run_traced's or run_program's) as JSON, which has no NaN or infinity: such a float
    (asyncio.sleep(math.inf)'s timer) is written {"__float__": "Infinity"}, to be read back by
    src/python/python-json.ts. Looked for only when json.dumps finds one."""
    try:
        return json.dumps(result, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(result), allow_nan=False)


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return {"__float__": "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"}
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def run_traced(source, limits=None):
    """Run a program as virtual_asyncio.run_program does, and give its trace too: the result dict
    with "events" (the trace, ending with program-end) added. `limits` overrides LIMITS."""
    recorder = Recorder(limits)
    result = virtual_asyncio.run_program(source, lambda: instrument(recorder))
    events_ = result.pop("extra", recorder.events)
    error = result.get("error")
    end = {"kind": "program-end", "seq": len(events_), "t": result["virtualEnd"]}
    if error:
        end["error"] = error
    events_.append(end)
    result["events"] = events_
    result["modelledThreads"] = recorder.modelled_threads
    return result
