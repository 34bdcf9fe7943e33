// A child process of `npm run bench` (part 1): load Pyodide (CPython in WebAssembly) with the
// virtual-clock harness, run one program through virtual_asyncio.run_program, and print one JSON line.
//   node scripts/bench-cpython.ts PROGRAM.py [--memory | --again]
// The program brackets its asyncio.run with bench_clock.start() / bench_clock.stop(): the real
// time.perf_counter (the harness swaps in the virtual clock while a program runs) and, with
// --memory, tracemalloc's peak (a separate run: tracemalloc slows Python down). With --again the
// program runs a second time in the same interpreter and that run is the one timed: the steady
// state, as a warm runner is (V8 compiles Pyodide's WebAssembly in tiers, as it does our JavaScript).
import { existsSync, readFileSync } from "node:fs";
import { loadHarness } from "../tests/support/pyodide-load.ts";

const [file, flag] = process.argv.slice(2);
const { py, version, loadMs } = await loadHarness();
const wasmBytes = () => (py as unknown as { _module: { HEAP8: Int8Array } })._module.HEAP8.buffer.byteLength;
py.runPython(`
import sys, time, tracemalloc, types
bench_clock = types.ModuleType("bench_clock")
bench_clock.perf_counter = time.perf_counter  # the real one, taken before any program runs
bench_clock.memory = ${flag === "--memory" ? "True" : "False"}
def _start():
    if bench_clock.memory:
        tracemalloc.start()
    bench_clock.t0 = bench_clock.perf_counter()
def _stop():
    bench_clock.seconds = bench_clock.perf_counter() - bench_clock.t0
    bench_clock.peak = tracemalloc.get_traced_memory()[1] if bench_clock.memory else None
    tracemalloc.stop()
bench_clock.start, bench_clock.stop = _start, _stop
sys.modules["bench_clock"] = bench_clock
import virtual_asyncio
`);
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
const loadCpuMs = cpuMs();
py.globals.set("source", readFileSync(file, "utf8"));
if (flag === "--again") {
  const first = py.runPython("virtual_asyncio.run_program(source)['error']");
  if (first) throw new Error(`the first run failed: ${first}`);
}
const wasmBefore = wasmBytes();
const started = performance.now();
const cpuStart = process.cpuUsage();
const error = py.runPython("virtual_asyncio.run_program(source)['error']");
const afterLoadMs = performance.now() - started;
const runCpuMs = cpuMs(cpuStart);
const clock = py.runPython("(bench_clock.seconds, bench_clock.peak)").toJs() as [number, number | null];
console.log(JSON.stringify({ version, loadMs, loadCpuMs, afterLoadMs, runMs: clock[0] * 1000, runCpuMs, cpuMs: cpuMs(), tracemallocPeak: clock[1], wasmGrowth: wasmBytes() - wasmBefore, wasmBytes: wasmBytes(), maxRSS: peakRss(), error }));

// This process's peak RSS: Linux's VmHWM (getrusage's maxRSS can start from the parent's RSS at fork).
function peakRss(): number {
  const hwm = /VmHWM:\s*(\d+) kB/.exec(existsSync("/proc/self/status") ? readFileSync("/proc/self/status", "utf8") : "");
  return hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
