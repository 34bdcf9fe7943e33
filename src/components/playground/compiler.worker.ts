// The compiler worker: esbuild-wasm (served by this site, never a CDN) initialised once, lazily.
import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { compileProgram, CompileError, ASYNCIO_EXPORTS } from "../../runtime/program/index.ts";
import type { CompileReply, CompileRequest } from "./protocol.ts";

let ready: Promise<void> | null = null;

self.onmessage = async (event: MessageEvent<CompileRequest>) => {
  const { id, source } = event.data;
  let reply: CompileReply;
  try {
    ready ??= esbuild.initialize({ wasmURL, worker: false });
    await ready;
    const program = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
    reply = { id, ok: true, program };
  } catch (error) {
    const problems = error instanceof CompileError ? error.problems : [{ message: String(error), line: 1, column: 1 }];
    reply = { id, ok: false, problems };
  }
  self.postMessage(reply);
};
