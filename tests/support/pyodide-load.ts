// Load Pyodide (CPython 3.14 in WebAssembly) from node_modules/pyodide, with no network, and put the
// harness's Python files in /harness, on its sys.path. Used by the runner's worker thread
// (pyodide-worker.ts) and by tests/python/run-harness-tests.ts.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide, type PyodideAPI } from "pyodide";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** The site's public/ folder: the Python twins read the simulated network's files from it. */
const PUBLIC = here("../../public");
/** virtual_asyncio.py and what it imports, and the fuzzer's variant of it. */
export const HARNESS_FILES = [here("../../src/python/virtual_asyncio.py"), here("../../src/python/virtual_threads.py"), here("../../src/python/trace_recorder.py"), here("../fuzz/perturbed_asyncio.py")];

export interface LoadedPyodide {
  py: PyodideAPI;
  /** CPython's version, e.g. "3.14.2". */
  version: string;
  /** Real milliseconds the load took. */
  loadMs: number;
}

export async function loadHarness(files: readonly string[] = HARNESS_FILES): Promise<LoadedPyodide> {
  const started = performance.now();
  // Output outside a program (which captures its own) would be the harness's: show it.
  const py = await loadPyodide({ stdout: (line) => console.log(line), stderr: (line) => console.error(line) });
  py.FS.mkdirTree("/harness");
  for (const file of files) py.FS.writeFile(`/harness/${basename(file)}`, readFileSync(file, "utf8"));
  // Programs run where a native python3 in the project's folder would: open("public/...") works.
  py.mountNodeFS("/project/public", PUBLIC);
  const version = String(py.runPython('import os, sys; sys.path.insert(0, "/harness"); os.chdir("/project"); sys.version.split()[0]'));
  return { py, version, loadMs: performance.now() - started };
}
