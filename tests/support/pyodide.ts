// The reference CPython of the tests: Pyodide (CPython 3.14 in WebAssembly, the npm package pinned in
// package.json), so every machine runs the same one and none needs a system Python. A PyodideRunner
// is one worker thread with its own Pyodide (tests/support/pyodide-worker.ts), loaded once, that
// runs programs one after another through tests/python/virtual_asyncio.py, each as in a fresh CPython
// process. The thread keeps Python off this thread (the TypeScript side runs meanwhile), and it can
// be stopped: a program that runs longer than `timeoutMs` of real time is reported as a HarnessError
// and the runner goes on in a new thread (Python running there cannot be interrupted by a signal, and
// a terminated thread leaves nothing behind).
import { Worker } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./pyodide-worker.ts";
import type { TraceEvent } from "../../src/runtime/trace/index.ts";
import { parsePythonJson } from "../../src/python/python-json.ts";

/** What virtual_asyncio.run_program returns for one program. */
export interface PythonResult {
  /** Printed lines, in order. */
  stdout: string[];
  /** The virtual time at which each stdout line was completed. */
  stamps: number[];
  /** Virtual seconds when the program ended (null if the harness could not run it). */
  virtualEnd: number;
  /** Warnings and logged errors ("Task exception was never retrieved", ...). */
  stderr: string[];
  /** "Type: message" of an uncaught exception, or null. */
  error: string | null;
  /** For an uncaught exception: the program's last line in its traceback, and the traceback as
   *  Python prints it, cut to the program's own frames. */
  errorLine?: number | null;
  traceback?: string[];
  /** What the program's instrument() gave back, if it had one. */
  extra?: unknown;
  /** The run's trace, when it was asked for (RunOptions.trace). */
  events?: TraceEvent[];
}

export interface RunOptions {
  /** Python source defining `instrument()`: called after the reset, before the program; it returns
   *  a function called after the program, whose value is the result's `extra`. */
  instrument?: string;
  /** Record the run's trace, in the site's format (src/python/trace_recorder.py). */
  trace?: boolean;
}

const WORKER = new URL("./pyodide-worker.ts", import.meta.url);
/** Real time a program may run (the lessons' take milliseconds; the machines are shared and busy). */
const PROGRAM_TIMEOUT_MS = 30_000;
/** Real time to load Pyodide (~3 s on an idle machine, 10-30 s on an overloaded one). */
const LOAD_TIMEOUT_MS = 120_000;

interface Pending extends WorkerRequest {
  resolve: (result: PythonResult) => void;
  reject: (error: Error) => void;
}

const harnessError = (message: string): PythonResult => ({ stdout: [], stamps: [], virtualEnd: null as unknown as number, stderr: [], error: `HarnessError: ${message}` });

export class PyodideRunner {
  /** The Python version and how long the last load took, once loaded. */
  loaded: { version: string; loadMs: number } | null = null;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** The program the worker thread is running, if any. */
  private running: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly timeoutMs: number;

  constructor(options: { timeoutMs?: number } = {}) {
    this.timeoutMs = options.timeoutMs ?? PROGRAM_TIMEOUT_MS;
  }

  /** Run one program, as in a fresh CPython process. */
  run(source: string, options: RunOptions = {}): Promise<PythonResult> {
    return new Promise((resolve, reject) => {
      const request: Pending = { id: this.nextId++, source, instrument: options.instrument, trace: options.trace, resolve, reject };
      this.pending.set(request.id, request);
      this.send(request);
    });
  }

  /** Run many programs (sent at once, run in order); results in the same order. */
  runAll(sources: readonly string[], options: RunOptions = {}): Promise<PythonResult[]> {
    return Promise.all(sources.map((source) => this.run(source, options)));
  }

  /** Stop the worker thread (pending programs are rejected). */
  close(): void {
    this.stop();
    for (const request of this.pending.values()) request.reject(new Error("PyodideRunner closed"));
    this.pending.clear();
  }

  private send(request: Pending): void {
    if (!this.worker) this.start();
    this.worker!.ref(); // a pending program keeps the process alive; an idle thread does not
    this.worker!.postMessage({ id: request.id, source: request.source, instrument: request.instrument, trace: request.trace } satisfies WorkerRequest);
  }

  private start(): void {
    const worker = new Worker(WORKER);
    this.worker = worker;
    this.arm(LOAD_TIMEOUT_MS, () => this.fail(`Pyodide did not load within ${LOAD_TIMEOUT_MS / 1000} s`));
    worker.on("message", (reply: WorkerReply) => worker === this.worker && this.receive(reply));
    worker.on("error", (error) => worker === this.worker && this.fail(`the Pyodide worker failed: ${error.message}`));
    worker.on("exit", (code) => worker === this.worker && this.fail(`the Pyodide worker exited (${code})`));
  }

  private receive(reply: WorkerReply): void {
    if (reply.kind === "ready") {
      this.loaded = { version: reply.version, loadMs: reply.loadMs };
      this.disarm();
      return;
    }
    const request = this.pending.get(reply.id);
    if (!request) return;
    if (reply.kind === "started") {
      this.running = request;
      this.arm(this.timeoutMs, () => this.abandon(request, `the program ran longer than ${this.timeoutMs / 1000} s of real time and was stopped`));
      return;
    }
    this.running = null;
    this.disarm();
    this.pending.delete(reply.id);
    if (!this.pending.size) this.worker?.unref();
    if (reply.kind === "failed") request.reject(new Error(`virtual_asyncio.py failed: ${reply.message}`));
    else request.resolve(parsePythonJson<PythonResult>(reply.json));
  }

  // The running program gets a HarnessError; the others go to a new worker thread.
  private abandon(request: Pending, why: string): void {
    this.stop();
    this.pending.delete(request.id);
    request.resolve(harnessError(why));
    for (const other of this.pending.values()) this.send(other);
  }

  // The worker died or never loaded: the program it was running is to blame; with none, all fail.
  private fail(why: string): void {
    if (this.running) return this.abandon(this.running, why);
    this.stop();
    for (const request of this.pending.values()) request.reject(new Error(why));
    this.pending.clear();
  }

  private stop(): void {
    this.disarm();
    const worker = this.worker;
    this.worker = null;
    this.loaded = null;
    this.running = null;
    void worker?.terminate();
  }

  private arm(ms: number, onTimeout: () => void): void {
    this.disarm();
    this.timer = setTimeout(onTimeout, ms);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

let shared: PyodideRunner | undefined;

/** The process's runner: Pyodide loads once per process (per vitest worker), on first use. */
export function sharedPyodide(): PyodideRunner {
  return (shared ??= new PyodideRunner());
}
