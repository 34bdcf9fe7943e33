// Run program pairs on both sides and compare: the TypeScript through the runtime (compiled with
// native esbuild, as tests/support/run-ts.ts does), the Python through CPython 3.14's own asyncio on
// a virtual clock (src/python/virtual_asyncio.py in Pyodide: one interpreter for many programs,
// each starting as a fresh CPython would).
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { nodeWorkerHost } from "../../src/runtime/node/index.ts";
import { observable } from "../support/cpython.ts";
import { sharedPyodide } from "../support/pyodide.ts";
import type { ProgramText } from "./ir.ts";

/** What both sides must agree on. */
export interface Outcome {
  /** Printed lines, in order. */
  stdout: string[];
  /** The virtual time of each printed line. */
  stamps: number[];
  /** Virtual seconds at the end (exactly equal: both clocks do the same float additions). */
  virtualEnd: number | null;
  /** "Type: message" of an exception that escaped the program, or null. */
  error: string | null;
}

/** Compile and run one playground program on the runtime. */
export async function runTypeScript(source: string): Promise<Outcome> {
  try {
    const compiled = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
    return observable(await runProgram(compiled, { workers: nodeWorkerHost }));
  } catch (error) {
    return { stdout: [], stamps: [], virtualEnd: null, error: `HarnessError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

/** Run many Python programs, each as in a fresh CPython (the process's Pyodide, run in order). */
export async function runPythonBatch(sources: readonly string[]): Promise<Outcome[]> {
  return (await sharedPyodide().runAll(sources)).map((r) => observable(r));
}

/**
 * CPython for batch after batch of programs: the process's Pyodide (tests/support/pyodide.ts), a
 * worker thread that runs them while the TypeScript side runs here. Batches are answered in the
 * order they were sent.
 */
export class PythonServer {
  private readonly instrument: string | undefined;

  /**
   * Plain CPython, or (`order`) CPython cancelling a TaskGroup's tasks and asyncio.run's leftover
   * tasks in creation order ("forward") or its reverse, where it would iterate a set
   * (tests/fuzz/perturbed_asyncio.py).
   */
  constructor(order?: "forward" | "reverse") {
    this.instrument = order && `import perturbed_asyncio\ndef instrument():\n    return perturbed_asyncio.perturb(reverse=${order === "reverse" ? "True" : "False"})\n`;
  }

  /** Run the programs, each as in a fresh CPython; outcomes in the same order. */
  async run(sources: readonly string[]): Promise<Outcome[]> {
    return (await sharedPyodide().runAll(sources, { instrument: this.instrument })).map((r) => observable(r));
  }

  /** Nothing to stop: the Pyodide thread is the process's, and idle it does not keep it alive. */
  close(): void {}
}

/** The first way the two outcomes differ, in words, or null if they agree. */
export function difference(ts: Outcome, py: Outcome, names: [string, string] = ["TypeScript", "CPython"]): string | null {
  const [a, b] = names;
  const n = Math.max(ts.stdout.length, py.stdout.length);
  for (let i = 0; i < n; i++) {
    if (ts.stdout[i] !== py.stdout[i])
      return `stdout line ${i + 1}: ${a} ${JSON.stringify(ts.stdout[i] ?? "<no line>")}, ${b} ${JSON.stringify(py.stdout[i] ?? "<no line>")}`;
  }
  for (let i = 0; i < n; i++) {
    if (ts.stamps[i] !== py.stamps[i])
      return `virtual time of stdout line ${i + 1} (${JSON.stringify(ts.stdout[i])}): ${a} ${ts.stamps[i]}, ${b} ${py.stamps[i]}`;
  }
  if (ts.virtualEnd !== py.virtualEnd) return `virtual end: ${a} ${ts.virtualEnd}, ${b} ${py.virtualEnd}`;
  if (ts.error !== py.error && !(isDeadlock(ts.error) && isDeadlock(py.error)))
    return `error: ${a} ${JSON.stringify(ts.error)}, ${b} ${JSON.stringify(py.error)}`;
  return null;
}

// Where CPython would hang forever (every task waiting, no timer), the harness raises "Deadlock: ..."
// and the runtime "Deadlock: ...": the same outcome in two wordings. (A program can
// deadlock in CPython 3.11 without meaning to: a TaskGroup that fails does not uncancel its parent,
// so a later timeout() in that task lets a CancelledError out, and a queue consumer may die of it.)
const isDeadlock = (error: string | null) => error !== null && /^Deadlock: /.test(error);

/** What kind of difference (kept while shrinking): "stdout", "virtual time", "virtual end" or "error". */
export function kindOf(difference: string): string {
  return /^(stdout|virtual time|virtual end|error)/.exec(difference)?.[1] ?? difference;
}

/** Both sides' outcomes for one program, and how they differ (null: they agree). */
export interface Comparison {
  ts: Outcome;
  py: Outcome;
  difference: string | null;
}

/**
 * Run every program on both sides: Python in batches of `batchSize` on `python` (sent at once;
 * the server answers them one after another) while the TypeScript side runs here, so the two use
 * two cores. `onResult` sees each comparison in order.
 */
export async function compareAll(
  programs: readonly ProgramText[],
  python: PythonServer,
  options: { batchSize?: number; onResult?: (index: number, c: Comparison) => void } = {},
): Promise<Comparison[]> {
  const batchSize = options.batchSize ?? 50;
  const batches: Promise<Outcome[]>[] = [];
  for (let start = 0; start < programs.length; start += batchSize) {
    const batch = python.run(programs.slice(start, start + batchSize).map((p) => p.py));
    batch.catch(() => {}); // reported when awaited below
    batches.push(batch);
  }
  const results: Comparison[] = [];
  for (let b = 0; b < batches.length; b++) {
    const start = b * batchSize;
    const tsOutcomes: Outcome[] = [];
    for (const p of programs.slice(start, start + batchSize)) tsOutcomes.push(await runTypeScript(p.ts));
    const pyOutcomes = await batches[b];
    tsOutcomes.forEach((ts, i) => {
      const c = { ts, py: pyOutcomes[i], difference: difference(ts, pyOutcomes[i]) };
      results.push(c);
      options.onResult?.(start + i, c);
    });
  }
  return results;
}
