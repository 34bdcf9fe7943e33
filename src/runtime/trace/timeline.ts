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
  const end = events.length ? events[events.length - 1].t : 0;
  const thread: OpenLane = { id: "thread", kind: "thread", name: "Main thread", intervals: [], open: null };
  const tasks = new Map<number, OpenLane>();
  const workers = new Map<number, OpenLane>();
  const pools = new Map<number, { kind: "thread" | "process"; name: string; queued: number; lane: OpenLane }>();
  const jobs = new Map<number, { label: string; pool: number }>();
  const workerJob = new Map<number, string | undefined>();
  let loopDepth = 0;

  const enter = (lane: OpenLane | undefined, state: LaneState | null, e: TraceEvent, label?: string) => {
    if (!lane) return;
    if (lane.open) {
      if (lane.open.state === state && lane.open.label === label) return;
      lane.open.to = e.t;
      lane.intervals.push(lane.open);
    }
    lane.open = state ? { from: e.t, to: e.t, state, label, seq: e.seq } : null;
  };
  // A pool's queue lane is "ready" (stripes) while jobs wait in it for a free worker.
  const queueChange = (poolId: number | undefined, delta: number, e: TraceEvent) => {
    const pool = poolId === undefined ? undefined : pools.get(poolId);
    if (!pool) return;
    pool.queued += delta;
    enter(pool.lane, pool.queued > 0 ? "ready" : null, e, `${pool.queued} job${pool.queued === 1 ? "" : "s"} waiting`);
  };
  const threadIdle = () => (loopDepth > 0 ? "waiting" : "running");
  const idleLabel = () => (loopDepth > 0 ? "idle: waiting for the next timer or I/O" : undefined);

  enter(thread, "running", { kind: "loop-start", seq: 0, t: 0, loop: 0 });
  for (const e of events) {
    switch (e.kind) {
      case "loop-start":
        loopDepth++;
        thread.name = "Event loop";
        enter(thread, "waiting", e, idleLabel());
        break;
      case "loop-end":
        loopDepth--;
        enter(thread, threadIdle(), e, idleLabel());
        break;
      case "task-created":
        if (e.internal) break;
        tasks.set(e.task, { id: `task-${e.task}`, kind: "task", name: e.name, detail: `${e.coro}()`, intervals: [], open: null });
        enter(tasks.get(e.task), "ready", e);
        break;
      case "handle-queued":
        if (e.role === "step" && e.task !== undefined) enter(tasks.get(e.task), "ready", e);
        break;
      case "task-resumed":
        enter(tasks.get(e.task), "running", e);
        break;
      case "task-suspended":
        enter(tasks.get(e.task), "waiting", e, e.on.label);
        break;
      case "pool-created":
        pools.set(e.pool, { kind: e.poolKind, name: e.name, queued: 0, lane: { id: `queue-${e.pool}`, kind: "queue", name: `${e.name} queue`, intervals: [], open: null } });
        break;
      case "job-queued":
        jobs.set(e.job, { label: e.label, pool: e.pool });
        queueChange(e.pool, +1, e);
        break;
      case "job-started": {
        queueChange(e.pool, -1, e);
        if (!workers.has(e.lane))
          workers.set(e.lane, { id: `worker-${e.lane}`, kind: "worker", name: e.laneName, detail: pools.get(e.pool)?.kind ?? "thread", intervals: [], open: null });
        workerJob.set(e.lane, jobs.get(e.job)?.label);
        enter(workers.get(e.lane), "running", e, workerJob.get(e.lane));
        break;
      }
      case "job-done":
        // Without a lane it never started: it leaves the queue, cancelled.
        if (e.lane === undefined) queueChange(jobs.get(e.job)?.pool, -1, e);
        else enter(workers.get(e.lane), null, e);
        break;
      case "blocking-start": {
        // cpu() is code running (solid) for its task or worker; a blocking wait is blocked; waiting
        // for the GIL is ready (the thread could run, but another holds the interpreter). The
        // loop's own lane is blocked either way: nothing else on the loop can run.
        const own = e.work === "cpu" ? "running" : e.work === "gil" ? "ready" : "blocked";
        if (e.lane !== undefined) {
          enter(workers.get(e.lane), own, e, e.label);
          break;
        }
        enter(thread, "blocked", e, e.label);
        if (e.task !== undefined) enter(tasks.get(e.task), own, e, e.label);
        break;
      }
      case "blocking-end":
        if (e.lane !== undefined) {
          enter(workers.get(e.lane), "running", e, workerJob.get(e.lane));
          break;
        }
        enter(thread, threadIdle(), e, idleLabel());
        if (e.task !== undefined) enter(tasks.get(e.task), "running", e);
        break;
      case "task-done": {
        const lane = tasks.get(e.task);
        if (lane) lane.outcome = e.outcome;
        enter(lane, null, e);
        break;
      }
    }
  }
  const closing: TraceEvent = { kind: "program-end", seq: events.length, t: end };
  const queues = [...pools.values()].map((p) => p.lane);
  const all = [thread, ...tasks.values(), ...workers.values(), ...queues];
  for (const lane of all) enter(lane, null, closing);
  // A queue where no job ever had to wait is not drawn.
  const drawn = all.filter((lane) => lane.kind !== "queue" || lane.intervals.some((iv) => iv.to > iv.from));
  const lanes = drawn.map(({ open: _open, ...lane }) => lane);
  return { lanes, end };
}
