// asyncio semantics, each checked against what CPython 3.11 does. Where a case means something in
// both languages, its Python twin is written beside it and run under CPython's real event loop on a
// virtual clock (src/python/virtual_asyncio.py): both must print the same lines at the same
// virtual times, end at the same time and fail (or not) with the same "Type: message".
//
// `it.fails` marks a known divergence from CPython (the twin was run; CPython does what the test
// says). When the runtime is fixed the test starts passing and vitest reports it: flip it to `it`.
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { dedent, observable, runPython, type PythonResult } from "../support/cpython.ts";
import { eventsOf, lineOf, stampedStdout, taskId } from "../support/programs.ts";
import type { RunResult } from "../../src/runtime/trace/index.ts";

/** Run a TypeScript program and its Python twin side by side. */
async function twins(ts: string, py: string): Promise<{ ts: RunResult; py: PythonResult }> {
  const [tsResult, pyResult] = await Promise.all([runTs(ts), runPython(dedent(py))]);
  return { ts: tsResult, py: pyResult };
}

/** Same printed lines, same stamps, same end time, same uncaught error. */
function expectSameAsCPython({ ts, py }: { ts: RunResult; py: PythonResult }) {
  expect(observable(ts)).toEqual(observable(py));
}

describe("coroutines are lazy", () => {
  const ts = `import { run, sleep, print } from "asyncio";

async function greet(name: string): Promise<number> {
  print("hello", name);
  return name.length;
}

async function main() {
  const coro = greet("ada");
  print("coroutine made");
  await sleep(1);
  print("a second later, still nothing ran");
  const n = await coro;
  print("awaiting it ran it and gave", n);
}

await run(main());
`;
  const py = `
    import asyncio

    async def greet(name):
        print("hello", name)
        return len(name)

    async def main():
        coro = greet("ada")
        print("coroutine made")
        await asyncio.sleep(1)
        print("a second later, still nothing ran")
        n = await coro
        print("awaiting it ran it and gave", n)

    asyncio.run(main())
  `;

  it("calling an async function runs nothing until it is awaited, and makes no task", async () => {
    const r = await runTs(ts);
    expect(r.stdout).toEqual(["coroutine made", "a second later, still nothing ran", "hello ada", "awaiting it ran it and gave 3"]);
    expect(stampedStdout(r).map((p) => p.t)).toEqual([0, 1, 1, 1]);
    expect(eventsOf(r.events, "task-created").filter((e) => !e.internal).map((e) => e.name)).toEqual(["Task-1"]);
    expect(r.stderr).toEqual([]);
  });

  it("matches CPython", async () => {
    expectSameAsCPython(await twins(ts, py));
  });

  const twiceTs = `import { run, sleep, print } from "asyncio";

async function f(): Promise<number> {
  print("f runs");
  await sleep(1);
  return 42;
}

async function main() {
  const c = f();
  print(await c);
  try {
    await c;
  } catch (e) {
    print("caught", e);
  }
  await c;
}

await run(main());
`;
  const twicePy = `
    import asyncio

    async def f():
        print("f runs")
        await asyncio.sleep(1)
        return 42

    async def main():
        c = f()
        print(await c)
        try:
            await c
        except RuntimeError as e:
            print("caught", repr(e))
        await c

    asyncio.run(main())
  `;

  it("awaiting a coroutine twice raises RuntimeError: cannot reuse already awaited coroutine", async () => {
    const r = await runTs(twiceTs);
    expect(r.stdout).toEqual(["f runs", "42", "caught RuntimeError('cannot reuse already awaited coroutine')"]);
    expect(r.error?.message).toBe("RuntimeError: cannot reuse already awaited coroutine");
  });

  it("awaiting a coroutine twice matches CPython", async () => {
    expectSameAsCPython(await twins(twiceTs, twicePy));
  });

  // CPython's traceback ends at the line of the second `await c` in main. The runtime
  // reports the line of `await run(main())` instead: the error is made inside the runtime, and the
  // line comes from the first program frame on its stack.
  it("the uncaught reuse error points at the line of the second await, as CPython's traceback does", async () => {
    const r = await runTs(twiceTs);
    expect(r.error?.line).toBe(lineOf(twiceTs, "await c;", 2));
  });
});

describe("the ready queue is first in, first out", () => {
  const ts = `import { run, createTask, sleep, print } from "asyncio";

async function worker(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(name, i);
    await sleep(0);
  }
  print(name, "done");
}

async function main() {
  const a = createTask(worker("a", 3));
  const b = createTask(worker("b", 2));
  const c = createTask(worker("c", 1));
  print("main before yield");
  await sleep(0);
  print("main after yield");
  await a;
  await b;
  await c;
  print("main end");
}

await run(main());
`;
  const py = `
    import asyncio

    async def worker(name, n):
        for i in range(n):
            print(name, i)
            await asyncio.sleep(0)
        print(name, "done")

    async def main():
        a = asyncio.create_task(worker("a", 3))
        b = asyncio.create_task(worker("b", 2))
        c = asyncio.create_task(worker("c", 1))
        print("main before yield")
        await asyncio.sleep(0)
        print("main after yield")
        await a
        await b
        await c
        print("main end")

    asyncio.run(main())
  `;

  it("sleep(0) sends a task to the back of the queue: tasks take turns in creation order", async () => {
    const r = await runTs(ts);
    expect(r.stdout).toEqual([
      "main before yield",
      "a 0",
      "b 0",
      "c 0",
      "main after yield",
      "a 1",
      "b 1",
      "c done",
      "a 2",
      "b done",
      "a done",
      "main end",
    ]);
    expect(r.virtualEnd).toBe(0);
    const yields = eventsOf(r.events, "task-suspended").filter((e) => e.on.what === "yield");
    expect(yields).toHaveLength(7);
    expect(new Set(yields.map((e) => e.line))).toEqual(new Set([lineOf(ts, "await sleep(0);"), lineOf(ts, "await sleep(0);", 2)]));
  });

  it("matches CPython", async () => {
    expectSameAsCPython(await twins(ts, py));
  });
});

describe("timers", () => {
  it("timers with equal deadlines set in order fire in order (matches CPython)", async () => {
    const ts = `import { run, createTask, sleep, print } from "asyncio";

async function nap(name: string) {
  await sleep(1);
  print(name, "woke");
}

async function main() {
  const tasks = [createTask(nap("a")), createTask(nap("b")), createTask(nap("c"))];
  for (const t of tasks) await t;
}

await run(main());
`;
    const py = `
      import asyncio

      async def nap(name):
          await asyncio.sleep(1)
          print(name, "woke")

      async def main():
          tasks = [asyncio.create_task(nap("a")), asyncio.create_task(nap("b")), asyncio.create_task(nap("c"))]
          for t in tasks:
              await t

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.ts.stdout).toEqual(["a woke", "b woke", "c woke"]);
    expect(both.ts.virtualEnd).toBe(1);
    expectSameAsCPython(both);
  });

  it("equal deadlines reached by different paths come out of the timer heap in CPython's order", async () => {
    // 0.1 + 0.2 is 0.30000000000000004: within the clock's resolution of 0.3, so e, f and g wake in
    // the same pass. At 1 s five timers are due; the heap (not creation order) decides their order.
    const ts = `import { run, createTask, sleep, print } from "asyncio";

async function nap(name: string, ...delays: number[]) {
  for (const d of delays) await sleep(d);
  print(name, "woke");
}

async function main() {
  const tasks = [
    createTask(nap("a", 1)),
    createTask(nap("b", 0.5, 0.5)),
    createTask(nap("c", 1)),
    createTask(nap("d", 0.25, 0.75)),
    createTask(nap("e", 0.3)),
    createTask(nap("f", 0.1, 0.2)),
    createTask(nap("g", 0.2, 0.1)),
    createTask(nap("h", 1)),
  ];
  for (const t of tasks) await t;
  print("all woke");
}

await run(main());
`;
    const py = `
      import asyncio

      async def nap(name, *delays):
          for d in delays:
              await asyncio.sleep(d)
          print(name, "woke")

      async def main():
          tasks = [
              asyncio.create_task(nap("a", 1)),
              asyncio.create_task(nap("b", 0.5, 0.5)),
              asyncio.create_task(nap("c", 1)),
              asyncio.create_task(nap("d", 0.25, 0.75)),
              asyncio.create_task(nap("e", 0.3)),
              asyncio.create_task(nap("f", 0.1, 0.2)),
              asyncio.create_task(nap("g", 0.2, 0.1)),
              asyncio.create_task(nap("h", 1)),
          ]
          for t in tasks:
              await t
          print("all woke")

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.ts.stdout).toEqual(["e woke", "f woke", "g woke", "h woke", "c woke", "b woke", "a woke", "d woke", "all woke"]);
    expectSameAsCPython(both);
  });
});

describe("gather", () => {
  const orderTs = `import { run, gather, sleep, print } from "asyncio";

async function fetch(name: string, delay: number): Promise<string> {
  await sleep(delay);
  print("finished", name);
  return "result " + name;
}

async function main() {
  const results = await gather([fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)]);
  print(results);
  print(await gather([]));
}

await run(main());
`;
  const orderPy = `
    import asyncio

    async def fetch(name, delay):
        await asyncio.sleep(delay)
        print("finished", name)
        return "result " + name

    async def main():
        results = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("medium", 2))
        print(results)
        print(await asyncio.gather())

    asyncio.run(main())
  `;

  it("gives results in argument order, whatever order the work finishes in", async () => {
    const r = await runTs(orderTs);
    expect(r.stdout).toEqual(["finished fast", "finished medium", "finished slow", "['result slow', 'result fast', 'result medium']", "[]"]);
    expect(r.virtualEnd).toBe(3);
    // gather wraps each coroutine in a task at once, as asyncio.gather does.
    expect(eventsOf(r.events, "task-created").filter((e) => !e.internal).map((e) => [e.name, e.coro])).toEqual([
      ["Task-1", "main"],
      ["Task-2", "fetch"],
      ["Task-3", "fetch"],
      ["Task-4", "fetch"],
    ]);
  });

  it("results in argument order match CPython", async () => {
    expectSameAsCPython(await twins(orderTs, orderPy));
  });

  const firstErrorTs = `import { run, gather, sleep, print } from "asyncio";

class BadThing extends Error {
  override name = "BadThing";
}

async function ok(name: string, delay: number): Promise<string> {
  await sleep(delay);
  print("ok", name, "finished");
  return name;
}

async function fail(delay: number): Promise<string> {
  await sleep(delay);
  print("failing");
  throw new BadThing("broken");
}

async function main() {
  try {
    await gather([ok("a", 2), fail(1), ok("b", 3)]);
    print("not reached");
  } catch (e) {
    print("main caught", e);
  }
  await sleep(5);
  print("main end");
}

await run(main());
`;
  const firstErrorPy = `
    import asyncio

    class BadThing(Exception):
        pass

    async def ok(name, delay):
        await asyncio.sleep(delay)
        print("ok", name, "finished")
        return name

    async def fail(delay):
        await asyncio.sleep(delay)
        print("failing")
        raise BadThing("broken")

    async def main():
        try:
            await asyncio.gather(ok("a", 2), fail(1), ok("b", 3))
            print("not reached")
        except Exception as e:
            print("main caught", repr(e))
        await asyncio.sleep(5)
        print("main end")

    asyncio.run(main())
  `;

  it("by default raises the first exception at once, while the other tasks keep running", async () => {
    const r = await runTs(firstErrorTs);
    expect(stampedStdout(r).map(({ t, text }) => [t, text])).toEqual([
      [1, "failing"],
      [1, "main caught BadThing('broken')"],
      [2, "ok a finished"],
      [3, "ok b finished"],
      [6, "main end"],
    ]);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toEqual([]);
  });

  it("raising the first exception matches CPython", async () => {
    expectSameAsCPython(await twins(firstErrorTs, firstErrorPy));
  });

  const returnExceptionsTs = `import { run, gather, sleep, print } from "asyncio";

class BadThing extends Error {
  override name = "BadThing";
}

async function ok(name: string, delay: number): Promise<string> {
  await sleep(delay);
  return name;
}

async function fail(delay: number): Promise<string> {
  await sleep(delay);
  throw new BadThing("broken");
}

async function main() {
  const results = await gather([ok("a", 2), fail(1), ok("b", 3)], { returnExceptions: true });
  print(results);
  print(results.map((r) => (r instanceof Error ? "error" : "value")));
}

await run(main());
`;
  const returnExceptionsPy = `
    import asyncio

    class BadThing(Exception):
        pass

    async def ok(name, delay):
        await asyncio.sleep(delay)
        return name

    async def fail(delay):
        await asyncio.sleep(delay)
        raise BadThing("broken")

    async def main():
        results = await asyncio.gather(ok("a", 2), fail(1), ok("b", 3), return_exceptions=True)
        print(results)
        print(["error" if isinstance(r, BaseException) else "value" for r in results])

    asyncio.run(main())
  `;

  it("with returnExceptions: true, exceptions come back in the result list", async () => {
    const r = await runTs(returnExceptionsTs);
    expect(r.stdout).toEqual(["['a', BadThing('broken'), 'b']", "['value', 'error', 'value']"]);
    expect(r.virtualEnd).toBe(3);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toEqual([]);
  });

  it("returnExceptions: true matches CPython", async () => {
    expectSameAsCPython(await twins(returnExceptionsTs, returnExceptionsPy));
  });

  // CPython 3.11's gather puts CancelledError('' if msg is None else msg) in the list for a
  // cancelled child (tasks.py, _done_callback), so its repr is CancelledError(''). The runtime
  // builds CancelledError with an empty message, which prints as CancelledError().
  it("with returnExceptions: true, a cancelled child comes back as CancelledError(''), as in CPython", async () => {
    const ts = `import { run, gather, sleep, print, createTask } from "asyncio";

async function ok(name: string, delay: number): Promise<string> {
  await sleep(delay);
  return name;
}

async function cancelLater(task: { cancel(): boolean }, delay: number) {
  await sleep(delay);
  print("cancelling");
  task.cancel();
}

async function main() {
  const doomed = createTask(ok("doomed", 10));
  createTask(cancelLater(doomed, 0.5));
  const results = await gather([ok("a", 2), doomed], { returnExceptions: true });
  print(results);
}

await run(main());
`;
    const py = `
      import asyncio

      async def ok(name, delay):
          await asyncio.sleep(delay)
          return name

      async def cancel_later(task, delay):
          await asyncio.sleep(delay)
          print("cancelling")
          task.cancel()

      async def main():
          doomed = asyncio.create_task(ok("doomed", 10))
          asyncio.create_task(cancel_later(doomed, 0.5))
          results = await asyncio.gather(ok("a", 2), doomed, return_exceptions=True)
          print(results)

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.py.stdout).toEqual(["cancelling", "['a', CancelledError('')]"]);
    expectSameAsCPython(both);
  });
});

describe("cancellation", () => {
  const ts = `import { run, createTask, sleep, print, CancelledError } from "asyncio";

async function reader() {
  try {
    print("reading");
    await sleep(10);
    print("not reached");
  } catch (e) {
    print("reader caught", e, e instanceof CancelledError);
    throw e;
  } finally {
    print("reader cleanup");
  }
}

async function main() {
  const task = createTask(reader());
  await sleep(1);
  print("cancel() returned", task.cancel());
  print(task.done(), task.cancelled());
  try {
    await task;
  } catch (e) {
    print("main caught", e, e instanceof CancelledError);
  }
  print(task.done(), task.cancelled());
  print("cancel() again returned", task.cancel());
}

await run(main());
`;
  const py = `
    import asyncio

    async def reader():
        try:
            print("reading")
            await asyncio.sleep(10)
            print("not reached")
        except asyncio.CancelledError as e:
            print("reader caught", repr(e), isinstance(e, asyncio.CancelledError))
            raise
        finally:
            print("reader cleanup")

    async def main():
        task = asyncio.create_task(reader())
        await asyncio.sleep(1)
        print("cancel() returned", task.cancel())
        print(task.done(), task.cancelled())
        try:
            await task
        except asyncio.CancelledError as e:
            print("main caught", repr(e), isinstance(e, asyncio.CancelledError))
        print(task.done(), task.cancelled())
        print("cancel() again returned", task.cancel())

    asyncio.run(main())
  `;

  it("task.cancel() raises CancelledError at the task's await point, and its finally runs", async () => {
    const r = await runTs(ts);
    expect(stampedStdout(r).map(({ t, text }) => [t, text])).toEqual([
      [0, "reading"],
      [1, "cancel() returned True"],
      [1, "False False"],
      [1, "reader caught CancelledError() True"],
      [1, "reader cleanup"],
      [1, "main caught CancelledError() True"],
      [1, "True True"],
      [1, "cancel() again returned False"],
    ]);
    expect(r.virtualEnd).toBe(1);
    const reader = taskId(r, "Task-2");
    expect(eventsOf(r.events, "task-done").find((e) => e.task === reader)).toMatchObject({ t: 1, outcome: "cancelled" });
    // The sleep's timer is withdrawn: the clock never reaches 10.
    expect(eventsOf(r.events, "timer-cancelled")).toHaveLength(1);
  });

  it("matches CPython", async () => {
    expectSameAsCPython(await twins(ts, py));
  });

  it("String(task) shows the state, name and coroutine", async () => {
    const r = await runTs(`import { run, createTask, sleep, print } from "asyncio";

async function f(n: number) {
  await sleep(n);
  return [n, "x"];
}

async function main() {
  const a = createTask(f(1));
  const b = createTask(f(5));
  print(String(a));
  await a;
  b.cancel();
  await sleep(0);
  print(String(a));
  print(String(b));
}

await run(main());
`);
    expect(r.stdout).toEqual([
      "<Task pending name='Task-2' coro=<f() running at main.ts:3>>",
      "<Task finished name='Task-2' coro=<f() done, defined at main.ts:3> result=[1, 'x']>",
      "<Task cancelled name='Task-3' coro=<f() done, defined at main.ts:3>>",
    ]);
  });

  it("String(future) shows its state and, once finished, the repr of its result or exception", async () => {
    const { ts, py } = await twins(
      `import { run, createFuture, print } from "asyncio";

class ValueError extends Error {
  override name = "ValueError";
}

async function main() {
  const a = createFuture<string>();
  print(String(a));
  a.setResult("the answer");
  print(String(a));
  const b = createFuture<number[]>();
  b.setResult([1, 2]);
  print(String(b));
  const c = createFuture<string>();
  c.setException(new ValueError("boom"));
  print(String(c));
  c.exception();
  const d = createFuture<string>();
  d.cancel();
  print(String(d));
}

await run(main());
`,
      `
      import asyncio

      async def main():
          loop = asyncio.get_running_loop()
          a = loop.create_future()
          print(repr(a))
          a.set_result("the answer")
          print(repr(a))
          b = loop.create_future()
          b.set_result([1, 2])
          print(repr(b))
          c = loop.create_future()
          c.set_exception(ValueError("boom"))
          print(repr(c))
          c.exception()
          d = loop.create_future()
          d.cancel()
          print(repr(d))

      asyncio.run(main())
      `,
    );
    expect(ts.stdout).toEqual([
      "<Future pending>",
      "<Future finished result='the answer'>",
      "<Future finished result=[1, 2]>",
      "<Future finished exception=ValueError('boom')>",
      "<Future cancelled>",
    ]);
    expectSameAsCPython({ ts, py });
  });

  // CPython's Task.cancel(msg) stores msg in _cancel_message, and __step raises
  // _make_cancelled_error(), i.e. CancelledError(msg), when it cancels a task that has not started.
  // The runtime keeps the message in a separate field, so the task is cancelled with no message.
  it("cancel(msg) before the task starts: awaiting it raises CancelledError(msg), as in CPython", async () => {
    const ts = `import { run, createTask, sleep, print } from "asyncio";

async function reader(name: string) {
  try {
    print(name, "reading");
    await sleep(10);
  } finally {
    print(name, "cleanup");
  }
}

async function main() {
  const early = createTask(reader("early"));
  print("early.cancel()", early.cancel("too soon"));
  const late = createTask(reader("late"));
  await sleep(1);
  late.cancel("enough");
  for (const task of [early, late]) {
    try {
      await task;
    } catch (e) {
      print("main caught", e);
    }
  }
}

await run(main());
`;
    const py = `
      import asyncio

      async def reader(name):
          try:
              print(name, "reading")
              await asyncio.sleep(10)
          finally:
              print(name, "cleanup")

      async def main():
          early = asyncio.create_task(reader("early"))
          print("early.cancel()", early.cancel("too soon"))
          late = asyncio.create_task(reader("late"))
          await asyncio.sleep(1)
          late.cancel("enough")
          for task in [early, late]:
              try:
                  await task
              except asyncio.CancelledError as e:
                  print("main caught", repr(e))

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.py.stdout).toContain("main caught CancelledError('too soon')");
    expectSameAsCPython(both);
  });

  const leftoverTs = `import { run, createTask, sleep, print } from "asyncio";

async function background(name: string, delay: number) {
  try {
    print(name, "started");
    await sleep(delay);
    print(name, "finished");
  } catch (e) {
    print(name, "got", e);
    throw e;
  } finally {
    print(name, "finally");
  }
}

async function main() {
  createTask(background("short", 0.5));
  createTask(background("long", 10));
  createTask(background("same-deadline", 1));
  await sleep(1);
  print("main returns");
  return "main result";
}

print("run gave", await run(main()));
`;
  const leftoverPy = `
    import asyncio

    async def background(name, delay):
        try:
            print(name, "started")
            await asyncio.sleep(delay)
            print(name, "finished")
        except asyncio.CancelledError as e:
            print(name, "got", repr(e))
            raise
        finally:
            print(name, "finally")

    async def main():
        asyncio.create_task(background("short", 0.5))
        asyncio.create_task(background("long", 10))
        asyncio.create_task(background("same-deadline", 1))
        await asyncio.sleep(1)
        print("main returns")
        return "main result"

    print("run gave", asyncio.run(main()))
  `;

  it("when main returns, run cancels the remaining tasks and their finally blocks run", async () => {
    const r = await runTs(leftoverTs);
    expect(stampedStdout(r).map(({ t, text }) => [t, text])).toEqual([
      [0, "short started"],
      [0, "long started"],
      [0, "same-deadline started"],
      [0.5, "short finished"],
      [0.5, "short finally"],
      [1, "main returns"],
      [1, "same-deadline finished"],
      [1, "same-deadline finally"],
      [1, "long got CancelledError()"],
      [1, "long finally"],
      [1, "run gave main result"],
    ]);
    expect(r.virtualEnd).toBe(1);
    expect(r.stderr).toEqual([]);
    const done = eventsOf(r.events, "task-done").filter((e) => e.task !== taskId(r, "Task-1") && e.outcome !== "result");
    expect(done.map(({ t, task, outcome }) => ({ t, task, outcome }))).toEqual([{ t: 1, task: taskId(r, "Task-3"), outcome: "cancelled" }]);
    // The cancellation happens before the loop ends.
    const loopEnd = eventsOf(r.events, "loop-end")[0].seq;
    expect(done[0].seq).toBeLessThan(loopEnd);
  });

  it("cancelling leftover tasks matches CPython", async () => {
    expectSameAsCPython(await twins(leftoverTs, leftoverPy));
  });
});

describe("futures and task state", () => {
  const pendingTs = `import { run, createTask, sleep, print, InvalidStateError } from "asyncio";

async function work(): Promise<string> {
  await sleep(1);
  return "done";
}

async function main() {
  const task = createTask(work());
  try {
    task.result();
  } catch (e) {
    print("result() raised", e, e instanceof InvalidStateError);
  }
  try {
    task.exception();
  } catch (e) {
    print("exception() raised", e, e instanceof InvalidStateError);
  }
  print(await task, task.result(), task.exception());
}

await run(main());
`;
  const pendingPy = `
    import asyncio

    async def work():
        await asyncio.sleep(1)
        return "done"

    async def main():
        task = asyncio.create_task(work())
        try:
            task.result()
        except asyncio.InvalidStateError as e:
            print("result() raised", repr(e), isinstance(e, asyncio.InvalidStateError))
        try:
            task.exception()
        except asyncio.InvalidStateError as e:
            print("exception() raised", repr(e), isinstance(e, asyncio.InvalidStateError))
        print(await task, task.result(), task.exception())

    asyncio.run(main())
  `;

  it("task.result() on a pending task raises InvalidStateError", async () => {
    const r = await runTs(pendingTs);
    expect(r.stdout).toHaveLength(3);
    expect(r.stdout[0]).toMatch(/^result\(\) raised InvalidStateError\('.+'\) True$/);
    expect(r.stdout[1]).toBe("exception() raised InvalidStateError('Exception is not set.') True");
    expect(r.stdout[2]).toBe("done done None");
    expect(r.virtualEnd).toBe(1);
  });

  // CPython's C Future (the _asyncio module, used by default) says 'Result is not set.'; the
  // pure-Python futures.py says 'Result is not ready.', which is what the runtime copies.
  it("task.result() on a pending task: the message matches CPython's ('Result is not set.')", async () => {
    const both = await twins(pendingTs, pendingPy);
    expect(both.py.stdout[0]).toBe("result() raised InvalidStateError('Result is not set.') True");
    expectSameAsCPython(both);
  });

  it("a future set by another task wakes its awaiter with the result or the exception (matches CPython)", async () => {
    const ts = `import { run, createTask, createFuture, currentTask, sleep, print, InvalidStateError } from "asyncio";

class RangeError extends Error {
  override name = "RangeError";
}

async function producer(fut: any, delay: number, value: unknown) {
  await sleep(delay);
  print(currentTask()!.name, "sets the result");
  fut.setResult(value);
  print("set, waiter not resumed yet");
}

async function failer(fut: any) {
  await sleep(2);
  fut.setException(new RangeError("no value"));
}

async function main() {
  print("main is", currentTask()!.name);
  const fut = createFuture();
  createTask(producer(fut, 1, ["a", 1]));
  print("waiting on the future", fut.done());
  print("got", await fut, fut.done());
  try {
    fut.setResult(8);
  } catch (e) {
    print("setResult again raised", e instanceof InvalidStateError);
  }
  const bad = createFuture();
  createTask(failer(bad));
  try {
    await bad;
  } catch (e) {
    print("raised", e);
  }
}

await run(main());
`;
    const py = `
      import asyncio

      class RangeError(Exception):
          pass

      async def producer(fut, delay, value):
          await asyncio.sleep(delay)
          print(asyncio.current_task().get_name(), "sets the result")
          fut.set_result(value)
          print("set, waiter not resumed yet")

      async def failer(fut):
          await asyncio.sleep(2)
          fut.set_exception(RangeError("no value"))

      async def main():
          print("main is", asyncio.current_task().get_name())
          fut = asyncio.get_running_loop().create_future()
          asyncio.create_task(producer(fut, 1, ["a", 1]))
          print("waiting on the future", fut.done())
          print("got", await fut, fut.done())
          try:
              fut.set_result(8)
          except asyncio.InvalidStateError as e:
              print("setResult again raised", isinstance(e, asyncio.InvalidStateError))
          bad = asyncio.get_running_loop().create_future()
          asyncio.create_task(failer(bad))
          try:
              await bad
          except RangeError as e:
              print("raised", repr(e))

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.ts.stdout).toEqual([
      "main is Task-1",
      "waiting on the future False",
      "Task-2 sets the result",
      "set, waiter not resumed yet",
      "got ['a', 1] True",
      "setResult again raised True",
      "raised RangeError('no value')",
    ]);
    const main = taskId(both.ts, "Task-1");
    expect(eventsOf(both.ts.events, "task-suspended").find((e) => e.task === main)?.on).toEqual({ what: "future", label: "a future" });
    expectSameAsCPython(both);
  });
});

describe("warnings and lost exceptions (stderr)", () => {
  const ts = `import { run, createTask, sleep, print } from "asyncio";

async function forgotten() {
  print("never printed");
}

class Boom extends Error {
  override name = "Boom";
}

async function failing() {
  await sleep(0.5);
  throw new Boom("lost");
}

async function main() {
  forgotten();
  createTask(failing());
  await sleep(1);
  print("main done");
}

await run(main());
print("after run");
`;
  const py = `
    import asyncio

    async def forgotten():
        print("never printed")

    class Boom(Exception):
        pass

    async def failing():
        await asyncio.sleep(0.5)
        raise Boom("lost")

    async def main():
        forgotten()
        asyncio.create_task(failing())
        await asyncio.sleep(1)
        print("main done")

    asyncio.run(main())
    print("after run")
  `;

  it("reports a coroutine that was never awaited, and a task exception that was never retrieved", async () => {
    const r = await runTs(ts);
    expect(r.stdout).toEqual(["main done", "after run"]);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain("RuntimeWarning: coroutine 'forgotten' was never awaited");
    const lost = r.stderr.indexOf("Task exception was never retrieved");
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(r.stderr.slice(lost + 1, lost + 3)).toEqual(["future: <Task finished name='Task-2' coro=<failing() done, defined at main.ts:11> exception=Boom('lost')>", "Boom: lost"]);
  });

  it("CPython reports the same two things, and the same stdout", async () => {
    const both = await twins(ts, py);
    expectSameAsCPython(both);
    const { stderr } = both.py;
    expect(stderr.some((l) => l.endsWith("RuntimeWarning: coroutine 'forgotten' was never awaited"))).toBe(true);
    expect(stderr).toContain("Task exception was never retrieved");
    expect(stderr.some((l) => l.startsWith("future: <Task finished name='Task-2' coro=<failing()") && l.endsWith("exception=Boom('lost')>"))).toBe(true);
    expect(stderr).toContain("Boom: lost");
  });

  it("a retrieved task exception is not reported (matches CPython)", async () => {
    const ts = `import { run, createTask, sleep, print } from "asyncio";

class Boom extends Error {
  override name = "Boom";
}

async function failing() {
  await sleep(0.5);
  throw new Boom("seen");
}

async function main() {
  const a = createTask(failing());
  const b = createTask(failing());
  await sleep(1);
  print("exception():", a.exception());
  try {
    await b;
  } catch (e) {
    print("await raised", e);
  }
}

await run(main());
`;
    const py = `
      import asyncio

      class Boom(Exception):
          pass

      async def failing():
          await asyncio.sleep(0.5)
          raise Boom("seen")

      async def main():
          a = asyncio.create_task(failing())
          b = asyncio.create_task(failing())
          await asyncio.sleep(1)
          print("exception():", repr(a.exception()))
          try:
              await b
          except Boom as e:
              print("await raised", repr(e))

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.ts.stdout).toEqual(["exception(): Boom('seen')", "await raised Boom('seen')"]);
    expect(both.ts.stderr).toEqual([]);
    expect(both.py.stderr).toEqual([]);
    expectSameAsCPython(both);
  });
});

describe("uncaught exceptions", () => {
  it("an exception raised in main ends the program with 'Error: boom' and the line of the throw (matches CPython)", async () => {
    const ts = `import { run, sleep, print } from "asyncio";

async function main() {
  print("about to fail");
  await sleep(1);
  throw new Error("boom");
}

await run(main());
print("not reached");
`;
    const py = `
      import asyncio

      class Error(Exception):
          pass

      async def main():
          print("about to fail")
          await asyncio.sleep(1)
          raise Error("boom")

      asyncio.run(main())
      print("not reached")
    `;
    const both = await twins(ts, py);
    expect(both.ts.error).toEqual({ message: "Error: boom", line: lineOf(ts, "throw new Error") });
    expect(both.ts.stdout).toEqual(["about to fail"]);
    expect(both.ts.virtualEnd).toBe(1);
    expect(both.ts.stderr.at(-1)).toBe(`Error: boom (line ${lineOf(ts, "throw new Error")})`);
    const end = both.ts.events.at(-1)!;
    expect(end).toMatchObject({ kind: "program-end", error: "Error: boom", line: lineOf(ts, "throw new Error") });
    expectSameAsCPython(both);
  });

  it("an exception raised in a task propagates through await, keeping the line of the throw (matches CPython)", async () => {
    const ts = `import { run, createTask, sleep, print } from "asyncio";

class ValueError extends Error {
  override name = "ValueError";
}

async function inner(n: number): Promise<number> {
  await sleep(1);
  if (n > 0) {
    throw new ValueError("n must not be positive");
  }
  return n;
}

async function main() {
  const t = createTask(inner(1));
  await sleep(0.1);
  print("waiting");
  return await t;
}

await run(main());
`;
    const py = `
      import asyncio

      async def inner(n):
          await asyncio.sleep(1)
          if n > 0:
              raise ValueError("n must not be positive")
          return n

      async def main():
          t = asyncio.create_task(inner(1))
          await asyncio.sleep(0.1)
          print("waiting")
          return await t

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.ts.error).toEqual({ message: "ValueError: n must not be positive", line: lineOf(ts, "throw new ValueError") });
    expectSameAsCPython(both);
  });

  it("an exception in plain code (no loop) reports its line (matches CPython)", async () => {
    const ts = `import { print } from "asyncio";

function check(x: number) {
  if (x > 1) {
    throw new TypeError("too big");
  }
}

print("start");
check(2);
print("not reached");
`;
    const py = `
      def check(x):
          if x > 1:
              raise TypeError("too big")

      print("start")
      check(2)
      print("not reached")
    `;
    const both = await twins(ts, py);
    expect(both.ts.error).toEqual({ message: "TypeError: too big", line: lineOf(ts, "throw new TypeError") });
    expectSameAsCPython(both);
  });
});

describe("limits on runaway programs", () => {
  const spin = `import { run, sleep, print } from "asyncio";

async function main() {
  print("spinning");
  while (true) await sleep(0);
}

await run(main());
`;

  // The cap is hit inside the loop's pass after the handle was taken off the ready queue; run()
  // then cancels main, whose resume handle is gone, and the loop reports a deadlock instead.
  it("a task that yields forever is stopped by the step cap, with a message naming it", async () => {
    const r = await runTs(spin, { limits: { maxSteps: 1000 } });
    expect(r.error?.message).toMatch(/step cap/);
  });

  it("the trace up to the step cap is kept", async () => {
    const r = await runTs(spin, { limits: { maxSteps: 1000 } });
    expect(r.error).toBeDefined();
    expect(r.stdout).toEqual(["spinning"]);
    const runs = eventsOf(r.events, "handle-run").filter((e) => !e.skipped);
    expect(runs).toHaveLength(1000);
    expect(eventsOf(r.events, "task-resumed").length).toBeGreaterThanOrEqual(999);
    const end = r.events.at(-1)!;
    expect(end.kind).toBe("program-end");
    expect(r.events.every((e, i) => e.seq === i)).toBe(true);
  });

  it("a task that sleeps forever is stopped by the virtual-time cap, and the trace is kept", async () => {
    const source = `import { run, sleep, print } from "asyncio";

async function main() {
  print("sleeping forever");
  while (true) await sleep(1000);
}

await run(main());
`;
    const r = await runTs(source, { limits: { maxVirtualTime: 5000 } });
    expect(r.error?.message).toMatch(/virtual-time cap/);
    expect(r.error?.message).toMatch(/5000 s/);
    expect(r.stdout).toEqual(["sleeping forever"]);
    expect(r.virtualEnd).toBe(5000);
    expect(eventsOf(r.events, "timer-fired").map((e) => e.t)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(r.events.at(-1)).toMatchObject({ kind: "program-end", error: r.error!.message, t: 5000 });
  });

  it("blockingSleep past the virtual-time cap is stopped too", async () => {
    const r = await runTs(`import { blockingSleep, print } from "asyncio";
print("before");
blockingSleep(100);
print("after");
`, { limits: { maxVirtualTime: 10 } });
    expect(r.error?.message).toMatch(/virtual-time cap/);
    expect(r.stdout).toEqual(["before"]);
    expect(r.virtualEnd).toBe(10);
  });
});

describe("await needs an awaitable", () => {
  it("awaiting what a blocking call returns raises CPython's TypeError, after the call has blocked", async () => {
    expectSameAsCPython(
      await twins(
        `import { run, blockingSleep, print } from "asyncio";

async function main() {
  for (const value of [blockingSleep(1), 3, 2.5, "text", true, [1], { a: 1 }]) {
    try {
      await value;
    } catch (e) {
      print(e);
    }
  }
}

await run(main());
`,
        `
        import asyncio
        import time

        async def main():
            for value in [time.sleep(1), 3, 2.5, "text", True, [1], {"a": 1}]:
                try:
                    await value
                except TypeError as e:
                    print(repr(e))

        asyncio.run(main())
        `,
      ),
    );
  });
});

describe("JavaScript escape hatches fail with clear messages", () => {
  const topLevel = `import { sleep, print } from "asyncio";

print("before");
await sleep(1);
print("after");
`;

  it("a top-level await sleep(1) outside run() raises a RuntimeError that says to use run(main())", async () => {
    const r = await runTs(topLevel);
    expect(r.stdout).toEqual(["before"]);
    expect(r.virtualEnd).toBe(0);
    expect(r.error?.message).toMatch(/^RuntimeError: 'await' outside the event loop/);
    expect(r.error?.message).toContain("run(main())");
  });

  // The error is raised by the runtime's top-level driver, so the stack holds only the wrapper's
  // line 1 (the import line), not the reader's await.
  it("the top-level await error points at the await's line", async () => {
    const r = await runTs(topLevel);
    expect(r.error?.line).toBe(lineOf(topLevel, "await sleep(1)"));
  });

  const promiseAll = `import { run, sleep, print } from "asyncio";

async function job(n: number): Promise<number> {
  await sleep(n);
  return n;
}

async function main() {
  const results = await Promise.all([job(1), job(2)]);
  print(results);
}

await run(main());
`;

  it("Promise.all([coro, ...]) inside a coroutine raises an error that points to gather", async () => {
    const r = await runTs(promiseAll);
    expect(r.stdout).toEqual([]);
    expect(r.error?.message).toMatch(/^RuntimeError: coroutine 'job' was used as a JavaScript promise/);
    expect(r.error?.message).toContain("gather([...])");
    expect(r.error?.message).toContain("Promise.all");
  });

  // Promise.all calls then() from a microtask, so no program frame is on the stack and the line
  // falls back to the run(...) call.
  it("the Promise.all error points at the Promise.all line", async () => {
    const r = await runTs(promiseAll);
    expect(r.error?.line).toBe(lineOf(promiseAll, "Promise.all"));
  });
});

describe("run() and the loop's edges", () => {
  it("at shutdown, a task that swallows its cancellation runs on, and an exception in cleanup is reported (matches CPython)", async () => {
    const ts = `import { run, createTask, sleep, print } from "asyncio";

async function stubborn() {
  try {
    await sleep(10);
  } catch (e) {
    print("stubborn ignores", e);
  }
  await sleep(2);
  print("stubborn finished anyway");
  return "late";
}

class Oops extends Error {
  override name = "Oops";
}

async function faulty() {
  try {
    await sleep(10);
  } finally {
    throw new Oops("in cleanup");
  }
}

async function main() {
  createTask(stubborn());
  createTask(faulty());
  const named = createTask(sleep(0.5, "slept"), { name: "napper" });
  print(named.name, await named);
  await sleep(1);
  print("main returns");
}

await run(main());
print("after run");
`;
    const py = `
      import asyncio

      async def stubborn():
          try:
              await asyncio.sleep(10)
          except asyncio.CancelledError as e:
              print("stubborn ignores", repr(e))
          await asyncio.sleep(2)
          print("stubborn finished anyway")
          return "late"

      class Oops(Exception):
          pass

      async def faulty():
          try:
              await asyncio.sleep(10)
          finally:
              raise Oops("in cleanup")

      async def main():
          asyncio.create_task(stubborn())
          asyncio.create_task(faulty())
          named = asyncio.create_task(asyncio.sleep(0.5, "slept"), name="napper")
          print(named.get_name(), await named)
          await asyncio.sleep(1)
          print("main returns")

      asyncio.run(main())
      print("after run")
    `;
    const both = await twins(ts, py);
    expect(stampedStdout(both.ts).map(({ t, text }) => [t, text])).toEqual([
      [0.5, "napper slept"],
      [1.5, "main returns"],
      [1.5, "stubborn ignores CancelledError()"],
      [3.5, "stubborn finished anyway"],
      [3.5, "after run"],
    ]);
    expect(both.ts.stderr).toEqual([
      "unhandled exception during asyncio.run() shutdown",
      "task: <Task finished name='Task-3' coro=<faulty() done, defined at main.ts:18> exception=Oops('in cleanup')>",
      "Oops: in cleanup",
    ]);
    expectSameAsCPython(both);
    expect(both.py.stderr[0]).toBe("unhandled exception during asyncio.run() shutdown");
    expect(both.py.stderr).toContain("Oops: in cleanup");
  });

  it("cancelling a task cancels the task it awaits; cancelling a gather cancels its children (matches CPython)", async () => {
    const ts = `import { run, createTask, sleep, print, gather } from "asyncio";

async function inner(name: string) {
  try {
    await sleep(5);
    return name;
  } finally {
    print(name, "inner finally");
  }
}

async function outer(name: string) {
  const t = createTask(inner(name));
  try {
    return await t;
  } finally {
    print(name, "outer finally, inner cancelled:", t.cancelled());
  }
}

async function waiter(label: string, t: any) {
  const v = await t;
  print(label, "got", v);
}

async function main() {
  const o = createTask(outer("o"));
  const shared = createTask(sleep(1, "shared"));
  createTask(waiter("w1", shared));
  createTask(waiter("w2", shared));
  const g = gather([sleep(3, "g1"), sleep(4, "g2")]);
  await sleep(0.5);
  o.cancel();
  await sleep(1);
  print("gather cancel:", g.cancel());
  try {
    await g;
  } catch (e) {
    print("gather raised", e);
  }
  print(o.cancelled());
}

await run(main());
`;
    const py = `
      import asyncio

      async def inner(name):
          try:
              await asyncio.sleep(5)
              return name
          finally:
              print(name, "inner finally")

      async def outer(name):
          t = asyncio.create_task(inner(name))
          try:
              return await t
          finally:
              print(name, "outer finally, inner cancelled:", t.cancelled())

      async def waiter(label, t):
          v = await t
          print(label, "got", v)

      async def main():
          o = asyncio.create_task(outer("o"))
          shared = asyncio.create_task(asyncio.sleep(1, "shared"))
          asyncio.create_task(waiter("w1", shared))
          asyncio.create_task(waiter("w2", shared))
          g = asyncio.gather(asyncio.sleep(3, "g1"), asyncio.sleep(4, "g2"))
          await asyncio.sleep(0.5)
          o.cancel()
          await asyncio.sleep(1)
          print("gather cancel:", g.cancel())
          try:
              await g
          except asyncio.CancelledError as e:
              print("gather raised", repr(e))
          print(o.cancelled())

      asyncio.run(main())
    `;
    const both = await twins(ts, py);
    expect(both.ts.stdout).toEqual([
      "o inner finally",
      "o outer finally, inner cancelled: True",
      "w1 got shared",
      "w2 got shared",
      "gather cancel: True",
      "gather raised CancelledError()",
      "True",
    ]);
    expect(both.ts.virtualEnd).toBe(1.5);
    expectSameAsCPython(both);
  });

  it("task names count across runs, as CPython's global counter does, and run() inside a loop is refused (matches CPython)", async () => {
    const ts = `import { run, createTask, currentTask, sleep, print } from "asyncio";

async function child() {
  await sleep(1);
  return currentTask()!.name;
}

async function main(label: string) {
  const t = createTask(child());
  print(label, currentTask()!.name, await t);
  try {
    run(child());
  } catch (e) {
    print(e);
  }
}

await run(main("first"));
await run(main("second"));
`;
    const py = `
      import asyncio

      async def child():
          await asyncio.sleep(1)
          return asyncio.current_task().get_name()

      async def main(label):
          t = asyncio.create_task(child())
          print(label, asyncio.current_task().get_name(), await t)
          try:
              asyncio.run(child())
          except RuntimeError as e:
              print(repr(e))

      asyncio.run(main("first"))
      asyncio.run(main("second"))
    `;
    const both = await twins(ts, py);
    // run() itself spends two names per loop on its shutdown steps, so the second run starts at Task-5.
    expect(both.ts.stdout).toEqual([
      "first Task-1 Task-2",
      "RuntimeError('asyncio.run() cannot be called from a running event loop')",
      "second Task-5 Task-6",
      "RuntimeError('asyncio.run() cannot be called from a running event loop')",
    ]);
    expectSameAsCPython(both);
    for (const stderr of [both.ts.stderr, both.py.stderr])
      expect(stderr.some((l) => l.endsWith("RuntimeWarning: coroutine 'child' was never awaited"))).toBe(true);
  });

  // Python's default warnings filter shows a RuntimeWarning once per source location, so a
  // coroutine left unawaited on one line in a loop warns once. The runtime warns
  // once per coroutine object.
  it("a coroutine left unawaited on the same line several times warns once, as Python's warnings filter does", async () => {
    const ts = `import { print } from "asyncio";

async function f() {}

for (let i = 0; i < 3; i++) {
  f();
}
print("done");
`;
    const py = `
      async def f():
          pass

      for i in range(3):
          f()
      print("done")
    `;
    const both = await twins(ts, py);
    const warnings = (stderr: string[]) => stderr.filter((l) => l.endsWith("RuntimeWarning: coroutine 'f' was never awaited"));
    expect(warnings(both.py.stderr)).toHaveLength(1);
    expect(warnings(both.ts.stderr)).toHaveLength(1);
  });

  it("createTask outside a running loop raises RuntimeError: no running event loop (matches CPython)", async () => {
    const ts = `import { createTask, print } from "asyncio";

async function f() {}

print("before");
createTask(f());
print("not reached");
`;
    const py = `
      import asyncio

      async def f():
          pass

      print("before")
      asyncio.create_task(f())
      print("not reached")
    `;
    const both = await twins(ts, py);
    expect(both.ts.error).toEqual({ message: "RuntimeError: no running event loop", line: lineOf(ts, "createTask(f())") });
    expectSameAsCPython(both);
  });

  // asyncio.current_task() with no running loop calls get_running_loop(), which raises
  // RuntimeError('no running event loop'); the runtime's currentTask() returns null instead.
  it("currentTask() outside a running loop raises RuntimeError: no running event loop, as in CPython", async () => {
    const ts = `import { currentTask, print } from "asyncio";

print("before");
print(currentTask());
`;
    const py = `
      import asyncio

      print("before")
      print(asyncio.current_task())
    `;
    const both = await twins(ts, py);
    expect(both.py.error).toBe("RuntimeError: no running event loop");
    expectSameAsCPython(both);
  });
});

describe("the eager model (JavaScript's async calls), a playground option", () => {
  const source = `import { run, sleep, print, gather } from "asyncio";
async function quick(n: number) { print("quick", n); return n; }
async function slow(n: number) { print("slow starts", n); await sleep(n); print("slow ends", n); return n; }
async function main() {
  const a = slow(1);
  const b = quick(2);
  print("after the calls");
  print(await gather([a, b, slow(0.5)]));
}
const outside = quick(0);
print("outside a loop, a call makes a coroutine");
await run(main());
await run(outside);
`;

  it("starts each call at once, as a task, up to its first await; outside a loop calls stay lazy", async () => {
    const eager = await runTs(source, { model: "eager" });
    expect(eager.stdout).toEqual([
      "outside a loop, a call makes a coroutine",
      "slow starts 1",
      "quick 2",
      "after the calls",
      "slow starts 0.5",
      "slow ends 0.5",
      "slow ends 1",
      "[1, 2, 0.5]",
      "quick 0",
    ]);
    expect(eager.virtualEnd).toBe(1);
    // quick(2) never awaits: its task is done before the call returns.
    const created = eager.events.filter((e) => e.kind === "task-created" && !e.internal) as { coro: string; task: number }[];
    expect(created.map((e) => e.coro)).toEqual(["main", "slow", "quick", "slow", "quick"]);
    const quickDone = eager.events.findIndex((e) => e.kind === "task-done" && e.task === created[2].task);
    const afterCalls = eager.events.findIndex((e) => e.kind === "print" && e.text === "after the calls");
    expect(quickDone).toBeGreaterThan(0);
    expect(quickDone).toBeLessThan(afterCalls);
  });

  it("is asyncio's lazy model by default", async () => {
    const lazy = await runTs(source);
    expect(lazy.stdout.slice(0, 3)).toEqual(["outside a loop, a call makes a coroutine", "after the calls", "slow starts 1"]);
  });
});
