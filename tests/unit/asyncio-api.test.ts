// The asyncio API beyond the lessons' core (issue 14): the running loop and its handles, Future and
// Task as values, wait and asCompleted, timeoutAt and entering apart from making, Condition, Barrier,
// LifoQueue, PriorityQueue and Queue.shutdown; async generators and for await; eager tasks; the call graph. Each case is a TypeScript program and its Python
// twin; both run (the twin under CPython 3.14 on a virtual clock) and must print the same lines at
// the same virtual times, end together and fail alike.
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { observable, runPython } from "../support/cpython.ts";

interface Twin {
  name: string;
  ts: string;
  py: string;
  /** How many lines the twin prints, so a case that stops early cannot pass by accident. */
  lines: number;
}

const CASES: Twin[] = [
  {
    name: "timeoutAt, Timeout's repr, and entering a TaskGroup or a timeout apart from making it, with CPython's errors",
    lines: 10,
    ts: `import { run, print, sleep, TaskGroup, timeout, timeoutAt, getRunningLoop, RuntimeError } from "asyncio";
async function main() {
  const tg = new TaskGroup();
  { await using _ = tg; }
  try { tg.createTask(sleep(1)); } catch (e) { print((e as Error).name, (e as Error).message); }
  try { await using _ = tg; } catch (e) { print((e as Error).name, (e as Error).message); }
  const t = timeout(5);
  print(t);
  {
    await using _ = t;
    print(t);
    try { await using _b = t; } catch (e) { print((e as Error).message); }
  }
  print(t);
  try { timeout(1).reschedule(3); } catch (e) { print((e as Error).message); }
  const t2 = new TaskGroup();
  try { t2.createTask(sleep(1)); } catch (e) { print((e as Error).message); }
  const loop = getRunningLoop();
  print(timeoutAt(loop.time() + 10));
  {
    await using t3 = timeoutAt(loop.time() + 10);
    print(t3, t3.when() === loop.time() + 10);
  }
}
await run(main());
`,
    py: `import asyncio
async def main():
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    try:
        tg.create_task(asyncio.sleep(1))
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
    t = asyncio.timeout(5)
    print(repr(t))
    async with t:
        print(repr(t))
        try:
            async with t: pass
        except RuntimeError as e: print(e)
    print(repr(t))
    try:
        asyncio.timeout(1).reschedule(3)
    except RuntimeError as e: print(e)
    t2 = asyncio.TaskGroup()
    try:
        t2.create_task(asyncio.sleep(1))
    except RuntimeError as e: print(e)
    loop = asyncio.get_running_loop()
    print(repr(asyncio.timeout_at(loop.time() + 10)))
    async with asyncio.timeout_at(loop.time() + 10) as t3:
        print(repr(t3), t3.when() == loop.time() + 10)
asyncio.run(main())
`,
  },
  {
    name: "getRunningLoop(): time, callSoon, callLater, callAt, handles, createFuture, createTask; Future and Task as values; Task refuses setResult; allTasks, ensureFuture, isfuture, iscoroutine",
    lines: 15,
    ts: `import { run, print, sleep, getRunningLoop, createTask, Future, Task, currentTask, allTasks, ensureFuture, RuntimeError, isfuture, iscoroutine } from "asyncio";
function hello(name: string, n: number) {
  print("hello", name, n, "at", getRunningLoop().time().toFixed(2));
}
async function work() {
  await sleep(1);
  return "done";
}
async function main() {
  const loop = getRunningLoop();
  print(loop === getRunningLoop(), loop.isRunning());
  loop.callSoon(hello, "soon", 1);
  const h = loop.callLater(2, hello, "later", 2);
  const h2 = loop.callAt(loop.time() + 0.5, hello, "at", 3);
  const h3 = loop.callLater(1.5, hello, "cancelled", 4);
  print(h.when() === loop.time() + 2, h2.when(), h3.cancelled());
  h3.cancel();
  print(h3.cancelled());
  const fut = loop.createFuture();
  loop.callLater(0.25, () => fut.setResult(42));
  print("future", await fut);
  const t = loop.createTask(work(), { name: "worker" });
  print(t.getName(), t instanceof Task, t instanceof Future, isfuture(t), isfuture(1));
  const c = work();
  print(iscoroutine(c), t.getCoro() !== c);
  const t2 = ensureFuture(c);
  print(t2 instanceof Task, ensureFuture(t2) === t2);
  print(allTasks().size, currentTask()!.getName());
  try { t.setResult(1); } catch (e) { print((e as Error).name, (e as Error).message); }
  try { t.setException(new Error("x")); } catch (e) { print(e instanceof RuntimeError, (e as Error).message); }
  const f2 = new Future();
  f2.setResult("plain");
  print(await f2, await t, await t2);
  await sleep(2);
  print(allTasks().size);
}
await run(main());
`,
    py: `import asyncio
def hello(name, n):
    print("hello", name, n, "at", f"{asyncio.get_running_loop().time():.2f}")
async def work():
    await asyncio.sleep(1)
    return "done"
async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop(), loop.is_running())
    loop.call_soon(hello, "soon", 1)
    h = loop.call_later(2, hello, "later", 2)
    h2 = loop.call_at(loop.time() + 0.5, hello, "at", 3)
    h3 = loop.call_later(1.5, hello, "cancelled", 4)
    print(h.when() == loop.time() + 2, h2.when(), h3.cancelled())
    h3.cancel()
    print(h3.cancelled())
    fut = loop.create_future()
    loop.call_later(0.25, lambda: fut.set_result(42))
    print("future", await fut)
    t = loop.create_task(work(), name="worker")
    print(t.get_name(), isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), asyncio.isfuture(t), asyncio.isfuture(1))
    c = work()
    print(asyncio.iscoroutine(c), t.get_coro() is not c)
    t2 = asyncio.ensure_future(c)
    print(isinstance(t2, asyncio.Task), asyncio.ensure_future(t2) is t2)
    print(len(asyncio.all_tasks()), asyncio.current_task().get_name())
    try: t.set_result(1)
    except RuntimeError as e: print(type(e).__name__, e)
    try: t.set_exception(Exception("x"))
    except RuntimeError as e: print(isinstance(e, RuntimeError), e)
    f2 = asyncio.Future()
    f2.set_result("plain")
    print(await f2, await t, await t2)
    await asyncio.sleep(2)
    print(len(asyncio.all_tasks()))
asyncio.run(main())
`,
  },
  {
    name: "wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout; asCompleted as a plain and as an async iterator, with a timeout; for await over a plain array",
    lines: 23,
    ts: `import { run, print, sleep, createTask, wait, asCompleted, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, TimeoutError } from "asyncio";
class Boom extends Error { override name = "Boom"; }
async function job(name: string, delay: number, fail = false) {
  await sleep(delay);
  if (fail) throw new Boom(name);
  print("finished", name);
  return name;
}
const names = (s: Set<any>) => [...s].map((t) => t.getName()).sort();
async function main() {
  let tasks = [createTask(job("a", 1), { name: "a" }), createTask(job("b", 2, true), { name: "b" }), createTask(job("c", 3), { name: "c" })];
  let [done, pending] = await wait(tasks, { returnWhen: FIRST_COMPLETED });
  print("first", names(done), names(pending));
  [done, pending] = await wait(tasks, { returnWhen: FIRST_EXCEPTION });
  print("exception", names(done), names(pending));
  [done, pending] = await wait(tasks, { timeout: 0.5 });
  print("timeout", names(done), names(pending));
  [done, pending] = await wait(tasks, { returnWhen: ALL_COMPLETED });
  print("all", names(done), names(pending));
  try { await wait([]); } catch (e) { print((e as Error).name, (e as Error).message); }
  try { await wait([job("x", 1)] as any); } catch (e) { print((e as Error).name, (e as Error).message); }
  tasks = [createTask(job("d", 3), { name: "d" }), createTask(job("e", 1), { name: "e" }), createTask(job("f", 2), { name: "f" })];
  for (const next of asCompleted(tasks)) print("got", await next);
  tasks = [createTask(job("g", 2), { name: "g" }), createTask(job("h", 1), { name: "h" })];
  for await (const t of asCompleted(tasks)) print("task", t.getName(), t === tasks[1], t.result());
  tasks = [createTask(job("i", 2), { name: "i" }), createTask(job("j", 5), { name: "j" })];
  try {
    for await (const t of asCompleted(tasks, { timeout: 3 })) print("in time", t.getName());
  } catch (e) {
    print("timed out", e instanceof TimeoutError);
  }
  for await (const x of [sleep(1, "one"), 2]) print("plain", x);
}
await run(main());
`,
    py: `import asyncio
class Boom(Exception): pass
async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail: raise Boom(name)
    print("finished", name)
    return name
def names(s): return sorted(t.get_name() for t in s)
async def main():
    tasks = [asyncio.create_task(job("a", 1), name="a"), asyncio.create_task(job("b", 2, True), name="b"), asyncio.create_task(job("c", 3), name="c")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first", names(done), names(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("exception", names(done), names(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.5)
    print("timeout", names(done), names(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("all", names(done), names(pending))
    try: await asyncio.wait([])
    except ValueError as e: print(type(e).__name__, e)
    c = job("x", 1)
    try: await asyncio.wait([c])
    except TypeError as e: print(type(e).__name__, e)
    tasks = [asyncio.create_task(job("d", 3), name="d"), asyncio.create_task(job("e", 1), name="e"), asyncio.create_task(job("f", 2), name="f")]
    for nxt in asyncio.as_completed(tasks): print("got", await nxt)
    tasks = [asyncio.create_task(job("g", 2), name="g"), asyncio.create_task(job("h", 1), name="h")]
    async for t in asyncio.as_completed(tasks): print("task", t.get_name(), t is tasks[1], t.result())
    tasks = [asyncio.create_task(job("i", 2), name="i"), asyncio.create_task(job("j", 5), name="j")]
    try:
        async for t in asyncio.as_completed(tasks, timeout=3): print("in time", t.get_name())
    except TimeoutError as e:
        print("timed out", isinstance(e, TimeoutError))
    for x in [await asyncio.sleep(1, "one"), 2]: print("plain", x)
asyncio.run(main())
`,
  },
  {
    name: "Condition, Barrier, LifoQueue, PriorityQueue in Python\"s order, Queue.shutdown",
    lines: 33,
    ts: `import { run, print, sleep, createTask, gather, Condition, Barrier, BrokenBarrierError, LifoQueue, PriorityQueue, Queue, QueueShutDown, QueueEmpty, RuntimeError } from "asyncio";
async function main() {
  const cond = new Condition();
  let ready = 0;
  async function waiter(name: string) {
    await using _ = await cond.acquire();
    print(name, "waits");
    const r = await cond.waitFor(() => ready >= 2);
    print(name, "woke", r, ready);
  }
  async function plain(name: string) {
    await using _ = await cond.acquire();
    print(name, "waits plainly");
    print(name, "got", await cond.wait());
  }
  const ws = [createTask(waiter("w1")), createTask(waiter("w2")), createTask(plain("p1")), createTask(plain("p2"))];
  await sleep(1);
  {
    await using _ = await cond.acquire();
    ready = 1;
    cond.notify();
  }
  await sleep(1);
  {
    await using _ = await cond.acquire();
    ready = 2;
    cond.notifyAll();
  }
  await gather(ws);
  try { cond.notify(); } catch (e) { print(e instanceof RuntimeError, (e as Error).message); }
  try { await cond.wait(); } catch (e) { print((e as Error).message); }

  const barrier = new Barrier(3);
  print(barrier.parties, barrier.nWaiting, barrier.broken);
  async function arrive(name: string, delay: number) {
    await sleep(delay);
    const index = await barrier.wait();
    print(name, "passed with index", index);
  }
  const arrivals = [createTask(arrive("x", 1)), createTask(arrive("y", 2)), createTask(arrive("z", 0.5))];
  await sleep(1.5);
  print("waiting", barrier.nWaiting);
  await gather(arrivals);
  const late = createTask(barrier.wait());
  await sleep(0.1);
  await barrier.reset();
  try { await late; } catch (e) { print("reset:", e instanceof BrokenBarrierError, (e as Error).message); }
  const late2 = createTask(barrier.wait());
  await sleep(0.1);
  await barrier.abort();
  try { await late2; } catch (e) { print("abort:", (e as Error).name, (e as Error).message, barrier.broken); }
  try { await barrier.wait(); } catch (e) { print("after:", (e as Error).message); }

  const lifo = new LifoQueue<number>();
  for (const n of [1, 2, 3]) lifo.putNowait(n);
  print("lifo", lifo.getNowait(), lifo.getNowait(), lifo.getNowait());
  const pq = new PriorityQueue<[number, string]>();
  for (const item of [[3, "c"], [1, "z"], [2, "b"], [1, "a"], [10, "j"]] as [number, string][]) await pq.put(item);
  const out = [];
  while (!pq.empty()) out.push(await pq.get());
  print("priority", out);
  const ps = new PriorityQueue<string>();
  for (const s of ["pear", "apple", "fig", "Zebra"]) ps.putNowait(s);
  print(ps.getNowait(), ps.getNowait(), ps.qsize());
  const bad = new PriorityQueue<unknown>();
  bad.putNowait(1);
  try { bad.putNowait("x"); } catch (e) { print((e as Error).name, (e as Error).message); }

  const q = new Queue<number>();
  async function consumer(name: string) {
    try {
      for (;;) {
        const item = await q.get();
        print(name, "took", item);
        q.taskDone();
      }
    } catch (e) {
      print(name, "sees", (e as Error).name, e instanceof QueueShutDown);
    }
  }
  const cs = [createTask(consumer("c1")), createTask(consumer("c2"))];
  q.putNowait(1);
  q.putNowait(2);
  q.putNowait(3);
  q.shutdown();
  try { q.putNowait(4); } catch (e) { print("put after shutdown:", (e as Error).name); }
  await gather(cs);
  const q2 = new Queue<number>(1);
  q2.putNowait(1);
  const putter = createTask(q2.put(2));
  await sleep(0);
  print(String(q2));
  q2.shutdown(true);
  try { await putter; } catch (e) { print("putter:", (e as Error).name); }
  print(q2.qsize(), String(q2));
  try { q2.getNowait(); } catch (e) { print((e as Error).name); }
  const q3 = new Queue();
  try { q3.getNowait(); } catch (e) { print(e instanceof QueueEmpty); }
}
await run(main());
`,
    py: `import asyncio
from asyncio import sleep, create_task, gather, Condition, Barrier, BrokenBarrierError, LifoQueue, PriorityQueue, Queue, QueueShutDown, QueueEmpty
async def main():
    cond = Condition()
    ready = 0
    async def waiter(name):
        async with cond:
            print(name, "waits")
            r = await cond.wait_for(lambda: ready >= 2)
            print(name, "woke", r, ready)
    async def plain(name):
        async with cond:
            print(name, "waits plainly")
            print(name, "got", await cond.wait())
    ws = [create_task(waiter("w1")), create_task(waiter("w2")), create_task(plain("p1")), create_task(plain("p2"))]
    await sleep(1)
    async with cond:
        ready = 1
        cond.notify()
    await sleep(1)
    async with cond:
        ready = 2
        cond.notify_all()
    await gather(*ws)
    try: cond.notify()
    except RuntimeError as e: print(isinstance(e, RuntimeError), e)
    try: await cond.wait()
    except RuntimeError as e: print(e)

    barrier = Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    async def arrive(name, delay):
        await sleep(delay)
        index = await barrier.wait()
        print(name, "passed with index", index)
    arrivals = [create_task(arrive("x", 1)), create_task(arrive("y", 2)), create_task(arrive("z", 0.5))]
    await sleep(1.5)
    print("waiting", barrier.n_waiting)
    await gather(*arrivals)
    late = create_task(barrier.wait())
    await sleep(0.1)
    await barrier.reset()
    try: await late
    except BrokenBarrierError as e: print("reset:", isinstance(e, BrokenBarrierError), e)
    late2 = create_task(barrier.wait())
    await sleep(0.1)
    await barrier.abort()
    try: await late2
    except Exception as e: print("abort:", type(e).__name__, e, barrier.broken)
    try: await barrier.wait()
    except Exception as e: print("after:", e)

    lifo = LifoQueue()
    for n in [1, 2, 3]: lifo.put_nowait(n)
    print("lifo", lifo.get_nowait(), lifo.get_nowait(), lifo.get_nowait())
    pq = PriorityQueue()
    for item in [[3, "c"], [1, "z"], [2, "b"], [1, "a"], [10, "j"]]: await pq.put(item)
    out = []
    while not pq.empty(): out.append(await pq.get())
    print("priority", out)
    ps = PriorityQueue()
    for s in ["pear", "apple", "fig", "Zebra"]: ps.put_nowait(s)
    print(ps.get_nowait(), ps.get_nowait(), ps.qsize())
    bad = PriorityQueue()
    bad.put_nowait(1)
    try: bad.put_nowait("x")
    except TypeError as e: print(type(e).__name__, e)

    q = Queue()
    async def consumer(name):
        try:
            while True:
                item = await q.get()
                print(name, "took", item)
                q.task_done()
        except Exception as e:
            print(name, "sees", type(e).__name__, isinstance(e, QueueShutDown))
    cs = [create_task(consumer("c1")), create_task(consumer("c2"))]
    q.put_nowait(1)
    q.put_nowait(2)
    q.put_nowait(3)
    q.shutdown()
    try: q.put_nowait(4)
    except QueueShutDown as e: print("put after shutdown:", type(e).__name__)
    await gather(*cs)
    q2 = Queue(1)
    q2.put_nowait(1)
    putter = create_task(q2.put(2))
    await sleep(0)
    print(str(q2))
    q2.shutdown(True)
    try: await putter
    except QueueShutDown as e: print("putter:", type(e).__name__)
    print(q2.qsize(), str(q2))
    try: q2.get_nowait()
    except QueueShutDown as e: print(type(e).__name__)
    q3 = Queue()
    try: q3.get_nowait()
    except QueueEmpty as e: print(isinstance(e, QueueEmpty))
asyncio.run(main())
`,
  },
  {
    name: "async generators: for await, yield* (async for \u2026 yield in Python), asend, aclose with a finally that prints",
    lines: 19,
    ts: `import { run, print, sleep, createTask } from "asyncio";
async function* ticker(n: number, delay: number) {
  try {
    for (let i = 0; i < n; i++) {
      await sleep(delay);
      yield i;
    }
  } finally {
    print("ticker cleanup");
  }
}
async function* both() {
  yield "start";
  yield* ticker(2, 0.5);
  yield "end";
}
async function* echo() {
  let got = yield "ready";
  while (got !== "stop") {
    await sleep(0.1);
    got = yield \`echo \${got}\`;
  }
}
async function other(name: string) {
  for (let i = 0; i < 3; i++) {
    await sleep(0.75);
    print(name, i);
  }
}
async function main() {
  const t = createTask(other("other"));
  for await (const x of ticker(3, 1)) print("tick", x);
  for await (const x of both()) print("both", x);
  const e = echo();
  print((await e.asend(undefined)).value);
  print((await e.asend("hi")).value);
  print((await e.asend("there")).value);
  print((await e.asend("stop")).done);
  const g = ticker(5, 0.25);
  print((await g.next()).value);
  await g.aclose();
  print("closed");
  await t;
}
await run(main());
`,
    py: `import asyncio
async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker cleanup")
async def both():
    yield "start"
    async for x in ticker(2, 0.5):
        yield x
    yield "end"
async def echo():
    got = yield "ready"
    while got != "stop":
        await asyncio.sleep(0.1)
        got = yield f"echo {got}"
async def other(name):
    for i in range(3):
        await asyncio.sleep(0.75)
        print(name, i)
async def main():
    t = asyncio.create_task(other("other"))
    async for x in ticker(3, 1): print("tick", x)
    async for x in both(): print("both", x)
    e = echo()
    print(await e.asend(None))
    print(await e.asend("hi"))
    print(await e.asend("there"))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print(True)
    g = ticker(5, 0.25)
    print(await anext(g))
    await g.aclose()
    print("closed")
    await t
asyncio.run(main())
`,
  },
  {
    name: "leaving a for await early closes the generator a few passes later, as CPython's finalizer hook does",
    lines: 20,
    ts: `import { run, print, sleep, createTask } from "asyncio";
async function* gen() {
  try {
    yield 1;
    yield 2;
  } finally {
    print("cleanup starts");
    await sleep(0);
    print("cleanup ends");
  }
}
async function spin(name: string) {
  for (let i = 0; i < 6; i++) {
    print(name, i);
    await sleep(0);
  }
}
async function main() {
  const t = createTask(spin("spin"));
  for await (const x of gen()) {
    print("got", x);
    break;
  }
  print("after loop");
  await spin("main");
  await t;
  try {
    for await (const x of gen()) throw new Error("boom " + x);
  } catch (e) {
    print("caught", (e as Error).message);
  }
  await sleep(0);
  await sleep(0);
  print("end");
}
await run(main());
`,
    py: `import asyncio
async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup starts")
        await asyncio.sleep(0)
        print("cleanup ends")
async def spin(name):
    for i in range(6):
        print(name, i)
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(spin("spin"))
    async for x in gen():
        print("got", x)
        break
    print("after loop")
    await spin("main")
    await t
    try:
        async for x in gen():
            raise Exception("boom " + str(x))
    except Exception as e:
        print("caught", e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("end")
asyncio.run(main())
`,
  },
  {
    name: "eager tasks: createTask(coro, { eagerStart: true }), loop.setTaskFactory(eagerTaskFactory), createEagerTaskFactory(Task), and back to lazy tasks",
    lines: 21,
    ts: `import { run, print, sleep, createTask, gather, getRunningLoop, eagerTaskFactory, createEagerTaskFactory, Task, TaskGroup, currentTask } from "asyncio";
async function quick(name: string) {
  print(name, "starts in", currentTask()!.getName());
  return name;
}
async function slow(name: string) {
  print(name, "starts");
  await sleep(1);
  print(name, "ends");
  return name;
}
async function main() {
  const loop = getRunningLoop();
  print(loop.getTaskFactory() === null);
  const lazy = createTask(quick("lazy"));
  print("lazy done?", lazy.done());
  const eager = createTask(quick("eager"), { eagerStart: true });
  print("eager done?", eager.done(), eager.result());
  loop.setTaskFactory(eagerTaskFactory);
  print(loop.getTaskFactory() === eagerTaskFactory);
  const t = createTask(quick("factory"));
  print("factory done?", t.done());
  const s = createTask(slow("slow"));
  print("slow done?", s.done());
  print(await gather([quick("g1"), slow("g2")]));
  {
    await using tg = new TaskGroup();
    tg.createTask(quick("in group"));
    print("group body");
  }
  loop.setTaskFactory(createEagerTaskFactory(Task));
  const u = createTask(quick("custom"), { name: "named" });
  print(u.getName(), u.done());
  loop.setTaskFactory(null);
  const v = createTask(quick("lazy again"));
  print(v.done());
  await s;
  await v;
}
await run(main());
`,
    py: `import asyncio
async def quick(name):
    print(name, "starts in", asyncio.current_task().get_name())
    return name
async def slow(name):
    print(name, "starts")
    await asyncio.sleep(1)
    print(name, "ends")
    return name
async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory() is None)
    lazy = asyncio.create_task(quick("lazy"))
    print("lazy done?", lazy.done())
    eager = asyncio.create_task(quick("eager"), eager_start=True)
    print("eager done?", eager.done(), eager.result())
    loop.set_task_factory(asyncio.eager_task_factory)
    print(loop.get_task_factory() is asyncio.eager_task_factory)
    t = asyncio.create_task(quick("factory"))
    print("factory done?", t.done())
    s = asyncio.create_task(slow("slow"))
    print("slow done?", s.done())
    print(await asyncio.gather(quick("g1"), slow("g2")))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(quick("in group"))
        print("group body")
    loop.set_task_factory(asyncio.create_eager_task_factory(asyncio.Task))
    u = asyncio.create_task(quick("custom"), name="named")
    print(u.get_name(), u.done())
    loop.set_task_factory(None)
    v = asyncio.create_task(quick("lazy again"))
    print(v.done())
    await s
    await v
asyncio.run(main())
`,
  },
  {
    name: "the call graph: formatCallGraph of the current task and of others (limit 0, 1, -1), awaited by TaskGroup, gather, wait and shield; captureCallGraph outside a loop",
    lines: 38,
    ts: `import { run, print, sleep, createTask, gather, wait, shield, TaskGroup, Task, captureCallGraph, formatCallGraph, printCallGraph } from "asyncio";
const clean = (text: string) => text.replace(/id=0x[0-9a-f]+/g, "id=…").replace(/File '[^']*', line \\S+/g, "File …");
async function leaf() {
  print(clean(formatCallGraph()));
  await sleep(1);
}
async function middle() {
  await leaf();
}
async function gathered(a: Task, b: Task) {
  return await gather([a, b]);
}
async function shielded(b: Task) {
  return await shield(b);
}
async function main() {
  print(formatCallGraph(null, { limit: 0 }) === "* Task(name='Task-1', id=" + formatCallGraph(null, { limit: 0 }).split("id=")[1]);
  {
    await using tg = new TaskGroup();
    const t = tg.createTask(middle(), { name: "worker" });
    await sleep(0.5);
    print(clean(formatCallGraph(t)));
    print(clean(formatCallGraph(t, { limit: 1 })));
    print(clean(formatCallGraph(t, { limit: -1 })));
    const g = captureCallGraph(t)!;
    print(g.callStack.length, g.awaitedBy.length, g.awaitedBy[0].future.getName());
  }
  const a = createTask(sleep(1), { name: "a" });
  const b = createTask(sleep(2), { name: "b" });
  const gathering = createTask(gathered(a, b), { name: "gatherer" });
  const waiting = createTask(wait([a]), { name: "waiter" });
  const shielding = createTask(shielded(b), { name: "shielder" });
  await sleep(0.1);
  for (const t of [a, b]) {
    const g = captureCallGraph(t)!;
    print(t.getName(), "awaited by", g.awaitedBy.map((p) => p.future.getName()).sort(), g.awaitedBy.map((p) => p.callStack.map((e) => e.frame.name).join(" < ")).sort());
  }
  await gathering;
  await waiting;
  await shielding;
  print(JSON.stringify(formatCallGraph(null, { limit: 0 }).split("\\n").length));
}
await run(main());
try { captureCallGraph(); } catch (e) { print((e as Error).message); }
`,
    py: `import asyncio, re
from asyncio import sleep, create_task, gather, wait, shield, TaskGroup, capture_call_graph, format_call_graph, print_call_graph
def clean(text):
    return re.sub(r"File '[^']*', line \\S+", "File …", re.sub(r"id=0x[0-9a-f]+", "id=…", text))
async def leaf():
    print(clean(format_call_graph()))
    await sleep(1)
async def middle():
    await leaf()
async def gathered(a, b):
    return await gather(a, b)
async def shielded(b):
    return await shield(b)
async def main():
    print(format_call_graph(limit=0) == "* Task(name='Task-1', id=" + format_call_graph(limit=0).split("id=")[1])
    async with TaskGroup() as tg:
        t = tg.create_task(middle(), name="worker")
        await sleep(0.5)
        print(clean(format_call_graph(t)))
        print(clean(format_call_graph(t, limit=1)))
        print(clean(format_call_graph(t, limit=-1)))
        g = capture_call_graph(t)
        print(len(g.call_stack), len(g.awaited_by), g.awaited_by[0].future.get_name())
    a = create_task(sleep(1), name="a")
    b = create_task(sleep(2), name="b")
    gathering = create_task(gathered(a, b), name="gatherer")
    waiting = create_task(wait([a]), name="waiter")
    shielding = create_task(shielded(b), name="shielder")
    await sleep(0.1)
    for t in [a, b]:
        g = capture_call_graph(t)
        print(t.get_name(), "awaited by", sorted(p.future.get_name() for p in g.awaited_by), sorted(" < ".join(e.frame.f_code.co_name for e in p.call_stack) for p in g.awaited_by))
    await gathering
    await waiting
    await shielding
    print(len(format_call_graph(limit=0).split("\\n")))
asyncio.run(main())
try: capture_call_graph()
except RuntimeError as e: print(e)
`,
  },
  {
    name: "loop.runInExecutor with the default pool and with a ThreadPool",
    lines: 4,
    ts: `import { run, print, sleep, getRunningLoop, blockingSleep, threadName, ThreadPool } from "asyncio";
function work(n: number): number {
  print(threadName(), "works", n);
  blockingSleep(n);
  return n * 10;
}
async function main() {
  const loop = getRunningLoop();
  const a = loop.runInExecutor(null, work, 1);
  const pool = new ThreadPool({ maxWorkers: 1 });
  const b = loop.runInExecutor(pool, work, 2);
  await sleep(0.5);
  print("waiting", a.done(), b.done());
  print(await a, await b);
  pool.shutdown();
}
await run(main());
`,
    py: `import asyncio, threading, time
from concurrent.futures import ThreadPoolExecutor
def work(n):
    print(threading.current_thread().name, "works", n)
    time.sleep(n)
    return n * 10
async def main():
    loop = asyncio.get_running_loop()
    a = loop.run_in_executor(None, work, 1)
    pool = ThreadPoolExecutor(max_workers=1)
    b = loop.run_in_executor(pool, work, 2)
    await asyncio.sleep(0.5)
    print("waiting", a.done(), b.done())
    print(await a, await b)
    pool.shutdown()
asyncio.run(main())
`,
  },
  {
    name: "loop.callSoonThreadsafe (one more handle: the self-pipe) and Future.getLoop",
    lines: 7,
    ts: `import { run, print, sleep, getRunningLoop, createTask } from "asyncio";
function note(what: string) {
  print("note", what);
}
async function ticker() {
  for (let i = 0; i < 3; i++) {
    print("tick", i);
    await sleep(0);
  }
}
async function main() {
  const loop = getRunningLoop();
  const t = createTask(ticker());
  const fut = loop.createFuture();
  print(fut.getLoop() === loop, t.getLoop() === loop);
  loop.callSoonThreadsafe(note, "threadsafe");
  loop.callSoon(note, "soon");
  await sleep(0);
  print("main after one pass");
  await t;
}
await run(main());
`,
    py: `import asyncio
def note(what):
    print("note", what)
async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    fut = loop.create_future()
    print(fut.get_loop() is loop, t.get_loop() is loop)
    loop.call_soon_threadsafe(note, "threadsafe")
    loop.call_soon(note, "soon")
    await asyncio.sleep(0)
    print("main after one pass")
    await t
asyncio.run(main())
`,
  },
  {
    name: "edge cases: a notified waiter cancelled passes the wake-up on; Barrier reset breaks its waiters and fills again; shutdown(immediate) releases join(); PriorityQueue orders nested arrays as tuples and lists",
    lines: 13,
    ts: `import { run, print, sleep, createTask, gather, Condition, Barrier, Queue, QueueShutDown, CancelledError, PriorityQueue } from "asyncio";
async function main() {
  const cond = new Condition();
  async function waiter(name: string) {
    try {
      await using _ = await cond.acquire();
      await cond.wait();
      print(name, "woke, locked:", cond.locked());
    } catch (e) {
      print(name, "cancelled:", e instanceof CancelledError, "locked:", cond.locked());
      throw e;
    }
  }
  const w1 = createTask(waiter("w1"));
  const w2 = createTask(waiter("w2"));
  await sleep(1);
  {
    await using _ = await cond.acquire();
    cond.notify(1);
    w1.cancel();
  }
  await sleep(1);
  print("w1", w1.cancelled(), "w2", w2.done());
  {
    await using _ = await cond.acquire();
    cond.notifyAll();
  }
  await gather([w1, w2], { returnExceptions: true });

  const barrier = new Barrier(3);
  async function arrive(name: string) {
    try {
      print(name, "index", await barrier.wait());
    } catch (e) {
      print(name, (e as Error).name);
    }
  }
  const arrivals = [createTask(arrive("a")), createTask(arrive("b"))];
  await sleep(1);
  print("waiting", barrier.nWaiting, String(barrier));
  await barrier.reset();
  await gather(arrivals);
  print(String(barrier), barrier.broken);
  const again = [createTask(arrive("c")), createTask(arrive("d")), createTask(arrive("e"))];
  await gather(again);

  const q = new Queue<number>();
  for (const n of [1, 2, 3]) q.putNowait(n);
  const joiner = createTask(q.join());
  await sleep(0);
  q.shutdown(true);
  await joiner;
  print("joined after immediate shutdown", q.qsize(), String(q));
  const getter = createTask(q.get());
  await sleep(0);
  try { await getter; } catch (e) { print("get:", e instanceof QueueShutDown); }

  const mixed = new PriorityQueue<[number, number[], string]>();
  mixed.putNowait([1, [2, 3], "b"]);
  mixed.putNowait([1, [2], "c"]);
  mixed.putNowait([1, [2, 3], "a"]);
  mixed.putNowait([0.5, [9], "z"]);
  mixed.putNowait([1, [1, 9, 9], "y"]);
  const order = [];
  while (!mixed.empty()) order.push(mixed.getNowait()[2]);
  print(order);
}
await run(main());
`,
    py: `import asyncio
from asyncio import sleep, create_task, gather, Condition, Barrier, Queue, QueueShutDown, CancelledError, PriorityQueue
async def main():
    cond = Condition()
    async def waiter(name):
        try:
            async with cond:
                await cond.wait()
                print(name, "woke, locked:", cond.locked())
        except CancelledError as e:
            print(name, "cancelled:", isinstance(e, CancelledError), "locked:", cond.locked())
            raise
    w1 = create_task(waiter("w1"))
    w2 = create_task(waiter("w2"))
    await sleep(1)
    async with cond:
        cond.notify(1)
        w1.cancel()
    await sleep(1)
    print("w1", w1.cancelled(), "w2", w2.done())
    async with cond:
        cond.notify_all()
    await gather(w1, w2, return_exceptions=True)

    barrier = Barrier(3)
    async def arrive(name):
        try:
            print(name, "index", await barrier.wait())
        except Exception as e:
            print(name, type(e).__name__)
    arrivals = [create_task(arrive("a")), create_task(arrive("b"))]
    await sleep(1)
    print("waiting", barrier.n_waiting, "<asyncio.locks.Barrier object [" + repr(barrier).split("[")[1])
    await barrier.reset()
    await gather(*arrivals)
    print("<asyncio.locks.Barrier object [" + repr(barrier).split("[")[1], barrier.broken)
    again = [create_task(arrive("c")), create_task(arrive("d")), create_task(arrive("e"))]
    await gather(*again)

    q = Queue()
    for n in [1, 2, 3]: q.put_nowait(n)
    joiner = create_task(q.join())
    await sleep(0)
    q.shutdown(True)
    await joiner
    print("joined after immediate shutdown", q.qsize(), str(q))
    getter = create_task(q.get())
    await sleep(0)
    try: await getter
    except QueueShutDown as e: print("get:", isinstance(e, QueueShutDown))

    mixed = PriorityQueue()
    mixed.put_nowait((1, [2, 3], "b"))
    mixed.put_nowait((1, [2], "c"))
    mixed.put_nowait((1, [2, 3], "a"))
    mixed.put_nowait((0.5, [9], "z"))
    mixed.put_nowait((1, [1, 9, 9], "y"))
    order = []
    while not mixed.empty(): order.append(mixed.get_nowait()[2])
    print(order)
asyncio.run(main())
`,
  },
  {
    name: "eager tasks with gather, TaskGroup (a task failing at once), wait and asCompleted; a cancelled wait; a timeout rescheduled to the past; asCompleted of a task given twice",
    lines: 16,
    ts: `import { run, print, sleep, createTask, gather, wait, asCompleted, TaskGroup, getRunningLoop, eagerTaskFactory, timeout, FIRST_COMPLETED, ExceptionGroup } from "asyncio";
class Boom extends Error { override name = "Boom"; }
async function instant(n: number) {
  print("instant", n);
  return n;
}
async function failsAtOnce(n: number) {
  print("fails", n);
  throw new Boom(String(n));
}
async function later(n: number) {
  await sleep(n);
  print("later", n);
  return n;
}
async function main() {
  const loop = getRunningLoop();
  loop.setTaskFactory(eagerTaskFactory);
  print(await gather([instant(1), instant(2), later(1)]));
  try {
    await using tg = new TaskGroup();
    tg.createTask(later(5));
    tg.createTask(failsAtOnce(3));
    print("body goes on");
  } catch (e) {
    print("group:", e instanceof ExceptionGroup, (e as ExceptionGroup).exceptions);
  }
  const ts = [createTask(later(2)), createTask(instant(4))];
  const [done, pending] = await wait(ts, { returnWhen: FIRST_COMPLETED });
  print(done.size, pending.size);
  for (const next of asCompleted(ts)) print("next", await next);
  const waiter = createTask(wait([createTask(later(10))]));
  await sleep(0.5);
  waiter.cancel();
  try { await waiter; } catch (e) { print("wait cancelled", waiter.cancelled()); }
  try {
    await using t = timeout(1);
    t.reschedule(loop.time() - 1);
    await sleep(3);
  } catch (e) {
    print("rescheduled to the past:", (e as Error).name, loop.time() >= 0);
  }
  loop.setTaskFactory(null);
  const dupes = createTask(later(1));
  const got = [];
  for await (const t of asCompleted([dupes, dupes])) got.push(t === dupes);
  print(got);
}
await run(main());
`,
    py: `import asyncio
from asyncio import sleep, create_task, gather, wait, as_completed, TaskGroup, timeout, FIRST_COMPLETED
class Boom(Exception): pass
async def instant(n):
    print("instant", n)
    return n
async def fails_at_once(n):
    print("fails", n)
    raise Boom(str(n))
async def later(n):
    await sleep(n)
    print("later", n)
    return n
async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    print(await gather(instant(1), instant(2), later(1)))
    try:
        async with TaskGroup() as tg:
            tg.create_task(later(5))
            tg.create_task(fails_at_once(3))
            print("body goes on")
    except ExceptionGroup as e:
        print("group:", isinstance(e, ExceptionGroup), list(e.exceptions))
    ts = [create_task(later(2)), create_task(instant(4))]
    done, pending = await wait(ts, return_when=FIRST_COMPLETED)
    print(len(done), len(pending))
    for nxt in as_completed(ts): print("next", await nxt)
    waiter = create_task(wait([create_task(later(10))]))
    await sleep(0.5)
    waiter.cancel()
    try: await waiter
    except asyncio.CancelledError: print("wait cancelled", waiter.cancelled())
    try:
        async with timeout(1) as t:
            t.reschedule(loop.time() - 1)
            await sleep(3)
    except TimeoutError as e:
        print("rescheduled to the past:", type(e).__name__, loop.time() >= 0)
    loop.set_task_factory(None)
    dupes = create_task(later(1))
    got = []
    async for t in as_completed([dupes, dupes]): got.append(t is dupes)
    print(got)
asyncio.run(main())
`,
  },
  {
    name: "Runner: several runs on one loop (a task left by one run goes on in the next, and is cancelled when the runner closes), getLoop, close before use; run() of a non-awaitable",
    lines: 13,
    ts: `import { run, print, sleep, createTask, currentTask, Runner, getRunningLoop } from "asyncio";
let background: any;
async function first() {
  print("first in", currentTask()!.getName());
  background = createTask(ticker());
  await sleep(1);
  return "one";
}
async function ticker() {
  try {
    for (let i = 0; ; i++) {
      print("tick", i);
      await sleep(0.75);
    }
  } finally {
    print("ticker cancelled");
  }
}
async function second() {
  print("second in", currentTask()!.getName());
  await sleep(1);
  return "two";
}
async function sameLoop(loop: unknown) {
  return getRunningLoop() === loop;
}
{
  using runner = new Runner();
  print(await runner.run(first()));
  print(await runner.run(second()));
  print(await runner.run(sameLoop(runner.getLoop())));
}
try {
  await run(42 as any);
} catch (e) {
  print((e as Error).name, (e as Error).message);
}
const closed = new Runner();
await closed.close();
try {
  closed.run(second());
} catch (e) {
  print((e as Error).name, (e as Error).message);
}
print(await run(second()));
`,
    py: `import asyncio
background = None
async def first():
    global background
    print("first in", asyncio.current_task().get_name())
    background = asyncio.create_task(ticker())
    await asyncio.sleep(1)
    return "one"
async def ticker():
    try:
        i = 0
        while True:
            print("tick", i)
            i += 1
            await asyncio.sleep(0.75)
    finally:
        print("ticker cancelled")
async def second():
    print("second in", asyncio.current_task().get_name())
    await asyncio.sleep(1)
    return "two"
async def same_loop(loop):
    return asyncio.get_running_loop() is loop
with asyncio.Runner() as runner:
    print(runner.run(first()))
    print(runner.run(second()))
    print(runner.run(same_loop(runner.get_loop())))
try:
    asyncio.run(42)
except TypeError as e:
    print(type(e).__name__, e)
closed = asyncio.Runner()
closed.close()
c = second()
try:
    closed.run(c)
except RuntimeError as e:
    print(type(e).__name__, e)
c.close()
print(asyncio.run(second()))
`,
  },
  {
    // Closed together in a gather, in the order of the loop's WeakSet of generators (addresses, in
    // CPython): what each prints is ordered by time instead, so the order of the set does not show.
    name: "async generators left suspended when run() ends are closed by shutdown_asyncgens, together",
    lines: 6,
    ts: `import { run, print, sleep, createTask, currentTask, getRunningLoop } from "asyncio";
async function* gen(name: string) {
  try {
    for (let i = 0; i < 10; i++) {
      yield i;
      await sleep(1);
    }
  } finally {
    await sleep(name === "kept" ? 0.4 : 0.5);
    print(name, "closed at", getRunningLoop().time().toFixed(1));
  }
}
const kept: any[] = [];
async function other() {
  await sleep(5);
}
async function main() {
  const other2 = gen("second");
  kept.push(other2);
  print((await other2.next()).value);
  const g = gen("kept");
  kept.push(g);
  print((await g.next()).value);
  createTask(other());
  print("main ends");
}
await run(main());
print("after run");
`,
    py: `import asyncio
async def gen(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(1)
    finally:
        await asyncio.sleep(0.4 if name == "kept" else 0.5)
        print(name, "closed at", f"{asyncio.get_running_loop().time():.1f}")
kept = []
async def other():
    await asyncio.sleep(5)
async def main():
    other2 = gen("second")
    kept.append(other2)
    print(await anext(other2))
    g = gen("kept")
    kept.append(g)
    print(await anext(g))
    asyncio.create_task(other())
    print("main ends")
asyncio.run(main())
print("after run")
`,
  },
  {
    name: "a program's loop passed back: new Future(loop), new Task(coro, { loop, name }), ensureFuture(coro, loop)",
    lines: 3,
    ts: `import { run, print, sleep, getRunningLoop, Future, Task, ensureFuture } from "asyncio";
async function nap() {
  await sleep(1);
  return "napped";
}
async function main() {
  const loop = getRunningLoop();
  const f = new Future(loop);
  print(f.getLoop() === loop);
  const t = new Task(nap(), { loop, name: "by hand" });
  const e = ensureFuture(nap(), loop);
  print(t.getName(), t.getLoop() === loop, e.getLoop() === loop);
  loop.callLater(0.5, () => f.setResult("set"));
  print(await f, await t, await e);
}
await run(main());
`,
    py: `import asyncio
async def nap():
    await asyncio.sleep(1)
    return "napped"
async def main():
    loop = asyncio.get_running_loop()
    f = asyncio.Future(loop=loop)
    print(f.get_loop() is loop)
    t = asyncio.Task(nap(), loop=loop, name="by hand")
    e = asyncio.ensure_future(nap(), loop=loop)
    print(t.get_name(), t.get_loop() is loop, e.get_loop() is loop)
    loop.call_later(0.5, lambda: f.set_result("set"))
    print(await f, await t, await e)
asyncio.run(main())
`,
  },
  {
    name: "newEventLoop, setEventLoop, getEventLoop outside a loop, loop.runUntilComplete twice on one loop, loop.close",
    lines: 6,
    ts: `import { print, sleep, createTask, newEventLoop, setEventLoop, getEventLoop, RuntimeError } from "asyncio";
async function greet(name: string) {
  await sleep(1);
  return \`hello \${name}\`;
}
async function background() {
  await sleep(10);
}
try {
  getEventLoop();
} catch (e) {
  print((e as Error).name, (e as Error).message);
}
const loop = newEventLoop();
setEventLoop(loop);
print(getEventLoop() === loop, loop.isRunning(), loop.isClosed());
print(await loop.runUntilComplete(greet("first")));
const t = loop.createTask(background());
print(await loop.runUntilComplete(greet("second")), t.done());
loop.close();
print(loop.isClosed());
const c = greet("third");
try {
  loop.runUntilComplete(c);
} catch (e) {
  print(e instanceof RuntimeError, (e as Error).message);
}
c.close();
setEventLoop(null);
`,
    py: `import asyncio
async def greet(name):
    await asyncio.sleep(1)
    return f"hello {name}"
async def background():
    await asyncio.sleep(10)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(type(e).__name__, e)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop, loop.is_running(), loop.is_closed())
print(loop.run_until_complete(greet("first")))
t = loop.create_task(background())
print(loop.run_until_complete(greet("second")), t.done())
loop.close()
print(loop.is_closed())
c = greet("third")
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print(isinstance(e, RuntimeError), e)
c.close()
asyncio.set_event_loop(None)
`,
  },
];

describe("the asyncio API matches CPython 3.14", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [ts, py] = await Promise.all([runTs(c.ts), runPython(c.py)]);
      expect(py.error, "the Python twin failed").toBeNull();
      expect(py.stdout.length, "the Python twin's printed lines").toBe(c.lines);
      expect(observable(ts)).toEqual(observable(py));
    });
  }
});

// An exception raised from another (JavaScript's \`cause\`, Python's \`raise ... from\`) is reported as
// Python's traceback reports it, without the frames: the cause, the line that joins them, the
// exception. A timeout's TimeoutError comes from the CancelledError it replaced.
const CHAINED_TS = `import { run, print, sleep, createTask, timeout } from "asyncio";
class ParseError extends Error { override name = "ParseError"; }
class ConfigError extends Error { override name = "ConfigError"; }
function parse(text: string) {
  throw new ParseError(\`bad line: \${text}\`);
}
async function load() {
  try {
    parse("x = ");
  } catch (e) {
    throw new ConfigError("cannot load the settings", { cause: e });
  }
}
async function slow() {
  await using _ = timeout(1);
  await sleep(5);
}
async function main() {
  createTask(slow());
  const t = createTask(load());
  await sleep(2);
  print("t failed:", t.done());
  try {
    await load();
  } catch (e) {
    print("caught", e, "caused by", (e as Error).cause);
  }
  await load();
}
await run(main());
`;
const CHAINED_PY = `import asyncio
class ParseError(Exception): pass
class ConfigError(Exception): pass
def parse(text):
    raise ParseError(f"bad line: {text}")
async def load():
    try:
        parse("x = ")
    except Exception as e:
        raise ConfigError("cannot load the settings") from e
async def slow():
    async with asyncio.timeout(1):
        await asyncio.sleep(5)
async def main():
    asyncio.create_task(slow())
    t = asyncio.create_task(load())
    await asyncio.sleep(2)
    print("t failed:", t.done())
    try:
        await load()
    except Exception as e:
        print("caught", repr(e), "caused by", repr(e.__cause__))
    await load()
asyncio.run(main())
`;

describe("exception chains", () => {
  it("are reported as CPython's traceback reports them, frames aside", async () => {
    const [ts, py] = await Promise.all([runTs(CHAINED_TS), runPython(CHAINED_PY)]);
    expect(observable(ts)).toEqual(observable(py));
    // Every line the runtime writes, but the task's repr (its file differs), is one of CPython's, in order.
    const ours = ts.stderr.flatMap((text) => text.split("\n")).filter((line) => !line.startsWith("future: "));
    const theirs = py.stderr.flatMap((text) => text.split("\n")).map((line) => line.replace(/^asyncio\.exceptions\./, ""));
    expect(ours.filter((line) => line.startsWith("The above exception")).length).toBe(3);
    let at = 0;
    for (const line of ours.slice(0, -5)) {
      while (at < theirs.length && theirs[at] !== line) at++;
      expect(at, `"${line}" is not among CPython's lines, in order:\n${theirs.join("\n")}`).toBeLessThan(theirs.length);
      at++;
    }
  });
});
