// Differential fuzzing against CPython 3.14 in Pyodide (tests/fuzz): random asyncio programs, each written as
// playground TypeScript and as Python, must print the same lines at the same virtual times, end at
// the same time and fail (or not) with the same "Type: message". A divergence fails the test with
// its shrunk TypeScript/Python pair and both outputs. `node scripts/fuzz.ts --count N` runs more.
import { afterAll, describe, expect, it } from "vitest";
import { ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { fuzz, formatDivergence, generateProgram, enabledFeatures, minimise } from "../fuzz/fuzz.ts";
import type { Feature } from "../fuzz/generate.ts";
import { KNOWN_EXCLUSIONS } from "../fuzz/known-divergences.ts";
import { PythonServer } from "../fuzz/differential.ts";
import type { ProgramIR, Stmt } from "../fuzz/ir.ts";

/** Fixed seeds: the same 300 programs every run. */
const SEEDS = Array.from({ length: 300 }, (_, i) => 1 + i);
/** How many of them also run with CPython's set orders reversed. */
const ORDER_CHECKED = 60;

describe("the generator", () => {
  it("makes the same program from the same seed", () => {
    for (const seed of [1, 2, 77]) expect(generateProgram(seed)).toEqual(generateProgram(seed));
    expect(generateProgram(1).ts).not.toBe(generateProgram(2).ts);
  });

  it("writes the TypeScript and the Python line for line", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const p = generateProgram(seed);
      expect(p.ts.split("\n").length, `seed ${seed}`).toBe(p.py.split("\n").length);
    }
  });

  it("uses only what the runtime exports, and generates a feature once its names are exported", () => {
    const core = ["run", "sleep", "blockingSleep", "print", "createTask", "gather", "currentTask"];
    for (let seed = 1; seed <= 60; seed++) {
      const p = generateProgram(seed, { exports: core });
      const imported = /import \{ (.*) \} from "asyncio"/.exec(p.ts)![1].split(", ");
      expect(imported.filter((name) => !core.includes(name)), `seed ${seed}`).toEqual([]);
      expect(p.ts).not.toMatch(/TaskGroup|Semaphore|waitFor|CancelledError/);
    }
    expect(enabledFeatures(core)).not.toContain("taskGroup");
    expect(enabledFeatures([...core, "TaskGroup"])).toContain("taskGroup");
    expect(enabledFeatures([...core, "TaskGroup"])).not.toContain("taskGroupErrors");
  });
});

describe("the runtime against CPython", () => {
  const python = new PythonServer();
  afterAll(() => python.close());

  it(`prints what CPython prints, at the same virtual times, on ${SEEDS.length} random programs`, async () => {
    const report = await fuzz({ seeds: SEEDS, exclude: KNOWN_EXCLUSIONS, maxShrink: 3, checkOrder: ORDER_CHECKED });
    expect(report.programs).toBe(SEEDS.length);
    // The generator's promise: no output depends on an order CPython leaves to a set (checked on
    // the first ORDER_CHECKED programs; `node scripts/fuzz.ts --check-order` checks them all).
    expect(report.orderDependent.map((o) => `seed ${o.seed}: ${o.difference}\n${o.py}`).join("\n\n")).toBe("");
    const shown = report.divergences.map(formatDivergence).join("\n\n" + "=".repeat(80) + "\n");
    expect(report.divergences.length, `divergent programs (minimal pairs below):\n${shown}`).toBe(0);

    // The programs really exercise every feature the runtime exports.
    const expected: Record<string, Feature> = {
      "create-task": "tasks",
      "create-task-named": "namedTasks",
      "task-names": "taskNames",
      gather: "gather",
      "gather-return-exceptions": "gather",
      "gather-raises": "gather",
      cancel: "cancel",
      "cancel-message": "cancelMessage",
      "cancel-gather": "cancel",
      "guard-cancel": "cancel",
      "guard-swallow": "cancel",
      taskgroup: "taskGroup",
      "taskgroup-fails": "taskGroupErrors",
      semaphore: "semaphore",
      lock: "lock",
      event: "event",
      queue: "queue",
      "queue-nowait": "queueNowait",
      waitFor: "waitFor",
      timeout: "timeout",
      "timeout-expired": "timeout",
      shield: "shield",
      wait: "wait",
      "wait-first": "wait",
      "call-later": "callLater",
    };
    const enabled = enabledFeatures(ASYNCIO_EXPORTS, KNOWN_EXCLUSIONS);
    for (const [tag, feature] of Object.entries(expected)) {
      if (enabled.includes(feature)) expect(report.featureCounts.get(tag) ?? 0, `programs using ${tag}`).toBeGreaterThan(3);
    }
  }, 120_000);

  it("the order check has teeth: programs that depend on CPython's set orders fail it", async () => {
    // Two programs the generator must never make: leftover tasks cancelled at shutdown, and a
    // TaskGroup aborting children that print while cancelled. Each prints in CPython's set order.
    const shutdown = `import asyncio
async def leftover(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    asyncio.create_task(leftover("a"))
    asyncio.create_task(leftover("b"))
    await asyncio.sleep(1)
asyncio.run(main())
`;
    const abort = `import asyncio
async def child(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(name, "cancelled")
async def fail():
    raise ValueError("boom")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a"))
            tg.create_task(child("b"))
            tg.create_task(fail())
    except ExceptionGroup:
        pass
asyncio.run(main())
`;
    const [forward, reverse] = [new PythonServer("forward"), new PythonServer("reverse")];
    const outcomes = await Promise.all([forward.run([shutdown, abort]), reverse.run([shutdown, abort])]);
    forward.close();
    reverse.close();
    expect(outcomes.map((o) => o.map((r) => r.stdout))).toEqual([
      [
        ["a cancelled", "b cancelled"],
        ["a cancelled", "b cancelled"],
      ],
      [
        ["b cancelled", "a cancelled"],
        ["b cancelled", "a cancelled"],
      ],
    ]);
  });

  it("finds a planted divergence and shrinks it to a small pair", async () => {
    // Plant a difference: one print of a big program says something else in Python.
    const seed = SEEDS.find((s) => generateProgram(s).ts.split("\n").length > 60)!;
    const ir = generateProgram(seed).ir;
    let planted = false;
    const plant = (stmts: Stmt[]): Stmt[] =>
      stmts.map((s) => {
        if (!planted && s.kind === "line" && s.py.startsWith('print("main", "start")')) {
          planted = true;
          return { ...s, py: 'print("main", "planted")' };
        }
        return s;
      });
    const bad: ProgramIR = { ...ir, funcs: ir.funcs.map((f) => (f.name === "main" ? { ...f, body: plant(f.body) } : f)) };
    expect(planted).toBe(true);
    const minimal = await minimise(python, bad, "stdout");
    expect(minimal.difference).toMatch(/^stdout line 1: TypeScript "main start", CPython "main planted"/);
    expect(minimal.ts.split("\n").length).toBeLessThan(20);
    expect(minimal.py).toContain('print("main", "planted")');
    // Only the planted line differs: the shrunk pair otherwise runs alike on both sides.
    expect(minimal.tsOutcome.stdout.slice(1)).toEqual(minimal.pyOutcome.stdout.slice(1));
    expect(minimal.tsOutcome.error).toBe(minimal.pyOutcome.error);
  }, 60_000);
});
