// `npm run bench`: figures to watch, printed as ratios and against budgets. Never a pass/fail test:
// the machines are shared and noisy.
//   1. scheduler: 10,000 tasks × 10 sleeps, our runtime (full trace) vs CPython's asyncio (virtual
//      clock): in-process and whole-process time, peak memory (the run's RSS growth, and beside it
//      the live JS heap, nearer tracemalloc's measure); the reference CPython 3.14 in Pyodide
//      (scripts/bench-cpython.ts), and a native python3 too if one is on PATH; and the stepper's states
//      on that trace's 587,000 steps (index, a step, a jump)
//   2. compile latency: the compiler on a lesson-sized program (native esbuild, warm)
//   3. the build (astro build into dist/, timed; scripts/bench-build.ts), and page weight: what a
//      chapter page loads up front, and what loads only when a playground is used
//   4. threads: the real cost of a job in a worker (virtual clock), and the real-world pipeline's
//      totals on this machine (real clock): sync vs async 2 vs async 3
//   5. in Chromium on the built site: Run → diagram, the first Run, Python's first run, and big traces
//      (a 1,000-task diagram painted, its stepper scrubbed frame by frame, the largest trace) (bench-browser.ts)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS } from "../src/runtime/program/index.ts";
import { StepIndex, stepState, type RunResult } from "../src/runtime/trace/index.ts";
import { nodeNetworkHost, nodeWorkerHost } from "../src/runtime/node/index.ts";
import { benchBrowser } from "./bench-browser.ts";
import { benchBuild } from "./bench-build.ts";

// Part 1 is the issue's program (#17): 10,000 tasks × 10 sleeps, each side measured RUNS times in
// this same bench run; medians and p95s, ratios against the budgets, never an assertion.
const TASKS = 10_000;
const SLEEPS = 10;
const RUNS = 5;
const ts = `import { run, createTask, sleep } from "asyncio";
async function worker(i: number) { for (let k = 0; k < ${SLEEPS}; k++) await sleep((i % 7) * 0.001); }
async function main() { const tasks = []; for (let i = 0; i < ${TASKS}; i++) tasks.push(createTask(worker(i))); for (const t of tasks) await t; }
await run(main());`;
// bench_clock (scripts/bench-cpython.ts) times asyncio.run on the real clock inside Pyodide.
const py = (clocked: boolean) => `import asyncio${clocked ? ", bench_clock" : ""}
async def worker(i):
    for k in range(${SLEEPS}):
        await asyncio.sleep((i % 7) * 0.001)
async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(${TASKS})]
    for t in tasks:
        await t
${clocked ? "bench_clock.start()\n" : ""}asyncio.run(main())${clocked ? "\nbench_clock.stop()" : ""}`;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
/** Nearest-rank p95 (of 5 runs: the slowest). */
const p95 = (xs: number[]) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, p95 ${p95(xs).toFixed(0)} ms`;
const mbs = (xs: number[]) => `median ${mb(median(xs))}, p95 ${mb(p95(xs))}`;
const verdict = (met: boolean) => (met ? "met" : "NOT met");
/** Wall time of a child process, and what it printed. */
function child(command: string, args: string[], input?: string) {
  const start = performance.now();
  const out = spawnSync(command, args, { encoding: "utf8", input, maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${out.stderr}`);
  return { ms: performance.now() - start, stdout: out.stdout, stderr: out.stderr };
}

console.log(`1. Scheduler: ${TASKS.toLocaleString("en-US")} tasks × ${SLEEPS} sleeps, ours with the full trace recorded; ${RUNS} runs each`);
const dir = mkdtempSync(join(tmpdir(), "bench-"));
writeFileSync(join(dir, "program.ts"), ts);
writeFileSync(join(dir, "program.py"), py(true));
// The runs interleave (ours in-process, ours in a child, CPython in a child, then again), so a
// machine that gets busier or quieter meanwhile weighs on both sides alike. CPU time (user + system,
// every thread) is printed beside the wall time: it moves much less with the machine's load.
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
// npm run trace's command (package.json), run as npm runs it: node, V8's flags, scripts/trace.mjs.
const TRACE_COMMAND = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { trace: string } }).scripts.trace;
const TRACE_ARGS = TRACE_COMMAND.split(" ").slice(1);
const program = await compileProgram(ts, esbuild.transform as never, ASYNCIO_EXPORTS);
// CPython 3.14 in Pyodide: a fresh node process per run (scripts/bench-cpython.ts), which loads
// Pyodide, runs the program through src/python/virtual_asyncio.py and times asyncio.run in Python.
interface OurStats { runMs: number; runCpuMs: number; rssBefore: number; maxRSS: number; cpuMs: number; heapBefore: number; heapPeak: number; heapLive: number | null; heapLiveTrace?: number; restLive?: number; traceBytes: number }
interface CPythonRun { version: string; loadMs: number; loadCpuMs: number; runMs: number; runCpuMs: number; cpuMs: number; tracemallocPeak: number | null; wasmGrowth: number; maxRSS: number }
const f = { oursIn: [] as number[], oursInCpu: [] as number[], oursFirst: [] as number[], oursFirstCpu: [] as number[], oursWhole: [] as number[], oursWholeCpu: [] as number[], oursGrowth: [] as number[], oursMaxRss: [] as number[], oursHeapPeak: [] as number[] };
const c = { in: [] as number[], inCpu: [] as number[], first: [] as number[], firstCpu: [] as number[], whole: [] as number[], noStart: [] as number[], wholeCpu: [] as number[], noStartCpu: [] as number[], wasm: [] as number[] };
let last: RunResult | undefined;
let version = "";
// In-process means the steady state on both sides, as a reader's second Run is (the page keeps its
// runner warm): ours after WARM_UP untimed runs in this process (V8 compiles hot code in tiers),
// CPython's second run in its interpreter (--again: Pyodide's WebAssembly is compiled in tiers too).
// A process's first run is printed apart (ours: scripts/trace.ts's run; CPython's: its first).
const WARM_UP = 2;
for (let i = 0; i < WARM_UP; i++) await runProgram(program, { workers: nodeWorkerHost });
for (let i = 0; i < RUNS; i++) {
  // Ours, in this process: runProgram (compiled once).
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await runProgram(program, { workers: nodeWorkerHost });
  f.oursIn.push(performance.now() - start);
  f.oursInCpu.push(cpuMs(cpu));
  // Counted only in the end: reading `events` makes its objects, which would weigh on later runs.
  if (i === RUNS - 1) last = result;
  // Ours, whole process: npm run trace's command end to end (start-up, compile, run, exit).
  const ours = child(process.execPath, [...TRACE_ARGS, join(dir, "program.ts"), "--stats"]);
  const stats = JSON.parse(ours.stderr.trim().split("\n").pop()!) as OurStats;
  f.oursWhole.push(ours.ms);
  f.oursFirst.push(stats.runMs);
  f.oursFirstCpu.push(stats.runCpuMs);
  f.oursWholeCpu.push(stats.cpuMs);
  f.oursGrowth.push(stats.maxRSS - stats.rssBefore);
  f.oursMaxRss.push(stats.maxRSS);
  f.oursHeapPeak.push(stats.heapPeak - stats.heapBefore);
  // CPython.
  const run = child(process.execPath, ["scripts/bench-cpython.ts", join(dir, "program.py")]);
  const r = JSON.parse(run.stdout.trim().split("\n").pop()!) as CPythonRun;
  version = r.version;
  c.first.push(r.runMs);
  c.firstCpu.push(r.runCpuMs);
  c.whole.push(run.ms);
  c.noStart.push(run.ms - r.loadMs);
  c.wholeCpu.push(r.cpuMs);
  c.noStartCpu.push(r.cpuMs - r.loadCpuMs);
  c.wasm.push(r.wasmGrowth);
  // CPython's steady state: its second run in one interpreter.
  const again = JSON.parse(child(process.execPath, ["scripts/bench-cpython.ts", join(dir, "program.py"), "--again"]).stdout.trim().split("\n").pop()!) as CPythonRun;
  c.in.push(again.runMs);
  c.inCpu.push(again.runCpuMs);
}
// One more run with tracemalloc on (it slows Python down, so it is not timed).
const events = last!.events.length;
const traced = JSON.parse(child(process.execPath, ["scripts/bench-cpython.ts", join(dir, "program.py"), "--memory"]).stdout.trim().split("\n").pop()!) as CPythonRun;
const cpyPeak = Math.max(traced.tracemallocPeak ?? 0, median(c.wasm));
// And one more of ours with a full collection at each heartbeat (not timed either): its live heap.
const liveRun = child(process.execPath, [...TRACE_ARGS, join(dir, "program.ts"), "--stats", "--live-heap"]);
const liveStats = JSON.parse(liveRun.stderr.trim().split("\n").pop()!) as OurStats;
const oursLive = liveStats.heapLive! - liveStats.heapBefore;

const ratio = (theirs: number[], ours: number[]) => median(theirs) / median(ours);
const speed = (label: string, x: number) => `${label} ${x.toFixed(2)}× (${verdict(x >= 3)})`;
console.log(`   ours in-process, steady state (runProgram after ${WARM_UP} untimed runs, ${events.toLocaleString("en-US")} events recorded): ${ms(f.oursIn)}; CPU ${ms(f.oursInCpu)}`);
console.log(`   ours in-process, a process's first run (scripts/trace.ts's run): ${ms(f.oursFirst)}; CPU ${ms(f.oursFirstCpu)}`);
console.log(`   ours whole process (npm run trace's ${TRACE_COMMAND}: start-up, compile, run, exit): ${ms(f.oursWhole)}; CPU ${ms(f.oursWholeCpu)}`);
console.log(`   CPython ${version} (Pyodide) in-process, steady state (its second asyncio.run in one interpreter, timed with the real time.perf_counter): ${ms(c.in)}; CPU (run_program) ${ms(c.inCpu)}`);
console.log(`   CPython in-process, an interpreter's first run: ${ms(c.first)}; CPU ${ms(c.firstCpu)}`);
console.log(`   CPython whole process (node loading Pyodide, then the program): ${ms(c.whole)}, CPU ${ms(c.wholeCpu)}; without Pyodide's start-up: ${ms(c.noStart)}, CPU ${ms(c.noStartCpu)}`);
console.log(`   speed, ours vs CPython (budget ≥ 3×): wall time: ${speed("in-process", ratio(c.in, f.oursIn))}, ${speed("first run", ratio(c.first, f.oursFirst))}, ${speed("whole process", ratio(c.noStart, f.oursWhole))} vs CPython without Pyodide's start-up (${ratio(c.whole, f.oursWhole).toFixed(2)}× with it)`);
console.log(`                                          CPU time:  ${speed("in-process", ratio(c.inCpu, f.oursInCpu))}, ${speed("first run", ratio(c.firstCpu, f.oursFirstCpu))}, ${speed("whole process", ratio(c.noStartCpu, f.oursWholeCpu))} vs CPython without Pyodide's start-up (${ratio(c.wholeCpu, f.oursWholeCpu).toFixed(2)}× with it)`);
console.log(`   ours peak memory: the run's RSS growth (peak RSS − RSS before the run) ${mbs(f.oursGrowth)}; whole process peak RSS ${mbs(f.oursMaxRss)}`);
console.log(`   CPython peak memory: tracemalloc peak ${mb(traced.tracemallocPeak ?? 0)} (Python's allocations); wasm heap growth during the run ${mb(median(c.wasm))} (its RSS growth); whole process peak RSS ${mb(traced.maxRSS)} (Pyodide included)`);
const memRatio = median(f.oursGrowth) / cpyPeak;
console.log(`   memory, ours RSS growth / CPython's larger of the two (${mb(cpyPeak)}): ${memRatio.toFixed(2)}×; budget ≤ 2×: ${verdict(memRatio <= 2)}`);
// Nearer tracemalloc's measure (Python's objects only; no code, no allocator slack, no garbage
// waiting for a collection): the JavaScript heap, V8's heap used + array buffers (the trace's
// columns), minus before the run (scripts/trace.ts --stats).
console.log(`   ours JS heap growth (heap used + array buffers): live ${mb(oursLive)} (reachable objects only, as tracemalloc counts: the most after a full collection, forced after every 10 ms of the run and at its end, in one more run, not timed); peak ${mbs(f.oursHeapPeak)} (just before each collection, as V8 reports it: garbage not yet collected counts)`);
console.log(`   memory, ours live JS heap growth / CPython's tracemalloc peak: ${(oursLive / (traced.tracemallocPeak ?? NaN)).toFixed(2)}× (ours includes the trace of ${events.toLocaleString("en-US")} events; CPython records none)`);
// Each sample splits the heap into the trace's columns and the rest; the rest peaks earlier than
// the whole, while every task waits and the trace is still short.
const rest = liveStats.restLive! - liveStats.heapBefore;
console.log(`   of it, at that peak, the trace's columns ${mb(liveStats.heapLiveTrace!)} and the rest ${mb(oursLive - liveStats.heapLiveTrace!)}; the rest alone, the scheduler's own state (tasks, coroutines, futures, timers, callbacks), peaks earlier, at ${mb(rest)}: ${(rest / (traced.tracemallocPeak ?? NaN)).toFixed(2)}× CPython's peak; the trace at the run's end ${mb(liveStats.traceBytes)} (${(liveStats.traceBytes / events).toFixed(1)} bytes an event)`);
// A native python3 on PATH, if there is one, as an extra row (never required).
const native = spawnSync("python3", ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
if (native.status === 0) {
  const times: number[] = [];
  const peaks: number[] = [];
  // Its peak RSS: VmHWM (Linux), the process's own (getrusage's can start from this process's RSS).
  const script = "import re, runpy, sys; sys.argv = ['virtual_asyncio.py', '-']; sys.path.insert(0, 'src/python'); runpy.run_path('src/python/virtual_asyncio.py', run_name='__main__'); print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1), file=sys.stderr)";
  for (let i = 0; i < RUNS; i++) {
    const run = child("python3", ["-c", script], py(false));
    times.push(run.ms);
    peaks.push(Number(run.stderr.trim().split("\n").pop()) * 1024);
  }
  console.log(`   native CPython ${native.stdout.trim()} (python3 on PATH, whole process incl. start-up): ${ms(times)}, peak RSS ${mb(median(peaks))}; speed ours (whole process) vs native: ${(median(times) / median(f.oursWhole)).toFixed(2)}×; peak RSS ours / native: ${(median(f.oursMaxRss) / median(peaks)).toFixed(2)}×`);
}
rmSync(dir, { recursive: true });

// The stepper's states on this run's trace, in Node (issue #17: "the stepper stays responsive on
// 500,000 steps"; the page's caps stop a run at 200,000 events): indexed as the page indexes the
// batches, then a step forward and back from the middle, jumps to steps chosen at random (a fixed
// seed), and End, each timed alone. The page draws each state too; this is the state only.
{
  const traceEvents = last!.events;
  const started = performance.now();
  const index = new StepIndex(traceEvents);
  for (const e of traceEvents) index.add(e);
  index.finish();
  const indexed = performance.now() - started;
  const timed = (i: number) => {
    const start = performance.now();
    stepState(traceEvents, index, i);
    return performance.now() - start;
  };
  const middle = index.length >> 1;
  timed(middle);
  const forward = Array.from({ length: 300 }, (_, i) => timed(middle + 1 + i));
  const back = Array.from({ length: 100 }, (_, i) => timed(middle + 300 - i));
  let seed = 17;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const jumps = Array.from({ length: 60 }, () => timed(Math.floor(random() * index.length)));
  const end = timed(index.length - 1);
  const worst = Math.max(...forward, ...back, ...jumps, end);
  const row = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
  console.log(`   the stepper on this trace (${index.length.toLocaleString("en-US")} steps, in Node: the page's caps stop a run at 200,000 events): indexed in ${indexed.toFixed(0)} ms; a step forward ${row(forward)} (300 from the middle); a step back ${row(back)}; a jump to a random step ${row(jumps)} (60); End ${end.toFixed(1)} ms; budget every state < 16 ms: ${verdict(worst < 16)} (the page also draws it)`);
}

console.log("2. Compile latency (example 3, native esbuild, warm)");
const example3 = readFileSync("src/content/docs/lessons/example-3-create-task.mdx", "utf8").match(/```ts\n([\s\S]*?)```/)?.[1] ?? ts;
const compiles: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  await compileProgram(example3, esbuild.transform as never, ASYNCIO_EXPORTS);
  compiles.push(performance.now() - start);
}
console.log(`   median ${median(compiles).toFixed(1)} ms (budget ≤ 50 ms; esbuild-wasm in the browser adds its own start-up)`);

const built = benchBuild();
const page = "dist/lessons/example-3-create-task/index.html";
if (built && existsSync(page)) {
  console.log("   page weight (gzip), /lessons/example-3-create-task/:");
  const html = readFileSync(page, "utf8");
  const assets = new Set([...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  const gz = (path: string) => gzipSync(readFileSync(`dist${path}`)).length;
  const upFront = gzipSync(html).length + [...assets].reduce((n, a) => n + gz(a), 0);
  console.log(`   HTML + linked CSS/JS: ${kb(upFront)} (budget ≤ 150 KB)`);
  const lazy = readdirSync("dist/_astro").filter((f) => /^(Editor|PlaygroundIsland|client|compiler\.worker|runner\.worker|esbuild).*\.(js|wasm)$/.test(f));
  for (const f of lazy) console.log(`   on use: ${f} ${kb(gz(`/_astro/${f}`))}`);
  // The page whose HTML is the largest: what a browser parses before anything runs (no budget).
  const pages = readdirSync("dist", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("index.html"));
  const [largest] = pages.map((f) => ({ f, bytes: statSync(`dist/${f}`).size })).sort((a, b) => b.bytes - a.bytes);
  const largestHtml = readFileSync(`dist/${largest.f}`);
  const props = [...largestHtml.toString("utf8").matchAll(/ props="([^"]*)"/g)].reduce((n, m) => n + m[1].length, 0);
  console.log(`   the largest page's HTML, /${largest.f.replace(/index\.html$/, "")}: ${kb(largest.bytes)} (${kb(gzipSync(largestHtml).length)} gzip), of it the islands' props ${kb(props)}`);
}

console.log("4. Threads and processes (Node's worker_threads)");
const jobs = await compileProgram(
  `import { run, gather, runInExecutor, ThreadPool } from "asyncio";
function job(i: number) { return i * 2; }
async function main() { const pool = new ThreadPool({ maxWorkers: 4 }); await gather(Array.from({ length: 400 }, (_, i) => runInExecutor(pool, job, i))); }
await run(main());`,
  esbuild.transform as never,
  ASYNCIO_EXPORTS,
);
const perJob: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  await runProgram(jobs, { workers: nodeWorkerHost });
  perJob.push((performance.now() - start) / 400);
}
console.log(`   a job's round trip, 400 jobs on 4 workers (virtual clock, worker start-up included): ${median(perJob).toFixed(2)} ms per job (budget ≤ 5 ms)`);
const lesson = readFileSync("src/content/docs/lessons/real-world-images.mdx", "utf8");
const network = nodeNetworkHost("public");
for (const id of ["images-sync", "images-async-processes", "images-semaphore"]) {
  const code = new RegExp(`<Playground id="${id}"[^>]*>\\s*\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(lesson)?.[1];
  if (!code) continue;
  const result = await runProgram(await compileProgram(code, esbuild.transform as never, ASYNCIO_EXPORTS), { workers: nodeWorkerHost, network, clock: "real" });
  console.log(`   ${id} (real clock): ${result.stdout.find((l) => l.startsWith("Total time")) ?? result.error?.message}`);
}

if (built) await benchBrowser();
