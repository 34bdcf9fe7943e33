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
import type { TraceEvent } from "./schema.ts";
import type { ConsoleLine } from "./console-lines.ts";
import { partitionPoint } from "./bisect.ts";
import { JOURNAL_EVENTS } from "./journal.ts";
import { Replay } from "./replay.ts";
import { narrate } from "./narration.ts";
import type { ReadyItem, Step, StepState } from "./step-state.ts";

export type { ConsoleLine };
export type { Step, ReadyItem, WaitingTask, DoneTask, PendingTimer, LoopActivity, LineMarker, WorkerLane, PoolQueue, StepState } from "./step-state.ts";


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
// between, a step back undoes them (journal.ts) as far as its journal reaches, then goes on from a
// replay of the stretch below made ahead of need, and a jump back or far ahead starts from the
// nearest checkpoint at or before it instead of the trace's start (the StepIndex leaves one every
// INDEX_CHECKPOINT_EVERY events as it indexes).
const CHECKPOINT_EVERY = 1024;
/** The StepIndex leaves fewer (a copy of a thousand tasks' state is not free): a jump then replays
 *  at most this many events, a few milliseconds' work. */
const INDEX_CHECKPOINT_EVERY = 8 * CHECKPOINT_EVERY;

/** Going back, the events between a checkpoint and the journal's floor, replayed with a journal of
 *  their own a slice at a time, to take over when the steps back reach that floor. */
interface Below {
  replay: Replay;
  /** Events applied at the checkpoint it started from: its journal reaches back to there. */
  start: number;
  /** Events it has applied so far. */
  next: number;
  /** The floor it replays up to. */
  until: number;
}

class Cursor {
  private replay: Replay;
  private next = 0;
  private readonly checkpoints: { next: number; replay: Replay }[] = [];
  private readonly events: readonly TraceEvent[];
  private below: Below | undefined;
  constructor(events: readonly TraceEvent[]) {
    this.events = events;
    this.replay = replayFrom(undefined);
  }
  /** The replay with every event up to index `last` applied. */
  at(last: number): Replay {
    const target = last + 1;
    // Back by undoing the events in between, as far as the replay's journal reaches; below it, by
    // the stretch replayed ahead (prepareBelow).
    const undone = this.next > target && this.replay.undoTo(target) ? this.next - target : 0;
    if (undone) this.next = target;
    if (target < this.next) this.takeBelow(target);
    const from = this.checkpoints.findLast((c) => c.next <= target);
    // Back further, or ahead past a checkpoint when copying it costs less than the events it skips: a
    // step forward over a checkpoint of 10,000 tasks' state went on by a few events, not by a 20 ms copy.
    if (target < this.next || (from && from.next - this.next > from.replay.size)) {
      this.replay = replayFrom(from);
      this.next = from?.next ?? 0;
    }
    // A long replay (a jump) keeps a journal of its last events only: the journal forgets older ones.
    const journalFrom = target - JOURNAL_EVENTS;
    if (journalFrom > this.next) this.replay.dropJournal();
    while (this.next < target) {
      if (this.next === journalFrom) this.replay.keepJournal(this.next);
      // Only while a copy costs less than the replay it saves: the state of 10,000 tasks copied every
      // 1,024 events made stepping forward slower than replaying, and took hundreds of megabytes;
      // the StepIndex's checkpoints still bound a jump.
      if (this.next % CHECKPOINT_EVERY === 0 && this.next > 0 && this.replay.size <= CHECKPOINT_EVERY) this.keep(this.next, this.replay);
      this.replay.apply(this.events[this.next++]);
    }
    // Stepping back (not a jump back, which copied a checkpoint): the stretch below, a slice.
    if (undone) this.prepareBelow(undone);
    return this.replay;
  }
  /** A copy of `replay`, which has applied the first `next` events, to start from later. */
  keep(next: number, replay: Replay): void {
    const after = this.checkpoints.findLastIndex((c) => c.next <= next);
    if (this.checkpoints[after]?.next !== next) this.checkpoints.splice(after + 1, 0, { next, replay: replay.clone() });
  }
  // The step back below the journal's floor: the stretch replayed ahead takes over, if it reaches.
  private takeBelow(target: number): void {
    const below = this.below;
    if (!below || target < below.start || target > below.until) return;
    this.below = undefined;
    while (below.next < target) below.replay.apply(this.events[below.next++]);
    if (below.next > target && !below.replay.undoTo(target)) return;
    this.replay = below.replay;
    this.next = target;
  }
  // Going back, the journal reaches down to its floor; the steps back past it need the events from the
  // checkpoint before it. They are replayed a slice at each step back, half again as fast as the
  // steps use up the journal, so the step that reaches the floor replays nothing: replayed all at
  // once there, a stretch of up to INDEX_CHECKPOINT_EVERY events made that step many times the others.
  // A journal that reaches back only a little (a replay just started from a checkpoint) would ask for
  // the whole stretch at once: a slice is at most a few times the step's own events, and the step
  // that reaches the floor replays what is left.
  private prepareBelow(undone: number): void {
    const floor = this.replay.undoFloor ?? 0;
    if (floor === 0) return;
    if (this.below?.until !== floor) {
      const from = this.checkpoints.findLast((c) => c.next < floor);
      const start = from?.next ?? 0;
      this.below = { replay: replayFrom(from), start, next: start, until: floor };
      // The copy is this step's share: the replaying starts at the next.
      return;
    }
    const below = this.below;
    const slice = Math.min(Math.ceil((1.5 * (below.until - below.next) * undone) / Math.max(1, this.next - floor)), 4 * undone + 256);
    for (const end = Math.min(below.until, below.next + slice); below.next < end; ) below.replay.apply(this.events[below.next++]);
  }
}

// A replay from checkpoint `from` (or the trace's start) that keeps a journal, so that every step back
// within its reach undoes (the journal costs a step forward ~1.3× the work; kept only from the first
// step back, the step that turned back replayed thousands of events).
function replayFrom(from: { next: number; replay: Replay } | undefined): Replay {
  const replay = from ? from.replay.clone() : new Replay(false);
  replay.keepJournal(from?.next ?? 0);
  return replay;
}

// A trace's cursor is kept on its events array, as a property, not in a WeakMap keyed by the array:
// V8 marks what a WeakMap's values hold in its collector's final, atomic pause (ephemerons), and a
// big trace's cursor and checkpoints took ~40 ms of one such pause in the page.
const CURSOR = Symbol("cursor");

function cursorOf(events: readonly TraceEvent[] & { [CURSOR]?: Cursor }): Cursor {
  return (events[CURSOR] ??= new Cursor(events));
}

/** The steps of a run as the views read them: an array (deriveSteps) or a StepIndex. */
export interface StepList {
  readonly length: number;
  at(index: number): Step | undefined;
}

/**
 * The steps of a run found one event at a time, without their sentences: each step's narration is
 * written when a view asks for it (a long trace has hundreds of thousands of steps; a reader sees a
 * few). `add` every event in order, then `finish`.
 */
export class StepIndex implements StepList {
  private readonly replay = new Replay(false);
  private readonly seqs: number[] = [];
  private readonly narrations = new Map<number, string>();
  private pending: TraceEvent | undefined;
  private applied = 0;
  private readonly events: readonly TraceEvent[];

  /** Steps of `events`, which the caller fills as it adds them (the same array). */
  constructor(events: readonly TraceEvent[]) {
    this.events = events;
  }

  /** Apply the next event (whether an event is a step depends on the one after it). */
  add(e: TraceEvent): void {
    if (this.pending) this.decide(this.pending, e);
    this.pending = e;
  }

  /** The last event is always a step. */
  finish(): this {
    if (this.pending) this.decide(this.pending, undefined);
    this.pending = undefined;
    return this;
  }

  get length(): number {
    return this.seqs.length;
  }

  at(index: number): Step | undefined {
    const seq = this.seqs[index < 0 ? this.seqs.length + index : index];
    if (seq === undefined) return undefined;
    const e = this.events[seq];
    const narrations = this.narrations;
    const events = this.events;
    return {
      seq,
      t: e.t,
      kind: e.kind,
      task: "task" in e ? e.task : undefined,
      // Read from the state just before the event, when asked for.
      get narration() {
        let text = narrations.get(seq);
        if (text === undefined) narrations.set(seq, (text = narrate(e, events[seq + 1], cursorOf(events).at(seq - 1))));
        return text;
      },
    };
  }

  private decide(e: TraceEvent, next: TraceEvent | undefined): void {
    if (isStep(e, next, this.replay)) this.seqs.push(e.seq);
    this.replay.apply(e);
    // The stepper's cursor starts from here when it jumps (End, the slider) instead of replaying the trace.
    if (++this.applied % INDEX_CHECKPOINT_EVERY === 0) cursorOf(this.events).keep(this.applied, this.replay);
  }
}

/** Everything the stepper shows at step `index` of `steps` (from deriveSteps or a StepIndex on the same events). */
export function stepState(events: readonly TraceEvent[], steps: StepList, index: number): StepState {
  const i = Math.max(0, Math.min(index, steps.length - 1));
  const target = steps.at(i);
  if (!target) return emptyState();
  // The narration first: it reads the state just before the step, so the shared cursor then moves
  // forward to the step (read after, it would send the cursor back to a checkpoint on every step).
  void target.narration;
  const at = events[target.seq]?.seq === target.seq ? target.seq : events.findIndex((e) => e.seq === target.seq);
  return cursorOf(events).at(at).snapshot(target, i, i > 0 ? steps.at(i - 1)!.seq : -1);
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
export function stepAtTime(steps: StepList, t: number, options: { task?: number; tolerance?: number } = {}): number {
  if (!steps.length) return 0;
  const time = (i: number) => steps.at(i)!.t;
  // Steps are in time order: binary searches for the first step at or after t, and after t.
  const firstFrom = (pass: (i: number) => boolean) => partitionPoint(0, steps.length, pass);
  const atOrAfter = firstFrom((i) => time(i) < t);
  // The nearest time (the earlier on a tie), at the first of the steps with that time.
  let nearest = Math.min(atOrAfter, steps.length - 1);
  if (atOrAfter > 0 && (atOrAfter === steps.length || Math.abs(time(atOrAfter - 1) - t) <= Math.abs(time(atOrAfter) - t))) nearest = firstAt(steps, atOrAfter - 1);
  if (Math.abs(time(nearest) - t) <= (options.tolerance ?? 0)) {
    const at = time(nearest);
    for (let i = nearest; i < steps.length && time(i) === at; i++) if (options.task !== undefined && steps.at(i)!.task === options.task) return i;
    return nearest;
  }
  // Else the last step at or before t, whose state holds at that moment.
  return Math.max(0, firstFrom((i) => time(i) <= t) - 1);
}

// The first step with the same time as step `i`.
function firstAt(steps: StepList, i: number): number {
  const t = steps.at(i)!.t;
  while (i > 0 && steps.at(i - 1)!.t === t) i--;
  return i;
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
