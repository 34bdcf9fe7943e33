// Messages between the page and its two workers: the compiler (esbuild-wasm, kept warm) and the
// runner (one fresh worker per run, so a runaway program can be stopped by terminating it).
import type { CompiledProgram, CompileProblem } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";
import type { RunOptions } from "../../runtime/program/index.ts";

export type CompileRequest = { id: number; source: string };
export type CompileReply =
  | { id: number; ok: true; program: CompiledProgram }
  | { id: number; ok: false; problems: CompileProblem[] };

export type RunRequest = { program: CompiledProgram; options: Pick<RunOptions, "clock" | "model"> };
export type RunReply = { ok: true; result: RunResult } | { ok: false; message: string };
