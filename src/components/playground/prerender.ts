// Build-time run of a lesson's program in Node, on the same runtime the browser uses, so each page
// ships with its console and diagram already drawn, and with the compiled program (the same esbuild
// version as the browser's esbuild-wasm compiles it alike), so a Run of the lesson's own code needs no
// compiler. A lesson whose code does not compile fails the build with a message for its author.
import * as esbuild from "esbuild";
import { compileProgram, runProgram, compactTrace, resultHead, ASYNCIO_EXPORTS, CompileError, type CompiledProgram, type RunOptions } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";
import { nodeNetworkHost, nodeWorkerHost } from "../../runtime/node/index.ts";
import { compactJson, type ShippedRun } from "./shipped-run.ts";

// The build runs in the project's folder: the simulated network serves its public/ files.
const network = nodeNetworkHost(`${process.cwd()}/public`);

const compiles = new Map<string, Promise<CompiledProgram>>();
const runs = new Map<string, Promise<ShippedRun>>();

/** Compile `code` once per distinct program. */
export function compiledAtBuild(code: string, where: string): Promise<CompiledProgram> {
  let program = compiles.get(code);
  if (!program) {
    program = compileProgram(code, esbuild.transform as never, ASYNCIO_EXPORTS).catch((error) => {
      const detail = error instanceof CompileError ? error.message : String(error);
      throw new Error(`Playground ${where} does not compile:\n${detail}`);
    });
    compiles.set(code, program);
  }
  return program;
}

/** Compile and run `code` once per distinct program (and options): the run as the page ships it. */
export function prerender(code: string, where: string, options: Pick<RunOptions, "clock" | "model"> = {}): Promise<ShippedRun> {
  const key = `${options.clock}/${options.model}\n${code}`;
  let shipped = runs.get(key);
  if (!shipped) {
    shipped = compiledAtBuild(code, where)
      .then((program) => runProgram(program, { workers: nodeWorkerHost, network, ...options }))
      .then(shippedRun);
    runs.set(key, shipped);
  }
  return shipped;
}

/** A run as the page ships it (shipped-run.ts): its events in their compact form. */
export function shippedRun(result: RunResult): ShippedRun {
  return { ...resultHead(result), compactEvents: compactJson(compactTrace(result)) };
}
