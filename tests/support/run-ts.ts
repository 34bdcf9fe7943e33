// Compile and run a playground program in Node, exactly as the build's pre-rendering does.
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS, type RunOptions } from "../../src/runtime/program/index.ts";
import { type RunResult } from "../../src/runtime/trace/index.ts";
import { nodeNetworkHost, nodeWorkerHost } from "../../src/runtime/node/index.ts";

const network = nodeNetworkHost(fileURLToPath(new URL("../../public", import.meta.url)));

/** Compile `source` with native esbuild and run it on the runtime. */
export async function runTs(source: string, options?: RunOptions): Promise<RunResult> {
  const compiled = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
  return runProgram(compiled, { workers: nodeWorkerHost, network, ...options });
}
