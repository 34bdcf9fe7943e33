// The stepper's narration: one plain sentence per step, read from the replayed state just before
// the step's event is applied (so it can say what the event changes).
import type { TraceEvent } from "./schema.ts";
import { whyOf, type Replay } from "./replay.ts";

const fmt = (t: number) => t.toFixed(3);
const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
const firstLine = (text: string) => text.split("\n")[0];

/** The sentence for a step drawn at `e`, read from the state just before `e` is applied. */
export function narrate(e: TraceEvent, next: TraceEvent | undefined, r: Replay): string {
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
