// The compiler worker: esbuild-wasm (served by this site, never a CDN) initialised once, lazily. If
// the wasm cannot load, the reply says so and the next compile tries again (a failed start is not
// kept).
import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { compileProgram, CompileError, ASYNCIO_EXPORTS } from "../../runtime/program/index.ts";
import { COMPILES_TO_SETTLE, type CompileReply, type CompileRequest, type WarmRequest } from "./protocol.ts";

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

/** Compiles esbuild has made on this page, the reader's and the warm-up's. */
let compiles = 0;
/** The last program that compiled, which the warm-up compiles again, unseen. */
let warmSource: string | null = null;

/** One compile of the warm-up the page drives after the reader's first edit (browser-runner.ts's
 *  keepCompilerWarm), of the last program that compiled; it says how many compiles esbuild has made. */
async function warmOnce(): Promise<void> {
  if (warmSource !== null && compiles < COMPILES_TO_SETTLE) {
    compiles++;
    await compileProgram(warmSource, esbuild.transform as never, ASYNCIO_EXPORTS).catch(() => {});
  }
  self.postMessage({ warmed: warmSource === null ? 0 : compiles } satisfies CompileReply);
}

self.onmessage = async (event: MessageEvent<CompileRequest | WarmRequest>) => {
  if ("warm" in event.data) return warmOnce();
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
    compiles++;
    const program = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
    warmSource = source;
    reply = { id, ok: true, program };
  } catch (error) {
    reply = error instanceof CompileError ? { id, ok: false, problems: error.problems } : { id, ok: false, failure: `The compiler failed: ${String(error)}` };
  }
  post(reply, forward);
};
