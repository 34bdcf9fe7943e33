// Compile and run a playground program off the main thread. The compiler worker stays warm; each run
// gets a fresh runner worker, and a watchdog terminates it if the program never finishes (a
// `while (true) {}` would otherwise hold it forever), so the page never freezes.
import type { CompiledProgram } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";
import type { CompileReply, RunReply, RunRequest } from "./protocol.ts";

/** Real seconds a run may take before the watchdog stops it (real-time runs measure real work: more). */
export const WATCHDOG_SECONDS = { virtual: 10, real: 30 };

export type Outcome = { kind: "done"; result: RunResult } | { kind: "crashed"; message: string };

let compiler: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (reply: CompileReply) => void>();

function compilerWorker(): Worker {
  if (!compiler) {
    compiler = new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module", name: "playground-compiler" });
    compiler.onmessage = (event: MessageEvent<CompileReply>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
  }
  return compiler;
}

/** Compile in the compiler worker (loading esbuild-wasm the first time). */
export function compile(source: string): Promise<CompileReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    compilerWorker().postMessage({ id, source });
  });
}

/** Run a compiled program in a fresh worker, stopping it after WATCHDOG_SECONDS of real time. */
export function runCompiled(program: CompiledProgram, options: RunRequest["options"] = {}): Promise<Outcome> {
  const clock = options.clock ?? "virtual";
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./runner.worker.ts", import.meta.url), { type: "module", name: "playground-runner" });
    const limit = WATCHDOG_SECONDS[clock];
    const watchdog = setTimeout(() => {
      worker.terminate();
      resolve({
        kind: "crashed",
        message: `Stopped: the program ran for ${limit} s of real time without finishing. Is there a loop that never awaits?`,
      });
    }, limit * 1000);
    worker.onmessage = (event: MessageEvent<RunReply>) => {
      clearTimeout(watchdog);
      worker.terminate();
      const reply = event.data;
      resolve(reply.ok ? { kind: "done", result: reply.result } : { kind: "crashed", message: reply.message });
    };
    worker.onerror = (event) => {
      clearTimeout(watchdog);
      worker.terminate();
      resolve({ kind: "crashed", message: event.message || "The runner worker failed to start." });
    };
    worker.postMessage({ program, options } satisfies RunRequest);
  });
}
