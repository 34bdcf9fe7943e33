// Run program pairs on both sides and compare: the TypeScript through the runtime (compiled with
// native esbuild, as tests/support/run-ts.ts does), the Python through CPython's own asyncio on a
// virtual clock (tests/python/virtual_asyncio.py --batch: one process for many programs, each in a
// forked child that starts as a fresh CPython would).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { nodeWorkerHost } from "../../src/runtime/node/index.ts";
import { observable, type PythonResult } from "../support/cpython.ts";
import type { ProgramText } from "./ir.ts";

const TOOL = fileURLToPath(new URL("../python/virtual_asyncio.py", import.meta.url));
/** The same server, with the orders CPython leaves to sets fixed (see perturbed_asyncio.py). */
const PERTURBED_TOOL = fileURLToPath(new URL("./perturbed_asyncio.py", import.meta.url));
const PYTHON = process.env.PYTHON ?? "python3";

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

/** Run many Python programs in one virtual_asyncio.py --batch process. */
export function runPythonBatch(sources: readonly string[]): Promise<Outcome[]> {
  if (!sources.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [TOOL, "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      const text = Buffer.concat(out).toString("utf8");
      if (code !== 0) return reject(new Error(`virtual_asyncio.py --batch exited with ${code}:\n${Buffer.concat(err).toString("utf8")}`));
      try {
        resolve(toOutcomes(JSON.parse(text), sources.length));
      } catch (error) {
        reject(new Error(`virtual_asyncio.py --batch printed no usable JSON (${String(error)}):\n${text.slice(0, 2000)}`));
      }
    });
    child.stdin.end(JSON.stringify(sources));
  });
}

function toOutcomes(results: PythonResult[], expected: number): Outcome[] {
  if (!Array.isArray(results) || results.length !== expected) throw new Error(`${results?.length} results for ${expected} programs`);
  return results.map((r) => observable(r));
}

/**
 * One long-lived `virtual_asyncio.py --serve` process: batch after batch without paying CPython's
 * start-up (~0.1-0.3 s) each time. Batches are answered in the order they were sent. close() it.
 */
export class PythonServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { expected: number; resolve: (o: Outcome[]) => void; reject: (e: Error) => void }[] = [];
  private buffered = "";
  private stderr = "";
  private failure: Error | null = null;

  /**
   * Plain CPython, or (`order`) CPython cancelling a TaskGroup's tasks and asyncio.run's leftover
   * tasks in creation order ("forward") or its reverse, where it would iterate a set
   * (tests/fuzz/perturbed_asyncio.py).
   */
  constructor(order?: "forward" | "reverse") {
    const args = order ? [PERTURBED_TOOL, order] : [TOOL, "--serve"];
    this.child = spawn(PYTHON, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.setEncoding("utf8");
    this.child.stderr.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.buffered += chunk;
      for (let nl = this.buffered.indexOf("\n"); nl >= 0; nl = this.buffered.indexOf("\n")) {
        const answer = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        const request = this.waiting.shift();
        if (!request) continue;
        try {
          request.resolve(toOutcomes(JSON.parse(answer), request.expected));
        } catch (error) {
          request.reject(new Error(`virtual_asyncio.py --serve answered with no usable JSON (${String(error)}): ${answer.slice(0, 2000)}`));
        }
      }
    });
    this.child.stderr.on("data", (chunk: string) => (this.stderr += chunk));
    const fail = (why: string) => {
      this.failure = new Error(`virtual_asyncio.py --serve ${why}\n${this.stderr}`);
      for (const request of this.waiting.splice(0)) request.reject(this.failure);
    };
    this.child.on("error", (error) => fail(`failed: ${error.message}`));
    this.child.on("exit", (code, signal) => fail(`exited (${signal ?? code})`));
  }

  /** Run the programs, each as in a fresh CPython; outcomes in the same order. */
  run(sources: readonly string[]): Promise<Outcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (!sources.length) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ expected: sources.length, resolve, reject });
      this.child.stdin.write(JSON.stringify(sources) + "\n");
    });
  }

  close(): void {
    this.child.stdin.end();
  }
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
