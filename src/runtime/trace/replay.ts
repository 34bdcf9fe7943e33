// The stepper's replay of a trace: the loop's state (ready queue, tasks, timers, workers, console)
// as the events are applied one by one. steps.ts walks it to make the steps; narration.ts reads it
// before each event to say what happens. See steps.ts for how passes and the queue are rebuilt.
import type { TraceEvent, WaitInfo } from "./schema.ts";
import { printedLines, type ConsoleLine } from "./console-lines.ts";
import type { DoneTask, LineMarker, LoopActivity, PendingTimer, ReadyItem, Step, StepState, WaitingTask, WorkerLane } from "./step-state.ts";
import { Journal } from "./journal.ts";

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
  // What the last snapshots showed of it (see the note under this interface).
  shownWaiting: WaitingTask | undefined;
  shownDone: DoneTask | undefined;
  shownMarker: LineMarker | undefined;
  /** The generation of the replay that may change it in place; another copies it first (Replay.own). */
  gen: number;
}

// A replay's generation: a new one for each replay and at each clone, so that a checkpoint and the
// replays cloned from it share their task records until one of them changes a record.
let generations = 0;

// An item a snapshot made, kept on what it was made from (a task's record, a queue entry, a timer) to
// show again while that still reads the same: a step of 10,000 tasks shows most of them as the step
// before did, and making them all again (~19,000 objects a step, markers included) made a scrub of a
// big run mostly garbage collection. Items are read-only, and only those not fresh are kept (and none
// from a replay's first snapshot: Replay.snapshots). A field, not a WeakMap: looking 20,000 objects
// up in one, and filling it on the steps after a jump, took most of a step (a step forward on 10,000
// tasks: median 1.2 ms then, 0.7 now); V8 also marks a WeakMap's values in its final, atomic pause.

interface QueueEntry {
  handle: number;
  /** What queued it: a task's step or a callback (why it is there is read from this and the label
   *  only when a step is shown), or a timer. */
  role: "step" | "callback" | "timer";
  task?: number;
  label: string;
  since: number;
  shown: ReadyItem | undefined;
}

interface TimerRecord {
  due: number;
  label: string;
  task?: number;
  since: number;
  shown: PendingTimer | undefined;
}

interface PoolRecord {
  name: string;
  kind: "thread" | "process";
  maxWorkers: number;
  queued: readonly { job: number; label: string }[];
}

type LaneRecord = Omit<WorkerLane, "fresh"> & { since: number };

const WHY_WORDS = ["start", "wake", "resume"] as const;

/** Why a handle is in the ready queue, from its role and label ("start Task-2", "wake Task-2"). */
export function whyOf(role: "step" | "callback", label: string): ReadyItem["why"] {
  if (role === "callback") return "callback";
  // Read off the label's first word without splitting it: a snapshot of 10,000 ready tasks asks 10,000 times.
  for (const word of WHY_WORDS) if (label.startsWith(word) && (label.length === word.length || label[word.length] === " ")) return word;
  return "step";
}

// The activities without fields, shared (an activity is replaced, never changed): not one object per event.
const IDLE: LoopActivity = Object.freeze({ state: "idle" });
const NO_LOOP: LoopActivity = Object.freeze({ state: "no-loop" });

/** The loop's state as the events are applied one by one; `narrate` reads it before each event. */
export class Replay {
  readonly tasks = new Map<number, TaskRecord>();
  private queue: QueueEntry[] = [];
  private head = 0;
  readonly timers = new Map<number, TimerRecord>();
  private readonly timerInfo = new Map<number, { label: string; task?: number }>();
  readonly console: ConsoleLine[] = [];
  loopDepth = 0;
  activity: LoopActivity = NO_LOOP;
  /** Handles still to run in the pass under way; `passOpen`: due timers moved, first run not yet. */
  passLeft = 0;
  passOpen = false;
  pass = 0;
  /** Whose code runs (a task, or a callback's handle): it caused what is queued now. Two fields, not
   *  an object: they change with nearly every event. */
  actorTask: number | undefined;
  actorHandle: number | undefined;
  lastDone: number | undefined;
  /** Not undone by a journal: handles are never reused, and one is asked about only once queued. */
  readonly internalHandles = new Set<number>();
  /** The previous event, and the handle-run that began the pass under way. */
  prev: TraceEvent | undefined;
  passBegan = -1;
  t = 0;
  /** The line the main thread is at, outside any task. */
  topLine: number | undefined;
  /** Tasks whose step is under way, innermost last: an eager start runs inside its caller's step. */
  stepping: number[] = [];
  // Pools and lanes are replaced when they change, never changed in place: a clone shares them.
  readonly pools = new Map<number, Readonly<PoolRecord>>();
  readonly jobs = new Map<number, { label: string; pool: number }>();
  readonly lanes = new Map<number, Readonly<LaneRecord>>();

  /** How to undo the events applied, if this replay keeps a journal (the stepper's cursor does). */
  private journal: Journal | undefined;

  /** Snapshots taken of this replay. Its first keeps none of its items: a copy made for a jump shows
   *  one state, and keeping its ~19,000 items (some on queue entries and timers it shares with the
   *  long-lived checkpoint it was copied from) made steps back on 10,000 tasks ~2.5× slower at p95
   *  (Node, 7 → 19 ms, when each step back was such a copy), where it would have saved ~20% of the
   *  first step forward after a jump in the page. The next ones keep theirs. */
  private snapshots = 0;

  /** This replay's generation: the task records it made or copied since its last clone are its own. */
  private gen = ++generations;

  private readonly strict: boolean;
  constructor(strict: boolean) {
    this.strict = strict;
  }

  /** An independent copy (a checkpoint for stepping backwards without replaying from the start). */
  clone(): Replay {
    const copy = new Replay(this.strict);
    if (this.journal) {
      // This replay's journal undoes changes it made in place to its records: the copy gets copies
      // of them, and the journal goes on (the cursor copies its replay only while its state is small).
      for (const [id, task] of this.tasks) copy.tasks.set(id, task.gen === this.gen ? { ...task, gen: copy.gen } : task);
    } else {
      // The records are shared: each replay copies one before it changes it (own).
      for (const [id, task] of this.tasks) copy.tasks.set(id, task);
      this.gen = ++generations;
    }
    copy.queue = this.queue.slice(this.head);
    for (const [id, timer] of this.timers) copy.timers.set(id, timer);
    for (const [id, info] of this.timerInfo) copy.timerInfo.set(id, info);
    copy.console.push(...this.console);
    for (const h of this.internalHandles) copy.internalHandles.add(h);
    for (const [id, pool] of this.pools) copy.pools.set(id, pool);
    for (const [id, job] of this.jobs) copy.jobs.set(id, job);
    for (const [id, lane] of this.lanes) copy.lanes.set(id, lane);
    const { loopDepth, activity, passLeft, passOpen, pass, actorTask, actorHandle, lastDone, prev, passBegan, t, topLine } = this;
    return Object.assign(copy, { loopDepth, activity, passLeft, passOpen, pass, actorTask, actorHandle, lastDone, prev, passBegan, t, topLine, stepping: this.stepping.slice() });
  }

  /** From here on, record how to undo each event: this replay has applied the trace's first `applied`. */
  keepJournal(applied: number): void {
    this.journal = new Journal(applied);
  }

  /** Record nothing more, and undo nothing of what was applied. */
  dropJournal(): void {
    this.journal = undefined;
  }

  /** Undo the events applied after the trace's first `applied`; false, undoing nothing, when the
   *  journal does not reach back that far (or there is none). */
  undoTo(applied: number): boolean {
    return this.journal?.undoTo(applied) ?? false;
  }

  /** How far back undoTo reaches (the trace's events applied then), if this replay keeps a journal. */
  get undoFloor(): number | undefined {
    return this.journal?.floor;
  }

  /** How much a copy (clone) copies: tasks, ready handles, timers. */
  get size(): number {
    return this.tasks.size + this.readyLength + this.timers.size;
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
    switch (e.kind) {
      case "task-created":
        return e.internal === true;
      case "task-resumed":
      case "task-suspended":
      case "task-done":
        return this.internalTask(e.task);
      case "handle-queued":
        return this.internalTask(e.task) || this.internalTask(this.actorTask) || (this.actorHandle !== undefined && this.internalHandles.has(this.actorHandle));
      case "handle-run":
        return this.internalHandles.has(e.handle);
      case "timer-set":
        return this.internalTask(this.actorTask);
      default:
        return false;
    }
  }

  private internalTask(id: number | undefined): boolean {
    return id !== undefined && this.tasks.get(id)?.internal === true;
  }

  private push(entry: QueueEntry): void {
    this.queue.push(entry);
    this.journal?.pushed(this.queue);
  }

  private pop(handle: number): QueueEntry | undefined {
    const head = this.queue[this.head];
    if (head?.handle === handle) {
      this.head++;
      // Drop the handles run long ago once they are most of the array (a long run queues tens of
      // thousands: kept, they would be copied by every garbage collection of the page).
      if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      return head;
    }
    // The loop always pops the head; anything else means the trace and this replay disagree.
    if (this.strict) throw new Error(`handle-run ${handle} is not the head of the ready queue (head: ${head?.handle})`);
    const at = this.queue.findIndex((q, i) => i >= this.head && q.handle === handle);
    if (at < 0) return undefined;
    const [entry] = this.queue.splice(at, 1);
    this.journal?.removed(this.queue, at, entry);
    return entry;
  }

  // A map's entry set or deleted, with the journal told what it was (a key set anew keeps its place
  // in the map's order, and one deleted by an undo was the last added: the tasks' and lanes' order is
  // the snapshot's order).
  private put<K, V>(map: Map<K, V>, key: K, value: V): void {
    this.journal?.entry(map, key);
    map.set(key, value);
  }
  private drop<K, V>(map: Map<K, V>, key: K): void {
    this.journal?.entry(map, key);
    map.delete(key);
  }
  // A task record's field set, on a record this replay owns (own).
  private setField<K extends keyof TaskRecord>(task: TaskRecord, key: K, value: TaskRecord[K]): void {
    if (task[key] === value) return;
    this.journal?.field(task, key, task[key]);
    task[key] = value;
  }

  apply(e: TraceEvent): void {
    const journal = this.journal;
    if (!journal) return this.change(e);
    journal.begin();
    // The fields an event may set, told to the journal if it changed them. Named one by one: a loop
    // over their names made applying an event ~3× slower (keyed access on `this`).
    const { topLine, t, prev, loopDepth, activity, passLeft, passOpen, pass, passBegan, actorTask, actorHandle, lastDone, queue, head } = this;
    this.change(e);
    if (this.topLine !== topLine) journal.field(this, "topLine", topLine);
    if (this.t !== t) journal.field(this, "t", t);
    if (this.prev !== prev) journal.field(this, "prev", prev);
    if (this.loopDepth !== loopDepth) journal.field(this, "loopDepth", loopDepth);
    if (this.activity !== activity) journal.field(this, "activity", activity);
    if (this.passLeft !== passLeft) journal.field(this, "passLeft", passLeft);
    if (this.passOpen !== passOpen) journal.field(this, "passOpen", passOpen);
    if (this.pass !== pass) journal.field(this, "pass", pass);
    if (this.passBegan !== passBegan) journal.field(this, "passBegan", passBegan);
    if (this.actorTask !== actorTask) journal.field(this, "actorTask", actorTask);
    if (this.actorHandle !== actorHandle) journal.field(this, "actorHandle", actorHandle);
    if (this.lastDone !== lastDone) journal.field(this, "lastDone", lastDone);
    if (this.queue !== queue) journal.field(this, "queue", queue);
    if (this.head !== head) journal.field(this, "head", head);
  }

  // What `e` changes (apply, which also tells the journal what the fields were before it).
  private change(e: TraceEvent): void {
    this.topLine = topLine(e) ?? this.topLine;
    this.t = e.t;
    this.prev = e;
    switch (e.kind) {
      case "loop-start":
        this.loopDepth++;
        this.activity = IDLE;
        break;
      case "loop-end":
        this.loopDepth--;
        this.activity = this.loopDepth > 0 ? IDLE : NO_LOOP;
        this.passLeft = 0;
        this.passOpen = false;
        break;
      case "task-created":
        // Every field from the start, those that come later too: an object given a field after it is
        // made keeps it in a store of its own, and a checkpoint copies each task (the 10,000-task
        // run's step index held 136,000 such records, each with its store).
        this.put(this.tasks, e.task, { id: e.task, name: e.name, coro: e.coro, internal: e.internal === true, parent: e.parent, state: "ready", line: undefined, on: undefined, outcome: undefined, value: undefined, since: e.seq, shownWaiting: undefined, shownDone: undefined, shownMarker: undefined, gen: this.gen });
        if (e.parent !== undefined && e.line !== undefined) this.setLine(e.parent, e.line);
        break;
      case "handle-queued":
        // Whether it is internal reads the state before the event (as isInternal does for isStep).
        if (this.isInternal(e)) this.internalHandles.add(e.handle);
        this.push({ handle: e.handle, role: e.role, task: e.role === "step" ? e.task : undefined, label: e.label, since: e.seq, shown: undefined });
        if (e.role === "step" && e.task !== undefined) {
          const task = this.tasks.get(e.task);
          if (task && task.state !== "done") {
            const own = this.own(task);
            this.setField(own, "state", "ready");
            this.setField(own, "since", e.seq);
          }
        }
        break;
      case "timer-fired": {
        if (this.passLeft === 0) this.passOpen = true;
        this.drop(this.timers, e.timer);
        const info = this.timerInfo.get(e.timer);
        // A timer fires once: what it was set for is not needed after (a checkpoint copies the rest).
        this.drop(this.timerInfo, e.timer);
        if (info && this.internalHandles.has(e.timer)) this.internalHandles.add(e.handle);
        this.push({ handle: e.handle, role: "timer", task: undefined, label: info?.label ?? `timer ${e.timer}`, since: e.seq, shown: undefined });
        this.activity = this.loopDepth > 0 ? IDLE : this.activity;
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
        this.actorHandle = e.handle;
        this.actorTask = entry?.task;
        this.lastDone = undefined;
        this.activity = e.skipped || entry?.task !== undefined ? IDLE : { state: "callback", handle: e.handle, label: entry?.label ?? `handle ${e.handle}` };
        break;
      }
      case "task-resumed": {
        const found = this.tasks.get(e.task);
        if (!found) break;
        const task = this.own(found);
        this.setField(task, "state", "running");
        this.setField(task, "on", undefined);
        this.setField(task, "since", e.seq);
        if (e.line !== undefined) this.setField(task, "line", e.line);
        this.actorTask = e.task;
        this.actorHandle = undefined;
        this.activity = { state: "task", task: e.task, name: task.name, coro: task.coro, line: task.line };
        this.stepping.push(e.task);
        this.journal?.pushed(this.stepping);
        break;
      }
      case "task-suspended": {
        const found = this.tasks.get(e.task);
        if (!found) break;
        const task = this.own(found);
        this.setField(task, "state", e.on.what === "yield" ? "ready" : "waiting");
        this.setField(task, "on", e.on);
        this.setField(task, "since", e.seq);
        if (e.line !== undefined) this.setField(task, "line", e.line);
        this.endStep(e.task);
        break;
      }
      case "task-done": {
        const task = this.tasks.get(e.task);
        if (!task) break;
        const own = this.own(task);
        this.setField(own, "state", "done");
        this.setField(own, "outcome", e.outcome);
        this.setField(own, "value", e.value);
        this.setField(own, "on", undefined);
        this.setField(own, "since", e.seq);
        this.lastDone = e.task;
        if (this.activity.state === "task" && this.activity.task === e.task) this.endStep(e.task);
        break;
      }
      case "timer-set":
        this.put(this.timers, e.timer, { due: e.due, label: e.label, task: e.task, since: e.seq, shown: undefined });
        this.put(this.timerInfo, e.timer, { label: e.label, task: e.task });
        if (this.isInternal(e)) this.internalHandles.add(e.timer);
        break;
      case "timer-cancelled":
        this.drop(this.timers, e.timer);
        this.drop(this.timerInfo, e.timer);
        break;
      case "pool-created":
        this.put(this.pools, e.pool, { name: e.name, kind: e.poolKind, maxWorkers: e.maxWorkers, queued: [] });
        break;
      case "job-queued": {
        this.put(this.jobs, e.job, { label: e.label, pool: e.pool });
        const pool = this.pools.get(e.pool);
        if (pool) this.put(this.pools, e.pool, { ...pool, queued: [...pool.queued, { job: e.job, label: e.label }] });
        break;
      }
      case "job-started": {
        const pool = this.pools.get(e.pool);
        this.unqueue(e.pool, e.job);
        const job = this.jobs.get(e.job)?.label;
        this.put(this.lanes, e.lane, { lane: e.lane, name: e.laneName, pool: pool?.name ?? "", poolKind: pool?.kind ?? "thread", job, state: "running", since: e.seq });
        break;
      }
      case "job-done": {
        if (e.lane !== undefined) this.changeLane(e.lane, { job: undefined, state: "idle", label: undefined, until: undefined, line: undefined, since: e.seq });
        this.unqueue(this.jobs.get(e.job)?.pool ?? -1, e.job);
        break;
      }
      case "blocking-start":
        if (e.lane !== undefined) {
          const lane = this.lanes.get(e.lane);
          // cpu() is the job's code running; a blocking wait holds the worker; a GIL wait is ready.
          const state = e.work === "cpu" ? "running" : e.work === "gil" ? "ready" : "blocked";
          if (lane) this.changeLane(e.lane, { state, label: e.label, until: e.until, since: e.seq, line: e.line ?? lane.line });
          break;
        }
        if (e.task !== undefined) {
          const task = this.tasks.get(e.task);
          if (task) {
            const own = this.own(task);
            this.setField(own, "state", "blocked");
            this.setField(own, "since", e.seq);
            if (e.line !== undefined) this.setField(own, "line", e.line);
          }
        }
        this.activity = { state: "blocked", label: e.label, until: e.until, task: e.task, name: e.task === undefined ? undefined : this.taskName(e.task) };
        break;
      case "blocking-end": {
        if (e.lane !== undefined) {
          this.changeLane(e.lane, { state: "running", label: undefined, until: undefined, since: e.seq });
          break;
        }
        const task = e.task === undefined ? undefined : this.tasks.get(e.task);
        if (task) {
          const own = this.own(task);
          this.setField(own, "state", "running");
          this.setField(own, "since", e.seq);
          this.activity = { state: "task", task: task.id, name: task.name, coro: task.coro, line: task.line };
        } else this.activity = this.loopDepth > 0 ? IDLE : NO_LOOP;
        break;
      }
      case "print": {
        this.journal?.growing(this.console);
        this.console.push(...printedLines(e, e.lane === undefined ? undefined : this.laneName(e.lane)));
        if (e.lane !== undefined && e.line !== undefined) this.changeLane(e.lane, { line: e.line });
        if (e.task !== undefined && e.line !== undefined) this.setLine(e.task, e.line);
        break;
      }
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
    // In place (a step ends at nearly every await): mostly the innermost one.
    for (let i = this.stepping.length - 1; i >= 0; i--)
      if (this.stepping[i] === task) {
        this.stepping.splice(i, 1);
        this.journal?.removed(this.stepping, i, task);
      }
    const caller = this.tasks.get(this.stepping[this.stepping.length - 1] ?? -1);
    if (caller) {
      this.actorTask = caller.id;
      this.actorHandle = undefined;
    }
    this.activity = caller ? { state: "task", task: caller.id, name: caller.name, coro: caller.coro, line: caller.line } : IDLE;
  }

  /** `task`'s record, to change: itself if this replay made it or copied it since its last clone,
   *  else a copy in its place (a checkpoint, or the replay it was cloned from, still reads the old). A
   *  checkpoint of 10,000 tasks copied every record; most had not changed since the one before. */
  private own(task: TaskRecord): TaskRecord {
    if (task.gen === this.gen) return task;
    const copy = { ...task, gen: this.gen };
    this.put(this.tasks, task.id, copy);
    return copy;
  }

  // A lane's record replaced by one with `changes` (a clone shares the old).
  private changeLane(id: number, changes: Partial<LaneRecord>): void {
    const lane = this.lanes.get(id);
    if (lane) this.put(this.lanes, id, { ...lane, ...changes });
  }

  // A job leaves its pool's queue (it started, or it is done).
  private unqueue(id: number, job: number): void {
    const pool = this.pools.get(id);
    if (pool) this.put(this.pools, id, { ...pool, queued: pool.queued.filter((q) => q.job !== job) });
  }

  private setLine(task: number, line: number): void {
    const record = this.tasks.get(task);
    if (!record) return;
    if (record.line !== line) this.setField(this.own(record), "line", line);
    if (this.activity.state === "task" && this.activity.task === task) this.activity = { ...this.activity, line };
  }

  /** A copy of the state for the views; `after` is the previous step's seq (what came later is fresh). */
  snapshot(step: Step, index: number, after: number): StepState {
    const lastTopLine = this.topLine;
    const remember = this.snapshots++ > 0;
    const fresh = (since: number) => since > after;
    const ready: ReadyItem[] = [];
    for (let at = this.head; at < this.queue.length; at++) {
      const q = this.queue[at];
      const name = q.task !== undefined ? this.taskName(q.task) : q.label;
      const thisPass = this.passOpen || at - this.head < this.passLeft;
      const isFresh = fresh(q.since);
      const shown = q.shown;
      if (!isFresh && shown && shown.name === name && shown.thisPass === thisPass) {
        ready.push(shown);
        continue;
      }
      const item: ReadyItem = { handle: q.handle, name, why: q.role === "timer" ? "timer" : whyOf(q.role, q.label), task: q.task, label: q.label, thisPass, fresh: isFresh };
      if (remember && !isFresh) q.shown = item;
      ready.push(item);
    }
    const timers: PendingTimer[] = [];
    for (const [timer, v] of this.timers) {
      const isFresh = fresh(v.since);
      let item = isFresh ? undefined : v.shown;
      if (!item) {
        item = { timer, due: v.due, label: v.label, task: v.task, fresh: isFresh };
        if (remember && !isFresh) v.shown = item;
      }
      timers.push(item);
    }
    timers.sort((a, b) => a.due - b.due || a.timer - b.timer);
    const markers: LineMarker[] = [];
    // Threads and processes at work point at their line too.
    for (const w of this.lanes.values()) if (w.line !== undefined && w.state !== "idle") markers.push({ line: w.line, state: w.state, name: w.name });
    // The tasks in one pass (10,000 of them are copied at every step: no list in between).
    const waiting: WaitingTask[] = [];
    const done: DoneTask[] = [];
    for (const t of this.tasks.values()) {
      if (t.internal) continue;
      const isFresh = fresh(t.since);
      if (t.state === "waiting" && t.on) {
        const shown = t.shownWaiting;
        if (!isFresh && shown && shown.name === t.name && shown.coro === t.coro && shown.line === t.line && shown.on === t.on) waiting.push(shown);
        else {
          const item: WaitingTask = { task: t.id, name: t.name, coro: t.coro, line: t.line, on: t.on, fresh: isFresh };
          if (remember && !isFresh) t.shownWaiting = item;
          waiting.push(item);
        }
      }
      if (t.state === "done") {
        const shown = t.shownDone;
        if (!isFresh && shown && shown.name === t.name && shown.coro === t.coro && shown.outcome === t.outcome && shown.value === t.value) done.push(shown);
        else {
          const item: DoneTask = { task: t.id, name: t.name, coro: t.coro, outcome: t.outcome!, value: t.value, fresh: isFresh };
          if (remember && !isFresh) t.shownDone = item;
          done.push(item);
        }
      } else if (t.line !== undefined) {
        const shown = t.shownMarker;
        if (shown && shown.line === t.line && shown.state === t.state && shown.name === t.name) markers.push(shown);
        else {
          const marker: LineMarker = { line: t.line, state: t.state, task: t.id, name: t.name };
          if (remember) t.shownMarker = marker;
          markers.push(marker);
        }
      }
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
