// Run a Python program under CPython's own asyncio on a virtual clock (tests/python/virtual_asyncio.py),
// for differential tests: the same program in TypeScript and Python must print the same lines at the
// same virtual times.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { consoleLines } from "../../src/runtime/trace/index.ts";
import type { RunResult } from "../../src/runtime/trace/index.ts";

const TOOL = fileURLToPath(new URL("../python/virtual_asyncio.py", import.meta.url));
const PYTHON = process.env.PYTHON ?? "python3";

/** What virtual_asyncio.py prints for one program. */
export interface PythonResult {
  /** Printed lines, in order. */
  stdout: string[];
  /** The virtual time at which each stdout line was completed. */
  stamps: number[];
  /** Virtual seconds when the program ended. */
  virtualEnd: number;
  /** Warnings and logged errors ("Task exception was never retrieved", ...). */
  stderr: string[];
  /** "Type: message" of an uncaught exception, or null. */
  error: string | null;
}

/** Run `source` (a Python program) through virtual_asyncio.py in a fresh CPython process. */
export function runPython(source: string): Promise<PythonResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, [TOOL, "-"], { timeout: 20_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`virtual_asyncio.py failed: ${error.message}\n${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as PythonResult);
      } catch {
        reject(new Error(`virtual_asyncio.py printed no JSON:\n${stdout}\n${stderr}`));
      }
    });
    child.stdin!.end(source);
  });
}

/** The virtual time of each stdout line of a TypeScript run, from its print events (Python's `stamps`). */
export function stdoutStamps(result: RunResult): number[] {
  return consoleLines(result.events)
    .filter((l) => l.stream === "stdout")
    .map((l) => l.t);
}

/** Strip the common leading indentation, so Python twins can be written inline in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").replace(/\n[ \t]*$/, "\n").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

/** The parts of a run that a TypeScript program and its Python twin must agree on. */
export function observable(result: RunResult | PythonResult) {
  if ("events" in result) {
    return { stdout: result.stdout, stamps: stdoutStamps(result), virtualEnd: result.virtualEnd, error: result.error?.message ?? null };
  }
  return { stdout: result.stdout, stamps: result.stamps, virtualEnd: result.virtualEnd, error: result.error };
}
