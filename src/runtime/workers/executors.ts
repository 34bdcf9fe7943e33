// Threads and processes: pools of real workers that run plain functions beside the event loop, as
// concurrent.futures' ThreadPoolExecutor / ProcessPoolExecutor do, and asyncio's bridges to them
// (loop.run_in_executor, asyncio.to_thread). Each pool slot is a lane of the trace; a job waits in
// the pool's queue until a lane is free. In the browser both kinds are Web Workers: what tells them
// apart is their names and defaults (see the lesson on choosing), not their isolation.
import {
  ASYNC_DISPOSE, Coroutine, currentSession, errorNamed, EXIT, Future, getRunningLoop, pyRepr, RuntimeError, shortRepr, Task, ValueError,
  type EventLoop, type Session,
} from "../core/index.ts";
import { decodeImage, DEFAULT_LATENCY, networkBaseOf } from "../io/index.ts";
import { Gil, placeReal, playBack } from "./job-playback.ts";
import type { JobReply, JobRequest } from "./job-worker.ts";
import type { JobWorker, WorkerHost } from "./worker-host.ts";

/** Pure helpers a worker gets as source text, besides print, blockingSleep, cpu and the rest. */
const WORKER_HELPERS: [string, string][] = [["decodeImage", decodeImage.toString()]];

/** `using pool = ...` looks for this (esbuild falls back to Symbol.for when it is missing). */
const DISPOSE: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for("Symbol.dispose");

/** The core count virtual runs assume, so the same program draws the same lanes on every machine. */
export const VIRTUAL_CPU_COUNT = 4;

/** Options of a pool (ThreadPoolExecutor / ProcessPoolExecutor). */
export interface PoolOptions {
  /** How many lanes (threads or processes) may run jobs at once. */
  maxWorkers?: number;
  /** Thread pools: the lanes' name prefix (Python's thread_name_prefix). */
  namePrefix?: string;
}

interface Job {
  id: number;
  label: string;
  request: JobRequest;
  future: Future<unknown>;
  state: "queued" | "running" | "finished" | "cancelled";
  start: number;
  /** Real-time mode: wakes the loop, which waits for this job's reply like any real I/O. */
  onReplied?: () => void;
}

interface Lane {
  id: number;
  name: string;
  worker: JobWorker | null;
  job: Job | null;
}

/** A run's threads and processes: where its workers come from, its pools, and its GIL. */
class RunWorkers {
  readonly pools: Pool[] = [];
  readonly gil: Gil;
  threadPoolCounter = 0;
  processCounter = 0;
  /** The loop's default executor (loop.run_in_executor(None, ...), asyncio.to_thread). */
  defaultExecutor: ThreadPool | null = null;
  readonly host: WorkerHost | undefined;
  constructor(session: Session, host: WorkerHost | undefined) {
    this.host = host;
    this.gil = new Gil(session);
  }
}

const workersOf = new WeakMap<Session, RunWorkers>();

function workersFor(session: Session): RunWorkers {
  let workers = workersOf.get(session);
  if (!workers) workersOf.set(session, (workers = new RunWorkers(session, undefined)));
  return workers;
}

/** Give a run its real workers (Web Workers, or worker_threads in Node); without, jobs fail with a message. */
export function attachWorkerHost(session: Session, host: WorkerHost | undefined): void {
  workersOf.set(session, new RunWorkers(session, host));
}

/** Stop every worker of the run (at its end). */
export function terminateWorkers(session: Session): void {
  for (const pool of workersOf.get(session)?.pools ?? []) pool.terminate();
}

/** What loop.shutdown_default_executor() waits for: the default pool's jobs (undefined if it was never made). */
export function defaultExecutorIdle(loop: EventLoop): Future<unknown> | undefined {
  return workersOf.get(loop.session)?.defaultExecutor?.whenIdle(loop);
}

// os.cpu_count(): the machine's cores in real-time mode; VIRTUAL_CPU_COUNT on the virtual clock.
function cores(session: Session): number {
  return session.realTime ? ((globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? VIRTUAL_CPU_COUNT) : VIRTUAL_CPU_COUNT;
}

/** What ThreadPool and ProcessPool share: lanes, a FIFO queue of jobs, and their trace. */
export abstract class Pool {
  protected readonly session: Session = currentSession();
  protected readonly workers = workersFor(this.session);
  readonly id = this.session.newId();
  readonly maxWorkers: number;
  private readonly lanes: Lane[] = [];
  private readonly queue: Job[] = [];
  private readonly jobs = new Set<Job>();
  private closed = false;
  private idleWaiters: Future<unknown>[] = [];

  /** "ThreadPool" or "ProcessPool", for labels (a minified bundle renames classes). */
  readonly name: string;

  constructor(kind: "thread" | "process", options: PoolOptions, defaultWorkers: number) {
    this.name = kind === "thread" ? "ThreadPool" : "ProcessPool";
    const maxWorkers = options.maxWorkers ?? defaultWorkers;
    if (!Number.isInteger(maxWorkers) || maxWorkers <= 0) throw new ValueError("maxWorkers must be greater than 0");
    this.maxWorkers = maxWorkers;
    this.workers.pools.push(this);
    this.session.emit({ kind: "pool-created", pool: this.id, poolKind: kind, name: this.name, maxWorkers });
  }

  /** The name of the next lane this pool starts. */
  protected abstract laneName(index: number): string;

  /** The lock its workers' cpu() calls share: the run's GIL for threads, none for processes. */
  protected abstract readonly gil: Gil | null;

  /** executor.submit + asyncio.wrap_future: run `fn(...args)` in a lane; the future gets its result. */
  submit(loop: EventLoop, fn: unknown, args: unknown[]): Future<unknown> {
    if (this.closed) throw new RuntimeError("cannot schedule new futures after shutdown");
    const { name, source } = describeFunction(fn);
    const id = this.session.newId();
    const label = `${name}(${args.map((a) => shortRepr(a)).join(", ")})`;
    const future = new Future<unknown>(loop);
    future.waitInfo = { what: "executor", label: `${label} in ${this.name}` };
    const job: Job = { id, label, future, state: "queued", start: 0, request: { job: id, source, args, laneName: "", clock: this.session.realTime ? "real" : "virtual", start: 0, origin: this.session.origin, networkBase: networkBaseOf(this.session), defaultLatency: DEFAULT_LATENCY, helpers: WORKER_HELPERS, maxStretchSeconds: this.session.limits.maxStretchSeconds } };
    this.jobs.add(job);
    const task = loop.currentTask instanceof Task ? loop.currentTask.id : undefined;
    this.session.emit({ kind: "job-queued", job: id, pool: this.id, label, task });
    // asyncio's _chain_future: cancelling the asyncio future cancels the job if it has not started.
    future.addDoneCallback(
      () => {
        if (!future.cancelled() || job.state !== "queued") return;
        this.queue.splice(this.queue.indexOf(job), 1);
        this.finish(job, "cancelled");
      },
      { label: "_call_check_cancel" },
    );
    this.queue.push(job);
    this.dispatch();
    return future;
  }

  /** executor.shutdown(wait, cancel_futures): no new jobs; queued ones may be cancelled. */
  shutdown(options: { wait?: boolean; cancelFutures?: boolean } = {}): void {
    this.closed = true;
    if (options.cancelFutures) for (const job of this.queue.splice(0)) this.cancelQueued(job);
    const unfinished = [...this.jobs].filter((j) => j.state === "queued" || j.state === "running").length;
    if ((options.wait ?? true) && unfinished)
      throw new RuntimeError(
        `${this.name}.shutdown() would block the event loop until ${unfinished} job${unfinished === 1 ? "" : "s"} finish: await their futures first, or use \`await using\` so the loop keeps running while they finish`,
      );
  }

  /** `using pool = new ProcessPool()`: shut down at the end of the block (Python's `with`). */
  [DISPOSE](): void {
    this.shutdown();
  }

  // Python's `with` waits for the jobs even when an exception leaves the block; we cannot block
  // the loop, so then the jobs finish on their own and the block's exception goes on, unmasked.
  [EXIT](_error: unknown, hasError: boolean): void {
    this.shutdown({ wait: !hasError });
  }

  /** `await using pool = ...`: at the end of the block, wait (without blocking the loop) for every job. */
  [ASYNC_DISPOSE](): Future<unknown> {
    this.closed = true;
    return this.whenIdle(getRunningLoop());
  }

  /** A future that a pool thread sets (call_soon_threadsafe) once no job is queued or running,
   * as the thread of loop.shutdown_default_executor() does after executor.shutdown(wait=True). */
  whenIdle(loop: EventLoop): Future<unknown> {
    const idle = new Future<unknown>(loop);
    idle.waitInfo = { what: "executor", label: `${this.name}'s jobs` };
    this.idleWaiters.push(idle);
    // Already idle: the thread finds nothing to wait for, right after the loop's current step.
    if (this.session.realTime) this.notifyIfIdle();
    else this.session.agenda.at(this.session.now, [Number.MAX_SAFE_INTEGER], () => this.notifyIfIdle());
    return idle;
  }

  /** Stop every worker (at the end of the run). */
  terminate(): void {
    for (const lane of this.lanes) lane.worker?.terminate();
  }

  // ThreadPoolExecutor._adjust_thread_count: an idle lane takes the job, else a new lane if the
  // pool may grow, else the job waits in the queue for the first lane that frees up.
  private dispatch(): void {
    while (this.queue.length) {
      let lane = this.lanes.find((l) => l.job === null);
      if (!lane && this.lanes.length < this.maxWorkers) {
        lane = { id: this.session.newId(), name: this.laneName(this.lanes.length), worker: null, job: null };
        this.lanes.push(lane);
      }
      if (!lane) return;
      this.start(this.queue.shift()!, lane);
    }
  }

  private start(job: Job, lane: Lane): void {
    if (!this.workers.host) {
      this.finish(job, "exception", new RuntimeError("threads and processes need Web Workers (or Node's worker_threads), which this runtime was not given"));
      return;
    }
    [job.state, job.start, lane.job] = ["running", this.session.now, job];
    [job.request.laneName, job.request.start] = [lane.name, job.start];
    this.session.emit({ kind: "job-started", job: job.id, pool: this.id, lane: lane.id, laneName: lane.name });
    lane.worker ??= this.workers.host.spawn(
      lane.name,
      (reply) => this.replied(lane, reply),
      (message) => this.replied(lane, { job: lane.job?.id ?? -1, ok: false, error: { name: "RuntimeError", message: `the worker ${lane.name} failed: ${message}`, site: -1 }, happenings: [], start: 0, end: 0 }),
    );
    this.session.agenda.expectReply();
    // In real time the loop waits for the reply like any real I/O; replied() settles it.
    if (this.session.realTime)
      job.future.loop.watchIo(new Promise<void>((resolve) => (job.onReplied = resolve)), () => undefined, { label: `reply of ${job.label}` });
    lane.worker.post(job.request);
  }

  // A worker replied: place what it did on the run's clock (job-playback.ts), then free its lane.
  private replied(lane: Lane, reply: JobReply): void {
    const job = lane.job;
    if (!job || job.id !== reply.job) return;
    const error = reply.ok ? undefined : workerError(reply.error!, job.request.source, this.session);
    const end = (t: number) => {
      [lane.job, job.state] = [null, "finished"];
      this.session.emitAt(t, { kind: "job-done", job: job.id, lane: lane.id, outcome: reply.ok ? "result" : "exception", value: reply.ok ? shortRepr(reply.value, 60) : error!.name });
      this.complete(job, reply.ok, reply.ok ? reply.value : error);
      this.dispatch();
    };
    if (this.session.realTime) {
      placeReal(this.session, lane.id, reply.happenings);
      end(this.session.realSeconds(reply.end * 1000));
    } else playBack(this.session, { id: job.id, lane: lane.id, start: job.start }, reply.happenings, this.gil, end);
    job.onReplied?.();
    this.session.agenda.replied();
  }

  // The worker's call_soon_threadsafe(_set_state): the asyncio future learns the outcome on the loop.
  private complete(job: Job, ok: boolean, value: unknown): void {
    const future = job.future;
    if (future.loop.closed) return;
    // Handle.info.threadsafe: the worker calls call_soon_threadsafe, which also wakes the loop's selector.
    future.loop.callSoon(
      () => {
        if (future.done()) return;
        if (ok) future.setResult(value);
        else future.setException(value);
      },
      { label: `_set_state of ${job.label}`, threadsafe: true },
    );
    this.notifyIfIdle();
  }

  private cancelQueued(job: Job): void {
    this.finish(job, "cancelled");
    if (!job.future.done()) job.future.cancel();
  }

  private finish(job: Job, outcome: "cancelled" | "exception", error?: unknown): void {
    job.state = outcome === "cancelled" ? "cancelled" : "finished";
    this.session.emit({ kind: "job-done", job: job.id, outcome, value: error instanceof Error ? error.name : undefined });
    if (error !== undefined && !job.future.done()) job.future.setException(error);
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if ([...this.jobs].some((j) => j.state === "queued" || j.state === "running")) return;
    for (const idle of this.idleWaiters.splice(0)) {
      if (idle.loop.closed) continue;
      idle.loop.callSoon(() => !idle.done() && idle.setResult(undefined), { label: "set_result", threadsafe: true });
    }
  }
}

/** concurrent.futures.ThreadPoolExecutor: lanes named like Python's threads ("asyncio_0"). */
export class ThreadPool extends Pool {
  protected readonly gil = this.workers.gil;
  private readonly prefix: string;
  constructor(options: PoolOptions = {}) {
    super("thread", options, Math.min(32, cores(currentSession()) + 4));
    this.prefix = options.namePrefix ?? `ThreadPoolExecutor-${this.workers.threadPoolCounter++}`;
  }
  protected laneName(index: number): string {
    return `${this.prefix}_${index}`;
  }
}

/** concurrent.futures.ProcessPoolExecutor: lanes named like Python's processes ("Process-1"). */
export class ProcessPool extends Pool {
  protected readonly gil = null;
  constructor(options: PoolOptions = {}) {
    super("process", options, cores(currentSession()));
  }
  protected laneName(): string {
    return `Process-${++this.workers.processCounter}`;
  }
}

/** loop.run_in_executor(executor, fn, *args): a future for `fn(...args)` run in the pool (null: the default thread pool). */
export function runInExecutor(pool: Pool | null | undefined, fn: unknown, ...args: unknown[]): Future<unknown> {
  const loop = getRunningLoop();
  if (pool == null) {
    const workers = workersFor(loop.session);
    pool = workers.defaultExecutor ??= new ThreadPool({ namePrefix: "asyncio" });
  }
  if (!(pool instanceof Pool)) throw new TypeError("runInExecutor() takes a ThreadPool, a ProcessPool or null first");
  return pool.submit(loop, fn, args);
}

/** asyncio.to_thread(fn, *args): a coroutine that runs `fn(...args)` in the default thread pool. */
export function toThread(fn: unknown, ...args: unknown[]): Coroutine<unknown> {
  describeFunction(fn);
  return new Coroutine(function* () {
    return yield runInExecutor(null, fn, ...args);
  }, "toThread");
}

/** os.cpu_count(): the machine's cores in real-time mode; VIRTUAL_CPU_COUNT on the virtual clock. */
export function cpuCount(): number {
  return cores(currentSession());
}

// What crosses to a worker is the function's source text: it must be a plain function that uses
// only its arguments and the worker's own print / blockingSleep / cpu / threadName.
function describeFunction(fn: unknown): { name: string; source: string } {
  if (typeof fn !== "function") throw new TypeError(`a function to run was expected, got ${pyRepr(fn)}`);
  const source = Function.prototype.toString.call(fn);
  const name = fn.name || "anonymous";
  if (/^class\b/.test(source)) throw new TypeError(`${name} is a class; threads and processes run plain functions`);
  if (/\[native code\]/.test(source)) throw new TypeError(`${name} is built in; wrap it: (x) => ${name}(x)`);
  if (/\b__async\d*\(/.test(source))
    throw new TypeError(`${name} is an async function: threads and processes run plain functions (await it on the loop instead)`);
  return { name, source };
}

const WORKER_NAMES = "print, blockingSleep, cpu, threadName, perfCounter, httpGet and decodeImage";

// The worker's exception, rebuilt on the loop so the awaiting task gets the same type and message.
function workerError(error: NonNullable<JobReply["error"]>, source: string, session: Session): Error {
  let message = error.message;
  if (error.name === "ReferenceError")
    message += `: a function run in a thread or process sees only its arguments and ${WORKER_NAMES}; pass what it needs as arguments`;
  const rebuilt = errorNamed(error.name, message);
  const line = error.line === undefined ? undefined : session.lineInSource(source, error.line);
  if (line !== undefined) session.noteRaisedLine(rebuilt, line);
  else session.noteRaised(rebuilt, error.site);
  return rebuilt;
}

