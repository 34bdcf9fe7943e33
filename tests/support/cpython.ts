// Run a Python program under CPython's own asyncio on a virtual clock (tests/python/virtual_asyncio.py,
// in Pyodide: CPython 3.14 from npm), for differential tests: the same program in TypeScript and Python
// must print the same lines at the same virtual times.
import { consoleLines, type RunResult } from "../../src/runtime/trace/index.ts";
import { sharedPyodide, type PythonResult } from "./pyodide.ts";

export type { PythonResult } from "./pyodide.ts";

/** Run `source` (a Python program) through virtual_asyncio.py, as in a fresh CPython 3.14 process
 *  (Pyodide, loaded once per process: tests/support/pyodide.ts). */
export function runPython(source: string): Promise<PythonResult> {
  return sharedPyodide().run(source);
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
  if ("version" in result) {
    return { stdout: result.stdout, stamps: stdoutStamps(result), virtualEnd: result.virtualEnd, error: result.error?.message ?? null };
  }
  return { stdout: result.stdout, stamps: result.stamps, virtualEnd: result.virtualEnd, error: result.error };
}
