// One run of one program: the virtual clock, the trace recorder and the limits. Everything the
// runtime does goes through a Session, so runs never share state and the same code gives the same trace.
import { LimitExceeded, RuntimeError } from "./errors.ts";
import { TraceStore, type TraceEvent, type UnstampedEvent, type WaitInfo } from "../trace/index.ts";
import { Agenda } from "./agenda.ts";

/** Limits that stop runaway programs, each with a message that names it; the trace so far is kept. */
export interface Limits {
  /** Loop callbacks run, across the whole program. */
  maxSteps: number;
  /** Virtual seconds the clock may reach. */
  maxVirtualTime: number;
  /** Events the trace may hold. */
  maxEvents: number;
  /** Lines the program may print (stdout and stderr together). */
  maxPrintedLines: number;
  /** Tasks the program may create. */
  maxTasks: number;
  /** Real seconds the program's code may run without giving the runtime a turn (one task step, one
   * pass of the loop, one stretch of the top level) once its loops have made RUNAWAY_PASSES passes
   * in that stretch (fewer passes: SLOW_LOOP_SECONDS): what stops `while (true) {}`. */
  maxStretchSeconds: number;
}

/** Default limits (Node: the build, tests, the CLI): far beyond any lesson, small enough to stop a
 * runaway program in a few seconds. */
export const DEFAULT_LIMITS: Limits = {
  maxSteps: 2_000_000,
  maxVirtualTime: 24 * 3600,
  maxEvents: 4_000_000,
  maxPrintedLines: 1_000_000,
  maxTasks: 200_000,
  maxStretchSeconds: 10,
};

/** Loop passes (of all loops together) in one stretch before the stretch cap may stop it:
 * `while (true) {}` makes as many in well under a millisecond, while a finite loop of fewer passes
 * that a busy machine slows past the cap is let finish (10,000 tasks made in one loop took over a
 * second once on a loaded CI machine). A loop of fewer, slower passes is stopped past SLOW_LOOP_SECONDS. */
const RUNAWAY_PASSES = 1 << 16;
const SLOW_LOOP_SECONDS = 10;
/** A double, as the clock's readings are: V8 gives a field a Smi's representation when it is made
 * with one (-1 was), and widened it at the first reading, mid-run, throwing away the optimised code
 * of every function that had relied on a Session's shape. */
const NOT_CLOCKED = -Infinity;

/** The stretch cap of a real-clock run in Node (when not given). */
const REAL_CLOCK_STRETCH = 60;

/** Limits of a run in the browser: what a page can show without stalling, and a runaway loop
 * stopped within a second of real time. */
export const BROWSER_LIMITS: Limits = {
  maxSteps: 500_000,
  maxVirtualTime: 24 * 3600,
  maxEvents: 200_000,
  maxPrintedLines: 5_000,
  maxTasks: 20_000,
  maxStretchSeconds: 1,
};

// How each limit is named in the message that stops a program, and what usually causes it.
const CAP_NAMES: Record<keyof Limits, { name: string; hint: string }> = {
  maxSteps: { name: "the step cap", hint: "Does a task loop forever?" },
  maxVirtualTime: { name: "the virtual-time cap", hint: "Does a task loop forever?" },
  maxEvents: { name: "the event cap", hint: "Does a loop run forever?" },
  maxPrintedLines: { name: "the print cap", hint: "Does a loop print forever?" },
  maxTasks: { name: "the task cap", hint: "Does a loop create tasks forever?" },
  maxStretchSeconds: { name: "the stretch cap", hint: "A loop that never awaits holds the thread: await something inside it, or let it end." },
};

/** Seconds on the wall clock (for stretches and heartbeats, in any mode). */
const wallSeconds = () => performance.now() / 1000;

/** Per-run options. */
export interface SessionOptions {
  limits?: Partial<Limits>;
  /** The reader's line of each site id, from the compiler. */
  siteLines?: readonly number[];
  /** The compiled code and the reader's line of each of its lines, to place a worker's errors. */
  code?: string;
  lineMap?: readonly number[];
  /** "virtual" (default): time jumps and runs are deterministic. "real": the wall clock. */
  clock?: "virtual" | "real";
  /** "lazy" (default, asyncio's): calling an async function makes a coroutine that runs when
   * awaited. "eager" (JavaScript's): inside a running loop the call starts at once, as a task. */
  model?: "lazy" | "eager";
}

/** What the recorder needs of the loop that runs: whose step is running (its line stamps events). */
export interface RunningLoopView {
  readonly currentTask: object | null;
}

// The program whose code runs now on this JavaScript thread. Set around every synchronous stretch
// of a program (each pass of its loop, each step of its top level), so runs never see each other's
// state even when several are in flight at once (their stretches interleave, never overlap).
let active: Session | null = null;
// The programs under way on this thread (runProgram's start to its end).
const underWay = new Set<Session>();

/** The program running now: what asyncio's functions and classes record into. */
export function currentSession(): Session {
  if (active) return active;
  // A callback the program gave JavaScript (a promise's then) runs outside its stretches: it is the
  // program's own code while that program is the only one under way.
  if (underWay.size === 1) for (const only of underWay) return only;
  if (underWay.size) throw new RuntimeError("asyncio's functions were called from a JavaScript callback while several programs run: which one it belongs to is not known");
  throw new RuntimeError("no program is running: asyncio's functions work only inside a playground program, while it runs");
}

/** A program run: its clock (shared by every event loop it starts), trace and console. */
export class Session {
  /** The trace, in columns (trace/compact.ts): one object per event is made only when asked for. */
  readonly trace = new TraceStore();
  readonly limits: Limits;
  /** Whether time is the wall clock (real-time mode) rather than virtual. */
  readonly realTime: boolean;
  /** Whether async calls start at once (JavaScript's model) rather than when awaited. */
  readonly eager: boolean;
  /** When the run started, in epoch seconds (real-time mode: what workers' times are measured from). */
  readonly origin = (performance.timeOrigin + performance.now()) / 1000;
  /** What threads and processes will do, in time order, once their workers have replied (virtual mode). */
  readonly agenda = new Agenda();
  /** The last site the program passed (an await or an asyncio call), set by compiled code. */
  site = -1;
  /** The loop that run_forever is running, even while it waits for real I/O (CPython's per-thread
   * _running_loop): one at a time per program. */
  runningLoop: RunningLoopView | null = null;
  /** Python's _task_name_counter: names are Task-1, Task-2, ... across the whole program. */
  taskNameCounter = 0;
  /** Coroutine objects made but never started, for Python's "was never awaited" warning; the newest
   * waits apart: most are awaited as soon as made (`await sleep(1)`) and never touch the set. */
  private readonly unstarted = new Set<{ name: string }>();
  private newest: { name: string } | null = null;
  /** Set once a limit is hit; from then on every step, event and print stops the program again. */
  stopped: LimitExceeded | null = null;
  /** Wakes the running loop while it waits for real I/O: a limit hit outside its stretches (in a
   *  JavaScript timer's callback, program/timers.ts) stops the program at the loop's next step. */
  wakeLoop: (() => void) | null = null;
  /** Called at most every heartbeatSeconds while the program makes progress (the browser's runner
   * tells the page it is alive; a silent worker is stopped), with what the trace's columns take. */
  onHeartbeat: ((traceBytes: number) => void) | null = null;
  heartbeatSeconds = HEARTBEAT;
  /** The site where the runtime raised an error into the program (an await point), or its line. */
  private readonly raisedAt = new WeakMap<object, { site?: number; line?: number }>();
  private steps = 0;
  private tasks = 0;
  private printedLines = 0;
  /** When the stretch's loops were first clocked (NOT_CLOCKED until then), and the last heartbeat. */
  private stretchStart = NOT_CLOCKED;
  /** The loop passes counted (ticks) when the stretch began. */
  private stretchTicks = 0;
  private lastBeat = wallSeconds();
  private ticks = 0;
  private nextId = 1;
  /** Set to 0 in the constructor: a fraction first, so V8 keeps the field as a double from the
   * start (trace/compact.ts's TraceStore says why). */
  private virtualNow = 0.5;
  private readonly siteLines: readonly number[];
  private readonly code: string;
  private readonly lineMap: readonly number[];

  constructor(options: SessionOptions = {}) {
    // On the real clock a loop computes for real (the real-world lesson blurs photos): give it a
    // minute, so a busy machine does not stop a program that is only slow there.
    const realClock = options.clock === "real" ? { maxStretchSeconds: REAL_CLOCK_STRETCH } : {};
    this.limits = { ...DEFAULT_LIMITS, ...realClock, ...options.limits };
    this.siteLines = options.siteLines ?? [];
    this.code = options.code ?? "";
    this.lineMap = options.lineMap ?? [];
    this.realTime = options.clock === "real";
    this.eager = options.model === "eager";
    this.virtualNow = 0;
  }

  /** Seconds since the program started (virtual, or real in real-time mode); only ever moves forward. */
  get now(): number {
    return this.realTime ? this.realSeconds(performance.timeOrigin + performance.now()) : this.virtualNow;
  }

  /** Seconds since the run started of an epoch time in milliseconds (workers report those). */
  realSeconds(epochMs: number): number {
    return epochMs / 1000 - this.origin;
  }

  /** The program starts (true) or has ended (false): while under way, a callback that runs outside
   *  its stretches finds it, when no other program is under way. */
  underWay(started: boolean): void {
    if (started) underWay.add(this);
    else underWay.delete(this);
  }

  /** Run `stretch` as this program's code: currentSession() is this session meanwhile. */
  enter<T>(stretch: () => T): T {
    const outer = active;
    active = this;
    this.startStretch();
    try {
      return stretch();
    } finally {
      active = outer;
    }
  }

  /** A coroutine object was made (not started yet). */
  coroutineMade(coro: { name: string }): void {
    if (this.newest) this.unstarted.add(this.newest);
    this.newest = coro;
  }

  /** A coroutine began to run (or was closed): it was awaited after all. */
  coroutineStarted(coro: { name: string }): void {
    if (this.newest === coro) this.newest = null;
    else this.unstarted.delete(coro);
  }

  /** The coroutine objects never started, in the order they were made. */
  get unawaited(): { name: string }[] {
    return this.newest ? [...this.unstarted, this.newest] : [...this.unstarted];
  }

  /** A fresh id for a task, handle, timer or loop (unique within the run). */
  newId(): number {
    return this.nextId++;
  }

  /** The trace as TraceEvent objects (decoded from the store on first use). */
  get events(): TraceEvent[] {
    return this.trace.decode();
  }

  /** Append an event, stamped with its position and the current virtual time. */
  emit(event: UnstampedEvent): void {
    this.countEvent();
    this.record(event);
  }

  /** Append an event even after a limit stopped the program: how the run ended (loop-end, the
   * error on stderr, program-end). */
  record(event: UnstampedEvent): void {
    this.trace.push(event, this.now, "line" in event ? event.line : this.implicitLine());
  }

  // emit() of the scheduler's own events, from their fields: the trace records them without an
  // event object (TraceStore.handleQueued and the others).
  emitHandleQueued(handle: number, role: "step" | "callback", task: number | undefined, label: string, ofTask: boolean): void {
    this.countEvent();
    this.trace.handleQueued(this.implicitLine(), handle, role, task, label, ofTask);
  }

  emitHandleRun(handle: number, skipped?: true): void {
    this.countEvent();
    this.trace.handleRun(this.implicitLine(), handle, skipped);
  }

  emitTaskResumed(task: number, line: number | undefined, first: boolean, thrown: string | undefined): void {
    this.countEvent();
    this.trace.taskResumed(line, task, first, thrown);
  }

  emitTaskSuspended(task: number, line: number | undefined, on: WaitInfo): void {
    this.countEvent();
    this.trace.taskSuspended(line, task, on);
  }

  emitTimerSet(timer: number, due: number, label: string, task: number | undefined, ofTask: boolean): void {
    this.countEvent();
    this.trace.timerSet(this.implicitLine(), timer, due, label, task, ofTask);
  }

  emitTimerFired(timer: number, handle: number): void {
    this.countEvent();
    this.trace.timerFired(this.implicitLine(), timer, handle);
  }

  /** The line of an event that does not give one: while a task runs, the last site it passed. */
  private implicitLine(): number | undefined {
    return this.runningLoop?.currentTask ? this.currentLine() : undefined;
  }

  /** Record an event that happened at `time`, which may be before the last one recorded (a worker
   * tells what it did only when it replies): it goes in its place, and later events move up one. */
  emitAt(time: number, event: UnstampedEvent): void {
    this.countEvent();
    let index = this.trace.length;
    while (index > 0 && this.trace.timeAt(index - 1) > time) index--;
    this.trace.insert(index, event, time, "line" in event ? event.line : undefined);
  }

  /** The reader's line of the last site passed, if known. */
  currentLine(): number | undefined {
    return this.lineOf(this.site);
  }

  /** The reader's line of a site id, if known. */
  lineOf(site: number): number | undefined {
    return this.siteLines[site] || undefined;
  }

  /** Remember that the runtime raised `error` at `site` (by default the current one), unless known. */
  noteRaised(error: unknown, site = this.site): void {
    if (typeof error === "object" && error !== null && !this.raisedAt.has(error)) this.raisedAt.set(error, { site });
  }

  /** Remember the reader's line where `error` was raised (in a worker, say). */
  noteRaisedLine(error: object, line: number): void {
    this.raisedAt.set(error, { line });
  }

  /** The reader's line where the runtime raised `error`, if it did. */
  raisedLine(error: unknown): number | undefined {
    const where = typeof error === "object" && error !== null ? this.raisedAt.get(error) : undefined;
    return where?.line ?? (where?.site === undefined ? undefined : this.lineOf(where.site));
  }

  /** The reader's line of line `line` (1-based) of `source`, a function's text in the compiled code. */
  lineInSource(source: string, line: number): number | undefined {
    const at = this.code.indexOf(source);
    if (at < 0) return undefined;
    const codeLine = this.code.slice(0, at).split("\n").length + line - 1;
    return this.lineMap[codeLine - 1] || undefined;
  }

  /** Move the virtual clock forward to `time`, doing on the way what threads do before it; stops
   * the program past the virtual-time cap. */
  advanceTo(time: number): void {
    if (time > this.limits.maxVirtualTime) {
      this.setVirtualNow(this.limits.maxVirtualTime);
      this.stop("maxVirtualTime", `the virtual clock reached ${this.limits.maxVirtualTime} s`);
    }
    this.agenda.runUpTo(time, (when) => this.setVirtualNow(Math.max(this.virtualNow, when)));
    if (time > this.virtualNow) this.setVirtualNow(time);
  }

  private setVirtualNow(time: number): void {
    this.virtualNow = time;
    this.trace.now = time;
  }

  /** Hold the thread the program runs on for `seconds`: the virtual clock jumps; in real-time mode
   * the thread really waits (blockingSleep) or computes (cpu). */
  hold(seconds: number, work: "sleep" | "cpu"): void {
    if (!this.realTime) return this.advanceTo(this.now + seconds);
    // In slices, so the heartbeat goes on while the thread is held for real.
    for (let left = seconds; left > 0; left -= HEARTBEAT) {
      holdFor(Math.min(left, HEARTBEAT), work === "cpu");
      this.beat();
    }
  }

  /** Count one loop callback, stopping the program past the step cap. */
  countStep(): void {
    if (this.stopped) throw this.stopped;
    if (++this.steps > this.limits.maxSteps) this.stop("maxSteps", `the event loop ran ${count(this.limits.maxSteps)} steps`);
    this.beat();
  }

  /** Count one task made, stopping the program past the task cap. */
  countTask(): void {
    if (this.stopped) throw this.stopped;
    if (++this.tasks > this.limits.maxTasks) this.stop("maxTasks", `the program created ${count(this.limits.maxTasks)} tasks`);
  }

  /** A task's step begins: the program's code has the thread from now on. The clock is read only
   * once its loops have made passes enough to be checked (tick): read at every step, it took ~5% of
   * a warm run of 10,000 tasks × 10 sleeps. */
  startStretch(): void {
    this.stretchStart = NOT_CLOCKED;
    this.stretchTicks = this.ticks;
  }

  /** Compiled code calls this at the top of every loop body (`site`: the loop): it stops a loop
   * that holds the thread past the stretch cap, and keeps the heartbeat going meanwhile. */
  tick(site: number): void {
    if (this.stopped) throw this.stopped;
    if ((++this.ticks & 1023) !== 0) return;
    // A stretch is clocked from its first check, so the held time misses at most 1,024 passes.
    const now = wallSeconds();
    if (this.stretchStart === NOT_CLOCKED) this.stretchStart = now;
    const held = now - this.stretchStart;
    const cap = this.limits.maxStretchSeconds;
    if (held > cap && (this.ticks - this.stretchTicks >= RUNAWAY_PASSES || held > Math.max(cap, SLOW_LOOP_SECONDS))) {
      this.site = site;
      const line = this.lineOf(site);
      this.stop("maxStretchSeconds", `the loop${line ? ` at line ${line}` : ""} ran for ${held.toFixed(1)} s of real time without pausing`);
    }
    this.beat();
  }

  /** Write a line (or lines) to the console, as Python's print or stderr would. */
  write(text: string, stream: "stdout" | "stderr", task?: number): void {
    this.printedLines += 1 + (text.match(/\n/g)?.length ?? 0);
    if (!this.stopped && this.printedLines > this.limits.maxPrintedLines) this.stop("maxPrintedLines", `the program printed ${count(this.limits.maxPrintedLines)} lines`);
    this.emit({ kind: "print", text, stream, task, line: stream === "stdout" ? this.currentLine() : undefined });
  }

  /** Write to stderr how the run ended, even after a limit stopped it. */
  writeFinal(text: string): void {
    this.record({ kind: "print", text, stream: "stderr" });
  }

  /** Tell whoever watches the run that it is alive, at most every heartbeatSeconds. */
  beat(): void {
    if (!this.onHeartbeat) return;
    if (wallSeconds() - this.lastBeat < this.heartbeatSeconds) return;
    this.onHeartbeat(this.trace.bytes);
    // From the beat's end: a watcher slower than the interval (a forced collection) would
    // otherwise be called at every step.
    this.lastBeat = wallSeconds();
  }

  // Every new event counts; once stopped, the program may record nothing more (a program that
  // catches the LimitExceeded and goes on is stopped again at its next event).
  private countEvent(): void {
    if (this.stopped) throw this.stopped;
    // The trace stamps the scheduler's events with its own copy of the clock: virtual time moves
    // only in setVirtualNow, real time always.
    if (this.realTime) this.trace.now = this.now;
    if (this.trace.length >= this.limits.maxEvents) this.stop("maxEvents", `the trace reached ${count(this.limits.maxEvents)} events`);
  }

  private stop(limit: keyof Limits, what: string): never {
    const { name, hint } = CAP_NAMES[limit];
    this.stopped = new LimitExceeded(`Stopped: ${what} (${name}). ${hint}`);
    // The reader's line that was running when the limit was hit, not the top level's run(main()).
    this.noteRaised(this.stopped);
    this.wakeLoop?.();
    throw this.stopped;
  }
}

/** Seconds between heartbeats of a busy run. */
const HEARTBEAT = 0.25;

const count = (n: number) => n.toLocaleString("en-US");

// Atomics.wait sleeps without burning a core, where SharedArrayBuffer exists (Node; cross-origin
// isolated pages); elsewhere, and for cpu(), spin on the clock.
const sleeper = typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(4)) : null;

/** Hold this thread for `seconds` of real time, computing (spin) or sleeping. */
export function holdFor(seconds: number, spin: boolean): void {
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    if (!spin && sleeper) Atomics.wait(sleeper, 0, 0, Math.max(1, until - performance.now()));
  }
}
