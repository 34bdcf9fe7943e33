// Build-time run of a lesson's program in Node, on the same runtime the browser uses, so each page
// ships with its console and diagram already drawn. A lesson whose code does not compile fails the
// build with a message for its author.
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS, CompileError, type RunResult } from "../../runtime/index.ts";
import { nodeWorkerHost } from "../../runtime/node-worker-host.ts";

const cache = new Map<string, Promise<RunResult>>();

/** Compile and run `code` once per distinct program. */
export function prerender(code: string, where: string): Promise<RunResult> {
  let result = cache.get(code);
  if (!result) {
    result = compileProgram(code, esbuild.transform as never, ASYNCIO_EXPORTS)
      .then((program) => runProgram(program, { workers: nodeWorkerHost }))
      .catch((error) => {
        const detail = error instanceof CompileError ? error.message : String(error);
        throw new Error(`Playground ${where} does not compile:\n${detail}`);
      });
    cache.set(code, result);
  }
  return result;
}
