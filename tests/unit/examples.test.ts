// The five lesson examples (src/content/docs/lessons/example-1 … example-5), written independently of the MDX pages
// (tests/support/lesson-examples.ts), so the facts each chapter teaches are pinned by the runtime's
// own tests: printed order, virtual end time, and what the trace says about who waited on what,
// where and when.
import { beforeAll, describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { eventsOf, lineOf, stampedStdout, taskId } from "../support/programs.ts";
import { TRACE_VERSION, type RunResult } from "../../src/runtime/trace/index.ts";
import { EXAMPLE_1, EXAMPLE_2, EXAMPLE_3, EXAMPLE_4_AWAIT_TASK_2_FIRST, EXAMPLE_4_SLEEP_INSTEAD, EXAMPLE_5 } from "../support/lesson-examples.ts";

/** Printed lines with the virtual time of each, from the trace. */
function expectStamped(result: RunResult, expected: [number, string][]) {
  expect(stampedStdout(result).map(({ t, text }) => [t, text])).toEqual(expected);
}

describe("Example 1: the synchronous baseline (blockingSleep, no event loop)", () => {
  const source = EXAMPLE_1;
  let r: RunResult;
  beforeAll(async () => {
    r = await runTs(source);
  });

  it("prints each fetch start to finish, one after the other, and ends at 3 s", () => {
    expect(r.error).toBeUndefined();
    expect(r.stderr).toEqual([]);
    expect(r.virtualEnd).toBe(3);
    expectStamped(r, [
      [0, "Do something with 1..."],
      [1, "Done with 1"],
      [1, "Fetch 1 fully completed"],
      [1, "Do something with 2..."],
      [3, "Done with 2"],
      [3, "Fetch 2 fully completed"],
      [3, "Result of 1 Result of 2"],
    ]);
  });

  it("starts no event loop and no task", () => {
    expect(eventsOf(r.events, "loop-start")).toEqual([]);
    expect(eventsOf(r.events, "task-created")).toEqual([]);
    expect(eventsOf(r.events, "task-suspended")).toEqual([]);
  });

  it("records two blocking sleeps on the thread, at the blockingSleep line", () => {
    const line = lineOf(source, "blockingSleep(param)");
    const blocks = eventsOf(r.events, "blocking-start").map(({ t, until, task, line, label }) => ({ t, until, task, line, label }));
    expect(blocks).toEqual([
      { t: 0, until: 1, task: undefined, line, label: "blockingSleep(1)" },
      { t: 1, until: 3, task: undefined, line, label: "blockingSleep(2)" },
    ]);
    expect(eventsOf(r.events, "blocking-end").map((e) => e.t)).toEqual([1, 3]);
  });
});

describe("Example 2: awaiting coroutines one by one is still sequential", () => {
  const source = EXAMPLE_2;
  let r: RunResult;
  beforeAll(async () => {
    r = await runTs(source);
  });

  it("runs nothing until a coroutine is awaited, then runs it to completion: 3 s", () => {
    expect(r.error).toBeUndefined();
    expect(r.stderr).toEqual([]);
    expect(r.virtualEnd).toBe(3);
    expectStamped(r, [
      [0, "Both coroutine objects made"],
      [0, "Do something with 1..."],
      [1, "Done with 1"],
      [1, "Task 1 fully completed"],
      [1, "Do something with 2..."],
      [3, "Done with 2"],
      [3, "Task 2 fully completed"],
      [3, "Result of 1 Result of 2"],
    ]);
  });

  it("has only one task on the loop: main, which waits on each sleep in turn", () => {
    const created = eventsOf(r.events, "task-created").filter((e) => !e.internal);
    expect(created.map((e) => [e.name, e.coro])).toEqual([["Task-1", "main"]]);
    const main = created[0].task;
    const awaitLine = lineOf(source, "await sleep(param)");
    const suspensions = eventsOf(r.events, "task-suspended").map(({ t, task, line, on }) => ({ t, task, line, on }));
    expect(suspensions).toEqual([
      { t: 0, task: main, line: awaitLine, on: { what: "sleep", label: "sleep(1)", until: 1 } },
      { t: 1, task: main, line: awaitLine, on: { what: "sleep", label: "sleep(2)", until: 3 } },
    ]);
  });
});

describe("Example 3: createTask gives concurrency", () => {
  const source = EXAMPLE_3;
  let r: RunResult;
  beforeAll(async () => {
    r = await runTs(source);
  });

  it("starts both fetches before either finishes, and ends at 2 s (the longest task)", () => {
    expect(r.error).toBeUndefined();
    expect(r.stderr).toEqual([]);
    expect(r.virtualEnd).toBe(2);
    expectStamped(r, [
      [0, "Do something with 1..."],
      [0, "Do something with 2..."],
      [1, "Done with 1"],
      [1, "Task 1 fully completed"],
      [2, "Done with 2"],
      [2, "Task 2 fully completed"],
      [2, "Result of 1 Result of 2"],
    ]);
  });

  it("creates Task-2 and Task-3 from main, at their createTask lines", () => {
    const main = taskId(r, "Task-1");
    const created = eventsOf(r.events, "task-created")
      .filter((e) => !e.internal)
      .map(({ t, name, coro, parent, line }) => ({ t, name, coro, parent, line }));
    expect(created).toEqual([
      { t: 0, name: "Task-1", coro: "main", parent: undefined, line: lineOf(source, "await run(main())") },
      { t: 0, name: "Task-2", coro: "fetchData", parent: main, line: lineOf(source, "createTask(fetchData(1))") },
      { t: 0, name: "Task-3", coro: "fetchData", parent: main, line: lineOf(source, "createTask(fetchData(2))") },
    ]);
  });

  it("suspends both fetch tasks on their sleeps at t=0, at the await's line", () => {
    const awaitLine = lineOf(source, "await sleep(param)");
    const [t2, t3] = [taskId(r, "Task-2"), taskId(r, "Task-3")];
    const sleeps = eventsOf(r.events, "task-suspended").filter((e) => e.on.what === "sleep");
    expect(sleeps.map(({ t, task, line, on }) => ({ t, task, line, on }))).toEqual([
      { t: 0, task: t2, line: awaitLine, on: { what: "sleep", label: "sleep(1)", until: 1 } },
      { t: 0, task: t3, line: awaitLine, on: { what: "sleep", label: "sleep(2)", until: 2 } },
    ]);
  });

  it("runs the ready queue first in, first out: main suspends, then Task-2, then Task-3 start", () => {
    const [main, t2, t3] = ["Task-1", "Task-2", "Task-3"].map((n) => taskId(r, n));
    const atZero = r.events.filter((e) => e.t === 0 && (e.kind === "task-resumed" || e.kind === "task-suspended"));
    expect(atZero.map((e) => [e.kind, (e as { task: number }).task])).toEqual([
      ["task-resumed", main],
      ["task-suspended", main],
      ["task-resumed", t2],
      ["task-suspended", t2],
      ["task-resumed", t3],
      ["task-suspended", t3],
    ]);
  });

  it("has main wait on Task-2 until 1 s, then on Task-3, at the lines of its awaits", () => {
    const main = taskId(r, "Task-1");
    const waits = eventsOf(r.events, "task-suspended")
      .filter((e) => e.task === main)
      .map(({ t, line, on }) => ({ t, line, on }));
    expect(waits).toEqual([
      { t: 0, line: lineOf(source, "await task1"), on: { what: "task", label: "Task-2", task: taskId(r, "Task-2") } },
      { t: 1, line: lineOf(source, "await task2"), on: { what: "task", label: "Task-3", task: taskId(r, "Task-3") } },
    ]);
  });

  it("finishes every task with a result, fetches at 1 s and 2 s", () => {
    const done = eventsOf(r.events, "task-done").map(({ t, task, outcome, value }) => ({ t, task, outcome, value }));
    expect(done.slice(0, 3)).toEqual([
      { t: 1, task: taskId(r, "Task-2"), outcome: "result", value: "'Result of 1'" },
      { t: 2, task: taskId(r, "Task-3"), outcome: "result", value: "'Result of 2'" },
      { t: 2, task: taskId(r, "Task-1"), outcome: "result", value: "None" },
    ]);
  });
});

describe("Example 4: await order does not choose run order", () => {
  const awaitTask2First = EXAMPLE_4_AWAIT_TASK_2_FIRST;
  const sleepInstead = EXAMPLE_4_SLEEP_INSTEAD;

  it("awaiting task 2 first: task 1 still starts and finishes first, 2 s in all", async () => {
    const r = await runTs(awaitTask2First);
    expect(r.error).toBeUndefined();
    expect(r.virtualEnd).toBe(2);
    expectStamped(r, [
      [0, "Do something with 1..."],
      [0, "Do something with 2..."],
      [1, "Done with 1"],
      [2, "Done with 2"],
      [2, "Task 2 fully completed"],
      [2, "Task 1 fully completed"],
      [2, "Result of 1 Result of 2"],
    ]);
    // main waits once, on task 2 (Task-3); awaiting the finished task 1 does not suspend.
    const main = taskId(r, "Task-1");
    const waits = eventsOf(r.events, "task-suspended").filter((e) => e.task === main);
    expect(waits.map(({ t, line, on }) => ({ t, line, label: on.label }))).toEqual([
      { t: 0, line: lineOf(awaitTask2First, "await task2"), label: "Task-3" },
    ]);
    // Task 1 (Task-2) is done at 1 s, long before anyone asks for its result.
    const task1Done = eventsOf(r.events, "task-done").find((e) => e.task === taskId(r, "Task-2"));
    expect(task1Done).toMatchObject({ t: 1, outcome: "result", value: "'Result of 1'" });
  });

  it("awaiting sleep(2.5) instead: same order, 2.5 s, and the await gives None", async () => {
    const r = await runTs(sleepInstead);
    expect(r.error).toBeUndefined();
    expect(r.virtualEnd).toBe(2.5);
    expectStamped(r, [
      [0, "Do something with 1..."],
      [0, "Do something with 2..."],
      [1, "Done with 1"],
      [2, "Done with 2"],
      [2.5, "The sleep gave: None"],
      [2.5, "Result of 1 Result of 2"],
    ]);
    const main = taskId(r, "Task-1");
    const waits = eventsOf(r.events, "task-suspended").filter((e) => e.task === main);
    expect(waits.map(({ t, line, on }) => ({ t, line, on }))).toEqual([
      { t: 0, line: lineOf(sleepInstead, "await sleep(2.5)"), on: { what: "sleep", label: "sleep(2.5)", until: 2.5 } },
    ]);
  });
});

describe("Example 5: blocking the event loop", () => {
  const source = EXAMPLE_5;
  let r: RunResult;
  beforeAll(async () => {
    r = await runTs(source);
  });

  it("runs the tasks strictly one after the other: 3 s, and fetch 2 starts only after fetch 1 is done", () => {
    expect(r.error).toBeUndefined();
    expect(r.stderr).toEqual([]);
    expect(r.virtualEnd).toBe(3);
    expectStamped(r, [
      [0, "Do something with 1..."],
      [1, "Done with 1"],
      [1, "Do something with 2..."],
      [3, "Done with 2"],
      [3, "Task 1 fully completed"],
      [3, "Task 2 fully completed"],
      [3, "Result of 1 Result of 2"],
    ]);
  });

  it("prints 'Do something with 2...' at t=1, from Task-3", () => {
    const line = stampedStdout(r).find((p) => p.text === "Do something with 2...");
    expect(line).toEqual({ t: 1, text: "Do something with 2...", task: taskId(r, "Task-3"), line: lineOf(source, 'print("Do something with "') });
  });

  it("records the loop blocked by each task's blockingSleep, at its line", () => {
    const line = lineOf(source, "blockingSleep(param);");
    const blocks = eventsOf(r.events, "blocking-start").map(({ t, until, task, line, label }) => ({ t, until, task, line, label }));
    expect(blocks).toEqual([
      { t: 0, until: 1, task: taskId(r, "Task-2"), line, label: "blockingSleep(1)" },
      { t: 1, until: 3, task: taskId(r, "Task-3"), line, label: "blockingSleep(2)" },
    ]);
    const ends = eventsOf(r.events, "blocking-end").map(({ t, task }) => ({ t, task }));
    expect(ends).toEqual([
      { t: 1, task: taskId(r, "Task-2") },
      { t: 3, task: taskId(r, "Task-3") },
    ]);
  });

  it("never suspends a fetch task: blocking calls do not hand control back", () => {
    const fetchTasks = new Set([taskId(r, "Task-2"), taskId(r, "Task-3")]);
    expect(eventsOf(r.events, "task-suspended").filter((e) => fetchTasks.has(e.task))).toEqual([]);
  });

  it("resumes main only after Task-3, which was queued earlier (FIFO), at 3 s", () => {
    const main = taskId(r, "Task-1");
    const resumes = eventsOf(r.events, "task-resumed").map(({ t, task, first }) => ({ t, task, first }));
    expect(resumes.slice(0, 4)).toEqual([
      { t: 0, task: main, first: true },
      { t: 0, task: taskId(r, "Task-2"), first: true },
      { t: 1, task: taskId(r, "Task-3"), first: true },
      { t: 3, task: main, first: false },
    ]);
    // main waited on Task-2 once; when it resumed at 3 s, Task-3 was already done: no second wait.
    const waits = eventsOf(r.events, "task-suspended").filter((e) => e.task === main);
    expect(waits.map(({ t, on }) => [t, on.label])).toEqual([[0, "Task-2"]]);
  });
});

describe("runs are deterministic", () => {
  it("the same program gives the same trace, stamped with the trace version", async () => {
    const [a, b] = [await runTs(EXAMPLE_3), await runTs(EXAMPLE_3)];
    expect(a.version).toBe(TRACE_VERSION);
    expect(b).toEqual(a);
    expect(a.events.map((e) => e.seq)).toEqual(a.events.map((_, i) => i));
    // Virtual time only moves forward.
    for (let i = 1; i < a.events.length; i++) expect(a.events[i].t).toBeGreaterThanOrEqual(a.events[i - 1].t);
  });
});
