// Derive the timing diagram's data from a trace: one lane for the main thread (the event loop, once
// one runs), one per task, one per thread or process of a pool (a worker), and one per pool queue
// that ever held a job, each a list of state intervals in time. Pure: events in, lanes out.
import { IntervalColumns, Intervals, type LaneState } from "./intervals.ts";
import type { TraceEvent } from "./schema.ts";

export type { Interval, LaneState } from "./intervals.ts";

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
  intervals: Intervals;
}

/** Every lane of a run, and the virtual time it ended. */
export interface Timeline {
  lanes: Lane[];
  end: number;
}

/** A lane while the timeline is built: its intervals are in the builder's columns, lane number `index`'s. */
interface OpenLane extends Omit<Lane, "intervals"> {
  index: number;
  /** The open interval's index in the columns (-1: none), its state and label. */
  open: number;
  openState: LaneState | null;
  openLabel: string | undefined;
}

/** Whether a job ever waited in a pool's queue: a queue where none did is not drawn. */
function waitedIn(queue: Intervals): boolean {
  for (let i = 0; i < queue.length; i++) if (queue.to(i) > queue.from(i)) return true;
  return false;
}

/** Derive lanes and their state intervals from a trace. */
export function deriveTimeline(events: readonly TraceEvent[]): Timeline {
  const builder = new TimelineBuilder();
  for (const e of events) builder.add(e);
  return builder.finish();
}

/** The timeline built one event at a time (a page spreads a long trace over many frames). */
export class TimelineBuilder {
  private readonly columns = new IntervalColumns();
  private lanesMade = 0;
  private readonly thread = this.openLane("thread", "thread", "Main thread");
  private readonly tasks = new Map<number, OpenLane>();
  private readonly workers = new Map<number, OpenLane>();
  private readonly pools = new Map<number, { kind: "thread" | "process"; name: string; queued: number; lane: OpenLane }>();
  private readonly jobs = new Map<number, { label: string; pool: number }>();
  private readonly workerJob = new Map<number, string | undefined>();
  private loopDepth = 0;
  private end = 0;
  private count = 0;
  private finished: Timeline | undefined;

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
        tasks.set(e.task, this.openLane(`task-${e.task}`, "task", e.name, `${e.coro}()`));
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
        pools.set(e.pool, { kind: e.poolKind, name: e.name, queued: 0, lane: this.openLane(`queue-${e.pool}`, "queue", `${e.name} queue`) });
        break;
      case "job-queued":
        jobs.set(e.job, { label: e.label, pool: e.pool });
        this.queueChange(e.pool, +1, e);
        break;
      case "job-started": {
        this.queueChange(e.pool, -1, e);
        if (!workers.has(e.lane))
          workers.set(e.lane, this.openLane(`worker-${e.lane}`, "worker", e.laneName, pools.get(e.pool)?.kind ?? "thread"));
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

  /** The timeline of every event added: lanes closed at the last event's time. Events are added
   *  before it, not after. */
  finish(): Timeline {
    if (this.finished) return this.finished;
    const closing: TraceEvent = { kind: "program-end", seq: this.count, t: this.end };
    const queues = [...this.pools.values()].map((p) => p.lane);
    const all = [this.thread, ...this.tasks.values(), ...this.workers.values(), ...queues];
    for (const lane of all) this.enter(lane, null, closing);
    const starts = this.columns.groupByLane(this.lanesMade);
    const intervalsOf = ({ index }: OpenLane) => new Intervals(this.columns, starts[index], starts[index + 1] - starts[index]);
    const lanes = all.map((lane): Lane => ({ id: lane.id, kind: lane.kind, name: lane.name, detail: lane.detail, outcome: lane.outcome, intervals: intervalsOf(lane) }));
    return (this.finished = { lanes: lanes.filter((lane) => lane.kind !== "queue" || waitedIn(lane.intervals)), end: this.end });
  }

  // A lane is made with every field, `outcome` too (a task's comes at its end): a field given after
  // an object is made goes to a property store of its own, one for each lane of a big run.
  private openLane(id: string, kind: Lane["kind"], name: string, detail?: string): OpenLane {
    return { id, kind, name, detail, outcome: undefined, index: this.lanesMade++, open: -1, openState: null, openLabel: undefined };
  }

  private enter(lane: OpenLane | undefined, state: LaneState | null, e: TraceEvent, label?: string): void {
    if (!lane) return;
    if (lane.open >= 0) {
      if (lane.openState === state && lane.openLabel === label) return;
      this.columns.close(lane.open, e.t);
    }
    lane.open = state ? this.columns.open(lane.index, e.t, state, label, e.seq) : -1;
    lane.openState = state;
    lane.openLabel = label;
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
