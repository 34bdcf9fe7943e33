// The await tree (trace/await-tree.ts), for both languages: at the step where main awaits its task
// and the task sleeps, main is the root, waiting at its `await` line on Task-2, and Task-2 hangs under
// it, waiting at its sleep line — the lines read off the programs below, the Python from a trace
// recorded on CPython's own loop.
import { describe, expect, it } from "vitest";
import { awaitTree, deriveStepStates, type AwaitNode, type TraceEvent } from "../../src/runtime/trace/index.ts";
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
function draw(nodes: readonly AwaitNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${"  ".repeat(depth)}${n.name} ${n.state}${n.line !== undefined ? ` at ${n.line}` : ""}${n.on ? ` on ${n.on}` : ""}`, ...draw(n.children, depth + 1)]);
}

/** The trees at the first step where `name` waits on `on` and everything it awaits is suspended. */
function treeWhen(events: TraceEvent[], predicate: (tree: string[]) => boolean): string[] {
  for (const state of deriveStepStates(events)) {
    const tree = draw(awaitTree(state));
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
