#!/usr/bin/env python3
"""Checks for virtual_asyncio.py. Run: python3 tests/python/test_virtual_asyncio.py

Each program runs in its own subprocess through the real CLI (stdin `-`),
because the tool patches process-wide state and task names must start at
Task-1 as they do in a fresh CPython.
"""
import json
import pathlib
import subprocess
import sys
import textwrap
import time

TOOL = pathlib.Path(__file__).with_name("virtual_asyncio.py")


def run(program):
    proc = subprocess.run([sys.executable, str(TOOL), "-"], check=True,
                          input=textwrap.dedent(program), text=True,
                          capture_output=True)
    assert proc.stderr == "", proc.stderr
    return json.loads(proc.stdout)  # stdout holds exactly one JSON object


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


def run_batch(programs):
    proc = subprocess.run([sys.executable, str(TOOL), "--batch"], check=True,
                          input=json.dumps([textwrap.dedent(p) for p in programs]),
                          text=True, capture_output=True)
    assert proc.stderr == "", proc.stderr
    return json.loads(proc.stdout)  # one JSON array, one result per program


def test_batch_runs_each_program_as_a_fresh_process_would():
    named = """
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
    failing = """
        import asyncio
        async def main():
            await asyncio.sleep(0.5)
            raise ValueError("boom")
        asyncio.run(main())
    """
    escaping = """
        import os
        print("leaving")
        os._exit(3)                          # kills its own process only
    """
    programs = [named, failing, escaping, named, ""]
    results = run_batch(programs)
    assert len(results) == len(programs), results
    # Clock at 0.0, names from Task-1, the warning shown again: same as alone.
    alone = run(named)
    assert results[0] == alone and results[3] == alone, (results, alone)
    assert alone["stdout"] == ["child Task-2", "child Task-3",
                               "main Task-1 0.30000000000000004"], alone
    assert any("never awaited" in line for line in alone["stderr"]), alone
    assert results[1] == run(failing), results[1]
    assert results[1]["error"] == "ValueError: boom", results[1]
    assert results[2]["error"].startswith("HarnessError:"), results[2]
    assert results[4] == {"stdout": [], "stamps": [], "virtualEnd": 0.0,
                          "stderr": [], "error": None}, results[4]
    assert run_batch([]) == []


def test_serve_answers_each_line_with_a_batch():
    named = """
        import asyncio
        async def main():
            print(asyncio.current_task().get_name())
        asyncio.run(main())
    """
    requests = [[named, named], [], [named]]
    proc = subprocess.run([sys.executable, str(TOOL), "--serve"], check=True,
                          input="".join(json.dumps([textwrap.dedent(p) for p in r]) + "\n"
                                        for r in requests),
                          text=True, capture_output=True)
    assert proc.stderr == "", proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [len(a) for a in answers] == [2, 0, 1], answers
    assert all(r["stdout"] == ["Task-1"] for a in answers for r in a), answers


if __name__ == "__main__":
    tests = [f for name, f in sorted(globals().items()) if name.startswith("test_")]
    for test in tests:
        test()
        print("ok  ", test.__name__)
    print(f"{len(tests)} passed")
