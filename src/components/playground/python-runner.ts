// Run a playground's Python on CPython 3.14 in the page (python.worker.ts: Pyodide, served by this
// site). One worker for the page, loaded on the first Python run and kept: each run starts as in a
// fresh CPython process. Runs go one at a time. A run has RUN_SECONDS of real time; then, or on
// Stop, it is interrupted (a KeyboardInterrupt raised in Python through the interrupt buffer, which
// keeps what it printed and its trace), and if Python does not answer, the worker is ended (the next
// run loads Pyodide again). Every failure ends in a message and leaves the playground usable.
import { BROWSER_LIMITS } from "../../runtime/program/index.ts";
import { TRACE_VERSION, type RunResult, type TraceEvent } from "../../runtime/trace/index.ts";
import type { Outcome, RunHandle } from "./browser-runner.ts";
import type { PythonReply, PythonRequest, PythonRunJson } from "./protocol.ts";

/** Real seconds a Python run may take (the TypeScript runner's stretch cap is 1 s per loop pass, but
 *  Python cannot say where it is: this bounds the whole run). */
export const RUN_SECONDS = 10;
/** Real seconds Pyodide may take to load (13.5 MB, about 6 MB compressed). Its start holds the
 *  worker's thread for seconds at a time on a busy machine: only the whole load is bounded. */
const LOAD_SECONDS = 120;
/** Real seconds Python has to answer an interrupt before its worker is ended. */
const INTERRUPT_GRACE_SECONDS = 2;
/** Said under a Python run whose jobs ran on threads or processes. */
export const MODELLED_THREADS =
  "This run's threads and processes are a model of CPython's, not CPython's own: Pyodide cannot start threads, so each job runs on the virtual clock (threads taking turns for the GIL, processes in parallel), and the worker lanes drawn are the model's.";
/** Pyodide's signal number for an interrupt (SIGINT, raised as KeyboardInterrupt). */
const SIGINT = 2;

let worker: Worker | null = null;
let loaded: { version: string; loadMs: number; from: "snapshot" | "start" } | null = null;
// Cross-origin isolated pages share memory with workers: Stop can interrupt Python there.
const interrupt = typeof SharedArrayBuffer !== "undefined" && globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
let queue: Promise<unknown> = Promise.resolve();

/** CPython's version once Pyodide has loaded on this page, else null. */
export function pythonLoaded(): typeof loaded {
  return loaded;
}

function pythonWorker(): Worker {
  worker ??= new Worker(new URL("./python.worker.ts", import.meta.url), { type: "module", name: "playground-python" });
  return worker;
}

function endWorker(): void {
  worker?.terminate();
  worker = null;
  loaded = null;
}

/** A Python run as the views take it: the traceback goes to the console, before program-end. */
export function pythonResult(json: Omit<PythonRunJson, "events">, events: TraceEvent[]): RunResult {
  const end = events.at(-1)?.kind === "program-end" ? events.pop()! : ({ kind: "program-end", seq: 0, t: json.virtualEnd } as TraceEvent);
  const t = end.t;
  for (const text of json.traceback ?? []) events.push({ kind: "print", text, stream: "stderr", seq: 0, t });
  events.push(end);
  events.forEach((e, i) => (e.seq = i));
  return {
    version: TRACE_VERSION,
    stdout: json.stdout,
    stderr: [...json.stderr, ...(json.traceback ?? [])],
    virtualEnd: json.virtualEnd,
    error: json.error ? { message: json.error, line: json.errorLine ?? undefined } : undefined,
    notes: json.modelledThreads ? [MODELLED_THREADS] : undefined,
    events,
  };
}

/** Run Python source; `onLoading` is told when this run has to load Pyodide first. */
export function startPythonRun(source: string, onLoading?: () => void): RunHandle {
  let stop: () => void = () => undefined;
  let stopped = false;
  const outcome = new Promise<Outcome>((resolve) => {
    stop = () => {
      stopped = true;
      resolve({ kind: "stopped" });
    };
    queue = queue.then(() => (stopped ? undefined : runOne(source, resolve, (s) => (stop = s), onLoading)));
  });
  return { outcome, stop: () => stop() };
}

function runOne(source: string, resolve: (outcome: Outcome) => void, setStop: (stop: () => void) => void, onLoading?: () => void): Promise<void> {
  return new Promise<void>((finished) => {
    const target = pythonWorker();
    if (!loaded) onLoading?.();
    const events: TraceEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let limitHit = false;
    let loadTimer: ReturnType<typeof setTimeout> | undefined;
    const settle = (result: Outcome) => {
      clearTimeout(timer);
      clearTimeout(loadTimer);
      target.onmessage = null;
      target.onerror = null;
      resolve(result);
      finished();
    };
    const fail = (message: string) => {
      endWorker();
      settle({ kind: "crashed", message });
    };
    // Ask Python to stop; end its worker if it does not.
    const interruptNow = (then: () => void) => {
      if (interrupt) Atomics.store(interrupt, 0, SIGINT);
      clearTimeout(timer);
      timer = setTimeout(then, interrupt ? INTERRUPT_GRACE_SECONDS * 1000 : 0);
    };
    let stopRequested = false;
    setStop(() => {
      stopRequested = true;
      interruptNow(() => (endWorker(), settle({ kind: "stopped" })));
    });
    // Loading (and fetching the sample files) is bounded as a whole; the run, from "started".
    loadTimer = setTimeout(() => fail(`Python (Pyodide) did not load in ${LOAD_SECONDS} s. Press Run to try again.`), LOAD_SECONDS * 1000);
    target.onmessage = (event: MessageEvent<PythonReply>) => {
      const message = event.data;
      switch (message.kind) {
        case "loaded":
          loaded = { version: message.version, loadMs: message.loadMs, from: message.from };
          // For the tests and npm run bench: how Python started, and how long it took.
          performance.mark("python:loaded", { detail: loaded });
          return;
        case "started":
          clearTimeout(loadTimer);
          clearTimeout(timer);
          timer = setTimeout(() => {
            limitHit = true;
            interruptNow(() => fail(`Stopped: the Python program ran for ${RUN_SECONDS} s of real time (the time limit) and did not answer. Is a loop running without an await?`));
          }, RUN_SECONDS * 1000);
          return;
        case "events":
          for (const e of message.events) events.push(e);
          return;
        case "python-done": {
          const result = pythonResult(message.result, events);
          if (result.error?.message === "KeyboardInterrupt" && limitHit)
            result.error = { ...result.error, message: `LimitExceeded: Stopped: the Python program ran for ${RUN_SECONDS} s of real time (the time limit). Is a loop running without an await?` };
          if (interrupt) Atomics.store(interrupt, 0, 0);
          return settle(stopRequested ? { kind: "stopped" } : { kind: "done", result });
        }
        case "failed":
          return fail(message.message);
      }
    };
    target.onerror = (event) => {
      event.preventDefault();
      fail(`The Python worker could not start (${event.message || "its script did not load"}). Press Run to try again.`);
    };
    target.postMessage({ source, limits: { maxEvents: BROWSER_LIMITS.maxEvents, maxPrintedLines: BROWSER_LIMITS.maxPrintedLines, maxVirtualTime: BROWSER_LIMITS.maxVirtualTime }, interrupt } satisfies PythonRequest);
  });
}
