// The Python side of the trace (src/python/trace_recorder.py): every lesson's Python twin, run on
// CPython 3.14's own event loop (Pyodide, virtual clock) with the recorder watching, gives a trace the
// views can draw: well formed by the same rules as the runtime's (trace-invariants.ts), printing what
// the lesson declares, and drawn as the same diagram as its TypeScript program — the same task lanes,
// in the same states over the same virtual seconds — since both follow CPython's scheduling.
import { describe, expect, it } from "vitest";
import { consoleLines, deriveTimeline, type RunResult, type Timeline, type TraceEvent } from "../../src/runtime/trace/index.ts";
import { sharedPyodide, type PythonResult } from "../support/pyodide.ts";
import { pythonResult } from "../../src/components/playground/python-runner.ts";
import { lessonsIn, type Playground } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";
import { traceProblems } from "../support/trace-invariants.ts";
import { dedent } from "../support/cpython.ts";

/** A Python run as the views take it, made as the page makes it (python-runner.ts). */
const asRunResult = (py: PythonResult): RunResult => pythonResult(py, [...(py.events ?? [])]);

/** What a diagram shows of each task: its name and its states, in order, with their times. Runs of
 *  one state are merged (a step of no time between two waits is not something the two languages
 *  must agree on), as are the loop's own shutdown tasks (internal). */
function drawnTasks(timeline: Timeline) {
  return timeline.lanes
    .filter((lane) => lane.kind === "task")
    .map((lane) => {
      const states: string[] = [];
      for (const iv of lane.intervals) {
        const text = `${iv.state} ${iv.from.toFixed(3)}–${iv.to.toFixed(3)}`;
        const last = states.at(-1);
        if (last?.startsWith(`${iv.state} `) && last.endsWith(`–${iv.from.toFixed(3)}`)) states[states.length - 1] = `${last.slice(0, last.lastIndexOf("–"))}–${iv.to.toFixed(3)}`;
        else states.push(text);
      }
      return `${lane.name}: ${states.join(", ")}`;
    });
}

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

describe.each(twins)("$where", ({ where, pg }) => {
  it("its Python twin's trace is well formed and drawn like its TypeScript's", async () => {
    const [py, ts] = await Promise.all([sharedPyodide().run(pg.python!, { trace: true }), runTs(pg.code)]);
    const run = asRunResult(py);
    expect(traceProblems(run), `${where}: the Python trace's problems`).toEqual([]);
    expect(consoleLines(run.events).filter((l) => l.stream === "stdout").map((l) => l.text), `${where}: printed lines, from the trace`).toEqual(py.stdout);
    if (run.events.some((e) => e.kind === "job-queued") || ts.events.some((e) => e.kind === "job-queued")) return;
    expect(drawnTasks(deriveTimeline(run.events)), `${where}: the task lanes`).toEqual(drawnTasks(deriveTimeline(ts.events)));
  });
});
