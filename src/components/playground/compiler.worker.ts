// The compiler worker: esbuild-wasm (served by this site, never a CDN) initialised once, lazily. If
// the wasm cannot load, the reply says so and the next compile tries again (a failed start is not
// kept).
import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import { compileProgram, CompileError, ASYNCIO_EXPORTS } from "../../runtime/program/index.ts";
import { COMPILES_TO_SETTLE, type CompileOutcome, type CompileReply, type CompileRequest, type WarmRequest } from "./protocol.ts";

let ready: Promise<void> | null = null;

// The page stops a compiler that falls silent: beat while a compile (the first one loads esbuild) runs.
let busy = 0;
let beating: ReturnType<typeof setInterval> | undefined;

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

/** A compile, asked for once or more: its outcome once made; meanwhile, the ports of runners waiting
 *  for its program. */
interface Compile {
  source: string;
  made: Promise<CompileOutcome>;
  outcome?: CompileOutcome;
  runners: MessagePort[];
}

/** The last compile asked for, under way or done. Run pressed while the same code is being compiled
 *  (ahead, as the reader pressed Ctrl or a pointer on Run: browser-runner.ts's compileAhead) asks
 *  again with a runner's port: that compile's program goes to the runner, rather than the code being
 *  compiled twice. */
let latest: Compile | null = null;

function startCompile(source: string): Compile {
  const compile: Compile = { source, made: compileOnce(source), runners: [] };
  void compile.made.then((outcome) => {
    compile.outcome = outcome;
    for (const port of compile.runners.splice(0)) sendProgram(port, outcome);
  });
  return compile;
}

// A runner waiting for the program hears first, as soon as it is made: it runs while the page is
// still to hear of the compile.
function sendProgram(runner: MessagePort, outcome: CompileOutcome): void {
  runner.postMessage("program" in outcome ? outcome.program : null);
  runner.close();
}

self.onmessage = async (event: MessageEvent<CompileRequest | WarmRequest>) => {
  if ("warm" in event.data) return warmOnce();
  const { id, source, forward } = event.data;
  if (busy++ === 0) beating = setInterval(() => self.postMessage({ beat: true } satisfies CompileReply), 250);
  if (latest?.source !== source) latest = startCompile(source);
  const asked = latest;
  if (forward) {
    if (asked.outcome) sendProgram(forward, asked.outcome);
    else asked.runners.push(forward);
  }
  const outcome = await asked.made;
  // The compiler's own failure is not kept: the next request tries again.
  if ("failure" in outcome && latest === asked) latest = null;
  if (--busy === 0) clearInterval(beating);
  self.postMessage({ id, ...outcome } satisfies CompileReply);
};

async function compileOnce(source: string): Promise<CompileOutcome> {
  try {
    ready ??= esbuild.initialize({ wasmURL, worker: false });
    await ready;
  } catch (error) {
    ready = null;
    return { ok: false, failure: `The compiler (esbuild.wasm) could not load: ${error instanceof Error ? error.message : String(error)}. Press Run to try again.` };
  }
  try {
    compiles++;
    const program = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
    warmSource = source;
    return { ok: true, program };
  } catch (error) {
    return error instanceof CompileError ? { ok: false, problems: error.problems } : { ok: false, failure: `The compiler failed: ${String(error)}` };
  }
}
