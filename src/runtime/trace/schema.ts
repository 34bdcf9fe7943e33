// The trace: the one contract between the runtime and the views. A run appends events in order;
// views (timing diagram, stepper, console) are pure functions of the events.
// Versioned: add optional fields freely; renaming or removing anything bumps TRACE_VERSION.

/** The schema version written into every trace. */
export const TRACE_VERSION = 1;

/** What a suspended task is waiting on. */
export interface WaitInfo {
  what: "sleep" | "task" | "future" | "yield" | "io" | "lock" | "semaphore" | "event" | "queue" | "taskgroup" | "executor";
  /** Human-readable, e.g. "sleep(1)" or "Task-2". */
  label: string;
  /** Virtual time at which a timer will wake it, when known. */
  until?: number;
  /** The awaited task, when it waits on one. */
  task?: number;
  /** The awaited tasks, when it waits on several (a gather's children, a TaskGroup's tasks). */
  tasks?: number[];
}

interface EventBase<K extends string> {
  kind: K;
  /** Position in the trace, 0-based. */
  seq: number;
  /** Virtual time in seconds. */
  t: number;
  /** The reader's TypeScript line (1-based) this event comes from, when one is known. */
  line?: number;
}

type Event<K extends string, Fields> = EventBase<K> & Fields;

/** Every event a run can record. Events recorded while a task runs carry the line it was at. */
export type TraceEvent =
  | Event<"loop-start", { loop: number }>
  | Event<"loop-end", { loop: number }>
  | Event<"task-created", { task: number; name: string; coro: string; parent?: number; internal?: boolean }>
  /** A callback entered the ready queue; role "step" means it runs `task`. */
  | Event<"handle-queued", { handle: number; role: "step" | "callback"; task?: number; label: string }>
  /** A callback left the ready queue and runs now (cancelled ones are skipped: `skipped`). */
  | Event<"handle-run", { handle: number; skipped?: boolean }>
  /** `thrown`: the task resumes by having this exception raised at its await (e.g. "CancelledError"). */
  | Event<"task-resumed", { task: number; first: boolean; thrown?: string }>
  | Event<"task-suspended", { task: number; on: WaitInfo }>
  | Event<"task-done", { task: number; outcome: "result" | "exception" | "cancelled"; value?: string }>
  | Event<"timer-set", { timer: number; due: number; label: string; task?: number }>
  | Event<"timer-cancelled", { timer: number }>
  /** A due timer moved to the ready queue as `handle`. */
  | Event<"timer-fired", { timer: number; handle: number }>
  /** A thread is held by a blocking call until `until`: the loop's (no `lane`) or a worker lane's.
   * `work`: it sleeps (blockingSleep, Python's time.sleep: the default), computes (cpu), or waits
   * for the GIL before its cpu() can start ("gil": a thread that is ready but may not run). */
  | Event<"blocking-start", { until: number; task?: number; lane?: number; label: string; work?: "sleep" | "cpu" | "gil" }>
  | Event<"blocking-end", { task?: number; lane?: number }>
  /** A printed line; from a task (`task`), a worker lane (`lane`) or top-level code. */
  | Event<"print", { text: string; stream: "stdout" | "stderr"; task?: number; lane?: number }>
  /** A thread or process pool (ThreadPoolExecutor / ProcessPoolExecutor) was made. */
  | Event<"pool-created", { pool: number; poolKind: "thread" | "process"; name: string; maxWorkers: number }>
  /** A job (a function call to run in a pool) entered the pool's queue, from `task` if one ran. */
  | Event<"job-queued", { job: number; pool: number; label: string; task?: number }>
  /** A lane (one thread or process of the pool) started the job. */
  | Event<"job-started", { job: number; pool: number; lane: number; laneName: string }>
  /** A job ended: its value's repr, or its exception's name; cancelled jobs never started. */
  | Event<"job-done", { job: number; lane?: number; outcome: "result" | "exception" | "cancelled"; value?: string }>
  | Event<"program-end", { error?: string }>;

/** The kinds of event, e.g. "task-suspended". */
export type TraceEventKind = TraceEvent["kind"];

/** The event of one kind, e.g. `EventOf<"print">`. */
export type EventOf<K extends TraceEventKind> = Extract<TraceEvent, { kind: K }>;

/** An event before the recorder stamps it with `seq` and `t`. */
export type UnstampedEvent = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, "seq" | "t"> : never) : never;

/** The outcome of running one program: what the CLI prints as JSON and the views draw. */
export interface RunResult {
  version: number;
  /** Printed lines in order, exactly as printed. */
  stdout: string[];
  /** Warnings and errors, as Python would write them to stderr. */
  stderr: string[];
  /** Virtual seconds when the program ended. */
  virtualEnd: number;
  /** Set when the program stopped with an uncaught exception or hit a limit. */
  error?: { message: string; line?: number };
  events: TraceEvent[];
}
