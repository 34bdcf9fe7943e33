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
import { printedLines, type ConsoleLine } from "./console-lines.ts";

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
  /** Running the job's code, held in a blockingSleep / cpu call of it, or ready: waiting for the GIL. */
  state: "idle" | "running" | "blocked" | "ready";
  /** The blocking call it is in, and when that ends. */
  label?: string;
  until?: number;
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

interface TaskRecord {
  id: number;
  name: string;
  coro: string;
  internal: boolean;
  parent?: number;
  state: "ready" | "running" | "waiting" | "blocked" | "done";
  line?: number;
  on?: WaitInfo;
  outcome?: DoneTask["outcome"];
  value?: string;
  since: number;
}

interface QueueEntry {
  handle: number;
  why: ReadyItem["why"];
  task?: number;
  label: string;
  since: number;
}

const fmt = (t: number) => t.toFixed(3);
const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
const firstLine = (text: string) => text.split("\n")[0];

function whyOf(role: "step" | "callback", label: string): ReadyItem["why"] {
  if (role === "callback") return "callback";
  const word = label.split(" ")[0];
  return word === "start" || word === "wake" || word === "resume" ? word : "step";
}

// The loop's state as the events are applied one by one; `narrate` reads it before each event.
class Replay {
  readonly tasks = new Map<number, TaskRecord>();
  private queue: QueueEntry[] = [];
  private head = 0;
  readonly timers = new Map<number, { due: number; label: string; task?: number; since: number }>();
  private readonly timerInfo = new Map<number, { label: string; task?: number }>();
  readonly console: ConsoleLine[] = [];
  loopDepth = 0;
  activity: LoopActivity = { state: "no-loop" };
  /** Handles still to run in the pass under way; `passOpen`: due timers moved, first run not yet. */
  passLeft = 0;
  passOpen = false;
  pass = 0;
  /** Whose code runs (a task, or a callback's handle): it caused what is queued now. */
  actor: { task?: number; handle?: number } = {};
  lastDone: number | undefined;
  readonly internalHandles = new Set<number>();
  /** The previous event, and the handle-run that began the pass under way. */
  prev: TraceEvent | undefined;
  passBegan = -1;
  t = 0;
  /** The line the main thread is at, outside any task. */
  topLine: number | undefined;
  /** Tasks whose step is under way, innermost last: an eager start runs inside its caller's step. */
  stepping: number[] = [];
  readonly pools = new Map<number, { name: string; kind: "thread" | "process"; maxWorkers: number; queued: { job: number; label: string }[] }>();
  readonly jobs = new Map<number, { label: string; pool: number }>();
  readonly lanes = new Map<number, Omit<WorkerLane, "fresh"> & { since: number }>();

  private readonly strict: boolean;
  constructor(strict: boolean) {
    this.strict = strict;
  }

  /** An independent copy (a checkpoint for stepping backwards without replaying from the start). */
  clone(): Replay {
    const copy = new Replay(this.strict);
    for (const [id, task] of this.tasks) copy.tasks.set(id, { ...task });
    copy.queue = this.queue.slice(this.head);
    for (const [id, timer] of this.timers) copy.timers.set(id, timer);
    for (const [id, info] of this.timerInfo) copy.timerInfo.set(id, info);
    copy.console.push(...this.console);
    for (const h of this.internalHandles) copy.internalHandles.add(h);
    for (const [id, pool] of this.pools) copy.pools.set(id, { ...pool, queued: pool.queued.slice() });
    for (const [id, job] of this.jobs) copy.jobs.set(id, job);
    for (const [id, lane] of this.lanes) copy.lanes.set(id, { ...lane });
    const { loopDepth, activity, passLeft, passOpen, pass, actor, lastDone, prev, passBegan, t, topLine } = this;
    return Object.assign(copy, { loopDepth, activity, passLeft, passOpen, pass, actor, lastDone, prev, passBegan, t, topLine, stepping: this.stepping.slice() });
  }

  get readyLength(): number {
    return this.queue.length - this.head;
  }
  queueHead(): QueueEntry | undefined {
    return this.queue[this.head];
  }
  taskName(id: number | undefined): string {
    return id === undefined ? "?" : (this.tasks.get(id)?.name ?? `task ${id}`);
  }
  laneName(id: number): string {
    return this.lanes.get(id)?.name ?? `lane ${id}`;
  }
  /** Whether an event belongs to asyncio.run's shutdown tasks (folded away). */
  isInternal(e: TraceEvent): boolean {
    const internalTask = (id: number | undefined) => id !== undefined && this.tasks.get(id)?.internal === true;
    switch (e.kind) {
      case "task-created":
        return e.internal === true;
      case "task-resumed":
      case "task-suspended":
      case "task-done":
        return internalTask(e.task);
      case "handle-queued":
        return internalTask(e.task) || internalTask(this.actor.task) || (this.actor.handle !== undefined && this.internalHandles.has(this.actor.handle));
      case "handle-run":
        return this.internalHandles.has(e.handle);
      case "timer-set":
        return internalTask(this.actor.task);
      default:
        return false;
    }
  }

  private push(entry: QueueEntry): void {
    this.queue.push(entry);
  }

  private pop(handle: number): QueueEntry | undefined {
    const head = this.queue[this.head];
    if (head?.handle === handle) {
      this.head++;
      return head;
    }
    // The loop always pops the head; anything else means the trace and this replay disagree.
    if (this.strict) throw new Error(`handle-run ${handle} is not the head of the ready queue (head: ${head?.handle})`);
    const at = this.queue.findIndex((q, i) => i >= this.head && q.handle === handle);
    if (at < 0) return undefined;
    const [entry] = this.queue.splice(at, 1);
    return entry;
  }

  apply(e: TraceEvent): void {
    const internal = this.isInternal(e);
    this.topLine = topLine(e) ?? this.topLine;
    this.t = e.t;
    this.prev = e;
    switch (e.kind) {
      case "loop-start":
        this.loopDepth++;
        this.activity = { state: "idle" };
        break;
      case "loop-end":
        this.loopDepth--;
        this.activity = this.loopDepth > 0 ? { state: "idle" } : { state: "no-loop" };
        this.passLeft = 0;
        this.passOpen = false;
        break;
      case "task-created":
        this.tasks.set(e.task, { id: e.task, name: e.name, coro: e.coro, internal: e.internal === true, parent: e.parent, state: "ready", since: e.seq });
        if (e.parent !== undefined && e.line !== undefined) this.setLine(e.parent, e.line);
        break;
      case "handle-queued":
        if (internal) this.internalHandles.add(e.handle);
        this.push({ handle: e.handle, why: whyOf(e.role, e.label), task: e.role === "step" ? e.task : undefined, label: e.label, since: e.seq });
        if (e.role === "step" && e.task !== undefined) {
          const task = this.tasks.get(e.task);
          if (task && task.state !== "done") {
            task.state = "ready";
            task.since = e.seq;
          }
        }
        break;
      case "timer-fired": {
        if (this.passLeft === 0) this.passOpen = true;
        this.timers.delete(e.timer);
        const info = this.timerInfo.get(e.timer);
        if (info && this.internalHandles.has(e.timer)) this.internalHandles.add(e.handle);
        this.push({ handle: e.handle, why: "timer", label: info?.label ?? `timer ${e.timer}`, since: e.seq });
        this.activity = this.loopDepth > 0 ? { state: "idle" } : this.activity;
        break;
      }
      case "handle-run": {
        if (this.passLeft === 0) {
          this.pass++;
          this.passBegan = e.seq;
          this.passLeft = this.readyLength;
          this.passOpen = false;
        }
        this.passLeft = Math.max(0, this.passLeft - 1);
        const entry = this.pop(e.handle);
        this.actor = { handle: e.handle, task: entry?.task };
        this.lastDone = undefined;
        this.activity = e.skipped || entry?.task !== undefined ? { state: "idle" } : { state: "callback", handle: e.handle, label: entry?.label ?? `handle ${e.handle}` };
        break;
      }
      case "task-resumed": {
        const task = this.tasks.get(e.task);
        if (!task) break;
        task.state = "running";
        task.on = undefined;
        task.since = e.seq;
        if (e.line !== undefined) task.line = e.line;
        this.actor = { task: e.task };
        this.activity = { state: "task", task: e.task, name: task.name, coro: task.coro, line: task.line };
        this.stepping.push(e.task);
        break;
      }
      case "task-suspended": {
        const task = this.tasks.get(e.task);
        if (!task) break;
        task.state = e.on.what === "yield" ? "ready" : "waiting";
        task.on = e.on;
        task.since = e.seq;
        if (e.line !== undefined) task.line = e.line;
        this.endStep(e.task);
        break;
      }
      case "task-done": {
        const task = this.tasks.get(e.task);
        if (!task) break;
        Object.assign(task, { state: "done", outcome: e.outcome, value: e.value, on: undefined, since: e.seq });
        this.lastDone = e.task;
        if (this.activity.state === "task" && this.activity.task === e.task) this.endStep(e.task);
        break;
      }
      case "timer-set":
        this.timers.set(e.timer, { due: e.due, label: e.label, task: e.task, since: e.seq });
        this.timerInfo.set(e.timer, { label: e.label, task: e.task });
        if (internal) this.internalHandles.add(e.timer);
        break;
      case "timer-cancelled":
        this.timers.delete(e.timer);
        break;
      case "pool-created":
        this.pools.set(e.pool, { name: e.name, kind: e.poolKind, maxWorkers: e.maxWorkers, queued: [] });
        break;
      case "job-queued":
        this.jobs.set(e.job, { label: e.label, pool: e.pool });
        this.pools.get(e.pool)?.queued.push({ job: e.job, label: e.label });
        break;
      case "job-started": {
        const pool = this.pools.get(e.pool);
        if (pool) pool.queued = pool.queued.filter((q) => q.job !== e.job);
        const job = this.jobs.get(e.job)?.label;
        this.lanes.set(e.lane, { lane: e.lane, name: e.laneName, pool: pool?.name ?? "", poolKind: pool?.kind ?? "thread", job, state: "running", since: e.seq });
        break;
      }
      case "job-done": {
        const lane = e.lane === undefined ? undefined : this.lanes.get(e.lane);
        if (lane) Object.assign(lane, { job: undefined, state: "idle", label: undefined, until: undefined, since: e.seq });
        const pool = this.pools.get(this.jobs.get(e.job)?.pool ?? -1);
        if (pool) pool.queued = pool.queued.filter((q) => q.job !== e.job);
        break;
      }
      case "blocking-start":
        if (e.lane !== undefined) {
          const lane = this.lanes.get(e.lane);
          if (lane) Object.assign(lane, { state: e.work === "gil" ? "ready" : "blocked", label: e.label, until: e.until, since: e.seq });
          break;
        }
        if (e.task !== undefined) {
          const task = this.tasks.get(e.task);
          if (task) Object.assign(task, { state: "blocked", since: e.seq, line: e.line ?? task.line });
        }
        this.activity = { state: "blocked", label: e.label, until: e.until, task: e.task, name: e.task === undefined ? undefined : this.taskName(e.task) };
        break;
      case "blocking-end": {
        if (e.lane !== undefined) {
          const lane = this.lanes.get(e.lane);
          if (lane) Object.assign(lane, { state: "running", label: undefined, until: undefined, since: e.seq });
          break;
        }
        const task = e.task === undefined ? undefined : this.tasks.get(e.task);
        if (task) {
          task.state = "running";
          task.since = e.seq;
          this.activity = { state: "task", task: task.id, name: task.name, coro: task.coro, line: task.line };
        } else this.activity = this.loopDepth > 0 ? { state: "idle" } : { state: "no-loop" };
        break;
      }
      case "print":
        this.console.push(...printedLines(e, e.lane === undefined ? undefined : this.laneName(e.lane)));
        if (e.task !== undefined && e.line !== undefined) this.setLine(e.task, e.line);
        break;
      case "program-end":
        break;
    }
    // Events recorded while a task runs carry the line it is at.
    const fromWorker = "lane" in e && e.lane !== undefined;
    const ownLine = e.kind === "task-resumed" || e.kind === "task-suspended" || e.kind === "task-done";
    if (e.line !== undefined && this.activity.state === "task" && !ownLine && !fromWorker) this.setLine(this.activity.task, e.line);
  }

  // A task's step ended: the loop is idle again, or the caller of an eager start goes on.
  private endStep(task: number): void {
    this.stepping = this.stepping.filter((id) => id !== task);
    const caller = this.tasks.get(this.stepping[this.stepping.length - 1] ?? -1);
    if (caller) this.actor = { task: caller.id };
    this.activity = caller ? { state: "task", task: caller.id, name: caller.name, coro: caller.coro, line: caller.line } : { state: "idle" };
  }

  private setLine(task: number, line: number): void {
    const record = this.tasks.get(task);
    if (!record) return;
    record.line = line;
    if (this.activity.state === "task" && this.activity.task === task) this.activity = { ...this.activity, line };
  }

  /** A copy of the state for the views; `after` is the previous step's seq (what came later is fresh). */
  snapshot(step: Step, index: number, after: number): StepState {
    const lastTopLine = this.topLine;
    const fresh = (since: number) => since > after;
    const queue = this.queue.slice(this.head);
    const ready: ReadyItem[] = queue.map((q, i) => ({
      handle: q.handle,
      name: q.task !== undefined ? this.taskName(q.task) : q.label,
      why: q.why,
      task: q.task,
      label: q.label,
      thisPass: this.passOpen || i < this.passLeft,
      fresh: fresh(q.since),
    }));
    const visible = [...this.tasks.values()].filter((t) => !t.internal);
    const waiting = visible
      .filter((t) => t.state === "waiting" && t.on)
      .map((t) => ({ task: t.id, name: t.name, coro: t.coro, line: t.line, on: t.on!, fresh: fresh(t.since) }));
    const done = visible
      .filter((t) => t.state === "done")
      .map((t) => ({ task: t.id, name: t.name, coro: t.coro, outcome: t.outcome!, value: t.value, fresh: fresh(t.since) }));
    const timers = [...this.timers.entries()]
      .map(([timer, v]) => ({ timer, due: v.due, label: v.label, task: v.task, fresh: fresh(v.since) }))
      .sort((a, b) => a.due - b.due || a.timer - b.timer);
    const markers: LineMarker[] = [];
    for (const t of visible) {
      if (t.line === undefined || t.state === "done") continue;
      markers.push({ line: t.line, state: t.state, task: t.id, name: t.name });
    }
    if (this.activity.state === "blocked" && this.activity.task === undefined && lastTopLine !== undefined)
      markers.push({ line: lastTopLine, state: "blocked", name: "Main thread" });
    else if (this.activity.state !== "task" && this.loopDepth === 0 && lastTopLine !== undefined)
      markers.push({ line: lastTopLine, state: "running", name: "Main thread" });
    return {
      ...step,
      index,
      loopRunning: this.loopDepth > 0,
      activity: { ...this.activity },
      ready,
      waiting,
      done,
      timers,
      console: this.console.slice(),
      markers,
      pass: this.pass,
      workers: [...this.lanes.values()].map(({ since, ...lane }) => ({ ...lane, fresh: fresh(since) })),
      poolQueues: [...this.pools.entries()]
        .filter(([, p]) => p.queued.length)
        .map(([pool, p]) => ({ pool, name: p.name, maxWorkers: p.maxWorkers, queued: p.queued.map((q) => q.label) })),
    };
  }
}

/** The line a top-level event (outside any task) points at: where the main thread is. */
function topLine(e: TraceEvent): number | undefined {
  if (e.kind === "print" || e.kind === "blocking-start") return e.task === undefined && e.lane === undefined ? e.line : undefined;
  if (e.kind === "task-created") return e.parent === undefined && !e.internal ? e.line : undefined;
  if (e.kind === "program-end") return e.line;
  return undefined;
}

// The sentence for a step drawn at `e`, read from the state just before `e` is applied.
function narrate(e: TraceEvent, next: TraceEvent | undefined, r: Replay): string {
  const name = (id: number | undefined) => r.taskName(id);
  const who = (id: number | undefined) => (id === undefined ? "The program" : name(id));
  const at = (line: number | undefined) => (line === undefined ? "" : ` at line ${line}`);
  // Where a handle joins the queue: the queue before `e` is applied, plus one.
  const joins = () => (r.readyLength === 0 ? "joins the empty ready queue" : `joins the back of the ready queue, position ${r.readyLength + 1}`);
  const loop = r.passLeft === 0 ? "A new pass of the loop begins: the loop" : "The loop";
  switch (e.kind) {
    case "loop-start":
      return `run() starts an event loop at t=${fmt(e.t)}; its ready queue is empty.`;
    case "loop-end":
      return `run() finishes its shutdown steps and closes the event loop at t=${fmt(e.t)}.`;
    case "program-end":
      return e.error ? `The program stops at t=${fmt(e.t)}: ${firstLine(e.error)}` : `The program ends at t=${fmt(e.t)}.`;
    case "task-created": {
      const parent = e.parent === undefined ? "The program" : name(e.parent);
      return `${parent} creates ${e.name} (${e.coro})${at(e.line)}.`;
    }
    case "handle-queued": {
      if (e.role === "step" && e.task !== undefined) {
        const task = r.tasks.get(e.task);
        const why = whyOf(e.role, e.label);
        if (why === "start" && task) {
          const parent = task.parent === undefined ? "run()" : name(task.parent);
          return `${parent} creates ${task.name} for ${task.coro}(); its first step ${joins()}.`;
        }
        if (why === "resume") return `${name(e.task)} goes straight back: its next step ${joins()}.`;
        const on = task?.on;
        const because = on ? (on.task !== undefined && on.task === r.lastDone ? `${on.label} is done` : `${on.label} is over`) : "what it waited on is done";
        return `${name(e.task)} is woken because ${because}: its next step ${joins()}.`;
      }
      if (e.label === "_read_from_self")
        return `A worker wrote to the loop's self-pipe when it handed its result over, so the loop's select wakes up and queues ${quote(e.label)}, which empties the pipe; it ${joins()}.`;
      if (e.label.startsWith("_set_state of "))
        return `${e.label.slice(14)} is done in its worker, which hands the outcome to the loop (call_soon_threadsafe): the callback ${quote(e.label)} ${joins()}.`;
      const cause = r.lastDone !== undefined ? `${name(r.lastDone)} is done, so its callback ${quote(e.label)}` : `The callback ${quote(e.label)}`;
      return `${cause} ${joins()}.`;
    }
    case "timer-fired": {
      const timer = r.timers.get(e.timer);
      const label = quote(timer?.label ?? `timer ${e.timer}`);
      const when = e.t > r.t ? `Nothing is ready, so the clock jumps to the next timer, t=${fmt(e.t)}` : `At t=${fmt(e.t)}`;
      return `${when}: the timer ${label} is due and ${joins()}.`;
    }
    case "handle-run": {
      const head = r.queueHead();
      const label = head?.task !== undefined ? name(head.task) : quote(head?.label ?? `handle ${e.handle}`);
      if (e.skipped) return `${loop} takes ${label} from the head of the ready queue, but it was cancelled, so it is skipped.`;
      return `${loop} takes ${label} from the head of the ready queue and runs it.`;
    }
    case "task-resumed": {
      const task = r.tasks.get(e.task);
      // The handle-run just before is folded into this step: it tells whether a pass began with it.
      const pass = r.prev?.kind === "handle-run" && r.passBegan === r.prev.seq ? "A new pass of the loop begins: the loop" : "The loop";
      // An eager start (JavaScript's model): no queue, the call runs at once inside the caller's step.
      if (e.first && r.prev?.kind === "task-created" && r.prev.task === e.task) {
        const caller = r.activity.state === "task" ? r.activity.name : "The program";
        return `${caller} calls ${task?.coro ?? "it"}()${at(r.prev.line)}: in JavaScript's eager model the call starts at once, as ${name(e.task)}, before ${caller === "The program" ? "the program" : caller} goes on.`;
      }
      if (e.first) return `${pass} takes ${name(e.task)} from the head of the ready queue and starts ${task?.coro ?? "it"}()${at(e.line)}.`;
      const after = task?.on ? `, where it waited on ${task.on.label}` : "";
      return `${pass} takes ${name(e.task)} from the head of the ready queue; it resumes${at(e.line)}${after}.`;
    }
    case "task-suspended": {
      if (e.on.what === "yield") return `${name(e.task)} yields${at(e.line)} with sleep(0), giving every other ready handle a turn.`;
      const target = e.on.task !== undefined ? r.tasks.get(e.on.task) : undefined;
      const what = target ? `${target.name} (${target.coro})` : e.on.label;
      const until = e.on.until !== undefined ? ` until t=${fmt(e.on.until)}` : "";
      const caller = r.tasks.get(r.stepping[r.stepping.length - 2] ?? -1);
      const back = caller ? `; ${caller.name}, which called it, goes on` : "";
      return `${name(e.task)} suspends${at(e.line)}, waiting on ${what}${until}${back}.`;
    }
    case "task-done": {
      const task = r.tasks.get(e.task);
      // Future.__schedule_callbacks queues every done callback right after the task is done.
      const awaited = next?.kind === "handle-queued";
      if (e.outcome === "cancelled") return `${name(e.task)} is cancelled.`;
      if (e.outcome === "exception") return `${name(e.task)} ends with an exception: ${firstLine(e.value ?? "")}.`;
      const keep = awaited ? "" : "; nobody awaits it yet, so the result waits in the task";
      return `${name(e.task)} is done: ${task?.coro ?? "it"}() returned ${e.value ?? "None"}${keep}.`;
    }
    case "timer-set": {
      const own = /^(.*) timer of (.+)$/.exec(e.label);
      const setter = r.activity.state === "task" ? r.activity.name : "The loop";
      const what = own && own[2] === setter ? `a timer for its ${own[1]}` : `the timer ${quote(e.label)}`;
      return `${setter} sets ${what}, due at t=${fmt(e.due)}.`;
    }
    case "timer-cancelled": {
      const timer = r.timers.get(e.timer);
      return `The timer ${quote(timer?.label ?? `timer ${e.timer}`)}${timer ? ` (due at t=${fmt(timer.due)})` : ""} is cancelled.`;
    }
    case "pool-created":
      return `The program makes a ${e.name} of up to ${e.maxWorkers} ${e.poolKind === "thread" ? "threads" : "processes"}${at(e.line)}.`;
    case "job-queued": {
      const pool = r.pools.get(e.pool);
      const busy = pool ? [...r.lanes.values()].filter((l) => l.pool === pool.name && l.job !== undefined).length : 0;
      const full = pool && busy >= pool.maxWorkers ? `; all ${pool.maxWorkers} of its workers are busy, so it waits in the pool's queue` : "";
      return `${who(e.task)} hands ${e.label} to the ${pool?.name ?? "pool"}${at(e.line)}${full}.`;
    }
    case "job-started": {
      const known = r.lanes.has(e.lane) ? "" : " (a new worker)";
      return `${e.laneName}${known} starts ${r.jobs.get(e.job)?.label ?? "a job"}, in parallel with the event loop.`;
    }
    case "job-done": {
      const label = r.jobs.get(e.job)?.label ?? "A job";
      if (e.outcome === "cancelled") return `${label} is cancelled before any worker started it.`;
      const where = e.lane === undefined ? "" : ` in ${r.laneName(e.lane)}`;
      const how = e.outcome === "exception" ? `raises ${e.value ?? "an exception"}` : `returns ${e.value ?? "None"}`;
      return `${label}${where} ${how}; the worker tells the loop (call_soon_threadsafe), and is free for the next job.`;
    }
    case "blocking-start": {
      if (e.lane !== undefined && e.work === "gil")
        return `${r.laneName(e.lane)} wants to compute, but another thread holds the GIL (only one thread runs Python code at a time): it waits until t=${fmt(e.until)}.`;
      if (e.lane !== undefined) return `${r.laneName(e.lane)} calls ${e.label}${at(e.line)}: that ${e.work === "cpu" ? "worker computes" : "worker sleeps"} until t=${fmt(e.until)}; the event loop is not held.`;
      const nothing = r.loopDepth > 0 ? ", and the event loop cannot run anything else" : "";
      return `${who(e.task)} calls ${e.label}${at(e.line)}: the thread is blocked until t=${fmt(e.until)}${nothing}.`;
    }
    case "blocking-end":
      if (e.lane !== undefined) return `${r.laneName(e.lane)}'s blocking call returns at t=${fmt(e.t)}.`;
      return `The blocking call returns at t=${fmt(e.t)}; ${e.task === undefined ? "the program" : name(e.task)} goes on.`;
    case "print": {
      const text = e.text.includes("\n") ? `${firstLine(e.text)}…` : e.text;
      if (e.stream === "stderr") return `A message is written to stderr: ${quote(text)}.`;
      const speaker = e.lane !== undefined ? r.laneName(e.lane) : who(e.task);
      return `${speaker} prints ${quote(text)}${at(e.line)}.`;
    }
  }
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
