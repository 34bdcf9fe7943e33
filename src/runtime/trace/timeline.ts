// Derive the timing diagram's data from a trace: one lane for the main thread (the event loop, once
// one runs), one per task, one per thread or process of a pool (a worker), and one per pool queue
// that ever held a job, each a list of state intervals in time. Pure: events in, lanes out.
import type { TraceEvent } from "./schema.ts";

/** What a lane is doing: running code, ready to run, waiting on something, or blocked by a blocking call. */
export type LaneState = "running" | "ready" | "waiting" | "blocked";

/** One stretch of one state; `from === to` for steps that take no virtual time. */
export interface Interval {
  from: number;
  to: number;
  state: LaneState;
  /** What it waits on or blocks in, e.g. "sleep(1)". */
  label?: string;
  /** Trace position where the interval starts. */
  seq: number;
}

/** A row of the diagram. */
export interface Lane {
  id: string;
  kind: "thread" | "task" | "worker" | "queue";
  /** "Event loop", "Main thread", a task name such as "Task-2", a worker such as "asyncio_0". */
  name: string;
  /** For tasks: the coroutine, e.g. "fetchData()"; for workers: "thread" or "process". */
  detail?: string;
  /** For tasks: how it ended. */
  outcome?: "result" | "exception" | "cancelled";
  intervals: Interval[];
}

/** Every lane of a run, and the virtual time it ended. */
export interface Timeline {
  lanes: Lane[];
  end: number;
}

interface OpenLane extends Lane {
  open: Interval | null;
}

/** Derive lanes and their state intervals from a trace. */
export function deriveTimeline(events: readonly TraceEvent[]): Timeline {
  const builder = new TimelineBuilder();
  for (const e of events) builder.add(e);
  return builder.finish();
}

/** The timeline built one event at a time (a page spreads a long trace over many frames). */
export class TimelineBuilder {
  private readonly thread: OpenLane = { id: "thread", kind: "thread", name: "Main thread", intervals: [], open: null };
  private readonly tasks = new Map<number, OpenLane>();
  private readonly workers = new Map<number, OpenLane>();
  private readonly pools = new Map<number, { kind: "thread" | "process"; name: string; queued: number; lane: OpenLane }>();
  private readonly jobs = new Map<number, { label: string; pool: number }>();
  private readonly workerJob = new Map<number, string | undefined>();
  private loopDepth = 0;
  private end = 0;
  private count = 0;

  constructor() {
    this.enter(this.thread, "running", { kind: "loop-start", seq: 0, t: 0, loop: 0 });
  }

  /** Apply the next event of the trace. */
  add(e: TraceEvent): void {
    const { thread, tasks, workers, pools, jobs, workerJob } = this;
    this.end = e.t;
    this.count++;
    switch (e.kind) {
      case "loop-start":
        this.loopDepth++;
        thread.name = "Event loop";
        this.enter(thread, "waiting", e, this.idleLabel());
        break;
      case "loop-end":
        this.loopDepth--;
        this.enter(thread, this.threadIdle(), e, this.idleLabel());
        break;
      case "task-created":
        if (e.internal) break;
        tasks.set(e.task, { id: `task-${e.task}`, kind: "task", name: e.name, detail: `${e.coro}()`, intervals: [], open: null });
        this.enter(tasks.get(e.task), "ready", e);
        break;
      case "handle-queued":
        if (e.role === "step" && e.task !== undefined) this.enter(tasks.get(e.task), "ready", e);
        break;
      case "task-resumed":
        this.enter(tasks.get(e.task), "running", e);
        break;
      case "task-suspended":
        this.enter(tasks.get(e.task), "waiting", e, e.on.label);
        break;
      case "pool-created":
        pools.set(e.pool, { kind: e.poolKind, name: e.name, queued: 0, lane: { id: `queue-${e.pool}`, kind: "queue", name: `${e.name} queue`, intervals: [], open: null } });
        break;
      case "job-queued":
        jobs.set(e.job, { label: e.label, pool: e.pool });
        this.queueChange(e.pool, +1, e);
        break;
      case "job-started": {
        this.queueChange(e.pool, -1, e);
        if (!workers.has(e.lane))
          workers.set(e.lane, { id: `worker-${e.lane}`, kind: "worker", name: e.laneName, detail: pools.get(e.pool)?.kind ?? "thread", intervals: [], open: null });
        workerJob.set(e.lane, jobs.get(e.job)?.label);
        this.enter(workers.get(e.lane), "running", e, workerJob.get(e.lane));
        break;
      }
      case "job-done":
        // Without a lane it never started: it leaves the queue, cancelled.
        if (e.lane === undefined) this.queueChange(jobs.get(e.job)?.pool, -1, e);
        else this.enter(workers.get(e.lane), null, e);
        break;
      case "blocking-start": {
        // cpu() is code running (solid) for its task or worker; a blocking wait is blocked; waiting
        // for the GIL is ready (the thread could run, but another holds the interpreter). The
        // loop's own lane is blocked either way: nothing else on the loop can run.
        const own = e.work === "cpu" ? "running" : e.work === "gil" ? "ready" : "blocked";
        if (e.lane !== undefined) {
          this.enter(workers.get(e.lane), own, e, e.label);
          break;
        }
        this.enter(thread, "blocked", e, e.label);
        if (e.task !== undefined) this.enter(tasks.get(e.task), own, e, e.label);
        break;
      }
      case "blocking-end":
        if (e.lane !== undefined) {
          this.enter(workers.get(e.lane), "running", e, workerJob.get(e.lane));
          break;
        }
        this.enter(thread, this.threadIdle(), e, this.idleLabel());
        if (e.task !== undefined) this.enter(tasks.get(e.task), "running", e);
        break;
      case "task-done": {
        const lane = tasks.get(e.task);
        if (lane) lane.outcome = e.outcome;
        this.enter(lane, null, e);
        break;
      }
    }
  }

  /** The timeline of every event added: lanes closed at the last event's time. */
  finish(): Timeline {
    const closing: TraceEvent = { kind: "program-end", seq: this.count, t: this.end };
    const queues = [...this.pools.values()].map((p) => p.lane);
    const all = [this.thread, ...this.tasks.values(), ...this.workers.values(), ...queues];
    for (const lane of all) this.enter(lane, null, closing);
    // A queue where no job ever had to wait is not drawn.
    const drawn = all.filter((lane) => lane.kind !== "queue" || lane.intervals.some((iv) => iv.to > iv.from));
    const lanes = drawn.map(({ open: _open, ...lane }) => lane);
    return { lanes, end: this.end };
  }

  private enter(lane: OpenLane | undefined, state: LaneState | null, e: TraceEvent, label?: string): void {
    if (!lane) return;
    if (lane.open) {
      if (lane.open.state === state && lane.open.label === label) return;
      lane.open.to = e.t;
      lane.intervals.push(lane.open);
    }
    lane.open = state ? { from: e.t, to: e.t, state, label, seq: e.seq } : null;
  }

  // A pool's queue lane is "ready" (stripes) while jobs wait in it for a free worker.
  private queueChange(poolId: number | undefined, delta: number, e: TraceEvent): void {
    const pool = poolId === undefined ? undefined : this.pools.get(poolId);
    if (!pool) return;
    pool.queued += delta;
    this.enter(pool.lane, pool.queued > 0 ? "ready" : null, e, `${pool.queued} job${pool.queued === 1 ? "" : "s"} waiting`);
  }

  private threadIdle(): LaneState {
    return this.loopDepth > 0 ? "waiting" : "running";
  }

  private idleLabel(): string | undefined {
    return this.loopDepth > 0 ? "idle: waiting for the next timer or I/O" : undefined;
  }
}
