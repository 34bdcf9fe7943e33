// What the stepper shows at one step: the shapes steps.ts derives from a trace and the views draw.
import type { TraceEventKind, WaitInfo } from "./schema.ts";
import type { ConsoleLine } from "./console-lines.ts";

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
