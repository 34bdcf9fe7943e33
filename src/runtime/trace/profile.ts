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
  const builder = new ProfileBuilder();
  for (const e of events) builder.add(e);
  return builder.finish();
}

/** The profile built one event at a time (a page spreads a long trace over many frames). */
export class ProfileBuilder {
  private readonly rows = new Map<string, ProfileRow>();
  private readonly tasks = new Map<number, Clocked>();
  private readonly jobs = new Map<number, Clocked>();
  private readonly laneJob = new Map<number, number>();
  private readonly main: Clocked = { fn: MAIN_PROGRAM, state: "computing", since: 0 };
  private loops = 0;
  private mainBlocking: Clocked | undefined;
  private end = 0;

  /** Apply the next event of the trace. */
  add(e: TraceEvent): void {
    const { tasks, jobs, laneJob, main } = this;
    this.end = e.t;
    switch (e.kind) {
      case "loop-start":
        if (this.loops++ === 0) this.move(main, null, e.t);
        break;
      case "loop-end":
        if (--this.loops === 0) this.move(main, "computing", e.t);
        break;
      case "task-created":
        if (e.internal) break;
        tasks.set(e.task, { fn: e.coro, state: "ready", since: e.t });
        this.row(e.coro).calls++;
        break;
      case "handle-queued":
        if (e.role === "step" && e.task !== undefined) this.move(tasks.get(e.task), "ready", e.t);
        break;
      case "task-resumed":
        this.move(tasks.get(e.task), "computing", e.t);
        break;
      case "task-suspended":
        this.move(tasks.get(e.task), e.on.what === "yield" ? "ready" : "waiting", e.t);
        break;
      case "task-done":
        this.move(tasks.get(e.task), null, e.t);
        break;
      case "job-queued": {
        const fn = e.label.slice(0, e.label.indexOf("("));
        jobs.set(e.job, { fn, state: "ready", since: e.t });
        this.row(fn).calls++;
        break;
      }
      case "job-started":
        laneJob.set(e.lane, e.job);
        this.move(jobs.get(e.job), "computing", e.t);
        break;
      case "job-done":
        this.move(jobs.get(e.job), null, e.t);
        break;
      case "blocking-start": {
        const state = e.work === "cpu" ? "computing" : e.work === "gil" ? "ready" : "blocked";
        if (e.lane !== undefined) this.move(jobs.get(laneJob.get(e.lane) ?? -1), state, e.t);
        else if (e.task !== undefined) this.move(tasks.get(e.task), state, e.t);
        else if (this.loops === 0 && state === "blocked") {
          // The main program's blocking call counts for the call itself ("httpGet"), so downloads
          // and sleeps show apart from the program's own computing (cpu() stays the program's).
          this.move(main, null, e.t);
          this.mainBlocking = { fn: e.label.slice(0, e.label.indexOf("(")), state, since: e.t };
        }
        break;
      }
      case "blocking-end":
        if (e.lane !== undefined) this.move(jobs.get(laneJob.get(e.lane) ?? -1), "computing", e.t);
        else if (e.task !== undefined) this.move(tasks.get(e.task), "computing", e.t);
        else if (this.mainBlocking) {
          this.move(this.mainBlocking, null, e.t);
          this.mainBlocking = undefined;
          this.move(main, "computing", e.t);
        }
        break;
    }
  }

  /** The rows of every event added, with every stretch closed at the last event's time. */
  finish(): ProfileRow[] {
    for (const who of [this.main, ...this.tasks.values(), ...this.jobs.values()]) this.move(who, null, this.end);
    const total = (r: ProfileRow) => r.computing + r.waiting + r.blocked + r.ready;
    return [...this.rows.values()].filter((r) => total(r) > 0 || r.calls > 0).sort((a, b) => total(b) - total(a) || a.fn.localeCompare(b.fn));
  }

  private row(fn: string): ProfileRow {
    let found = this.rows.get(fn);
    if (!found) this.rows.set(fn, (found = { fn, calls: 0, computing: 0, waiting: 0, blocked: 0, ready: 0 }));
    return found;
  }

  // Close the current stretch of `who` at time t and start the next one.
  private move(who: Clocked | undefined, state: ProfileState | null, t: number): void {
    if (!who) return;
    if (who.state) this.row(who.fn)[who.state] += t - who.since;
    [who.state, who.since] = [state, t];
  }
}

/** The state a row spent most of its time in. */
export function dominantState(row: ProfileRow): ProfileState {
  return PROFILE_STATES.reduce((best, state) => (row[state] > row[best] ? state : best), PROFILE_STATES[0]);
}
