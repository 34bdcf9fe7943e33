// Run a playground program in Node on the site's runtime:
//   npm run trace -- program.ts            printed lines with their virtual times, then the end time
//   npm run trace -- program.ts --json     one JSON object: { stdout, stderr, virtualEnd, error, events, version }
//   npm run trace -- program.ts --json=compact   the same, with the trace in its compact form instead of
//                                           "events" (src/content/docs/reference/trace-format.mdx); also --compact
//   npm run trace -- program.ts --svg out.svg   also write the timing diagram
//   npm run trace -- program.ts --real      on the wall clock (real-time mode) instead of the virtual one
//   npm run trace -- program.ts --eager     JavaScript's eager async calls instead of asyncio's lazy coroutines
//   npm run trace -- program.ts --stats     also, on stderr, one JSON line: the run's real time and memory
//                                           (what npm run bench reads; `node scripts/trace.mjs` is npm run trace)
//   npm run trace -- program.ts --stats --live-heap   and the live JS heap's peak (sampled, slower)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { parseArgs } from "node:util";
import { getHeapStatistics, GCProfiler, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Node's compile cache, as Python's .pyc files: the runtime's bundle is compiled once, then read back
// from disk. So it is imported after it. trace.mjs, the entry, has turned it on already; this is for
// `node scripts/trace.ts`.
enableCompileCache?.();
// esbuild's service, its Go binary, starts at its first call: called at once, it starts while the
// runtime loads, and is ready for the program (and for the runtime's bundle, when it is made again).
const loadingEsbuild = import("esbuild").then((esbuild) => (esbuild.transform("").catch(() => {}), esbuild));
const [esbuild, { compileProgram, runProgram, compactTrace, selectEvents, traceBytes, CompileError, ASYNCIO_EXPORTS, nodeNetworkHost, nodeWorkerHost }] = await Promise.all([
  loadingEsbuild,
  // The runtime's modules, bundled as one (runtime-bundle.mjs): its types are the sources'.
  (await import("./runtime-bundle.mjs")).loadRuntime(loadingEsbuild) as Promise<typeof import("../src/runtime/program/index.ts") & typeof import("../src/runtime/node/index.ts")>,
]);

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).map((arg) => (arg === "--json=compact" ? "--compact" : arg)),
  allowPositionals: true,
  options: { json: { type: "boolean" }, compact: { type: "boolean" }, real: { type: "boolean" }, eager: { type: "boolean" }, svg: { type: "string" }, stats: { type: "boolean" }, "live-heap": { type: "boolean" }, help: { type: "boolean", short: "h" } },
});
const file = positionals[0];
if (values.help || !file) {
  console.error("usage: npm run trace -- program.ts [--json | --json=compact] [--svg diagram.svg] [--real] [--eager] [--stats]");
  process.exit(file ? 0 : 2);
}

let program;
try {
  program = await compileProgram(readFileSync(file, "utf8"), esbuild.transform as never, ASYNCIO_EXPORTS);
} catch (error) {
  if (!(error instanceof CompileError)) throw error;
  for (const p of error.problems) console.error(`${file}:${p.line}:${p.column}: ${p.message}`);
  process.exit(1);
}
const network = nodeNetworkHost(new URL("../public", import.meta.url).pathname);
// The JavaScript heap (heap used + array buffers, i.e. the trace's columns), nearer than the RSS to
// what tracemalloc counts (Python's objects). Its peak: read by V8 before every collection, so
// garbage not yet collected counts. With --live-heap (slower), what is still reachable: a full
// collection every LIVE_HEAP_EVERY s of the run's real time and at its end. At the page's
// heartbeat (0.25 s) a run of ~0.3 s was sampled once or twice, and the peak read 10.3 or 18.3 MB
// by where the samples fell; tasks end all through the run while its trace grows.
const LIVE_HEAP_EVERY = 0.01;
const heapNow = () => getHeapStatistics().used_heap_size + getHeapStatistics().external_memory;
let collect: (() => void) | undefined;
if (values["live-heap"]) {
  setFlagsFromString("--expose-gc");
  collect = runInNewContext("gc") as () => void;
  collect();
}
// The peak, what the trace took then, and the peak of the rest (the scheduler's own state), which
// comes earlier: while every task waits and the trace is still short.
let heapLive = 0;
let heapLiveTrace = 0;
let restLive = 0;
const sampleLive = (traceBytes: number) => {
  collect!();
  const heap = heapNow();
  if (heap > heapLive) [heapLive, heapLiveTrace] = [heap, traceBytes];
  restLive = Math.max(restLive, heap - traceBytes);
};
const rssBefore = process.memoryUsage().rss;
const heapBefore = heapNow();
const gcs = values.stats ? new GCProfiler() : null;
gcs?.start();
const started = performance.now();
const cpuStarted = process.cpuUsage();
const result = await runProgram(program, { workers: nodeWorkerHost, network, clock: values.real ? "real" : "virtual", model: values.eager ? "eager" : "lazy", onHeartbeat: collect && sampleLive, heartbeatSeconds: collect && LIVE_HEAP_EVERY });
if (collect) sampleLive(traceBytes(result) ?? 0);

const runMs = performance.now() - started;
const runCpu = process.cpuUsage(cpuStarted);
if (values.stats) {
  // The process's peak RSS (minus the RSS before the run: what the run itself took). Linux's VmHWM
  // is this process's own; getrusage's maxRSS can start from the parent's RSS at fork.
  const hwm = /VmHWM:\s*(\d+) kB/.exec(existsSync("/proc/self/status") ? readFileSync("/proc/self/status", "utf8") : "");
  const maxRSS = hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
  const { user, system } = process.cpuUsage(); // the whole process's CPU time so far, every thread
  const heap = (h: { usedHeapSize: number; externalMemory: number }) => h.usedHeapSize + h.externalMemory;
  const heapPeak = Math.max(heapNow(), ...gcs!.stop()!.statistics.map((gc) => heap(gc.beforeGC.heapStatistics)));
  console.error(JSON.stringify({ runMs, runCpuMs: (runCpu.user + runCpu.system) / 1000, rssBefore, maxRSS, heapUsed: process.memoryUsage().heapUsed, heapBefore, heapPeak, heapLive: collect ? heapLive : null, heapLiveTrace, restLive, traceBytes: traceBytes(result), cpuMs: (user + system) / 1000 }));
}
if (values.svg) {
  // Loaded only here: the diagram is React (.tsx), which Node's type stripping does not read, so
  // tsx's loader is registered first; the rest runs on plain node.
  (await import("tsx/esm/api")).register();
  const [{ createElement }, { renderToStaticMarkup }, { TimingDiagramSvg }, { deriveTimeline }] = await Promise.all([import("react"), import("react-dom/server"), import("../src/components/timing/TimingDiagram.tsx"), import("../src/runtime/trace/index.ts")]);
  const svg = renderToStaticMarkup(createElement(TimingDiagramSvg, { timeline: deriveTimeline(result.events), idPrefix: "trace", standalone: true }));
  writeFileSync(values.svg, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
}
if (values.compact) {
  // Written field by field: reading result.events would make the objects the compact form avoids.
  const { version, stdout, stderr, virtualEnd, error, notes } = result;
  console.log(JSON.stringify({ version, stdout, stderr, virtualEnd, error, notes, trace: compactTrace(result) }));
} else if (values.json) {
  console.log(JSON.stringify(result));
} else {
  for (const e of selectEvents(result, ["print"])) {
    if (e.kind !== "print") continue;
    const prefix = e.stream === "stderr" ? "!" : " ";
    for (const line of e.text.split("\n")) console.log(`${prefix}[${e.t.toFixed(3)}] ${line}`);
  }
  console.log(`ended at ${result.virtualEnd.toFixed(3)} s${result.error ? ` with ${result.error.message}` : ""}`);
}
process.exitCode = result.error ? 1 : 0;
// Once the output is written, exit at once: the natural exit tears down the heap the run grew
// (~20 ms of a ~500 ms run of 10,000 tasks × 10 sleeps). Pipes may be written asynchronously.
const flushed = (stream: NodeJS.WriteStream) => new Promise((resolve) => stream.write("", resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();
