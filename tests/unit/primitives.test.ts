// TaskGroup, the synchronization primitives, queues, timeouts and shield: each case is a
// TypeScript program and its Python twin, run side by side (CPython on a virtual clock); both must
// print the same lines at the same virtual times, end together and fail alike.
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { dedent, observable, runPython } from "../support/cpython.ts";

interface Twin {
  name: string;
  ts: string;
  py: string;
  /** A fact about the output, so a case that prints nothing cannot pass by accident. */
  expectLine: string;
}

const HEAD_TS = `import { run, sleep, print, createTask, gather, TaskGroup, Semaphore, BoundedSemaphore, Lock, Event, Queue, QueueEmpty, timeout, waitFor, shield, ExceptionGroup, TimeoutError, CancelledError } from "asyncio";
class Boom extends Error { override name = "Boom"; }
async function job(name: string, delay: number, fail = false): Promise<string> {
  print("start", name);
  try {
    await sleep(delay);
    if (fail) throw new Boom(name);
    print("end", name);
    return name;
  } finally {
    print("cleanup", name);
  }
}
`;
const HEAD_PY = `
import asyncio
from asyncio import sleep, create_task, gather, TaskGroup, Semaphore, BoundedSemaphore, Lock, Event, Queue, QueueEmpty, timeout, wait_for, shield, CancelledError
class Boom(Exception): pass
async def job(name, delay, fail=False):
    print("start", name)
    try:
        await sleep(delay)
        if fail: raise Boom(name)
        print("end", name)
        return name
    finally:
        print("cleanup", name)
`;

const CASES: Twin[] = [
  {
    name: "TaskGroup awaits every task when the block ends",
    expectLine: "after the group ['a', 'b']",
    ts: `async function main() {
  let a, b;
  {
    await using tg = new TaskGroup();
    a = tg.createTask(job("a", 2));
    b = tg.createTask(job("b", 1));
    print("body done");
  }
  print("after the group", [a.result(), b.result()]);
}`,
    py: `
async def main():
    async with TaskGroup() as tg:
        a = tg.create_task(job("a", 2))
        b = tg.create_task(job("b", 1))
        print("body done")
    print("after the group", [a.result(), b.result()])`,
  },
  {
    name: "a failing task cancels its siblings and the body, and the failures come out as an ExceptionGroup",
    expectLine: "group: unhandled errors in a TaskGroup (2 sub-exceptions) ['x', 'y']",
    ts: `async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(job("x", 1, true));
    tg.createTask(job("y", 1, true));
    tg.createTask(job("slow", 5));
    await sleep(3);
    print("never here");
  } catch (e) {
    if (e instanceof ExceptionGroup) print("group:", e.message, e.exceptions.map((x) => (x as Error).message));
  }
}`,
    py: `
async def main():
    try:
        async with TaskGroup() as tg:
            tg.create_task(job("x", 1, True))
            tg.create_task(job("y", 1, True))
            tg.create_task(job("slow", 5))
            await sleep(3)
            print("never here")
    except ExceptionGroup as e:
        print("group:", str(e), [str(x) for x in e.exceptions])`,
  },
  {
    name: "an error in the body cancels the group's tasks and joins the group",
    expectLine: "caught 1 Boom",
    ts: `async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(job("child", 2));
    await sleep(0.5);
    throw new Boom("body");
  } catch (e) {
    if (e instanceof ExceptionGroup) print("caught", e.exceptions.length, (e.exceptions[0] as Error).name);
  }
}`,
    py: `
async def main():
    try:
        async with TaskGroup() as tg:
            tg.create_task(job("child", 2))
            await sleep(0.5)
            raise Boom("body")
    except ExceptionGroup as e:
        print("caught", len(e.exceptions), type(e.exceptions[0]).__name__)`,
  },
  {
    name: "TaskGroup.run is the group as a call, returning the body's result",
    expectLine: "run gave body result",
    ts: `async function main() {
  const r = await TaskGroup.run(async (tg) => {
    tg.createTask(job("p", 1));
    tg.createTask(job("q", 0.5));
    return "body result";
  });
  print("run gave", r);
}`,
    py: `
async def main():
    async with TaskGroup() as tg:
        tg.create_task(job("p", 1))
        tg.create_task(job("q", 0.5))
        r = "body result"
    print("run gave", r)`,
  },
  {
    name: "a Semaphore lets at most n in, in FIFO order",
    expectLine: "in 4 True",
    ts: `async function worker(sem: Semaphore, i: number) {
  await using _ = await sem.acquire();
  print("in", i, sem.locked());
  await sleep(1 + (i % 2) * 0.5);
  print("out", i);
}
async function main() {
  const sem = new Semaphore(2);
  await gather([0, 1, 2, 3, 4].map((i) => worker(sem, i)));
}`,
    py: `
async def worker(sem, i):
    async with sem:
        print("in", i, sem.locked())
        await sleep(1 + (i % 2) * 0.5)
        print("out", i)
async def main():
    sem = Semaphore(2)
    await gather(*[worker(sem, i) for i in [0, 1, 2, 3, 4]])`,
  },
  {
    name: "a BoundedSemaphore refuses to be released too often",
    expectLine: "ValueError BoundedSemaphore released too many times",
    ts: `async function main() {
  const sem = new BoundedSemaphore(1);
  await sem.acquire();
  sem.release();
  try { sem.release(); } catch (e) { print((e as Error).name, (e as Error).message); }
}`,
    py: `
async def main():
    sem = BoundedSemaphore(1)
    await sem.acquire()
    sem.release()
    try: sem.release()
    except ValueError as e: print(type(e).__name__, e)`,
  },
  {
    name: "a Lock admits one task at a time, first come first served",
    expectLine: "releasing an unlocked lock: Lock is not acquired.",
    ts: `async function critical(lock: Lock, name: string) {
  print(name, "waits", lock.locked());
  await using _ = await lock.acquire();
  print(name, "holds");
  await sleep(0.5);
  print(name, "leaves");
}
async function main() {
  const lock = new Lock();
  await gather([critical(lock, "A"), critical(lock, "B"), critical(lock, "C")]);
  try { lock.release(); } catch (e) { print("releasing an unlocked lock:", (e as Error).message); }
}`,
    py: `
async def critical(lock, name):
    print(name, "waits", lock.locked())
    async with lock:
        print(name, "holds")
        await sleep(0.5)
        print(name, "leaves")
async def main():
    lock = Lock()
    await gather(critical(lock, "A"), critical(lock, "B"), critical(lock, "C"))
    try: lock.release()
    except RuntimeError as e: print("releasing an unlocked lock:", e)`,
  },
  {
    name: "an Event wakes every waiter when it is set",
    expectLine: "w2 saw the event",
    ts: `async function waiter(ev: Event, name: string) {
  print(name, "waits");
  await ev.wait();
  print(name, "saw the event");
}
async function main() {
  const ev = new Event();
  const tasks = [createTask(waiter(ev, "w1")), createTask(waiter(ev, "w2"))];
  await sleep(1);
  print("setting", ev.isSet());
  ev.set();
  await gather(tasks);
  ev.clear();
  print("cleared", ev.isSet());
}`,
    py: `
async def waiter(ev, name):
    print(name, "waits")
    await ev.wait()
    print(name, "saw the event")
async def main():
    ev = Event()
    tasks = [create_task(waiter(ev, "w1")), create_task(waiter(ev, "w2"))]
    await sleep(1)
    print("setting", ev.is_set())
    ev.set()
    await gather(*tasks)
    ev.clear()
    print("cleared", ev.is_set())`,
  },
  {
    name: "a bounded Queue makes producers wait; join waits for taskDone",
    expectLine: "all done 0",
    ts: `async function consumer(q: Queue<number>, name: string) {
  for (;;) {
    const item = await q.get();
    print(name, "got", item);
    await sleep(0.3);
    q.taskDone();
  }
}
async function main() {
  const q = new Queue<number>(2);
  const workers = [createTask(consumer(q, "c1")), createTask(consumer(q, "c2"))];
  for (let i = 0; i < 6; i++) {
    await q.put(i);
    print("put", i, q.qsize(), q.full());
  }
  await q.join();
  print("all done", q.qsize());
  for (const w of workers) w.cancel();
  try { q.getNowait(); } catch (e) { print("empty:", e instanceof QueueEmpty); }
}`,
    py: `
async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item)
        await sleep(0.3)
        q.task_done()
async def main():
    q = Queue(2)
    workers = [create_task(consumer(q, "c1")), create_task(consumer(q, "c2"))]
    for i in range(6):
        await q.put(i)
        print("put", i, q.qsize(), q.full())
    await q.join()
    print("all done", q.qsize())
    for w in workers: w.cancel()
    try: q.get_nowait()
    except QueueEmpty: print("empty:", True)`,
  },
  {
    name: "timeout(s) cancels the block and raises TimeoutError; a block that finishes in time is untouched",
    expectLine: "timed out at the deadline",
    ts: `async function main() {
  try {
    await using _ = timeout(1.5);
    await job("slow", 5);
  } catch (e) {
    if (e instanceof TimeoutError) print("timed out at the deadline");
  }
  {
    await using t = timeout(2);
    await job("quick", 1);
    print("expired?", t.expired());
  }
}`,
    py: `
async def main():
    try:
        async with timeout(1.5):
            await job("slow", 5)
    except TimeoutError:
        print("timed out at the deadline")
    async with timeout(2) as t:
        await job("quick", 1)
        print("expired?", t.expired())`,
  },
  {
    name: "waitFor gives the result in time, else cancels and raises TimeoutError",
    expectLine: "too slow: TimeoutError",
    ts: `async function main() {
  print("in time:", await waitFor(job("fast", 1), 2));
  try {
    await waitFor(job("slow", 3), 1);
  } catch (e) {
    print("too slow:", (e as Error).name);
  }
  try {
    await waitFor(job("instant", 0), 0);
  } catch (e) {
    print("zero timeout:", (e as Error).name);
  }
}`,
    py: `
async def main():
    print("in time:", await wait_for(job("fast", 1), 2))
    try:
        await wait_for(job("slow", 3), 1)
    except TimeoutError as e:
        print("too slow:", type(e).__name__)
    try:
        await wait_for(job("instant", 0), 0)
    except TimeoutError as e:
        print("zero timeout:", type(e).__name__)`,
  },
  {
    name: "shield: cancelling the waiter leaves the shielded task running",
    expectLine: "inner still gave protected",
    ts: `async function main() {
  const inner = createTask(job("protected", 2));
  const outer = createTask((async () => await shield(inner))());
  await sleep(1);
  outer.cancel();
  try { await outer; } catch (e) { print("outer:", (e as Error).name); }
  print("inner still gave", await inner);
}`,
    py: `
async def main():
    inner = create_task(job("protected", 2))
    async def wrapper():
        return await shield(inner)
    outer = create_task(wrapper())
    await sleep(1)
    outer.cancel()
    try: await outer
    except CancelledError as e: print("outer:", type(e).__name__)
    print("inner still gave", await inner)`,
  },
  {
    name: "a cancelled task waiting on a Semaphore gives its place to the next",
    expectLine: "c got in",
    ts: `async function holder(sem: Semaphore, name: string, hold: number) {
  await using _ = await sem.acquire();
  print(name, "got in");
  await sleep(hold);
}
async function main() {
  const sem = new Semaphore(1);
  const a = createTask(holder(sem, "a", 1));
  const b = createTask(holder(sem, "b", 1));
  const c = createTask(holder(sem, "c", 1));
  await sleep(0.5);
  b.cancel();
  await gather([a, b, c], { returnExceptions: true });
  print("b cancelled:", b.cancelled());
}`,
    py: `
async def holder(sem, name, hold):
    async with sem:
        print(name, "got in")
        await sleep(hold)
async def main():
    sem = Semaphore(1)
    a = create_task(holder(sem, "a", 1))
    b = create_task(holder(sem, "b", 1))
    c = create_task(holder(sem, "c", 1))
    await sleep(0.5)
    b.cancel()
    await gather(a, b, c, return_exceptions=True)
    print("b cancelled:", b.cancelled())`,
  },
];

describe("TaskGroup, Semaphore, Lock, Event, Queue, timeout, waitFor, shield match CPython", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const ts = `${HEAD_TS}\n${c.ts}\nawait run(main());\n`;
      const py = `${dedent(HEAD_PY)}\n${dedent(c.py)}\nasyncio.run(main())\n`;
      const [tsResult, pyResult] = await Promise.all([runTs(ts), runPython(py)]);
      expect(pyResult.stdout, "the Python twin prints the expected line").toContain(c.expectLine);
      expect(observable(tsResult)).toEqual(observable(pyResult));
      expect(tsResult.stderr).toEqual(pyResult.stderr);
    });
  }
});

describe("error paths", () => {
  it("TaskGroup outside a task, Semaphore(-1), a Queue's taskDone without work: clear errors", async () => {
    const r = await runTs(`import { run, print, TaskGroup, Semaphore, Queue } from "asyncio";
async function main() {
  try { new Semaphore(-1); } catch (e) { print((e as Error).message); }
  const q = new Queue();
  try { q.taskDone(); } catch (e) { print((e as Error).message); }
}
try {
  await using _ = new TaskGroup();
} catch (e) { print((e as Error).message); }
await run(main());
`);
    expect(r.stdout).toEqual(["no running event loop", "Semaphore initial value must be >= 0", "task_done() called too many times"]);
  });

  it("creating a task in a finished group is refused", async () => {
    const r = await runTs(`import { run, print, sleep, TaskGroup } from "asyncio";
async function main() {
  let group: TaskGroup | undefined;
  {
    await using tg = new TaskGroup();
    group = tg;
  }
  try { group.createTask(sleep(1)); } catch (e) { print((e as Error).name, (e as Error).message); }
}
await run(main());
`);
    // CPython's message names the group by its repr, and create_task closes the refused coroutine:
    // no "never awaited" warning (test_taskgroups.test_taskgroup_finished).
    expect(r.stdout).toEqual(["RuntimeError TaskGroup <TaskGroup entered> is finished"]);
    expect(r.stderr).toEqual([]);
  });
});

describe("trace lines belong to the task that is running", () => {
  it("every event recorded for a task carries a line inside that task's function", async () => {
    const source = `import { run, sleep, print, createTask, waitFor } from "asyncio";
async function ping() {
  for (let i = 0; i < 3; i++) {
    await sleep(0.5);
    print("ping", i);
  }
}
async function pong() {
  for (let i = 0; i < 3; i++) {
    try { await waitFor(sleep(0.7), 0.6); } catch { print("late"); }
    print("pong", i);
  }
}
async function main() {
  const a = createTask(ping());
  const b = createTask(pong());
  await a;
  await b;
}
await run(main());
`;
    const r = await runTs(source);
    expect(r.stdout).toContain("late");
    const ranges: Record<string, [number, number]> = { ping: [2, 7], pong: [8, 13], main: [14, 19] };
    const coroOf = new Map<number, string>();
    let checked = 0;
    for (const e of r.events) {
      if (e.kind === "task-created") coroOf.set(e.task, e.coro);
      const task = "task" in e ? e.task : undefined;
      const range = task === undefined ? undefined : ranges[coroOf.get(task) ?? ""];
      // Events a task records itself; handle-queued names the task it will run, queued by another.
      const ownEvent = ["task-resumed", "task-suspended", "print", "timer-set", "timer-cancelled", "task-done"].includes(e.kind);
      if (!range || e.line === undefined || !ownEvent) continue;
      expect(e.line, `${e.kind} of ${coroOf.get(task!)} at seq ${e.seq}`).toBeGreaterThanOrEqual(range[0]);
      expect(e.line, `${e.kind} of ${coroOf.get(task!)} at seq ${e.seq}`).toBeLessThanOrEqual(range[1]);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
