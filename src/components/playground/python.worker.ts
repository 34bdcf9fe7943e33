// The Python worker: CPython 3.14 (Pyodide, served by this site) running a playground's Python on
// CPython's own asyncio event loop with the virtual clock (src/python/virtual_asyncio.py), its trace
// recorded from the outside (src/python/trace_recorder.py) in the same format as the runtime's. Loaded
// once, on the first Python run of the page; each run then starts as in a fresh CPython process.
// Python holds the worker's thread while it runs (and for seconds while it starts), so the page
// bounds a load and a run in real time, and stops a run through the interrupt buffer (a
// KeyboardInterrupt in Python), or ends the worker where the page is not cross-origin isolated.
import type { PyodideAPI } from "pyodide";
import virtualAsyncio from "../../python/virtual_asyncio.py?raw";
import virtualThreads from "../../python/virtual_threads.py?raw";
import traceRecorder from "../../python/trace_recorder.py?raw";
import { parsePythonJson } from "../../python/python-json.ts";
import type { PythonReply, PythonRequest, PythonRunJson } from "./protocol.ts";

/** Events per message, as the TypeScript runner sends them. */
const BATCH = 1_000;

const send = (message: PythonReply) => self.postMessage(message);

let loading: Promise<PyodideAPI> | null = null;
let siteFiles: Promise<void> | null = null;

// Twins read the simulated network's files where a python3 in the project's folder would find them
// (open(f"public{path}")): fetched from the site once, on the first program that names one.
function fetchSiteFiles(py: PyodideAPI): Promise<void> {
  siteFiles ??= Promise.all(
    import.meta.env.PYTHON_SITE_FILES.map(async (name) => {
      const response = await fetch(`${import.meta.env.BASE_URL}${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      const path = `${py.FS.cwd()}/public/${name}`;
      py.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
      py.FS.writeFile(path, new Uint8Array(await response.arrayBuffer()));
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      siteFiles = null;
      throw error;
    },
  );
  return siteFiles;
}

// The interpreter as the site's build left it once started (src/integrations/pyodide-files.mjs),
// gzipped. A host may serve a .gz file as it is, or say it is gzip-encoded so that the browser
// unzips it: unzipped here only if it still starts as gzip does (1f 8b).
async function fetchSnapshot(): Promise<Uint8Array> {
  const response = await fetch(import.meta.env.PYODIDE_SNAPSHOT);
  if (!response.ok) throw new Error(`the snapshot: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

/** Pyodide started from the build's snapshot (~1 s), or from the start (~3.5 s) if that fails. */
async function startPyodide(): Promise<{ py: PyodideAPI; from: "snapshot" | "start" }> {
  const path = import.meta.env.PYODIDE_PATH;
  const { loadPyodide } = (await import(/* @vite-ignore */ `${path}pyodide.mjs`)) as typeof import("pyodide");
  const options = { indexURL: path, stdout: () => undefined, stderr: () => undefined };
  // Fetched while Pyodide compiles; its failure is handled below (not an unhandled rejection meanwhile).
  const snapshot = fetchSnapshot();
  snapshot.catch(() => undefined);
  try {
    return { py: await loadPyodide({ ...options, _loadSnapshot: snapshot }), from: "snapshot" };
  } catch (error) {
    console.warn(`Python starts without its snapshot (${error instanceof Error ? error.message : String(error)}).`);
    return { py: await loadPyodide(options), from: "start" };
  }
}

async function load(interrupt: Int32Array | undefined): Promise<PyodideAPI> {
  const started = performance.now();
  const { py, from } = await startPyodide();
  py.FS.mkdirTree("/harness");
  py.FS.writeFile("/harness/virtual_asyncio.py", virtualAsyncio);
  py.FS.writeFile("/harness/virtual_threads.py", virtualThreads);
  py.FS.writeFile("/harness/trace_recorder.py", traceRecorder);
  const version = String(py.runPython('import sys; sys.path.insert(0, "/harness"); import trace_recorder; sys.version.split()[0]'));
  if (interrupt) py.setInterruptBuffer(interrupt);
  send({ kind: "loaded", version, loadMs: performance.now() - started, from });
  return py;
}

/** Python, loaded (with the site's files the program names), or why a run cannot start. */
async function prepare(source: string, interrupt: Int32Array | undefined): Promise<PyodideAPI | string> {
  try {
    loading ??= load(interrupt);
    const py = await loading.catch((error) => {
      loading = null;
      throw new Error(`Python (Pyodide) could not load: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (/\bpublic\b|\/samples\//.test(source))
      await fetchSiteFiles(py).catch((error) => {
        throw new Error(`The site's sample files could not be fetched for Python: ${error instanceof Error ? error.message : String(error)}`);
      });
    return py;
  } catch (error) {
    return `${(error as Error).message}. Press Run to try again.`;
  }
}

self.onmessage = async (event: MessageEvent<PythonRequest>) => {
  const { source, limits, interrupt } = event.data;
  const py = await prepare(source, interrupt);
  if (typeof py === "string") return send({ kind: "failed", message: py });
  send({ kind: "started" });
  try {
    py.globals.set("playground_source", source);
    py.globals.set("playground_limits", py.toPy(limits));
    const json = String(py.runPython("import trace_recorder\ntrace_recorder.to_json(trace_recorder.run_traced(playground_source, playground_limits))"));
    const { events, ...rest } = parsePythonJson<PythonRunJson>(json);
    for (let i = 0; i < events.length; i += BATCH) send({ kind: "events", events: events.slice(i, i + BATCH) });
    send({ kind: "python-done", result: rest });
  } catch (error) {
    send({ kind: "failed", message: `Python failed: ${error instanceof Error ? error.message : String(error)}` });
  }
};

