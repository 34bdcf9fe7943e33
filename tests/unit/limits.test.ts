// Runaway programs end with a message that names the limit they hit and the reader's line that was
// running, and the trace up to there is kept and well formed: the event, print, task and stretch
// caps (the step and virtual-time caps are in semantics.test.ts).
import { describe, expect, it, vi } from "vitest";
import { BROWSER_LIMITS, DEFAULT_LIMITS } from "../../src/runtime/program/index.ts";
import { deriveTimeline } from "../../src/runtime/trace/index.ts";
import { eventsOf, lineOf } from "../support/programs.ts";
import { runTs } from "../support/run-ts.ts";

const sleepForever = `import { run, sleep, print } from "asyncio";

async function main() {
  print("start");
  while (true) {
    await sleep(1);
  }
}

await run(main());
`;

describe("caps on what a run may produce", () => {
  it("a browser run's caps are well below Node's", () => {
    for (const cap of ["maxSteps", "maxEvents", "maxPrintedLines", "maxTasks", "maxStretchSeconds"] as const) expect(BROWSER_LIMITS[cap], cap).toBeLessThan(DEFAULT_LIMITS[cap]);
  });

  it("the event cap stops a task that sleeps forever, blaming the loop's line, and keeps the trace", async () => {
    const r = await runTs(sleepForever, { limits: { maxEvents: 300 } });
    expect(r.error).toEqual({ message: expect.stringContaining("the trace reached 300 events (the event cap)"), line: lineOf(sleepForever, "await sleep(1)") });
    expect(r.stdout).toEqual(["start"]);
    // The program's own events stop at the cap; how it ended follows (loop-end, the error, program-end).
    expect(r.events.length).toBeLessThanOrEqual(300 + 3);
    expect(r.events.at(-1)).toMatchObject({ kind: "program-end", line: r.error!.line });
    expect(r.events.every((e, i) => e.seq === i)).toBe(true);
  });

  it("the virtual-time cap blames the loop's line, and the task's lane ends waiting on its sleep", async () => {
    const r = await runTs(sleepForever, { limits: { maxVirtualTime: 50 } });
    expect(r.error).toEqual({ message: expect.stringContaining("(the virtual-time cap)"), line: lineOf(sleepForever, "await sleep(1)") });
    const main = deriveTimeline(r.events).lanes.find((l) => l.name === "Task-1")!;
    expect(main.intervals.at(-1)).toMatchObject({ state: "waiting", label: "sleep(1)" });
    // Waiting, not running, for almost all of the 50 s.
    const running = [...main.intervals].filter((i) => i.state === "running").reduce((sum, i) => sum + i.to - i.from, 0);
    expect(running).toBe(0);
  });

  it("the print cap stops `for (;;) print(i)`, even when the program catches what stops it", async () => {
    const source = `import { print } from "asyncio";

for (let i = 0; ; i++) {
  try {
    print(i);
  } catch (e) {
    // swallowing the stop does not help: the next print stops it again
  }
}
`;
    const r = await runTs(source, { limits: { maxPrintedLines: 100 } });
    expect(r.error?.message).toMatch(/^LimitExceeded: Stopped: the program printed 100 lines \(the print cap\)/);
    expect(r.error?.line).toBe(lineOf(source, "print(i)"));
    expect(r.stdout).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
  });

  it("the task cap stops a program that creates tasks without end", async () => {
    const source = `import { run, createTask, sleep } from "asyncio";

async function nap() {
  await sleep(1);
}

async function main() {
  while (true) createTask(nap());
}

await run(main());
`;
    const r = await runTs(source, { limits: { maxTasks: 50 } });
    expect(r.error).toEqual({ message: expect.stringContaining("the program created 50 tasks (the task cap)"), line: lineOf(source, "createTask(nap())") });
    expect(eventsOf(r.events, "task-created")).toHaveLength(50);
  });
});

describe("the stretch cap: a loop that never gives the thread back", () => {
  it("stops `while (true) {}` with the loop's line, keeping what was printed before", async () => {
    const source = `import { run, print } from "asyncio";

async function main() {
  print("about to spin");
  while (true) {}
}

await run(main());
`;
    const r = await runTs(source, { limits: { maxStretchSeconds: 0.05 } });
    expect(r.error?.message).toMatch(new RegExp(`^LimitExceeded: Stopped: the loop at line ${lineOf(source, "while (true)")} ran for [\\d.]+ s of real time without pausing \\(the stretch cap\\)`));
    expect(r.error?.line).toBe(lineOf(source, "while (true)"));
    expect(r.stdout).toEqual(["about to spin"]);
  });

  it("stops a loop at the top level, and one without braces", async () => {
    const source = `import { print } from "asyncio";

let n = 0;
while (n >= 0) n++;
print("never");
`;
    const r = await runTs(source, { limits: { maxStretchSeconds: 0.05 } });
    expect(r.error?.line).toBe(lineOf(source, "while (n >= 0)"));
    expect(r.stdout).toEqual([]);
  });

  it("lets a loop that awaits run as long as it takes: the stretch starts again at every step", async () => {
    const source = `import { run, sleep, print } from "asyncio";

async function main() {
  for (let i = 0; i < 3000; i++) await sleep(0);
  print("done");
}

await run(main());
`;
    const r = await runTs(source, { limits: { maxStretchSeconds: 1 } });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["done"]);
  });

  it("lets a finite loop of fewer passes than a runaway's finish, though a busy machine slows it past the cap", async () => {
    // 10,000 tasks made in one loop: its passes take far more than 0.1 ms, as they may take more than
    // the browser's second on a loaded machine; `while (true) {}` makes 65,536 passes in well under one.
    const source = `import { run, createTask, sleep, gather, print } from "asyncio";

async function nap(i: number) {
  await sleep(i % 3);
}

async function main() {
  const tasks = [];
  for (let i = 0; i < 10000; i++) tasks.push(createTask(nap(i)));
  await gather(tasks);
  print("all", tasks.length, "done");
}

await run(main());
`;
    const r = await runTs(source, { limits: { maxStretchSeconds: 0.0001 } });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["all 10000 done"]);
  });

  it("stops a loop that never ends inside a thread, as an exception of the job, with the loop's line", async () => {
    const source = `import { run, toThread, print } from "asyncio";

function spin() {
  let n = 0;
  while (true) n++;
}

async function main() {
  try {
    await toThread(spin);
  } catch (e) {
    print("the thread raised", e.name);
  }
}

await run(main());
`;
    const r = await runTs(source, { limits: { maxStretchSeconds: 0.05 } });
    expect(r.stdout).toEqual(["the thread raised LimitExceeded"]);
  });
});

describe("awaits nested without end", () => {
  it("raise RecursionError at Python's recursion limit, as CPython does, instead of growing without bound", async () => {
    const source = `import { run, print } from "asyncio";

async function deeper(n: number): Promise<number> {
  return await deeper(n + 1);
}

async function main() {
  try {
    await deeper(0);
  } catch (e) {
    print(e.name, e.message);
  }
}

await run(main());
`;
    const r = await runTs(source);
    expect(r.stdout).toEqual(["RecursionError maximum recursion depth exceeded"]);
  });
});

describe("the heartbeat", () => {
  const tenSleeps = `import { run, sleep } from "asyncio";\nasync function main() {\n  for (let i = 0; i < 10; i++) await sleep(1);\n}\nawait run(main());\n`;
  it("comes at every loop step when its interval is 0 s (scripts/trace.ts's --live-heap samples there) with what the trace takes so far, and never within a day's interval", async () => {
    const sizes: number[] = [];
    const every = await runTs(tenSleeps, { onHeartbeat: (traceBytes) => sizes.push(traceBytes), heartbeatSeconds: 0 });
    // One step to start main's task and one to wake it after each of its ten sleeps, at the least.
    expect(every.error).toBeUndefined();
    expect(sizes.length).toBeGreaterThanOrEqual(11);
    // The trace's columns only grow, and hold something from the first step on.
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    let beats = 0;
    await runTs(tenSleeps, { onHeartbeat: () => beats++, heartbeatSeconds: 86_400 });
    expect(beats).toBe(0);
  });

  it("counts its interval from the end of the last beat, so a watcher slower than the interval (a forced collection) is not called at every step", async () => {
    const manySleeps = tenSleeps.replace("i < 10", "i < 300");
    const every = 0.002;
    let beats = 0;
    let inWatcher = 0;
    // The clock the runtime reads, made a counter: each reading is 0.05 ms of the run's own time, and
    // the watcher takes 4 ms (twice the interval). On the wall clock the run's own time was the
    // elapsed time less the watcher's, and a busy machine's pauses between those readings broke the
    // bound once.
    let now = 1_000;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => (now += 0.05));
    const start = performance.now();
    try {
      await runTs(manySleeps, {
        heartbeatSeconds: every,
        onHeartbeat: () => {
          beats++;
          now += 4;
          inWatcher += 4;
        },
      });
    } finally {
      clock.mockRestore();
    }
    // Each beat after the first needs `every` seconds of the run's own time since the last one
    // ended. Counted from the beat's start, each of the 300 steps beat.
    const ownSeconds = (now - start - inWatcher) / 1000;
    expect(beats).toBeGreaterThanOrEqual(1);
    expect(beats).toBeLessThanOrEqual(1 + ownSeconds / every);
  });
});
