// The stepper's states, derived from a trace: at every step, what the event loop runs, its ready
// queue in FIFO order, the tasks that wait and on what, the pending timers, the clock, the console
// so far, and one sentence saying what happened. Pure: events in, states out.
//
// A step is one event a reader can see happen. Every event is a step except three kinds, which fold
// into the step that follows them because they happen at the same instant and say nothing new:
//   - task-created: its "start" handle is queued next, and that step tells both;
//   - handle-run of a task's step: the task resumes next (CPython's Handle._run calls Task.__step);
//   - asyncio.run's own shutdown tasks (internal), their handles, and the callbacks they queue.
// The last event is always a step. The ready queue is replayed exactly as the loop (loop.ts, after
// CPython's _run_once) moves handles: handle-queued and timer-fired append, handle-run pops the head.
// A pass of _run_once runs only the handles that were ready when it began; the trace has no event
// for the start of a pass, so passes are rebuilt: a pass begins at the first handle-run after the
// previous pass ran out (timers that fire just before it belong to it), and its length is the queue
// length at that moment (nothing is queued between the due timers moving over and that first run).
import type { TraceEvent, TraceEventKind, WaitInfo } from "./trace.ts";
import type { ConsoleLine } from "./console-lines.ts";
import { Replay } from "./replay.ts";
import { narrate } from "./narration.ts";

export type { ConsoleLine };

/** One step: the event it is drawn at and its narration. */
export interface Step {
  /** The trace position of the event the step is drawn at. */
  seq: number;
  t: number;
  kind: TraceEventKind;
  /** The task the step is about, if any. */
  task?: number;
  /** One plain sentence: what happened at this step. */
  narration: string;
}

/** A callback in the ready queue (asyncio.Handle): a task's next step, a timer's callback, or another callback. */
export interface ReadyItem {
  handle: number;
  /** The task name for a task's step, else the callback's label. */
  name: string;
  /** "start", "wake" or "resume" for a task's step; "timer" for a due timer; "callback" otherwise. */
  why: "start" | "wake" | "resume" | "step" | "timer" | "callback";
  task?: number;
  label: string;
  /** It was ready when the current pass of the loop began, so it runs in this pass. */
  thisPass: boolean;
  /** It entered the queue at this step. */
  fresh: boolean;
}

/** A task that is suspended, and what it waits on. */
export interface WaitingTask {
  task: number;
  name: string;
  coro: string;
  /** The line where it waits. */
  line?: number;
  on: WaitInfo;
  fresh: boolean;
}

/** A task that is done (its result is kept in the task until someone asks for it). */
export interface DoneTask {
  task: number;
  name: string;
  coro: string;
  outcome: "result" | "exception" | "cancelled";
  value?: string;
  fresh: boolean;
}

/** A timer in the loop's heap. */
export interface PendingTimer {
  timer: number;
  due: number;
  label: string;
  task?: number;
  fresh: boolean;
}

/** What the thread is doing: no loop yet, a loop between callbacks, a task, a callback, or a blocking call. */
export type LoopActivity =
  | { state: "no-loop" | "idle" }
  | { state: "task"; task: number; name: string; coro: string; line?: number }
  | { state: "callback"; handle: number; label: string }
  | { state: "blocked"; label: string; until: number; task?: number; name?: string };

/** A marker in the code pane: the running task's line, or where a task waits or will resume. */
export interface LineMarker {
  line: number;
  state: "running" | "waiting" | "ready" | "blocked";
  task?: number;
  name: string;
}

/** One thread or process of a pool (a lane of the trace), and what it does now. */
export interface WorkerLane {
  lane: number;
  name: string;
  pool: string;
  poolKind: "thread" | "process";
  /** The job it runs, e.g. "fetchData(1)"; undefined when idle. */
  job?: string;
  /** Running the job's code (`label`: in a cpu() call), held in a blocking call, or ready: waiting for the GIL. */
  state: "idle" | "running" | "blocked" | "ready";
  /** The blocking call it is in, and when that ends. */
  label?: string;
  until?: number;
  /** The reader's line the job is at, as far as its prints and blocking calls tell. */
  line?: number;
  fresh: boolean;
}

/** A pool's queue: jobs waiting for a free lane, first in first out. */
export interface PoolQueue {
  pool: number;
  name: string;
  maxWorkers: number;
  queued: string[];
}

/** Everything the stepper shows at one step. */
export interface StepState extends Step {
  index: number;
  /** Whether an event loop is running (else the program runs on the bare thread). */
  loopRunning: boolean;
  activity: LoopActivity;
  /** The ready queue, head first. */
  ready: ReadyItem[];
  waiting: WaitingTask[];
  done: DoneTask[];
  /** Pending timers, soonest first. */
  timers: PendingTimer[];
  console: ConsoleLine[];
  markers: LineMarker[];
  /** The loop's pass (_run_once call) under way, 1-based; 0 before the first. */
  pass: number;
  /** Threads and processes of the run's pools, in the order they started. */
  workers: WorkerLane[];
  /** Pools with jobs waiting for a free lane. */
  poolQueues: PoolQueue[];
}

// Whether `e` is drawn as a step of its own (see the top of the file); read before `e` is applied.
function isStep(e: TraceEvent, next: TraceEvent | undefined, r: Replay): boolean {
  if (!next) return true;
  if (r.isInternal(e)) return false;
  if (e.kind === "task-created") return false;
  if (e.kind === "handle-run" && !e.skipped && next.kind === "task-resumed") return r.queueHead()?.task !== next.task;
  return true;
}

function walk(events: readonly TraceEvent[], strict: boolean, visit: (e: TraceEvent, r: Replay, step: Step | null) => boolean | void): void {
  const r = new Replay(strict);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const step = isStep(e, events[i + 1], r) ? { seq: e.seq, t: e.t, kind: e.kind, task: "task" in e ? e.task : undefined, narration: narrate(e, events[i + 1], r) } : null;
    r.apply(e);
    if (visit(e, r, step) === false) return;
  }
}

/** The steps of a run, in order, each with its narration. */
export function deriveSteps(events: readonly TraceEvent[], options: { strict?: boolean } = {}): Step[] {
  const steps: Step[] = [];
  walk(events, options.strict ?? false, (_e, _r, step) => {
    if (step) steps.push(step);
  });
  return steps;
}

// A replay that stays positioned in one trace, so the next step forward applies only the events in
// between, and a step back restarts from the nearest checkpoint instead of the trace's start.
const CHECKPOINT_EVERY = 1024;

class Cursor {
  private replay: Replay;
  private next = 0;
  private readonly checkpoints: { next: number; replay: Replay }[] = [];
  private readonly events: readonly TraceEvent[];
  constructor(events: readonly TraceEvent[]) {
    this.events = events;
    this.replay = new Replay(false);
  }
  /** The replay with every event up to index `last` applied. */
  at(last: number): Replay {
    if (last < this.next - 1) {
      const from = this.checkpoints.findLast((c) => c.next <= last + 1);
      this.replay = from ? from.replay.clone() : new Replay(false);
      this.next = from ? from.next : 0;
    }
    while (this.next <= last) {
      if (this.next % CHECKPOINT_EVERY === 0 && this.next > 0 && !this.checkpoints.some((c) => c.next === this.next))
        this.checkpoints.push({ next: this.next, replay: this.replay.clone() });
      this.replay.apply(this.events[this.next++]);
    }
    return this.replay;
  }
}

const cursors = new WeakMap<readonly TraceEvent[], Cursor>();

/** Everything the stepper shows at step `index` of `steps` (from deriveSteps on the same events). */
export function stepState(events: readonly TraceEvent[], steps: readonly Step[], index: number): StepState {
  const i = Math.max(0, Math.min(index, steps.length - 1));
  const target = steps[i];
  if (!target) return emptyState();
  let cursor = cursors.get(events);
  if (!cursor) cursors.set(events, (cursor = new Cursor(events)));
  const at = events[target.seq]?.seq === target.seq ? target.seq : events.findIndex((e) => e.seq === target.seq);
  return cursor.at(at).snapshot(target, i, i > 0 ? steps[i - 1].seq : -1);
}

/** Every step's state, in order: one pass over the trace (for tests and small traces). */
export function deriveStepStates(events: readonly TraceEvent[], options: { strict?: boolean } = {}): StepState[] {
  const states: StepState[] = [];
  let after = -1;
  walk(events, options.strict ?? false, (_e, r, step) => {
    if (!step) return;
    states.push(r.snapshot(step, states.length, after));
    after = step.seq;
  });
  return states;
}

/**
 * The step a point in time stands for (a click on the timing diagram): the first step at the event
 * time nearest `t` if it is within `tolerance` (preferring a step about `task`), else the last step
 * at or before `t`, whose state holds at that moment.
 */
export function stepAtTime(steps: readonly Step[], t: number, options: { task?: number; tolerance?: number } = {}): number {
  let nearest = 0;
  for (let i = 1; i < steps.length; i++) if (Math.abs(steps[i].t - t) < Math.abs(steps[nearest].t - t)) nearest = i;
  if (steps.length && Math.abs(steps[nearest].t - t) <= (options.tolerance ?? 0)) {
    const time = steps[nearest].t;
    const own = options.task === undefined ? -1 : steps.findIndex((s) => s.t === time && s.task === options.task);
    return own >= 0 ? own : nearest;
  }
  let last = 0;
  for (let i = 0; i < steps.length && steps[i].t <= t; i++) last = i;
  return last;
}

/** The ready queue, head first, after each event: for checking the replay against a loop. Strict: throws where the trace pops anything but the head. */
export function readyQueues(events: readonly TraceEvent[]): ReadyItem[][] {
  const queues: ReadyItem[][] = [];
  walk(events, true, (e, r) => {
    queues.push(r.snapshot({ seq: e.seq, t: e.t, kind: e.kind, narration: "" }, 0, e.seq).ready);
  });
  return queues;
}

function emptyState(): StepState {
  return {
    seq: 0,
    t: 0,
    kind: "program-end",
    narration: "The program recorded no events.",
    index: 0,
    loopRunning: false,
    activity: { state: "no-loop" },
    ready: [],
    waiting: [],
    done: [],
    timers: [],
    console: [],
    markers: [],
    pass: 0,
    workers: [],
    poolQueues: [],
  };
}
