// The profile: per function, the time spent computing, waiting, blocked and ready, from a trace.
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { deriveProfile, dominantState, MAIN_PROGRAM, type ProfileRow } from "../../src/runtime/trace/index.ts";

const HEAD = `import { run, sleep, print, createTask, gather, TaskGroup, runInExecutor, ProcessPool, ThreadPool, toThread, blockingSleep, cpu, httpGet, httpGetAsync } from "asyncio";\n`;
const rowOf = (rows: ProfileRow[], fn: string) => {
  const row = rows.find((r) => r.fn === fn);
  if (!row) throw new Error(`no row for ${fn}: ${rows.map((r) => r.fn).join(", ")}`);
  return row;
};

describe("deriveProfile", () => {
  it("async downloads wait; blurring in a process pool computes; jobs queued for a worker are ready", async () => {
    const { events } = await runTs(`${HEAD}
function blur(bytes: Uint8Array) { cpu(1); return bytes.length; }
async function download(url: string) { return await httpGetAsync(url, { latency: 0.5 }); }
async function main() {
  const images = await gather([1, 2, 3].map((i) => download(\`/samples/photo-0\${i}.ppm\`)));
  const pool = new ProcessPool({ maxWorkers: 2 });
  print(await gather(images.map((image) => runInExecutor(pool, blur, image))));
}
await run(main());
`);
    const rows = deriveProfile(events);
    const download = rowOf(rows, "download");
    expect(download.calls).toBe(3);
    expect(download.waiting).toBeCloseTo(1.5, 9);
    expect(dominantState(download)).toBe("waiting");
    const blur = rowOf(rows, "blur");
    expect([blur.calls, blur.computing, blur.ready]).toEqual([3, 3, 1]);
    expect(dominantState(blur)).toBe("computing");
    // main waits for everything: 0.5 s of downloads, 2 s of blurring (two rounds on two workers).
    expect(rowOf(rows, "main").waiting).toBeCloseTo(2.5, 9);
  });

  it("a blocking client holds its thread: blocked; the main program's own work computes", async () => {
    const { events } = await runTs(`${HEAD}
const a = httpGet("/samples/photo-01.ppm", { latency: 0.3 });
const b = httpGet("/samples/photo-02.ppm", { latency: 0.3 });
cpu(0.5);
print(a.length + b.length);
`);
    const rows = deriveProfile(events);
    expect(rowOf(rows, "httpGet").blocked).toBeCloseTo(0.6, 9);
    expect(rowOf(rows, MAIN_PROGRAM).computing).toBeCloseTo(0.5, 9);
    expect(rows[0].fn).toBe("httpGet");
  });

  it("tasks blocked on the loop (example 5) and tasks ready behind them", async () => {
    const { events } = await runTs(`${HEAD}
async function fetchData(s: number) { blockingSleep(s); return s; }
async function main() {
  const t1 = createTask(fetchData(1));
  const t2 = createTask(fetchData(2));
  print(await t1, await t2);
}
await run(main());
`);
    const fetch = rowOf(deriveProfile(events), "fetchData");
    expect(fetch.blocked).toBeCloseTo(3, 9);
    // Task 3 (fetchData(2)) is ready from 0 until task 2 lets the thread go at 1.
    expect(fetch.ready).toBeCloseTo(1, 9);
  });

  it("a thread's blocking call counts for the function the thread runs", async () => {
    const { events } = await runTs(`${HEAD}
function fetchData(s: number) { blockingSleep(s); cpu(0.25); return s; }
async function main() { print(await gather([toThread(fetchData, 1), toThread(fetchData, 2)])); }
await run(main());
`);
    const rows = deriveProfile(events);
    const fetch = rowOf(rows, "fetchData");
    expect([fetch.calls, fetch.blocked, fetch.computing]).toEqual([2, 3, 0.5]);
    expect(rowOf(rows, "toThread").waiting).toBeCloseTo(1.25 + 2.25, 9);
  });
});
