// Messages between the page and its two workers: the compiler (esbuild-wasm, kept warm) and the
// runner (one fresh worker per run, so a runaway program can be stopped by terminating it).
import type { CompiledProgram, CompileProblem, RunOptions } from "../../runtime/program/index.ts";
import type { RunResult, TraceEvent } from "../../runtime/trace/index.ts";

export type CompileRequest = { id: number; source: string };
export type CompileReply =
  | { id: number; ok: true; program: CompiledProgram }
  | { id: number; ok: false; problems: CompileProblem[] }
  /** The compiler itself could not run (esbuild.wasm failed to load): the next compile tries again. */
  | { id: number; ok: false; failure: string }
  /** The compiler is alive and working (it beats while a compile is under way). */
  | { beat: true };

export type RunRequest = { program: CompiledProgram; options: Pick<RunOptions, "clock" | "model" | "limits"> };

/** What the runner says while it runs (beats), then the trace in batches, then the rest of the result. */
export type RunnerMessage =
  | { kind: "beat" }
  | { kind: "events"; events: TraceEvent[] }
  | { kind: "done"; result: Omit<RunResult, "events"> }
  | { kind: "failed"; message: string };
