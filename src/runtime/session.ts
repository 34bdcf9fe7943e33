// One run of one program: the virtual clock, the trace recorder and the limits. Everything the
// runtime does goes through a Session, so runs never share state and the same code gives the same trace.
import { LimitExceeded, RuntimeError } from "./errors.ts";
import type { TraceEvent, UnstampedEvent } from "./trace.ts";
import type { EventLoop } from "./loop.ts";

/** Limits that stop runaway programs, with a message that names the limit. */
export interface Limits {
  /** Loop callbacks run, across the whole program. */
  maxSteps: number;
  /** Virtual seconds the clock may reach. */
  maxVirtualTime: number;
}

/** Default limits: far beyond any lesson, small enough to stop a runaway loop in well under a second. */
export const DEFAULT_LIMITS: Limits = { maxSteps: 1_000_000, maxVirtualTime: 24 * 3600 };

/** Per-run options. */
export interface SessionOptions {
  limits?: Partial<Limits>;
  /** The reader's line of each site id, from the compiler. */
  siteLines?: readonly number[];
}

/** A program run: its clock (shared by every event loop it starts), trace and console. */
export class Session {
  /** Virtual seconds since the program started; only ever moves forward. */
  now = 0;
  readonly events: TraceEvent[] = [];
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly limits: Limits;
  /** The last site the program passed (an await or an asyncio call), set by compiled code. */
  site = -1;
  /** The loop that is running now, as asyncio's get_running_loop() sees it. */
  runningLoop: EventLoop | null = null;
  /** Python's _task_name_counter: names are Task-1, Task-2, ... across the whole program. */
  taskNameCounter = 0;
  /** Coroutine objects made but never started, for Python's "was never awaited" warning. */
  readonly unawaited = new Set<{ name: string }>();
  /** Set once a limit is hit; from then on every step stops the program. */
  stopped: LimitExceeded | null = null;
  /** The site where the runtime raised an error into the program (an await point), for its line. */
  private readonly raisedAt = new WeakMap<object, number>();
  private steps = 0;
  private nextId = 1;
  private readonly siteLines: readonly number[];

  constructor(options: SessionOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.siteLines = options.siteLines ?? [];
  }

  /** asyncio.get_running_loop(): the running loop, or RuntimeError outside one. */
  loop(): EventLoop {
    if (!this.runningLoop) throw new RuntimeError("no running event loop");
    return this.runningLoop;
  }

  /** A fresh id for a task, handle, timer or loop (unique within the run). */
  newId(): number {
    return this.nextId++;
  }

  /** Append an event, stamped with its position and the current virtual time. */
  emit(event: UnstampedEvent): void {
    // Every call site builds a fresh object literal: stamp it in place rather than copy it (hot path).
    const stamped = event as TraceEvent;
    stamped.seq = this.events.length;
    stamped.t = this.now;
    // While a task runs, the last site it passed is where this event comes from.
    if (!("line" in event) && this.runningLoop?.currentTask) {
      const line = this.currentLine();
      if (line !== undefined) stamped.line = line;
    }
    this.events.push(stamped);
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
    if (typeof error === "object" && error !== null && !this.raisedAt.has(error)) this.raisedAt.set(error, site);
  }

  /** The reader's line where the runtime raised `error`, if it did. */
  raisedLine(error: unknown): number | undefined {
    const site = typeof error === "object" && error !== null ? this.raisedAt.get(error) : undefined;
    return site === undefined ? undefined : this.lineOf(site);
  }

  /** Move the clock forward to `time`, stopping the program past the virtual-time cap. */
  advanceTo(time: number): void {
    if (time > this.limits.maxVirtualTime) {
      this.now = this.limits.maxVirtualTime;
      this.stop(`the virtual clock reached ${this.limits.maxVirtualTime} s (the virtual-time cap)`);
    }
    if (time > this.now) this.now = time;
  }

  /** Count one loop callback, stopping the program past the step cap. */
  countStep(): void {
    if (this.stopped) throw this.stopped;
    if (++this.steps > this.limits.maxSteps)
      this.stop(`the event loop ran ${this.limits.maxSteps.toLocaleString("en-US")} steps (the step cap)`);
  }

  /** Write a line (or lines) to the console, as Python's print or stderr would. */
  write(text: string, stream: "stdout" | "stderr", task?: number): void {
    this.emit({ kind: "print", text, stream, task, line: stream === "stdout" ? this.currentLine() : undefined });
    (stream === "stdout" ? this.stdout : this.stderr).push(...text.split("\n"));
  }

  private stop(reason: string): never {
    this.stopped = new LimitExceeded(`Stopped: ${reason}. Does a task loop forever?`);
    throw this.stopped;
  }
}
