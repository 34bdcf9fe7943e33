// Threads and processes: toThread, runInExecutor, ThreadPool and ProcessPool run plain functions in
// real workers (Node's worker_threads here), on the virtual clock unless the run asks for real time.
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { dedent, observable, runPython } from "../support/cpython.ts";
import { deriveTimeline, deriveStepStates, type EventOf, type RunResult, type TraceEvent } from "../../src/runtime/trace/index.ts";

const HEAD = `import { run, sleep, print, createTask, gather, toThread, runInExecutor, ThreadPool, ProcessPool, blockingSleep, cpu, threadName, CancelledError } from "asyncio";\n`;

const of = <K extends TraceEvent["kind"]>(result: RunResult, kind: K) => result.events.filter((e): e is EventOf<K> => e.kind === kind);
const stamped = (result: RunResult) => of(result, "print").filter((e) => e.stream === "stdout").map((e) => `${e.t.toFixed(3)} ${(e as EventOf<"print">).text}`);

const EXAMPLE_6 = `${HEAD}
function fetchData(param: number): string {
  print(\`Do something with \${param}...\`);
  blockingSleep(param);
  print(\`Done with \${param}\`);
  return \`Result of \${param}\`;
}
async function main() {
  const task1 = createTask(toThread(fetchData, 1));
  const task2 = createTask(toThread(fetchData, 2));
  const r1 = await task1;
  print("Thread 1 fully completed");
  const r2 = await task2;
  print("Thread 2 fully completed");
  using pool = new ProcessPool();
  const p1 = runInExecutor(pool, fetchData, 1);
  const p2 = runInExecutor(pool, fetchData, 2);
  const r3 = await p1;
  print("Process 1 fully completed");
  const r4 = await p2;
  print("Process 2 fully completed");
  return [r1, r2, r3, r4];
}
print(await run(main()));
`;

describe("example 6: threads, then a process pool", () => {
  it("runs two batches, each as long as its longest job: 4 s in all", async () => {
    const result = await runTs(EXAMPLE_6);
    expect(result.error).toBeUndefined();
    expect(stamped(result)).toEqual([
      "0.000 Do something with 1...",
      "0.000 Do something with 2...",
      "1.000 Done with 1",
      "1.000 Thread 1 fully completed",
      "2.000 Done with 2",
      "2.000 Thread 2 fully completed",
      "2.000 Do something with 1...",
      "2.000 Do something with 2...",
      "3.000 Done with 1",
      "3.000 Process 1 fully completed",
      "4.000 Done with 2",
      "4.000 Process 2 fully completed",
      "4.000 ['Result of 1', 'Result of 2', 'Result of 1', 'Result of 2']",
    ]);
    expect(result.virtualEnd).toBe(4);
    expect(of(result, "job-started").map((e) => `${e.t} ${e.laneName}`)).toEqual(["0 asyncio_0", "0 asyncio_1", "2 Process-1", "2 Process-2"]);
  });

  it("gives the same trace every run, whatever order the workers reply in", async () => {
    const [a, b] = await Promise.all([runTs(EXAMPLE_6), runTs(EXAMPLE_6)]);
    expect(b.events).toEqual(a.events);
  });

  it("draws a lane per thread and process, running and blocked in parallel", async () => {
    const { lanes } = deriveTimeline((await runTs(EXAMPLE_6)).events);
    const worker = (name: string) => lanes.find((l) => l.name === name)!;
    const spans = (name: string) => [...worker(name).intervals].filter((iv) => iv.to > iv.from).map((iv) => `${iv.state} ${iv.from}-${iv.to} ${iv.label}`);
    expect(worker("asyncio_1").kind).toBe("worker");
    expect(spans("asyncio_1")).toEqual(["blocked 0-2 blockingSleep(2)"]);
    expect(spans("Process-1")).toEqual(["blocked 2-3 blockingSleep(1)"]);
    expect(worker("Process-1").detail).toBe("process");
    // Meanwhile the event loop is free, waiting.
    expect([...lanes[0].intervals].some((iv) => iv.state === "blocked")).toBe(false);
  });

  it("points the stepper's code pane at each worker's line", async () => {
    const states = deriveStepStates((await runTs(EXAMPLE_6)).events);
    const markers = states.flatMap((s) => s.markers).filter((m) => m.name.startsWith("asyncio_"));
    // blockingSleep(param) is line 5 of fetchData (line 1 is the import, line 2 empty).
    expect(markers).toContainEqual({ line: 5, state: "blocked", name: "asyncio_1" });
  });
});

describe("results, exceptions and what crosses to a worker", () => {
  it("returns data and re-raises the worker's exception, same type and message, in the awaiting task", async () => {
    const result = await runTs(`${HEAD}
function parse(text: string): number {
  const n = Number(text);
  if (Number.isNaN(n)) throw new TypeError(\`not a number: \${text}\`);
  return n * 2;
}
async function main() {
  print(await toThread(parse, "21"), await toThread((xs: number[]) => xs.map((x) => x + 1), [1, 2]));
  try {
    await toThread(parse, "x");
  } catch (error) {
    print((error as Error).name, (error as Error).message, error instanceof TypeError);
  }
}
await run(main());
`);
    expect(result.stdout).toEqual(["42 [2, 3]", "TypeError not a number: x True"]);
  });

  it("says what went wrong when a function uses a variable of the program", async () => {
    const result = await runTs(`${HEAD}
const factor = 3;
function scale(x: number) { return x * factor; }
await run(toThread(scale, 2));
`);
    expect(result.error?.message).toMatch(/^ReferenceError: factor is not defined: a function run in a thread or process sees only its arguments/);
    expect(result.error?.line).toBe(4);
  });

  it("refuses async functions and values that are not functions", async () => {
    const asyncFn = await runTs(`${HEAD}
async function work() { await sleep(1); }
async function main() { await toThread(work); }
await run(main());
`);
    expect(asyncFn.error?.message).toBe("TypeError: work is an async function: threads and processes run plain functions (await it on the loop instead)");
    const notFn = await runTs(`${HEAD}\nawait run(toThread(42 as never));\n`);
    expect(notFn.error?.message).toBe("TypeError: a function to run was expected, got 42");
  });

  it("says when a result cannot cross back", async () => {
    const result = await runTs(`${HEAD}\nfunction make() { return () => 1; }\nawait run(toThread(make));\n`);
    expect(result.error?.message).toMatch(/^TypeError: the result of make cannot be sent back from a worker/);
  });

  it("formats a worker's prints as Python's print does, and knows its thread's name", async () => {
    const result = await runTs(`${HEAD}
function report(x: number) { print(threadName(), x, [x, "a"], { k: null }); }
async function main() { print(threadName()); await toThread(report, 1); }
await run(main());
`);
    expect(result.stdout).toEqual(["MainThread", "asyncio_0 1 [1, 'a'] {'k': None}"]);
    expect(of(result, "print")[1].lane).toBeDefined();
  });
});

describe("pools: limits, queues and cancellation", () => {
  it("runs at most maxWorkers jobs at once; the rest wait in the queue for a free lane", async () => {
    const result = await runTs(`${HEAD}
function work(i: number) { blockingSleep(1); return i; }
async function main() {
  const pool = new ThreadPool({ maxWorkers: 2 });
  print(await gather([1, 2, 3, 4, 5].map((i) => runInExecutor(pool, work, i))));
}
await run(main());
`);
    expect(result.stdout).toEqual(["[1, 2, 3, 4, 5]"]);
    expect(result.virtualEnd).toBe(3);
    expect(of(result, "job-started").map((e) => `${e.t} ${e.laneName}`)).toEqual([
      "0 ThreadPoolExecutor-0_0",
      "0 ThreadPoolExecutor-0_1",
      "1 ThreadPoolExecutor-0_0",
      "1 ThreadPoolExecutor-0_1",
      "2 ThreadPoolExecutor-0_0",
    ]);
    let running = 0;
    let most = 0;
    for (const e of result.events) {
      if (e.kind === "job-started") most = Math.max(most, ++running);
      if (e.kind === "job-done") running--;
    }
    expect(most).toBe(2);
    // The stepper shows the queue: at the first step after submitting, three jobs wait.
    const queued = deriveStepStates(result.events).map((s) => s.poolQueues[0]?.queued.length ?? 0);
    expect(Math.max(...queued)).toBe(3);
  });

  it("cancels a queued job (it never starts) but lets a running one finish", async () => {
    const result = await runTs(`${HEAD}
function work(i: number) { print("start", i); blockingSleep(1); print("end", i); return i; }
async function main() {
  const pool = new ProcessPool({ maxWorkers: 1 });
  const first = runInExecutor(pool, work, 1);
  const second = runInExecutor(pool, work, 2);
  await sleep(0.5);
  first.cancel();
  second.cancel();
  print("cancelled", first.cancelled(), second.cancelled());
  await sleep(1);
}
await run(main());
`);
    expect(stamped(result)).toEqual(["0.000 start 1", "0.500 cancelled True True", "1.000 end 1"]);
    expect(of(result, "job-done").map((e) => e.outcome)).toEqual(["cancelled", "result"]);
    expect(of(result, "job-started")).toHaveLength(1);
  });

  it("refuses new jobs after shutdown, and shutdown() that would block on running jobs", async () => {
    const result = await runTs(`${HEAD}
function work() { blockingSleep(1); }
async function main() {
  const pool = new ThreadPool();
  runInExecutor(pool, work);
  try { pool.shutdown(); } catch (error) { print((error as Error).message); }
  try { runInExecutor(pool, work); } catch (error) { print((error as Error).message); }
}
await run(main());
`);
    expect(result.stdout).toEqual([
      "ThreadPool.shutdown() would block the event loop until 1 job finish: await their futures first, or use `await using` so the loop keeps running while they finish",
      "cannot schedule new futures after shutdown",
    ]);
  });

  it("`await using` waits for the pool's jobs without blocking the loop", async () => {
    const result = await runTs(`${HEAD}
function work(s: number) { blockingSleep(s); print("done", s); }
async function ticker() { for (let i = 0; i < 3; i++) { print("tick", i); await sleep(0.5); } }
async function main() {
  const tick = createTask(ticker());
  {
    await using pool = new ProcessPool();
    runInExecutor(pool, work, 1);
  }
  print("pool closed");
  await tick;
}
await run(main());
`);
    expect(stamped(result)).toEqual(["0.000 tick 0", "0.500 tick 1", "1.000 done 1", "1.000 pool closed", "1.000 tick 2"]);
  });
});

describe("the GIL: CPU work in threads takes turns, in processes it runs in parallel", () => {
  const program = (pool: string) => `${HEAD}
function crunch(i: number) { print("start", i); cpu(1); print("end", i); return i; }
async function main() {
  const pool = new ${pool}({ maxWorkers: 4 });
  print(await gather([1, 2, 3].map((i) => runInExecutor(pool, crunch, i))));
}
await run(main());
`;

  it("three threads computing 1 s each take 3 s; the ones waiting for the GIL are ready, not running", async () => {
    const result = await runTs(program("ThreadPool"));
    expect(stamped(result)).toEqual(["0.000 start 1", "0.000 start 2", "0.000 start 3", "1.000 end 1", "2.000 end 2", "3.000 end 3", "3.000 [1, 2, 3]"]);
    const lanes = deriveTimeline(result.events).lanes.filter((l) => l.kind === "worker");
    const spans = (i: number) => [...lanes[i].intervals].filter((iv) => iv.to > iv.from).map((iv) => `${iv.state} ${iv.from}-${iv.to}`);
    expect(spans(0)).toEqual(["running 0-1"]);
    expect(spans(2)).toEqual(["ready 0-2", "running 2-3"]);
    const states = deriveStepStates(result.events);
    expect(states.some((s) => s.workers.some((w) => w.state === "ready" && w.label === "waiting for the GIL"))).toBe(true);
  });

  it("three processes computing 1 s each take 1 s", async () => {
    const result = await runTs(program("ProcessPool"));
    expect(result.virtualEnd).toBe(1);
    expect(result.stdout.at(-1)).toBe("[1, 2, 3]");
  });

  it("a thread that waits (blockingSleep) lets the others compute", async () => {
    const result = await runTs(`${HEAD}
function io() { blockingSleep(1); print("io done"); }
function crunch() { cpu(1); print("crunch done"); }
async function main() { await gather([toThread(io), toThread(crunch)]); }
await run(main());
`);
    expect(stamped(result)).toEqual(["1.000 io done", "1.000 crunch done"]);
  });
});

describe("time on threads and on the loop", () => {
  it("toThread is lazy like any coroutine; asyncio.run waits for the default pool's threads", async () => {
    const result = await runTs(`${HEAD}
function slow() { blockingSleep(2); print("thread done"); }
async function main() {
  toThread(slow);
  createTask(toThread(slow));
  await sleep(0);
  print("main returns");
}
await run(main());
print("after run");
`);
    expect(stamped(result)).toEqual(["0.000 main returns", "2.000 thread done", "2.000 after run"]);
    expect(result.stderr).toContain("RuntimeWarning: coroutine 'toThread' was never awaited");
    expect(of(result, "job-started")).toHaveLength(1);
  });

  it("a blocked loop does not stop the threads: their prints keep their own times", async () => {
    const result = await runTs(`${HEAD}
function beat() { for (let i = 1; i <= 3; i++) { cpu(0.5); print("beat", i); } }
async function main() {
  const t = createTask(toThread(beat));
  await sleep(0);
  print("loop blocks");
  blockingSleep(1.2);
  print("loop free");
  await t;
}
await run(main());
`);
    expect(stamped(result)).toEqual(["0.000 loop blocks", "0.500 beat 1", "1.000 beat 2", "1.200 loop free", "1.500 beat 3"]);
    const times = result.events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.events.map((e) => e.seq)).toEqual(result.events.map((_, i) => i));
  });

  it("in real-time mode, jobs take their real time and the trace stays in time order", async () => {
    const result = await runTs(
      `${HEAD}
function spin(s: number) { cpu(s); return threadName(); }
async function main() {
  const pool = new ProcessPool({ maxWorkers: 2 });
  print(await gather([runInExecutor(pool, spin, 0.05), runInExecutor(pool, spin, 0.05)]));
}
await run(main());
`,
      { clock: "real" },
    );
    expect(result.stdout).toEqual(["['Process-1', 'Process-2']"]);
    const cpuSpans = of(result, "blocking-start").filter((e) => e.work === "cpu");
    expect(cpuSpans).toHaveLength(2);
    for (const span of cpuSpans) expect(span.until - span.t).toBeGreaterThanOrEqual(0.05);
    const times = result.events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.virtualEnd).toBeGreaterThanOrEqual(0.05);
  });

  it("in real-time mode, a worker that frees up takes the next queued job", async () => {
    const result = await runTs(
      `${HEAD}
function spin(i: number) { cpu(0.01); return i; }
async function main() {
  const pool = new ThreadPool({ maxWorkers: 1 });
  print(await gather([1, 2, 3].map((i) => runInExecutor(pool, spin, i))));
}
await run(main());
`,
      { clock: "real" },
    );
    expect(result.stdout).toEqual(["[1, 2, 3]"]);
    expect(of(result, "job-started").map((e) => e.laneName)).toEqual(["ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_0"]);
  });
});

// The same programs under CPython's own to_thread / run_in_executor, with the pools' threads and
// processes modelled on the virtual clock (src/python/virtual_threads.py: a model of CPython's
// threads, which Pyodide cannot start, not the threads themselves).
describe("against CPython", () => {
  const twins: { name: string; ts: string; py: string }[] = [
    {
      name: "a pool of two runs five jobs in three rounds; results in order",
      ts: `${HEAD}
function work(i: number) { print("start", i); blockingSleep(1); print("end", i); return i * 10; }
async function main() {
  const pool = new ThreadPool({ maxWorkers: 2 });
  print(await gather([1, 2, 3, 4, 5].map((i) => runInExecutor(pool, work, i))));
}
await run(main());
`,
      py: dedent(`
        import asyncio, time
        from concurrent.futures import ThreadPoolExecutor
        def work(i):
            print("start", i); time.sleep(1); print("end", i); return i * 10
        async def main():
            loop = asyncio.get_running_loop()
            pool = ThreadPoolExecutor(max_workers=2)
            print(await asyncio.gather(*[loop.run_in_executor(pool, work, i) for i in [1, 2, 3, 4, 5]]))
        asyncio.run(main())
      `),
    },
    {
      name: "cancelling a queued job and a running one",
      ts: `${HEAD}
function work(i: number) { print("start", i); blockingSleep(1); print("end", i); return i; }
async function main() {
  const pool = new ProcessPool({ maxWorkers: 1 });
  const first = runInExecutor(pool, work, 1);
  const second = runInExecutor(pool, work, 2);
  await sleep(0.5);
  print("cancel", first.cancel(), second.cancel());
  await sleep(1);
  print("done", first.cancelled(), second.cancelled());
}
await run(main());
`,
      py: dedent(`
        import asyncio, time
        from concurrent.futures import ProcessPoolExecutor
        def work(i):
            print("start", i); time.sleep(1); print("end", i); return i
        async def main():
            loop = asyncio.get_running_loop()
            pool = ProcessPoolExecutor(max_workers=1)
            first = loop.run_in_executor(pool, work, 1)
            second = loop.run_in_executor(pool, work, 2)
            await asyncio.sleep(0.5)
            print("cancel", first.cancel(), second.cancel())
            await asyncio.sleep(1)
            print("done", first.cancelled(), second.cancelled())
        asyncio.run(main())
      `),
    },
    {
      name: "the loop blocks while a thread works; main returns before the thread, and run waits for it",
      ts: `${HEAD}
function beat(n: number) { for (let i = 1; i <= n; i++) { blockingSleep(0.5); print("beat", i); } return n; }
async function main() {
  const t = createTask(toThread(beat, 3));
  await sleep(0);
  print("loop blocks");
  blockingSleep(1.2);
  print("loop free", await t);
  createTask(toThread(beat, 2));
  await sleep(0.1);
  print("main returns");
}
await run(main());
print("after run");
`,
      py: dedent(`
        import asyncio, time
        def beat(n):
            for i in range(1, n + 1):
                time.sleep(0.5); print("beat", i)
            return n
        async def main():
            t = asyncio.create_task(asyncio.to_thread(beat, 3))
            await asyncio.sleep(0)
            print("loop blocks")
            time.sleep(1.2)
            print("loop free", await t)
            asyncio.create_task(asyncio.to_thread(beat, 2))
            await asyncio.sleep(0.1)
            print("main returns")
        asyncio.run(main())
        print("after run")
      `),
    },
  ];
  it.each(twins)("$name", async ({ ts, py }) => {
    const [python, result] = await Promise.all([runPython(py), runTs(ts)]);
    expect(python.error).toBeNull();
    expect(python.stdout.length).toBeGreaterThan(2);
    expect(observable(result)).toEqual(observable(python));
  });
});

describe("`using` a pool when an exception leaves the block", () => {
  it("lets the block's own exception through (the jobs still running finish on their own)", async () => {
    const result = await runTs(`${HEAD}
function work(i: number) { if (i === 1) throw new RangeError("bad job"); blockingSleep(1); print("finished", i); return i; }
async function main() {
  using pool = new ProcessPool({ maxWorkers: 2 });
  await gather([1, 2].map((i) => runInExecutor(pool, work, i)));
}
await run(main());
`);
    expect(result.error?.message).toBe("RangeError: bad job");
    expect(result.stdout).toEqual(["finished 2"]);
  });
});
