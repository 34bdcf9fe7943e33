// Derive the timing diagram's data from a trace: one lane for the thread (the event loop, once one
// runs) and one per task, each a list of state intervals in virtual time. Pure: events in, lanes out.
import type { TraceEvent } from "./trace.ts";

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
  kind: "thread" | "task";
  /** "Event loop", "Main thread" or a task name such as "Task-2". */
  name: string;
  /** For tasks: the coroutine, e.g. "fetchData()". */
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
      case "blocking-start":
        enter(thread, "blocked", e, e.label);
        if (e.task !== undefined) enter(tasks.get(e.task), "blocked", e, e.label);
        break;
      case "blocking-end":
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
  for (const lane of [thread, ...tasks.values()]) enter(lane, null, closing);
  const lanes = [thread, ...tasks.values()].map(({ open: _open, ...lane }) => lane);
  return { lanes, end };
}
