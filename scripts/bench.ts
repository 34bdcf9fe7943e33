// `npm run bench`: figures to watch, printed as ratios and against budgets. Never a pass/fail test:
// the machines are shared and noisy.
//   1. scheduler throughput: many tasks and sleeps, our runtime vs CPython's asyncio (virtual clock):
//      the reference CPython 3.14 in Pyodide, and a native python3 too if one is on PATH
//   2. compile latency: the compiler on a lesson-sized program (native esbuild, warm)
//   3. page weight: what a chapter page loads up front, and what loads only when a playground is used
//   4. threads: the real cost of a job in a worker (virtual clock), and the real-world pipeline's
//      totals on this machine (real clock): sync vs async 2 vs async 3
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS } from "../src/runtime/program/index.ts";
import { nodeNetworkHost, nodeWorkerHost } from "../src/runtime/node/index.ts";
import { PyodideRunner } from "../tests/support/pyodide.ts";

const TASKS = 2000;
const SLEEPS = 20;
const ts = `import { run, createTask, sleep } from "asyncio";
async function worker(i: number) { for (let k = 0; k < ${SLEEPS}; k++) await sleep((i % 7) * 0.001); }
async function main() { const tasks = []; for (let i = 0; i < ${TASKS}; i++) tasks.push(createTask(worker(i))); for (const t of tasks) await t; }
await run(main());`;
const py = `import asyncio
async def worker(i):
    for k in range(${SLEEPS}):
        await asyncio.sleep((i % 7) * 0.001)
async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(${TASKS})]
    for t in tasks:
        await t
asyncio.run(main())`;

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

console.log(`1. Scheduler: ${TASKS} tasks × ${SLEEPS} sleeps`);
const program = await compileProgram(ts, esbuild.transform as never, ASYNCIO_EXPORTS);
const ours: number[] = [];
let events = 0;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const result = await runProgram(program, { workers: nodeWorkerHost });
  ours.push(performance.now() - start);
  events = result.events.length;
}
// The reference CPython is Pyodide's 3.14 (npm), in a worker thread, loaded once (not timed per run).
const pyodide = new PyodideRunner();
const loadStart = performance.now();
await pyodide.run("pass");
const loadMs = performance.now() - loadStart;
const theirs: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  await pyodide.run(py);
  theirs.push(performance.now() - start);
}
const oursMs = median(ours);
const pyMs = median(theirs);
console.log(`   ours (with the full trace, ${events} events): ${oursMs.toFixed(0)} ms`);
console.log(`   CPython ${pyodide.loaded?.version} (Pyodide in Node, a worker thread; loaded once in ${(loadMs / 1000).toFixed(1)} s): ${pyMs.toFixed(0)} ms`);
console.log(`   ratio ours/CPython (Pyodide): ${(oursMs / pyMs).toFixed(2)} (budget ≤ 2.00)`);
pyodide.close();
// A native python3 on PATH, if there is one, as an extra row (never required).
const native = spawnSync("python3", ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
if (native.status === 0) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    execFileSync("python3", ["src/python/virtual_asyncio.py", "-"], { input: py });
    times.push(performance.now() - start);
  }
  const nativeMs = median(times);
  console.log(`   native CPython ${native.stdout.trim()} (python3 on PATH, incl. start-up): ${nativeMs.toFixed(0)} ms; ratio ours/native: ${(oursMs / nativeMs).toFixed(2)}`);
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

console.log("3. Page weight (gzip), /lessons/example-3-create-task/");
const page = "dist/lessons/example-3-create-task/index.html";
if (!existsSync(page)) console.log("   (build the site first: npm run build)");
else {
  const html = readFileSync(page, "utf8");
  const assets = new Set([...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  const gz = (path: string) => gzipSync(readFileSync(`dist${path}`)).length;
  const upFront = gzipSync(html).length + [...assets].reduce((n, a) => n + gz(a), 0);
  console.log(`   HTML + linked CSS/JS: ${kb(upFront)} (budget ≤ 150 KB)`);
  const lazy = readdirSync("dist/_astro").filter((f) => /^(Editor|PlaygroundIsland|client|compiler\.worker|runner\.worker|esbuild).*\.(js|wasm)$/.test(f));
  for (const f of lazy) console.log(`   on use: ${f} ${kb(gz(`/_astro/${f}`))}`);
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
