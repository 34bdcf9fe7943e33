"""Checks for virtual_asyncio.py and virtual_threads.py, in the CPython they serve: Pyodide's 3.14.
Run: node tests/python/run-harness-tests.ts (it loads Pyodide and calls every test_ function).

All programs run in this one interpreter, one after another, through run_program, which must give
each what a fresh CPython process would: FRESH is the first program this interpreter ran.
"""
import json
import textwrap
import time

import virtual_asyncio

NAMED = """
    import asyncio, time
    async def child():
        await asyncio.sleep(0.1)
        print("child", asyncio.current_task().get_name())
    async def main():
        time.sleep(0.2)
        asyncio.sleep(1)                 # never awaited -> warning
        await asyncio.gather(child(), child())
        print("main", asyncio.current_task().get_name(), time.time())
    asyncio.run(main())
"""


def run(program, instrument=None):
    result = virtual_asyncio.run_program(textwrap.dedent(program), instrument)
    json.dumps(result)  # what the host receives
    return result


FRESH = run(NAMED)  # before any other program: as in a fresh process


def test_two_tasks():
    r = run("""
        import asyncio
        async def w(name, d):
            await asyncio.sleep(d)
            print(name, asyncio.current_task().get_name())
        async def main():
            await asyncio.gather(w("slow", 2), w("fast", 1))
            print("main", asyncio.current_task().get_name())
        asyncio.run(main())
    """)
    assert r["stdout"] == ["fast Task-3", "slow Task-2", "main Task-1"], r
    assert r["stamps"] == [1.0, 2.0, 2.0], r
    assert r["virtualEnd"] == 2.0 and r["error"] is None, r


def test_eager_task_factory_runs_tasks_of_the_fresh_module():
    # eager_task_factory is made at import over the Task of its day: the reset makes it again over
    # the fresh _asyncio's Task, or current_task() inside an eager step sees a stale task.
    for _ in range(2):
        r = run("""
            import asyncio
            async def quick():
                print("in", asyncio.current_task().get_name())
            async def main():
                asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
                t = asyncio.create_task(quick())
                print(t.done(), t.get_name())
            asyncio.run(main())
        """)
        assert r["stdout"] == ["in Task-2", "True Task-2"], r


def test_time_sleep_without_loop():
    r = run("""
        import time
        print(time.time())
        time.sleep(1)
        print(time.monotonic())
        time.sleep(2)
        print(time.perf_counter())
    """)
    assert r["stdout"] == ["0.0", "1.0", "3.0"], r
    assert r["stamps"] == [0.0, 1.0, 3.0], r
    assert r["virtualEnd"] == 3.0, r


def test_blocking_sleep_delays_other_task():
    r = run("""
        import asyncio, time
        async def polite():
            await asyncio.sleep(1)          # timer due at 1.0 ...
            print("polite", asyncio.get_running_loop().time())
        async def rude():
            time.sleep(2)                   # ... but the loop is blocked until 2.0
            print("rude")
        async def main():
            await asyncio.gather(polite(), rude())
        asyncio.run(main())
    """)
    assert r["stdout"] == ["rude", "polite 2.0"], r
    assert r["stamps"] == [2.0, 2.0] and r["virtualEnd"] == 2.0, r


def test_sleeps_do_not_wait_for_real():
    # 100 s of virtual sleeps: a clock that really slept would take at least that long. (A bound
    # well above the few seconds this takes, so a busy machine cannot fail it; speed is the bench's.)
    t0 = time.perf_counter()
    r = run("""
        import asyncio
        async def main():
            for _ in range(100000):
                await asyncio.sleep(0.001)
            print("end")
        asyncio.run(main())
    """)
    wall = time.perf_counter() - t0
    assert wall < 50, wall
    assert r["stdout"] == ["end"] and abs(r["virtualEnd"] - 100.0) < 1e-6, r


def test_uncaught_exception():
    r = run("""
        import asyncio
        async def main():
            print("before")
            await asyncio.sleep(0.5)
            raise ValueError("boom")
        asyncio.run(main())
        print("never")
    """)
    assert r["stdout"] == ["before"] and r["stamps"] == [0.0], r
    assert r["error"] == "ValueError: boom" and r["virtualEnd"] == 0.5, r


def test_stamps_and_shared_clock():
    r = run("""
        import asyncio, time
        async def main(d):
            print("start", end="")         # line completes later
            await asyncio.sleep(d)
            print(" done\\nnext")           # two lines at once
        time.sleep(0.25)
        asyncio.run(main(0.5))              # second run shares clock + counters
        asyncio.run(main(1))
        print(asyncio.run(asyncio.sleep(0, "x")), time.time())
    """)
    assert r["stdout"] == ["start done", "next", "start done", "next", "x 1.75"], r
    assert r["stamps"] == [0.75, 0.75, 1.75, 1.75, 1.75], r


def test_float_arithmetic_is_cpythons():
    # 0.1 + 0.2 != 0.3: the clock adds timeouts exactly like real time would.
    r = run("""
        import asyncio, time
        time.sleep(0.1); time.sleep(0.2)
        print(time.time())
    """)
    assert r["stdout"] == [repr(0.1 + 0.2)] and r["virtualEnd"] == 0.1 + 0.2, r


def test_stderr_and_deadlock():
    r = run("""
        import asyncio
        async def boom():
            raise RuntimeError("lost")
        async def main():
            asyncio.create_task(boom())
            asyncio.sleep(1)                 # never awaited -> warning
            await asyncio.sleep(0.1)
            await asyncio.Future()           # would hang forever in CPython
        asyncio.run(main())
    """)
    err = "\n".join(r["stderr"])
    assert "coroutine 'sleep' was never awaited" in err, r
    assert "Task exception was never retrieved" in err, r
    assert "RuntimeError: lost" in err, r
    assert r["error"].startswith("Deadlock:") and r["virtualEnd"] == 0.1, r


def test_wait_for_timeout():
    r = run("""
        import asyncio
        async def main():
            try:
                await asyncio.wait_for(asyncio.sleep(10), 1.5)
            except TimeoutError:
                print("timeout", asyncio.get_running_loop().time())
        asyncio.run(main())
    """)
    assert r["stdout"] == ["timeout 1.5"] and r["virtualEnd"] == 1.5, r


def test_the_loop_is_cpythons_without_warnings():
    r = run("""
        import asyncio, sys
        async def main():
            loop = asyncio.get_running_loop()
            print(type(loop).__name__, isinstance(loop, asyncio.BaseEventLoop), sys.version_info[:2])
        asyncio.run(main())
        with asyncio.Runner() as runner:
            runner.run(main())
        loop = asyncio.new_event_loop()
        loop.run_until_complete(main())
        loop.close()
    """)
    assert r["stdout"] == ["_UnixSelectorEventLoop True (3, 14)"] * 3, r
    assert r["stderr"] == [] and r["error"] is None, r


CPU = """
    import asyncio, time
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
    def cpu(seconds):
        end = time.thread_time() + seconds
        while time.thread_time() < end:
            pass
        return end
"""


def test_thread_time_threads_take_turns_processes_compute_in_parallel():
    r = run(CPU + """
    async def main():
        loop = asyncio.get_running_loop()
        cpu(0.5)                             # the main thread: the clock moves with it
        print(time.time(), time.thread_time())
        print(await asyncio.gather(*[asyncio.to_thread(cpu, 1) for _ in range(3)]), time.time())
        with ProcessPoolExecutor(max_workers=2) as processes:
            jobs = [loop.run_in_executor(processes, cpu, s) for s in (1, 0.25, 1)]
            print(await asyncio.gather(*jobs), time.time())
    asyncio.run(main())
    """)
    assert r["error"] is None, r
    # Three threads: 3 s, one GIL. Two processes: 0.25 s, then 1 s beside the first 1 s
    # (in the process that computed 0.25 s already: its CPU clock goes on to 1.25).
    assert r["stdout"] == ["0.5 0.5", "[1.0, 1.0, 1.0] 3.5", "[1.0, 0.25, 1.25] 4.75"], r
    assert r["stamps"] == [0.5, 3.5, 4.75] and r["virtualEnd"] == 4.75, r


def test_thread_time_computing_blocks_the_loop_and_shares_the_gil():
    r = run(CPU + """
    async def tick():
        await asyncio.sleep(0.25)
        print("tick", time.time())
    async def main():
        thread = asyncio.create_task(asyncio.to_thread(cpu, 1))
        await asyncio.sleep(0)               # the thread starts computing
        timer = asyncio.create_task(tick())
        await asyncio.sleep(0)
        cpu(1)                               # the loop's thread computes: tick waits
        print("loop done", time.time())
        await thread
        await timer
        print("thread done", time.time())
    asyncio.run(main())
    """)
    assert r["error"] is None, r
    # The loop's thread and the worker share the GIL: 2 s of computing in 2 s.
    assert r["stdout"] == ["loop done 2.0", "tick 2.0", "thread done 2.0"], r


def test_thread_time_alone_costs_nothing():
    r = run("""
        import time
        a = time.thread_time()
        time.sleep(1)                        # waiting is no CPU time
        b = time.thread_time()
        print(a, b, time.time())
    """)
    assert r["stdout"] == ["0.0 0.0 1.0"] and r["virtualEnd"] == 1.0, r
    r = run(CPU + """
    async def main():
        a = time.thread_time()
        await asyncio.sleep(0)               # the loop's select: a wait
        b = time.thread_time()
        cpu(0.25)                            # readings from another frame
        print(a, b, time.thread_time() - b, time.time())
    asyncio.run(main())
    """)
    assert r["stdout"] == ["0.0 0.0 0.25 0.25"], r


def test_pools_used_directly_block_the_main_thread():
    r = run("""
        import threading, time
        from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
        def job(seconds):
            time.sleep(seconds)
            print(threading.current_thread().name, "slept", seconds)
            return seconds
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(job, s) for s in (3, 1, 1)]
            print([f.result() for f in as_completed(futures)], time.time())
            print(list(pool.map(job, [0.5, 0.25])), time.time())
            late = pool.submit(job, 10)
            done, pending = wait([late], timeout=2)
            print(len(done), len(pending), time.time())
        print(late.result(), time.time(), threading.current_thread().name)
    """)
    assert r["error"] is None, r
    assert r["stdout"] == [
        "ThreadPoolExecutor-0_1 slept 1", "ThreadPoolExecutor-0_1 slept 1", "ThreadPoolExecutor-0_0 slept 3",
        "[1, 1, 3] 3.0",
        # The lane idle longest takes the next job (the worker threads wait in the work queue's
        # get() first come, first served: Modules/_queuemodule.c, Python/parking_lot.c).
        "ThreadPoolExecutor-0_0 slept 0.25", "ThreadPoolExecutor-0_1 slept 0.5", "[0.5, 0.25] 3.5",
        "0 1 5.5",
        "ThreadPoolExecutor-0_0 slept 10", "10 13.5 MainThread",
    ], r
    assert r["stamps"][:3] == [1.0, 2.0, 3.0], r


def test_thread_names_defaults_and_the_self_pipe():
    r = run("""
        import asyncio, os, threading
        from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
        def name():
            return threading.current_thread().name
        async def main():
            loop = asyncio.get_running_loop()
            print(os.cpu_count(), ThreadPoolExecutor()._max_workers, ProcessPoolExecutor()._max_workers)
            print(await asyncio.to_thread(name), await loop.run_in_executor(None, name))
            print(await loop.run_in_executor(ThreadPoolExecutor(thread_name_prefix="io"), name))
            print(await loop.run_in_executor(ProcessPoolExecutor(), name))
            try:
                await loop.run_in_executor(ProcessPoolExecutor(), lambda: 1)
            except Exception as e:
                print("process job:", type(e).__name__)
        asyncio.run(main())
    """)
    assert r["error"] is None, r
    assert r["stdout"] == ["4 8 4", "asyncio_0 asyncio_0", "io_0", "MainThread", "process job: PicklingError"], r


def test_a_thread_wakes_the_loop_through_the_self_pipe():
    # Linux's SelectorEventLoop: call_soon_threadsafe writes to the self-pipe, so the next select
    # reports it and _process_events queues _read_from_self after the thread's handle.
    def instrument():
        import asyncio.events
        seen, original = [], asyncio.events.Handle._run

        def recording(handle):
            seen.append(getattr(handle._callback, "__name__", "?"))
            return original(handle)

        asyncio.events.Handle._run = recording
        return lambda: seen

    r = run("""
        import asyncio, time
        async def main():
            await asyncio.to_thread(time.sleep, 1)
        asyncio.run(main())
    """, instrument)
    names = r["extra"]
    at = names.index("_set_state")
    assert names[at + 1] == "_read_from_self" and names.count("_read_from_self") == 2, names
    assert r["virtualEnd"] == 1.0, r


def test_deadlock_in_a_blocking_wait():
    r = run("""
        import threading
        threading.Event().wait()
    """)
    assert r["error"].startswith("Deadlock:"), r


def test_each_program_starts_as_in_a_fresh_process():
    messy = """
        import asyncio, logging, warnings
        warnings.simplefilter("ignore")
        logging.basicConfig(level=logging.DEBUG)
        asyncio.sleep = None                 # a program may change asyncio itself
        asyncio.BaseEventLoop.time = lambda self: 99.0
        async def main():
            for _ in range(5):
                asyncio.create_task(asyncio.Event().wait())
        asyncio.new_event_loop().run_until_complete(main())
        import os
        print("leaving")
        os._exit(3)                          # ends its own program only
    """
    failing = """
        import asyncio
        async def main():
            await asyncio.sleep(0.5)
            raise ValueError("boom")
        asyncio.run(main())
    """
    results = [run(p) for p in [NAMED, failing, messy, NAMED, ""]]
    # Clock at 0.0, names from Task-1, the warning shown again: same as in a fresh process.
    assert results[0] == FRESH and results[3] == FRESH, (results, FRESH)
    assert FRESH["stdout"] == ["child Task-2", "child Task-3", "main Task-1 0.30000000000000004"], FRESH
    assert any("never awaited" in line for line in FRESH["stderr"]), FRESH
    assert results[1]["error"] == "ValueError: boom", results[1]
    assert results[2]["error"].startswith("HarnessError: os._exit(3)"), results[2]
    assert results[4] == {"stdout": [], "stamps": [], "virtualEnd": 0.0, "stderr": [], "error": None}, results[4]


OBSERVED = CPU + """
    async def main():
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(max_workers=1) as pool:
            a = loop.run_in_executor(pool, time.sleep, 0.5)
            b = loop.run_in_executor(pool, cpu, 2 * Q)
            print(await a, await b, time.time())
        print(await asyncio.gather(*[asyncio.to_thread(cpu, 2 * Q) for _ in range(2)]), time.time())
    asyncio.run(main())
"""


def test_an_observer_is_told_what_the_pools_do_and_changes_nothing():
    import virtual_threads

    threads = virtual_asyncio.THREADS
    Q = virtual_threads.CPU_QUANTUM
    program = OBSERVED.replace("2 * Q", repr(2 * Q))
    calls = []

    class Recording(virtual_threads.Observer):
        def __init__(self):
            self.names = {}

        def name(self, obj):  # pools, jobs and lanes by the order they were first seen
            return self.names.setdefault(id(obj), (obj, len(self.names)))[1]

        def note(self, *what):
            calls.append((virtual_asyncio.Clock.now, *what))

        def pool_created(self, pool, kind, max_workers):
            self.note("pool", self.name(pool), kind, max_workers)

        def job_queued(self, pool, future, fn, args, kwargs):
            self.note("queued", self.name(future), self.name(pool))

        def job_started(self, pool, future, lane):
            self.note("started", self.name(future), lane.label)

        def job_done(self, pool, future, lane, ok, value):
            self.note("done", self.name(future), lane.label, ok)

        def lane_waits(self, lane, until):
            self.note("waits", lane.label, until)

        def lane_holds(self, lane, kind, seconds, given, line):
            self.note("holds", lane.label, kind, seconds, given)

        def lane_held(self, lane, kind):
            self.note("held", lane.label, kind)

    def instrument():
        threads.observer = Recording()

        def finish():
            threads.observer = virtual_threads.Observer()
            return calls
        return finish

    plain = run(program)
    observed = run(program, instrument)
    observed.pop("extra")
    assert observed == plain, (observed, plain)
    T = 0.5 + 2 * Q  # the pool of one: a sleep of 0.5 s, then two quanta of computing
    # (cpu() returns its thread's CPU clock: each thread computed 2 quanta.)
    assert plain["stdout"] == [f"None {2 * Q} {T}", f"[{2 * Q}, {2 * Q}] {T + 4 * Q}"], plain
    b, lane = 2, "ThreadPoolExecutor-0_0"
    assert calls == [
        (0, "pool", 0, "thread", 1),
        (0, "queued", 1, 0), (0, "started", 1, lane),
        (0, "queued", b, 0),                                    # waits for the one lane
        (0, "holds", lane, "sleep", 0.5, 0.5), (0.5, "held", lane, "sleep"),
        (0.5, "done", 1, lane, True), (0.5, "started", b, lane),
        (0.5, "holds", lane, "cpu", Q, None), (0.5 + Q, "held", lane, "cpu"),
        (0.5 + Q, "holds", lane, "cpu", Q, None), (T, "held", lane, "cpu"),
        (T, "done", b, lane, True),
        # The default pool (eight threads: four cores + 4): two threads computing take turns for
        # the GIL, a quantum each, the first one submitted first.
        (T, "pool", 3, "thread", 8),
        (T, "queued", 4, 3), (T, "started", 4, "asyncio_0"),
        (T, "queued", 5, 3), (T, "started", 5, "asyncio_1"),
        (T, "holds", "asyncio_0", "cpu", Q, None),
        (T, "waits", "asyncio_1", T + Q),
        (T + Q, "held", "asyncio_0", "cpu"), (T + Q, "waits", "asyncio_0", T + 2 * Q),
        (T + Q, "holds", "asyncio_1", "cpu", Q, None),
        (T + 2 * Q, "holds", "asyncio_0", "cpu", Q, None),
        (T + 2 * Q, "held", "asyncio_1", "cpu"), (T + 2 * Q, "waits", "asyncio_1", T + 3 * Q),
        (T + 3 * Q, "held", "asyncio_0", "cpu"), (T + 3 * Q, "done", 4, "asyncio_0", True),
        (T + 3 * Q, "holds", "asyncio_1", "cpu", Q, None),
        (T + 4 * Q, "held", "asyncio_1", "cpu"), (T + 4 * Q, "done", 5, "asyncio_1", True),
    ], calls


def test_the_trace_cap_holds_while_jobs_play_back():
    import trace_recorder

    # Two threads computing for 10 s take turns for the GIL 5,120 times while the loop waits (no
    # callback runs meanwhile): the cap stops the run there, not when a job ends.
    r = trace_recorder.run_traced(textwrap.dedent(CPU + """
    async def main():
        await asyncio.gather(*[asyncio.to_thread(cpu, 10) for _ in range(2)])
    asyncio.run(main())
    """), {"maxEvents": 1000})
    assert r["error"].startswith("LimitExceeded: Stopped: the run recorded 1,0"), r["error"]  # (checked per quantum)
    assert len(r["events"]) < 1100, len(r["events"])
