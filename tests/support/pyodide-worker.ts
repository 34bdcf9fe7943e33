// The Pyodide side of tests/support/pyodide.ts, a worker thread: it loads Pyodide with the harness
// once (pyodide-load.ts), and runs one program per message, each as in a fresh CPython process
// (virtual_asyncio.run_program). Before a program it says "started", so that the host can stop this
// thread if the program runs too long: Python running here cannot be interrupted from inside.
import { parentPort } from "node:worker_threads";
import { loadHarness } from "./pyodide-load.ts";

/** A program to run; `instrument` is Python source defining instrument() (see run_program). */
export interface WorkerRequest {
  id: number;
  source: string;
  instrument?: string;
  /** Record the run's trace too (src/python/trace_recorder.py): the result gains "events". */
  trace?: boolean;
}

export type WorkerReply =
  | { kind: "ready"; loadMs: number; version: string }
  | { kind: "started"; id: number }
  | { kind: "result"; id: number; json: string }
  | { kind: "failed"; id: number; message: string };

const BOOT = `
import gc
import virtual_asyncio
import trace_recorder

_instruments = {}

def run_json(source, instrument_source, traced):
    if traced:
        return trace_recorder.to_json(trace_recorder.run_traced(source))
    instrument = None
    if instrument_source:
        instrument = _instruments.get(instrument_source)
        if instrument is None:
            namespace = {"__name__": "instrument"}
            exec(instrument_source, namespace)
            instrument = _instruments[instrument_source] = namespace["instrument"]
    return trace_recorder.to_json(virtual_asyncio.run_program(source, instrument))

# What is loaded so far goes to the permanent generation: each program's gc.collect() skips it.
gc.collect()
gc.freeze()
`;

const port = parentPort!;
const { py, version, loadMs } = await loadHarness();
py.runPython(BOOT);
const runJson = py.globals.get("run_json") as (source: string, instrument: string | null, traced: boolean) => string;
port.postMessage({ kind: "ready", loadMs, version } satisfies WorkerReply);

port.on("message", (request: WorkerRequest) => {
  port.postMessage({ kind: "started", id: request.id } satisfies WorkerReply);
  try {
    port.postMessage({ kind: "result", id: request.id, json: runJson(request.source, request.instrument ?? null, request.trace ?? false) } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ kind: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
