// The await tree (trace/await-tree.ts), for both languages: at the step where main awaits its task
// and the task sleeps, main is the root, waiting at its `await` line on Task-2, and Task-2 hangs under
// it, waiting at its sleep line — the lines read off the programs below, the Python from a trace
// recorded on CPython's own loop.
import { describe, expect, it } from "vitest";
import { awaitTree, deriveStepStates, type AwaitList, type ReadyItem, type StepState, type TraceEvent, type WaitingTask } from "../../src/runtime/trace/index.ts";
import { runTs } from "../support/run-ts.ts";
import { dedent } from "../support/cpython.ts";
import { sharedPyodide } from "../support/pyodide.ts";

const TS = dedent(`
  import { run, createTask, gather, sleep, print } from "asyncio";

  async function fetchData(n: number) {
    await sleep(n);
    return n;
  }

  async function main() {
    const task = createTask(fetchData(2));
    await sleep(0);
    print(await task);
    print(await gather([fetchData(1), fetchData(3)]));
  }

  await run(main());
`);

const PY = dedent(`
  import asyncio

  async def fetch_data(n):
      await asyncio.sleep(n)
      return n

  async def main():
      task = asyncio.create_task(fetch_data(2))
      await asyncio.sleep(0)
      print(await task)
      print(await asyncio.gather(fetch_data(1), fetch_data(3)))

  asyncio.run(main())
`);

/** "name line: what" lines, indented by depth: a tree as text. */
function draw(nodes: AwaitList, depth = 0): string[] {
  return Array.from({ length: nodes.length }, (_, i) => nodes.at(i)).flatMap((n) => [`${"  ".repeat(depth)}${n.name} ${n.state}${n.line !== undefined ? ` at ${n.line}` : ""}${n.on ? ` on ${n.on}` : ""}`, ...draw(n.children, depth + 1)]);
}

/** The trees at the first step where `name` waits on `on` and everything it awaits is suspended. */
function treeWhen(events: TraceEvent[], predicate: (tree: string[]) => boolean): string[] {
  for (const state of deriveStepStates(events)) {
    const tree = draw(awaitTree(state).roots);
    if (predicate(tree)) return tree;
  }
  return [];
}

describe("awaitTree", () => {
  it.each([
    ["TypeScript", async () => (await runTs(TS)).events, { await: 11, sleep: 4, gather: 12 }],
    ["Python", async () => (await sharedPyodide().run(PY, { trace: true })).events!, { await: 10, sleep: 4, gather: 11 }],
  ])("%s: main awaits Task-2 at its await line; a gather's tasks hang under main", async (_language, events, lines) => {
    const trace = await events();
    expect(treeWhen(trace, (t) => t[0]?.includes("on Task-2") && !!t[1]?.includes("on sleep"))).toEqual([`Task-1 waiting at ${lines.await} on Task-2`, `  Task-2 waiting at ${lines.sleep} on sleep(2)`]);
    // Woken, Task-2 is ready to resume at the line it waited at (its marker in the code pane says where).
    expect(treeWhen(trace, (t) => !!t[0]?.includes("on Task-2") && !!t[1]?.includes("Task-2 ready"))).toEqual([`Task-1 waiting at ${lines.await} on Task-2`, `  Task-2 ready at ${lines.sleep}`]);
    expect(treeWhen(trace, (t) => t[0]?.includes("on gather") && t.length === 3 && t.slice(1).every((l) => l.includes("on sleep")))).toEqual([
      `Task-1 waiting at ${lines.gather} on gather(Task-3, Task-4)`,
      `  Task-3 waiting at ${lines.sleep} on sleep(1)`,
      `  Task-4 waiting at ${lines.sleep} on sleep(3)`,
    ]);
  });
});

// Hand-made states for the tree's rules, as the trace format page states them ("The await tree"):
// each task under its first waiter, never its own child, roots in the order the tasks were made, a
// cycle of awaits under no root.
const waiting = (task: number, on: string, tasks?: number[], line = 10 + task): WaitingTask => ({ task, name: `Task-${task}`, coro: "work", line, on: { what: tasks ? "task" : "sleep", label: on, tasks }, fresh: false });
const ready = (task: number): ReadyItem => ({ handle: 100 + task, name: `Task-${task}`, why: "wake", task, label: `Task-${task}`, thisPass: true, fresh: false });
function stateOf(parts: Partial<StepState>): StepState {
  return { seq: 0, t: 0, kind: "handle-run", narration: "", index: 0, loopRunning: true, activity: { state: "idle" }, ready: [], waiting: [], done: [], timers: [], console: [], markers: [], pass: 1, workers: [], poolQueues: [], ...parts };
}

describe("awaitTree's rules", () => {
  it("puts a task awaited by two under the first waiter listed, not a task under itself, each task once, and the roots in the order the tasks were made", () => {
    const state = stateOf({
      activity: { state: "task", task: 5, name: "Task-5", coro: "main", line: 3 },
      // A task waiting, or running, with a step of its queued too is drawn once, as it is.
      ready: [ready(4), ready(3), ready(2), ready(5)],
      waiting: [waiting(3, "gather(Task-2, Task-3, Task-4)", [2, 3, 4]), waiting(1, "Task-2", [2])],
      markers: [{ line: 7, state: "ready", task: 4, name: "Task-4" }],
    });
    const { roots, size } = awaitTree(state);
    expect(draw(roots)).toEqual(["Task-1 waiting at 11 on Task-2", "Task-3 waiting at 13 on gather(Task-2, Task-3, Task-4)", "  Task-2 ready", "  Task-4 ready at 7", "Task-5 running at 3"]);
    expect(size).toBe(5);
  });

  it("leaves a cycle of tasks awaiting each other under no root, and out of the count", () => {
    const { roots, size } = awaitTree(stateOf({ waiting: [waiting(1, "Task-2", [2]), waiting(2, "Task-1", [1]), waiting(3, "sleep(1)")] }));
    expect(draw(roots)).toEqual(["Task-3 waiting at 13 on sleep(1)"]);
    expect(size).toBe(1);
  });

  it("makes only the nodes read: a gather of 10,000 tasks, its first three drawn", () => {
    const named: number[] = [];
    // Each task's name read counts it: a node is made from it when it is read.
    const counted = (w: WaitingTask) => new Proxy(w, { get: (target, key) => (key === "name" && named.push(target.task), Reflect.get(target, key)) });
    const gathered = Array.from({ length: 10_000 }, (_, i) => i + 2);
    const state = stateOf({ waiting: [waiting(1, "gather(…)", gathered), ...gathered.map((task) => waiting(task, "sleep(1)"))].map(counted) });
    const { roots, size } = awaitTree(state);
    expect(size).toBe(10_001);
    expect(named).toEqual([]);
    const main = roots.at(0);
    expect([roots.length, main.children.length]).toEqual([1, 10_000]);
    expect([0, 1, 2].map((i) => main.children.at(i).name)).toEqual(["Task-2", "Task-3", "Task-4"]);
    expect(main.children.at(1)).toBe(main.children.at(1));
    expect(named).toEqual([1, 2, 3, 4]);
  });
});
