// Build-time run of a lesson's program in Node, on the same runtime the browser uses, so each page
// ships with its console and diagram already drawn. A lesson whose code does not compile fails the
// build with a message for its author.
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS, CompileError, type RunOptions } from "../../runtime/program/index.ts";
import { type RunResult } from "../../runtime/trace/index.ts";
import { nodeNetworkHost, nodeWorkerHost } from "../../runtime/node/index.ts";

// The build runs in the project's folder: the simulated network serves its public/ files.
const network = nodeNetworkHost(`${process.cwd()}/public`);

const cache = new Map<string, Promise<RunResult>>();

/** Compile and run `code` once per distinct program (and options). */
export function prerender(code: string, where: string, options: Pick<RunOptions, "clock" | "model"> = {}): Promise<RunResult> {
  const key = `${options.clock}/${options.model}\n${code}`;
  let result = cache.get(key);
  if (!result) {
    result = compileProgram(code, esbuild.transform as never, ASYNCIO_EXPORTS)
      .then((program) => runProgram(program, { workers: nodeWorkerHost, network, ...options }))
      .catch((error) => {
        const detail = error instanceof CompileError ? error.message : String(error);
        throw new Error(`Playground ${where} does not compile:\n${detail}`);
      });
    cache.set(key, result);
  }
  return result;
}
