// The compiler worker: esbuild-wasm (served by this site, never a CDN) initialised once, lazily. If
// the wasm cannot load, the reply says so and the next compile tries again (a failed start is not
// kept).
import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { compileProgram, CompileError, ASYNCIO_EXPORTS } from "../../runtime/program/index.ts";
import type { CompileReply, CompileRequest } from "./protocol.ts";

let ready: Promise<void> | null = null;

// The page stops a compiler that falls silent: beat while a compile (the first one loads esbuild) runs.
let busy = 0;
let beating: ReturnType<typeof setInterval> | undefined;

// A runner waiting for the program hears first: it runs while the page is still to hear of the compile.
function post(reply: CompileReply, forward: MessagePort | undefined): void {
  if (--busy === 0) clearInterval(beating);
  if (forward) {
    forward.postMessage("program" in reply ? reply.program : null);
    forward.close();
  }
  self.postMessage(reply);
}

self.onmessage = async (event: MessageEvent<CompileRequest>) => {
  const { id, source, forward } = event.data;
  if (busy++ === 0) beating = setInterval(() => self.postMessage({ beat: true } satisfies CompileReply), 250);
  let reply: CompileReply;
  try {
    ready ??= esbuild.initialize({ wasmURL, worker: false });
    await ready;
  } catch (error) {
    ready = null;
    post({ id, ok: false, failure: `The compiler (esbuild.wasm) could not load: ${error instanceof Error ? error.message : String(error)}. Press Run to try again.` }, forward);
    return;
  }
  try {
    const program = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
    reply = { id, ok: true, program };
  } catch (error) {
    reply = error instanceof CompileError ? { id, ok: false, problems: error.problems } : { id, ok: false, failure: `The compiler failed: ${String(error)}` };
  }
  post(reply, forward);
};
