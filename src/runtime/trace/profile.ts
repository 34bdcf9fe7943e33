// Where the time went, per function: the profiler's view of a run (the lesson's Scalene step). The
// timing diagram summed up by function instead of by lane, in the diagram's four states:
//   computing  running code (a task's steps, a job in a worker, the main program) or cpu(s);
//   waiting    suspended at an await (a timer, a download, another task, a job);
//   blocked    holding a thread in a blocking call that waits (blockingSleep, httpGet);
//   ready      able to run, but queued: for the loop (ready queue) or for a worker (pool queue).
// Mostly waiting or blocked: I/O-bound. Mostly computing: CPU-bound. Pure: events in, rows out.
import type { TraceEvent } from "./schema.ts";

/** Seconds one function spent in each state, over all its calls (tasks or jobs). */
export interface ProfileRow {
  /** The coroutine of a task, the function of a job, a blocking call, or "main program". */
  fn: string;
  /** How many tasks or jobs ran it (0 for the main program and blocking calls outside tasks). */
  calls: number;
  computing: number;
  waiting: number;
  blocked: number;
  ready: number;
}

/** The four states, in drawing order. */
export const PROFILE_STATES = ["computing", "waiting", "blocked", "ready"] as const;
export type ProfileState = (typeof PROFILE_STATES)[number];

/** The main program's own time, outside any task or job. */
export const MAIN_PROGRAM = "main program";

interface Clocked {
  fn: string;
  state: ProfileState | null;
  since: number;
}

/** Per-function time in each state, biggest total first. */
export function deriveProfile(events: readonly TraceEvent[]): ProfileRow[] {
  const rows = new Map<string, ProfileRow>();
  const row = (fn: string) => {
    let found = rows.get(fn);
    if (!found) rows.set(fn, (found = { fn, calls: 0, computing: 0, waiting: 0, blocked: 0, ready: 0 }));
    return found;
  };
  // Close the current stretch of `who` at time t and start the next one.
  const move = (who: Clocked | undefined, state: ProfileState | null, t: number) => {
    if (!who) return;
    if (who.state) row(who.fn)[who.state] += t - who.since;
    [who.state, who.since] = [state, t];
  };
  const tasks = new Map<number, Clocked>();
  const jobs = new Map<number, Clocked>();
  const laneJob = new Map<number, number>();
  const main: Clocked = { fn: MAIN_PROGRAM, state: "computing", since: 0 };
  let loops = 0;
  let mainBlocking: Clocked | undefined;

  for (const e of events) {
    switch (e.kind) {
      case "loop-start":
        if (loops++ === 0) move(main, null, e.t);
        break;
      case "loop-end":
        if (--loops === 0) move(main, "computing", e.t);
        break;
      case "task-created":
        if (e.internal) break;
        tasks.set(e.task, { fn: e.coro, state: "ready", since: e.t });
        row(e.coro).calls++;
        break;
      case "handle-queued":
        if (e.role === "step" && e.task !== undefined) move(tasks.get(e.task), "ready", e.t);
        break;
      case "task-resumed":
        move(tasks.get(e.task), "computing", e.t);
        break;
      case "task-suspended":
        move(tasks.get(e.task), e.on.what === "yield" ? "ready" : "waiting", e.t);
        break;
      case "task-done":
        move(tasks.get(e.task), null, e.t);
        break;
      case "job-queued": {
        const fn = e.label.slice(0, e.label.indexOf("("));
        jobs.set(e.job, { fn, state: "ready", since: e.t });
        row(fn).calls++;
        break;
      }
      case "job-started":
        laneJob.set(e.lane, e.job);
        move(jobs.get(e.job), "computing", e.t);
        break;
      case "job-done":
        move(jobs.get(e.job), null, e.t);
        break;
      case "blocking-start": {
        const state = e.work === "cpu" ? "computing" : e.work === "gil" ? "ready" : "blocked";
        if (e.lane !== undefined) move(jobs.get(laneJob.get(e.lane) ?? -1), state, e.t);
        else if (e.task !== undefined) move(tasks.get(e.task), state, e.t);
        else if (loops === 0 && state === "blocked") {
          // The main program's blocking call counts for the call itself ("httpGet"), so downloads
          // and sleeps show apart from the program's own computing (cpu() stays the program's).
          move(main, null, e.t);
          mainBlocking = { fn: e.label.slice(0, e.label.indexOf("(")), state, since: e.t };
        }
        break;
      }
      case "blocking-end":
        if (e.lane !== undefined) move(jobs.get(laneJob.get(e.lane) ?? -1), "computing", e.t);
        else if (e.task !== undefined) move(tasks.get(e.task), "computing", e.t);
        else if (mainBlocking) {
          move(mainBlocking, null, e.t);
          mainBlocking = undefined;
          move(main, "computing", e.t);
        }
        break;
    }
  }
  const end = events.length ? events[events.length - 1].t : 0;
  for (const who of [main, ...tasks.values(), ...jobs.values()]) move(who, null, end);
  const total = (r: ProfileRow) => r.computing + r.waiting + r.blocked + r.ready;
  return [...rows.values()].filter((r) => total(r) > 0 || r.calls > 0).sort((a, b) => total(b) - total(a) || a.fn.localeCompare(b.fn));
}

/** The state a row spent most of its time in. */
export function dominantState(row: ProfileRow): ProfileState {
  return PROFILE_STATES.reduce((best, state) => (row[state] > row[best] ? state : best), PROFILE_STATES[0]);
}
