// The await tree at one step: which task awaits which, and where each one is, as Python 3.14's
// `python -m asyncio pstree` and asyncio.capture_call_graph show a running program (Lib/asyncio/
// tools.py, graph.py). Derived from the stepper's state alone: a task waiting on a task (await t),
// on several (gather, a TaskGroup's __aexit__) is their parent; the others are roots.
import type { StepState } from "./step-state.ts";

export interface AwaitNode {
  task: number;
  name: string;
  /** The coroutine, e.g. "main". */
  coro: string;
  state: "running" | "ready" | "waiting";
  /** The program's line the task is at (running) or suspended at (waiting, ready to resume). */
  line?: number;
  /** What it waits on, e.g. "sleep(2)" or "Task-2" (waiting tasks only). */
  on?: string;
  children: readonly AwaitNode[];
}

/** A node's children until it has one: a step of a 10,000-task run makes a node for each task, and
 *  most await none (made anew, their empty lists were half of the tree's allocations). Shared, so
 *  frozen: a node's own list is made when it gets a child. */
const NO_CHILDREN: readonly AwaitNode[] = Object.freeze([]);

/** The tasks alive at this step, as trees: each task under the one that awaits it. */
export function awaitTree(state: StepState): AwaitNode[] {
  const nodes = new Map<number, AwaitNode>();
  const awaited: [parent: number, children: readonly number[]][] = [];
  const activity = state.activity;
  if (activity.state === "task") nodes.set(activity.task, { task: activity.task, name: activity.name, coro: activity.coro, state: "running", line: activity.line, children: NO_CHILDREN });
  for (const w of state.waiting) {
    nodes.set(w.task, { task: w.task, name: w.name, coro: w.coro, state: "waiting", line: w.line, on: w.on.label, children: NO_CHILDREN });
    const targets = w.on.tasks ?? (w.on.task !== undefined ? [w.on.task] : undefined);
    if (targets?.length) awaited.push([w.task, targets]);
  }
  // A ready task resumes where it was suspended: the code pane's marker for it says where (looked up
  // by task: each of 4,992 ready tasks searching 5,009 markers took one step of a 10,000-task run
  // 97–120 ms; 7–14 ms now).
  const markedAt = new Map<number, number>();
  for (const m of state.markers) if (m.task !== undefined && !markedAt.has(m.task)) markedAt.set(m.task, m.line);
  for (const r of state.ready) {
    if (r.task === undefined || nodes.has(r.task)) continue;
    nodes.set(r.task, { task: r.task, name: r.name, coro: "", state: "ready", line: markedAt.get(r.task), children: NO_CHILDREN });
  }
  const parented = new Set<number>();
  for (const [parent, children] of awaited) {
    const waiter = nodes.get(parent)!;
    let list: AwaitNode[] | undefined;
    for (const child of children) {
      const node = nodes.get(child);
      // A task appears once, under its first waiter (two tasks may await one: it is drawn under the first).
      if (!node || parented.has(child) || child === parent) continue;
      (list ??= []).push(node);
      parented.add(child);
    }
    if (list) waiter.children = list; // Each waiting task is in `awaited` once.
  }
  // Roots in the order the tasks were made (their ids grow). Each task is drawn once: a task has one
  // parent at most, and a root none, so no task is under two, and a cycle of tasks awaiting each
  // other is under no root.
  const roots: AwaitNode[] = [];
  for (const node of nodes.values()) if (!parented.has(node.task)) roots.push(node);
  return roots.sort((a, b) => a.task - b.task);
}
