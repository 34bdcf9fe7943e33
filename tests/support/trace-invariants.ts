// What every trace must be, whatever the program (tests/unit/hostile.test.ts feeds the runtime random
// and mutated programs and checks each trace here): numbered in order, time never going back, one
// program-end at the end, every event about a task or handle the trace introduced first, no task
// resumed while it runs (tasks run one at a time on the loop; an eager start nests inside its
// caller), handles run once and only after being queued, timers fire once, and every task ends or the
// run stopped with an error.
import type { RunResult, TraceEvent } from "../../src/runtime/trace/index.ts";

/** The broken rules of a trace, one sentence each (empty: well formed). */
export function traceProblems(result: RunResult): string[] {
  const problems: string[] = [];
  const events = result.events;
  const fail = (e: TraceEvent | undefined, what: string) => problems.push(e ? `event ${e.seq} (${e.kind} at t=${e.t}): ${what}` : what);
  const tasks = new Set<number>();
  const done = new Set<number>();
  const queued = new Set<number>();
  const ran = new Set<number>();
  const timers = new Set<number>();
  const fired = new Set<number>();
  const running: number[] = [];
  const known = (e: TraceEvent, task: number | undefined) => {
    if (task !== undefined && !tasks.has(task)) fail(e, `task ${task} was never created`);
  };

  events.forEach((e, i) => {
    if (e.seq !== i) fail(e, `seq ${e.seq} at position ${i}`);
    if (!Number.isFinite(e.t)) fail(e, "time is not a finite number");
    if (i > 0 && e.t < events[i - 1].t) fail(e, `time goes back from ${events[i - 1].t}`);
    if (e.kind === "program-end" && i !== events.length - 1) fail(e, "program-end before the last event");
    switch (e.kind) {
      case "task-created":
        if (tasks.has(e.task)) fail(e, `task ${e.task} created twice`);
        tasks.add(e.task);
        known(e, e.parent);
        break;
      case "task-resumed":
        known(e, e.task);
        if (done.has(e.task)) fail(e, `task ${e.task} resumed after it was done`);
        if (running.includes(e.task)) fail(e, `task ${e.task} resumed while it runs`);
        running.push(e.task);
        break;
      case "task-suspended":
        known(e, e.task);
        if (running.at(-1) !== e.task) fail(e, `task ${e.task} suspended while ${running.at(-1) ?? "no task"} runs`);
        running.pop();
        break;
      case "task-done":
        known(e, e.task);
        if (done.has(e.task)) fail(e, `task ${e.task} done twice`);
        done.add(e.task);
        // A task is done at the end of its own step, or cancelled before it ever ran.
        if (running.at(-1) === e.task) running.pop();
        break;
      case "handle-queued":
        known(e, e.task);
        if (queued.has(e.handle)) fail(e, `handle ${e.handle} queued twice`);
        queued.add(e.handle);
        break;
      case "timer-set":
        known(e, e.task);
        timers.add(e.timer);
        break;
      case "timer-fired":
        if (!timers.has(e.timer)) fail(e, `timer ${e.timer} was never set`);
        if (fired.has(e.timer)) fail(e, `timer ${e.timer} fired twice`);
        fired.add(e.timer);
        queued.add(e.handle);
        break;
      case "handle-run":
        if (!queued.has(e.handle)) fail(e, `handle ${e.handle} runs but was never queued`);
        if (ran.has(e.handle)) fail(e, `handle ${e.handle} ran twice`);
        ran.add(e.handle);
        if (running.length) fail(e, `a handle runs while task ${running.at(-1)} runs`);
        break;
      case "print":
      case "blocking-start":
      case "blocking-end":
        known(e, e.task);
        break;
    }
  });
  const last = events.at(-1);
  if (last?.kind !== "program-end") fail(last, "the trace does not end with program-end");
  if (!result.error) {
    const unfinished = [...tasks].filter((t) => !done.has(t));
    if (unfinished.length) fail(undefined, `tasks ${unfinished.join(", ")} never ended, yet the run reports no error`);
  }
  return problems;
}
