// The await tree at one step: which task awaits which, and where each one is, as Python 3.14's
// `python -m asyncio pstree` and asyncio.capture_call_graph show a running program (Lib/asyncio/
// tools.py, graph.py). Derived from the stepper's state alone: a task waiting on a task (await t),
// on several (gather, a TaskGroup's __aexit__) is their parent; the others are roots.
//
// A node is made when it is read: the stepper draws a tree's first twenty tasks, and a step of a
// 10,000-task run that made a node for every task spent ~1.3 ms a step on them (Chrome's profile of
// the bench's → presses), and their garbage lengthened its collections.
import type { LoopActivity, ReadyItem, StepState, WaitingTask } from "./step-state.ts";

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
  /** The tasks it awaits (a task awaited by two is under the first). */
  children: AwaitList;
}

/** Nodes of the tree, each made when first read. */
export interface AwaitList {
  readonly length: number;
  /** Node `i`, 0 ≤ i < length (the same object at each read). */
  at(i: number): AwaitNode;
}

/** The tasks alive at a step, as trees. */
export interface AwaitForest {
  /** The tasks no task awaits, in the order they were made (their ids grow). */
  roots: AwaitList;
  /** How many tasks the trees hold: a cycle of tasks awaiting each other is under no root, nor counted. */
  size: number;
}

type RunningTask = Extract<LoopActivity, { state: "task" }>;
/** What the state says of a task: it runs, it waits, or it is ready to resume. */
type Seen = RunningTask | WaitingTask | ReadyItem;

const NO_TASKS: readonly number[] = [];

/** Nodes made from their slots (awaitTree's) as they are read. */
class Nodes implements AwaitList {
  private readonly slots: readonly number[];
  private readonly make: (slot: number) => AwaitNode;
  private readonly made: AwaitNode[] = [];
  constructor(slots: readonly number[], make: (slot: number) => AwaitNode) {
    this.slots = slots;
    this.make = make;
  }
  get length(): number {
    return this.slots.length;
  }
  at(i: number): AwaitNode {
    return (this.made[i] ??= this.make(this.slots[i]));
  }
}

/** The tasks alive at this step, as trees: each task under the one that awaits it. */
export function awaitTree(state: StepState): AwaitForest {
  // Each task alive in a slot of `alive`, with what the state says of it: the waiting tasks first,
  // then the running one and those ready to resume, each once.
  const alive: Seen[] = [...state.waiting];
  const slotOf = new Map<number, number>();
  state.waiting.forEach((w, slot) => slotOf.set(w.task, slot));
  const join = (task: number, it: Seen) => {
    if (!slotOf.has(task)) slotOf.set(task, alive.push(it) - 1);
  };
  if (state.activity.state === "task") join(state.activity.task, state.activity);
  for (const r of state.ready) if (r.task !== undefined) join(r.task, r);

  // Each task under its first waiter, in the order the waiters are listed; a task awaiting itself is
  // not its own child. By slot.
  const waiterOf = new Int32Array(alive.length).fill(-1);
  const awaits = new Array<number[] | undefined>(alive.length);
  state.waiting.forEach((w, slot) => {
    for (const task of w.on.tasks ?? (w.on.task !== undefined ? [w.on.task] : NO_TASKS)) {
      const child = slotOf.get(task);
      if (child === undefined || waiterOf[child] >= 0 || child === slot) continue;
      waiterOf[child] = slot;
      (awaits[slot] ??= []).push(child);
    }
  });
  const roots: number[] = [];
  for (let slot = 0; slot < alive.length; slot++) if (waiterOf[slot] < 0) roots.push(slot);
  roots.sort((a, b) => alive[a].task! - alive[b].task!);
  // A task has one waiter at most and a root none, so a walk down from the roots meets each task once.
  let size = 0;
  for (const walk = [...roots]; walk.length; size++) for (const child of awaits[walk.pop()!] ?? NO_TASKS) walk.push(child);

  // A ready task resumes where it was suspended: the code pane's marker for it says where (looked up
  // by task, once a ready task is drawn: each of 4,992 ready tasks searching 5,009 markers took one
  // step of a 10,000-task run 97–120 ms).
  let markedAt: Map<number, number> | undefined;
  const lineOf = (task: number) => {
    if (!markedAt) {
      markedAt = new Map();
      for (const m of state.markers) if (m.task !== undefined && !markedAt.has(m.task)) markedAt.set(m.task, m.line);
    }
    return markedAt.get(task);
  };
  const make = (slot: number): AwaitNode => {
    const it = alive[slot];
    const children = new Nodes(awaits[slot] ?? NO_TASKS, make);
    if ("on" in it) return { task: it.task, name: it.name, coro: it.coro, state: "waiting", line: it.line, on: it.on.label, children };
    if ("handle" in it) return { task: it.task!, name: it.name, coro: "", state: "ready", line: lineOf(it.task!), children };
    return { task: it.task, name: it.name, coro: it.coro, state: "running", line: it.line, children };
  };
  return { roots: new Nodes(roots, make), size };
}
