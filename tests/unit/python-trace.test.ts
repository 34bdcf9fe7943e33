// The Python side of the trace (src/python/trace_recorder.py): every lesson's Python twin, run on
// CPython 3.14's own event loop (Pyodide, virtual clock) with the recorder watching, gives a trace the
// views can draw: well formed by the same rules as the runtime's (trace-invariants.ts), printing what
// the lesson declares, and drawn as the same diagram as its TypeScript program — the same task lanes,
// in the same states over the same virtual seconds — since both follow CPython's scheduling; and
// its stepper's states are the same stepped back (undone) as stepped forward.
import { describe, expect, it } from "vitest";
import { consoleLines, deriveTimeline, type RunResult, type TraceEvent } from "../../src/runtime/trace/index.ts";
import { sharedPyodide, type PythonResult } from "../support/pyodide.ts";
import { pythonResult } from "../../src/components/playground/python-runner.ts";
import { lessonsIn, type Playground } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";
import { traceProblems } from "../support/trace-invariants.ts";
import { expectSteppedBackAndForth } from "../support/step-walks.ts";
import { dedent } from "../support/cpython.ts";
import { parsePythonJson } from "../../src/python/python-json.ts";

/** A Python run as the views take it, made as the page makes it (python-runner.ts). */
const asRunResult = (py: PythonResult): RunResult => pythonResult(py, [...(py.events ?? [])]);

/** What a diagram shows of each task: its name and its states, in order, with their times. Runs of
 *  one state are merged (a step of no time between two waits is not something the two languages
 *  must agree on), as are the loop's own shutdown tasks (internal). The times at which jobs that ran
 *  while a thread waited for the GIL ended are shown as "(GIL)" (see drawnWorkers: the two models of
 *  the GIL let such jobs end at different times). */
function drawnTasks(events: readonly TraceEvent[]) {
  const gil = gilEnds(events);
  const time = (t: number) => (gil.has(t.toFixed(3)) ? "(GIL)" : t.toFixed(3));
  return deriveTimeline(events)
    .lanes.filter((lane) => lane.kind === "task")
    .map((lane) => {
      const states: string[] = [];
      for (const iv of lane.intervals) {
        const text = `${iv.state} ${time(iv.from)}–${time(iv.to)}`;
        const last = states.at(-1);
        if (last?.startsWith(`${iv.state} `) && last.endsWith(`–${time(iv.from)}`)) states[states.length - 1] = `${last.slice(0, last.lastIndexOf("–"))}–${time(iv.to)}`;
        else states.push(text);
      }
      return `${lane.name}: ${states.join(", ")}`;
    });
}

/** The jobs of thread pools that ran while some thread waited for the GIL (in either model, the ones
 *  whose end depends on how the GIL is handed over). */
function gilJobs(events: readonly TraceEvent[]): Set<number> {
  const threadPools = new Set<number>();
  const runs = new Map<number, { from: number; to: number }>();
  const waits: { from: number; to: number }[] = [];
  for (const e of events) {
    if (e.kind === "pool-created" && e.poolKind === "thread") threadPools.add(e.pool);
    else if (e.kind === "job-started" && threadPools.has(e.pool)) runs.set(e.job, { from: e.t, to: Infinity });
    else if (e.kind === "job-done" && runs.has(e.job)) runs.get(e.job)!.to = e.t;
    else if (e.kind === "blocking-start" && e.lane !== undefined && e.work === "gil") waits.push({ from: e.t, to: e.until });
  }
  return new Set([...runs].filter(([, run]) => waits.some((w) => w.from < run.to && w.to > run.from)).map(([job]) => job));
}

/** When the jobs of gilJobs ended (as toFixed(3)), but the last of them. */
function gilEnds(events: readonly TraceEvent[]): Set<string> {
  const jobs = gilJobs(events);
  const ends = events.filter((e) => e.kind === "job-done" && jobs.has(e.job)).map((e) => e.t);
  const last = Math.max(...ends);
  return new Set(ends.filter((t) => t !== last).map((t) => t.toFixed(3)));
}

/** What a diagram shows of the pools: each worker lane (its name, thread or process) with the jobs it
 *  ran, each by its place in the order the jobs were submitted, from job-started to job-done; and each
 *  pool's queue, while jobs wait in it (its name without "Executor": Python says ThreadPoolExecutor
 *  where the runtime says ThreadPool). Two models of the GIL differ: the runtime's thread holds it for a
 *  whole cpu() call, the Python model's for one quantum (about 4 ms, near CPython's 5 ms switch interval), so threads that
 *  compute at once take turns either way but end at different times: a job that ran while a thread
 *  waited for the GIL (gilJobs) shows its end as "(GIL)", and the lines say when the last of those
 *  jobs ended (the same in both: the GIL lets through one second of computing per second). */
function drawnWorkers(events: readonly TraceEvent[]) {
  const order = new Map<number, number>();
  const started = new Map<number, { lane: number; t: number }>();
  const gil = gilJobs(events);
  const lanes = new Map<number, { name: string; kind: string; jobs: string[] }>();
  const kinds = new Map<number, string>();
  let gilEnd: number | undefined;
  for (const e of events) {
    if (e.kind === "pool-created") kinds.set(e.pool, e.poolKind);
    else if (e.kind === "job-queued") order.set(e.job, order.size + 1);
    else if (e.kind === "job-started") {
      if (!lanes.has(e.lane)) lanes.set(e.lane, { name: e.laneName, kind: kinds.get(e.pool) ?? "?", jobs: [] });
      started.set(e.job, { lane: e.lane, t: e.t });
    } else if (e.kind === "job-done" && e.lane !== undefined) {
      const start = started.get(e.job)!;
      const shared = gil.has(e.job);
      if (shared) gilEnd = Math.max(gilEnd ?? 0, e.t);
      lanes.get(e.lane)!.jobs.push(`#${order.get(e.job)} ${start.t.toFixed(3)}–${shared ? "(GIL)" : e.t.toFixed(3)} ${e.outcome}`);
    } else if (e.kind === "job-done") lanes.set(-e.job, { name: "cancelled while queued", kind: "-", jobs: [`#${order.get(e.job)} at ${e.t.toFixed(3)}`] });
    else if (e.kind === "print" && e.lane !== undefined) lanes.get(e.lane)!.jobs.push(`print ${JSON.stringify(e.text)} at ${e.t.toFixed(3)}`);
  }
  const queues = deriveTimeline(events)
    .lanes.filter((lane) => lane.kind === "queue")
    .map((lane) => `${lane.name.replace("Executor", "")}: ${[...lane.intervals].map((iv) => `${iv.label} ${iv.from.toFixed(3)}–${iv.to.toFixed(3)}`).join(", ")}`);
  return [
    ...[...lanes.values()].map((lane) => `${lane.name} (${lane.kind}): ${lane.jobs.join(", ")}`),
    ...queues,
    ...(gilEnd === undefined ? [] : [`jobs that waited for the GIL ended by ${gilEnd.toFixed(3)}`]),
  ];
}

/** The broken rules of a trace's pools and lanes (empty: well formed): a job is queued in a pool that
 *  was made, started once on a lane that is free, done once; a lane's blocking calls begin and end
 *  inside its job, one at a time, ending when they said; a lane prints only while it runs a job. */
function laneProblems(events: readonly TraceEvent[]): string[] {
  const problems: string[] = [];
  const fail = (e: TraceEvent, what: string) => problems.push(`event ${e.seq} (${e.kind} at t=${e.t}): ${what}`);
  const pools = new Set<number>();
  const queued = new Map<number, number>();
  const state = new Map<number, "queued" | "running" | "done">();
  const busy = new Map<number, number>();
  const blocked = new Map<number, number>();
  for (const e of events) {
    switch (e.kind) {
      case "pool-created":
        pools.add(e.pool);
        break;
      case "job-queued":
        if (!pools.has(e.pool)) fail(e, `pool ${e.pool} was never made`);
        if (state.has(e.job)) fail(e, `job ${e.job} queued twice`);
        state.set(e.job, "queued");
        queued.set(e.job, e.pool);
        break;
      case "job-started":
        if (state.get(e.job) !== "queued") fail(e, `job ${e.job} starts but is ${state.get(e.job) ?? "unknown"}`);
        if (queued.get(e.job) !== e.pool) fail(e, `job ${e.job} starts in another pool than its own`);
        if (busy.has(e.lane)) fail(e, `lane ${e.lane} starts job ${e.job} while it runs job ${busy.get(e.lane)}`);
        state.set(e.job, "running");
        busy.set(e.lane, e.job);
        break;
      case "job-done":
        if (e.lane === undefined) {
          if (e.outcome !== "cancelled" || state.get(e.job) !== "queued") fail(e, `job ${e.job} ends without a lane, ${e.outcome}, while ${state.get(e.job)}`);
        } else {
          if (busy.get(e.lane) !== e.job) fail(e, `job ${e.job} ends on lane ${e.lane}, which runs ${busy.get(e.lane) ?? "nothing"}`);
          if (blocked.has(e.lane)) fail(e, `job ${e.job} ends while its lane is blocked`);
          busy.delete(e.lane);
        }
        state.set(e.job, "done");
        break;
      case "blocking-start":
        if (e.lane === undefined) break;
        if (!busy.has(e.lane)) fail(e, `lane ${e.lane} blocks without a job`);
        if (blocked.has(e.lane)) fail(e, `lane ${e.lane} blocks twice`);
        if (e.until < e.t) fail(e, `it ends (${e.until}) before it begins`);
        blocked.set(e.lane, e.until);
        break;
      case "blocking-end":
        if (e.lane === undefined) break;
        if (!blocked.has(e.lane)) fail(e, `lane ${e.lane} was not blocked`);
        else if (Math.abs(blocked.get(e.lane)! - e.t) > 1e-9) fail(e, `lane ${e.lane}'s block said it would end at ${blocked.get(e.lane)}`);
        blocked.delete(e.lane);
        break;
      case "print":
        if (e.lane !== undefined && !busy.has(e.lane)) fail(e, `lane ${e.lane} prints without a job`);
        if (e.lane !== undefined && e.task !== undefined) fail(e, "printed by a lane and a task");
        break;
    }
  }
  for (const [job, s] of state) if (s !== "done") problems.push(`job ${job} never ended (${s})`);
  return problems;
}

it("keeps the trace well formed when a cap stops a run inside an eager first step", async () => {
  const py = await sharedPyodide().run(
    dedent(`
      import asyncio

      async def chatty():
          for i in range(6000):
              print(i)

      async def main():
          await asyncio.create_task(chatty(), eager_start=True)

      asyncio.run(main())
    `),
    { trace: true },
  );
  expect(py.error).toMatch(/^LimitExceeded: Stopped: the program printed 5,000 lines/);
  const run = asRunResult(py);
  expect(traceProblems(run)).toEqual([]);
  const chatty = run.events.find((e) => e.kind === "task-created" && e.name === "Task-2");
  expect(run.events.filter((e) => e.kind === "print" && e.stream === "stdout").every((e) => e.kind === "print" && e.task === (chatty as { task: number }).task)).toBe(true);
});

describe("worker lanes", () => {
  it("records a pool's jobs, a failed one and one cancelled while queued, and what they print, as the runtime does", async () => {
    const python = dedent(`
      import asyncio
      import time
      from concurrent.futures import ThreadPoolExecutor

      def work(n):
          print("work", n)
          time.sleep(n)
          if n == 2:
              raise ValueError("two")
          print("worked", n)
          return n * 10

      async def main():
          loop = asyncio.get_running_loop()
          with ThreadPoolExecutor(max_workers=2) as pool:
              jobs = [loop.run_in_executor(pool, work, n) for n in (1, 2, 3, 4)]
              jobs[3].cancel()
              print(await jobs[0])
              try:
                  await jobs[1]
              except ValueError as e:
                  print("failed:", e)
              print(await jobs[2])
          print(await asyncio.to_thread(work, 1))

      asyncio.run(main())
    `);
    const typescript = dedent(`
      import { run, runInExecutor, toThread, ThreadPool, blockingSleep, print } from "asyncio";

      function work(n: number): number {
        print("work", n);
        blockingSleep(n);
        if (n === 2) throw new Error("two");
        print("worked", n);
        return n * 10;
      }

      async function main() {
        {
          using pool = new ThreadPool({ maxWorkers: 2 });
          const jobs = [1, 2, 3, 4].map((n) => runInExecutor(pool, work, n));
          jobs[3].cancel();
          print(await jobs[0]);
          try {
            await jobs[1];
          } catch (e) {
            print("failed:", (e as Error).message);
          }
          print(await jobs[2]);
        }
        print(await toThread(work, 1));
      }

      await run(main());
    `);
    const [py, ts] = await Promise.all([sharedPyodide().run(python, { trace: true }), runTs(typescript)]);
    expect(ts.error).toBeUndefined();
    expect(py.error).toBeNull();
    expect(py.stdout).toEqual(ts.stdout);
    const run = asRunResult(py);
    expect(traceProblems(run)).toEqual([]);
    expect(laneProblems(run.events)).toEqual([]);
    expect(drawnTasks(run.events)).toEqual(drawnTasks(ts.events));
    const workers = drawnWorkers(run.events);
    expect(workers).toEqual(drawnWorkers(ts.events));
    expect(workers).toContain("cancelled while queued (-): #4 at 0.000");
    expect(workers).toContain('ThreadPoolExecutor-0_1 (thread): print "work 2" at 0.000, #2 0.000–2.000 exception');
    expect(run.notes?.[0]).toContain("a model of CPython's, not CPython's own");
  });
});

const lessons = await lessonsIn();
/** Twins on the virtual clock (those that start tasks eagerly too: eager_start, an eager task factory). */
const twins = lessons.flatMap(({ file, playgrounds }) =>
  playgrounds.filter((pg: Playground) => pg.python && pg.clock !== "real").map((pg) => ({ where: `${file}#${pg.id}`, pg })),
);

describe("the Python trace recorder", () => {
  it("records example 3's run as the runtime records its TypeScript", async () => {
    const py = await sharedPyodide().run(
      dedent(`
        import asyncio

        async def fetch(n):
            print(f"start {n}")
            await asyncio.sleep(n)
            return n

        async def main():
            t = asyncio.create_task(fetch(2))
            await asyncio.sleep(0)
            print(await t)

        asyncio.run(main())
      `),
      { trace: true },
    );
    const events = py.events!;
    expect(traceProblems(asRunResult(py))).toEqual([]);
    const created = events.filter((e) => e.kind === "task-created" && !e.internal).map((e) => e.kind === "task-created" && [e.name, e.coro, e.line]);
    expect(created).toEqual([
      ["Task-1", "main", 13],
      ["Task-2", "fetch", 9],
    ]);
    const suspended = events.filter((e) => e.kind === "task-suspended").map((e) => e.kind === "task-suspended" && [e.line, e.on.what, e.on.label, e.on.until]);
    expect(suspended).toEqual([
      [10, "yield", "sleep(0)", undefined],
      [5, "sleep", "sleep(2)", 2],
      [11, "task", "Task-2", undefined],
    ]);
    expect(consoleLines(events).map((l) => [l.text, l.t])).toEqual([
      ["start 2", 0],
      ["2", 2],
    ]);
    const printedBy = events.filter((e) => e.kind === "print").map((e) => e.kind === "print" && e.line);
    expect(printedBy).toEqual([4, 11]);
  });

  it("gives a Python error its line", async () => {
    const py = await sharedPyodide().run("import asyncio\n\nasync def main():\n    raise ValueError('boom')\n\nasyncio.run(main())\n", { trace: true });
    expect(py.error).toBe("ValueError: boom");
    expect(py.errorLine).toBe(4);
    expect(py.traceback).toEqual(["Traceback (most recent call last):", '  File "<stdin>", line 6, in <module>', "    asyncio.run(main())", "    ~~~~~~~~~~~^^^^^^^^", '  File "<stdin>", line 4, in main', "    raise ValueError('boom')", "ValueError: boom"]);
    expect(py.events!.at(-1)).toMatchObject({ kind: "program-end", error: "ValueError: boom" });
    const done = py.events!.find((e) => e.kind === "task-done");
    expect(done).toMatchObject({ outcome: "exception", value: "ValueError: boom", line: 4 });
  });

  it("brings a float JSON has no words for, sleep(math.inf)'s due time, as the number, as the runtime records it", async () => {
    const py = await sharedPyodide().run(
      dedent(`
        import asyncio, math

        async def main():
            try:
                await asyncio.wait_for(asyncio.sleep(math.inf), 1)
            except TimeoutError:
                print("timed out")

        asyncio.run(main())
      `),
      { trace: true },
    );
    expect(py.error).toBeNull();
    expect(py.stdout).toEqual(["timed out"]);
    // CPython's timer for the sleep is due at inf, and its task waits until then.
    const dues = (events: readonly TraceEvent[]) => events.flatMap((e) => (e.kind === "timer-set" ? [e.due] : []));
    const untils = (events: readonly TraceEvent[]) => events.flatMap((e) => (e.kind === "task-suspended" && e.on.what === "sleep" ? [e.on.until] : []));
    expect(dues(py.events!)).toContain(Infinity);
    expect(untils(py.events!)).toEqual([Infinity]);
    const ts = await runTs(`import { run, sleep, waitFor, print } from "asyncio";\ntry {\n  await run(waitFor(sleep(Infinity), 1));\n} catch {\n  print("timed out");\n}\n`);
    expect(untils(ts.events)).toEqual(untils(py.events!));
  });
});

describe("a Python run's JSON (python-json.ts)", () => {
  it("reads back NaN and the infinities, and leaves strings and other objects alone", () => {
    const text = '{"a": {"__float__": "Infinity"}, "b": "Infinity", "c": {"__float__": "Infinity", "d": 1}, "e": [{"__float__": "NaN"}, {"__float__": "-Infinity"}], "f": {"__float__": "1"}}';
    expect(parsePythonJson(text)).toEqual({ a: Infinity, b: "Infinity", c: { __float__: "Infinity", d: 1 }, e: [NaN, -Infinity], f: { __float__: "1" } });
  });
});

/** A run's task events and printed lines, told by task name (ids differ between the languages). */
function taskStory(events: readonly TraceEvent[]): string[] {
  const names = new Map<number, string>();
  const name = (task: number | undefined) => (task === undefined ? "-" : (names.get(task) ?? `?${task}`));
  return events.flatMap((e) => {
    switch (e.kind) {
      case "task-created":
        names.set(e.task, e.name);
        return e.internal ? [] : [`created ${e.name} by ${name(e.parent)} @${e.t}`];
      case "task-resumed":
        return [`resumed ${name(e.task)}${e.first ? " (first)" : ""} @${e.t}`];
      case "task-suspended":
        return [`suspended ${name(e.task)} on ${e.on.what} @${e.t}`];
      case "task-done":
        return [`done ${name(e.task)}: ${e.outcome} @${e.t}`];
      case "print":
        return [`print by ${name(e.task)}: ${e.text} @${e.t}`];
      default:
        return [];
    }
  });
}

describe("eager tasks", () => {
  it("records an eager first step inside create_task, nested ones too, as the runtime does", async () => {
    const python = dedent(`
      import asyncio

      async def leaf(n):
          print("leaf", n)
          await asyncio.sleep(n)
          print("leaf done", n)
          return n

      async def branch():
          print("branch")
          t = asyncio.create_task(leaf(1), eager_start=True)
          print("branch made leaf")
          return await t

      async def quick():
          print("quick")
          return 7

      async def main():
          asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
          b = asyncio.create_task(branch())
          q = asyncio.create_task(quick())
          z = asyncio.create_task(leaf(0))
          print("main", b.done(), q.done())
          print(await b, await q, await z)

      asyncio.run(main())
    `);
    const typescript = dedent(`
      import { run, createTask, sleep, print, getRunningLoop, eagerTaskFactory } from "asyncio";

      async function leaf(n: number) {
        print("leaf", n);
        await sleep(n);
        print("leaf done", n);
        return n;
      }

      async function branch() {
        print("branch");
        const t = createTask(leaf(1), { eagerStart: true });
        print("branch made leaf");
        return await t;
      }

      async function quick() {
        print("quick");
        return 7;
      }

      async function main() {
        getRunningLoop().setTaskFactory(eagerTaskFactory);
        const b = createTask(branch());
        const q = createTask(quick());
        const z = createTask(leaf(0));
        print("main", b.done(), q.done());
        print(await b, await q, await z);
      }

      await run(main());
    `);
    const [py, ts] = await Promise.all([sharedPyodide().run(python, { trace: true }), runTs(typescript)]);
    expect(ts.error).toBeUndefined();
    expect(py.error).toBeNull();
    const run = asRunResult(py);
    expect(traceProblems(run)).toEqual([]);
    expect(taskStory(run.events)).toEqual(taskStory(ts.events));
  });
});

it("says that input() cannot read in a playground, at the reader's line", async () => {
  const py = await sharedPyodide().run('print("name?")\nname = input("> ")\nprint("hello", name)\n', { trace: true });
  expect(py.stdout).toEqual(["name?"]);
  expect(py.error).toBe("RuntimeError: input() cannot read in a playground: there is no keyboard here. Give the program its value in the code instead.");
  expect(py.errorLine).toBe(2);
});

// Each twin's CPython run, made once for the tests that read it.
const pythonRuns = new Map<string, Promise<PythonResult>>();
const pythonRunOf = (pg: Playground): Promise<PythonResult> => {
  let run = pythonRuns.get(pg.python!);
  if (!run) pythonRuns.set(pg.python!, (run = sharedPyodide().run(pg.python!, { trace: true })));
  return run;
};

describe.each(twins)("$where", ({ where, pg }) => {
  it("its Python twin's trace is well formed and drawn like its TypeScript's", async () => {
    const [py, ts] = await Promise.all([pythonRunOf(pg), runTs(pg.code)]);
    const run = asRunResult(py);
    expect(traceProblems(run), `${where}: the Python trace's problems`).toEqual([]);
    expect(consoleLines(run.events).filter((l) => l.stream === "stdout").map((l) => l.text), `${where}: printed lines, from the trace`).toEqual(py.stdout);
    expect(laneProblems(run.events), `${where}: the Python trace's pools and lanes`).toEqual([]);
    expect(laneProblems(ts.events), `${where}: the TypeScript trace's pools and lanes`).toEqual([]);
    expect(drawnTasks(run.events), `${where}: the task lanes`).toEqual(drawnTasks(ts.events));
    expect(drawnWorkers(run.events), `${where}: the worker lanes and pool queues`).toEqual(drawnWorkers(ts.events));
  });

  it("the stepper on its Python twin's run: each step back from the last, and forward again, is the single-pass state", async () => {
    expectSteppedBackAndForth(asRunResult(await pythonRunOf(pg)).events, where);
  });
});
