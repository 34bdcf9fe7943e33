// Messages between the page and its two workers: the compiler (esbuild-wasm, kept warm) and the
// runner (kept warm between runs while they leave nothing behind; a runaway program is stopped by
// terminating its worker).
import type { CompiledProgram, CompileProblem, RunOptions } from "../../runtime/program/index.ts";
import type { RunResult, TraceEvent, PackedEvents } from "../../runtime/trace/index.ts";

/** Compiles after which esbuild.wasm runs at its settled speed. V8 first runs a wasm function as its
 *  baseline compiler (Liftoff) made it, and optimises it (TurboFan) once it has run enough; some of
 *  esbuild's paths run only now and then, so for its first ~200 compiles one in three or four took
 *  5–15 ms where the rest took 1–2 (Chromium, a lesson's program: p95 of Go's time 10–13 ms over
 *  compiles 20–120, 2.7–2.9 ms over 200–300; with `--no-liftoff` it is settled at once). V8 keeps
 *  none of it for the next page. */
export const COMPILES_TO_SETTLE = 200;

/** `forward`: where to send the program too (or null, if it did not compile): the port of a runner
 *  waiting for it (browser-runner.ts's compileAndRun). */
export type CompileRequest = { id: number; source: string; forward?: MessagePort };
/** Compile the last program that compiled once more, unseen (browser-runner.ts's keepCompilerWarm). */
export type WarmRequest = { warm: true };
/** What a compile comes to: the program, the problems in the reader's code, or (`failure`) that the
 *  compiler itself could not run (esbuild.wasm failed to load): the next compile tries again. */
export type CompileOutcome = { ok: true; program: CompiledProgram } | { ok: false; problems: CompileProblem[] } | { ok: false; failure: string };
export type CompileReply =
  | (CompileOutcome & { id: number })
  /** The compiler is alive and working (it beats while a compile is under way). */
  | { beat: true }
  /** A warm-up compile is done: esbuild has made this many compiles (0: nothing has compiled yet). */
  | { warmed: number };

/** A run; `program`, or the port through which the compiler sends it (null: it did not compile, and
 *  nothing runs); `reply`: where a small run's reply is written too, for the page's next frame (reply-slot.ts). */
export type RunRequest = { program: CompiledProgram | MessagePort; options: Pick<RunOptions, "clock" | "model" | "limits">; reply?: { slot: SharedArrayBuffer; run: number } };

/** What the page asks of a runner: a run; after it, the news that its run is painted; before the
 *  first, to start the job workers (threads, processes) the lesson's run is expected to take. */
export type RunnerRequest = RunRequest | { kind: "painted" } | { kind: "prestart"; jobWorkers: number };

/** What the runner says: that it has started, then while it runs (beats), the trace in batches
 *  (packed in typed arrays it transfers: trace/packed.ts), the rest of the result; then whether it may run the next program (realm-audit.ts), or why not. */
export type RunnerMessage =
  /** The worker's script has loaded and run (its first message). */
  | { kind: "ready" }
  | { kind: "beat" }
  | { kind: "events"; packed: PackedEvents }
  | { kind: "done"; result: Omit<RunResult, "events"> }
  | { kind: "failed"; message: string }
  /** The compiler sent no program (it did not compile): nothing ran. */
  | { kind: "uncompiled" }
  | { kind: "reusable" }
  | { kind: "spent"; why: string };

/** A Python run: its source, the page's caps (trace_recorder.LIMITS), and, on a cross-origin
 *  isolated page, the buffer through which the page interrupts it (the first request's is kept). */
export type PythonRequest = {
  source: string;
  limits: { maxEvents: number; maxPrintedLines: number; maxVirtualTime: number };
  interrupt?: Int32Array;
};

/** What the Python worker says: "loaded" once, "started" when the program starts, then the trace
 *  in batches and the rest of the result. */
export type PythonReply =
  /** Pyodide started, from the build's memory snapshot or from the start (when that failed). */
  | { kind: "loaded"; version: string; loadMs: number; from: "snapshot" | "start" }
  | { kind: "started" }
  | { kind: "events"; events: TraceEvent[] }
  | { kind: "python-done"; result: Omit<PythonRunJson, "events"> }
  | { kind: "failed"; message: string };

/** What trace_recorder.run_traced returns (virtual_asyncio.run's result, plus the trace). */
export interface PythonRunJson {
  stdout: string[];
  stderr: string[];
  virtualEnd: number;
  /** "Type: message" of an uncaught exception, or null. */
  error: string | null;
  /** The program's line the exception came from, and Python's traceback cut to the program's frames. */
  errorLine?: number | null;
  traceback?: string[];
  /** A job ran on a modelled thread or process (src/python/virtual_threads.py). */
  modelledThreads?: boolean;
  events: TraceEvent[];
}
