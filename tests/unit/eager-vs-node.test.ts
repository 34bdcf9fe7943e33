// The eager model (model="eager": every async call inside the loop starts at once, as JavaScript's
// do) is checked against Node's own async/await on the same programs (tests/support/native-async.ts),
// not against its own output: the lessons' eager programs and generated ones, on the features that
// JavaScript has too (tasks, gather, sleeps, blocking calls, exceptions). What is compared: the
// printed lines, the virtual time of each, the end time and the uncaught error.
import { describe, expect, it } from "vitest";
import { generateProgram, type Feature } from "../fuzz/generate.ts";
import { observable } from "../support/cpython.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runNative } from "../support/native-async.ts";
import { runTs } from "../support/run-ts.ts";

// Features with no JavaScript counterpart: cancellation, asyncio's primitives and timeouts, task names, wait, the loop's timers.
const ASYNCIO_ONLY: Feature[] = ["taskMethods", "namedTasks", "taskNames", "cancel", "cancelMessage", "taskGroup", "taskGroupErrors", "semaphore", "boundedSemaphore", "lock", "event", "queue", "queueNowait", "waitFor", "crowd", "timeout", "shield", "wait", "callLater"];

async function expectSameAsNode(source: string) {
  const [eager, native] = await Promise.all([runTs(source, { model: "eager" }), runNative(source)]);
  const { stdout, stamps, virtualEnd, error } = observable(eager);
  expect({ stdout, stamps, virtualEnd, error }, source).toEqual(native);
}

const lessonPrograms = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.model === "eager" || pg.compare === "eager").map((pg) => ({ name: `${l.file}#${pg.id}`, code: pg.code })));

describe("the lessons' eager programs run as Node runs them", () => {
  it.each(lessonPrograms)("$name", async ({ code }) => expectSameAsNode(code));
});

describe("generated programs, run eagerly, run as Node runs them", () => {
  it.each(Array.from({ length: Number(process.env.EAGER_PROGRAMS ?? 150) }, (_, i) => ({ seed: 5000 + i })))("seed $seed", async ({ seed }) => {
    await expectSameAsNode(generateProgram(seed, { exclude: ASYNCIO_ONLY }).ts);
  });
});

describe("an eager task is made at the reader's line of the call that made it", () => {
  it("called directly, or through a built-in (Array.prototype.map)", async () => {
    const source = [
      `import { run, sleep } from "asyncio";`,
      `async function nap(n: number) { await sleep(n); }`,
      `async function main() {`,
      `  const first = nap(1);`,
      `  const more = [2, 3].map(nap);`,
      `  await first;`,
      `  for (const each of more) await each;`,
      `}`,
      `await run(main());`,
    ].join("\n");
    const result = await runTs(source, { model: "eager" });
    const naps = result.events.flatMap((e) => (e.kind === "task-created" && e.coro === "nap" ? [e.line] : []));
    // The lines of `nap(1)` and of `[2, 3].map(nap)`, as the program is written.
    expect(naps).toEqual([4, 5, 5]);
  });

  it("called by the loop itself (a callback), not at the line of a frame further down the stack, however deep the stack is kept", async () => {
    const source = [
      `import { run, sleep, getRunningLoop } from "asyncio";`,
      `async function nap(n: number) { await sleep(n); }`,
      `async function main() {`,
      `  getRunningLoop().callSoon(nap, 4);`,
      `  await sleep(5);`,
      `}`,
      `await run(main());`,
    ].join("\n");
    const napLine = async (stackTraceLimit: number) => {
      const kept = Error.stackTraceLimit;
      Error.stackTraceLimit = stackTraceLimit;
      try {
        const result = await runTs(source, { model: "eager" });
        return result.events.find((e) => e.kind === "task-created" && e.coro === "nap")?.line;
      } finally {
        Error.stackTraceLimit = kept;
      }
    };
    // With the stack kept deep, the program's frame of `await run(main())` (line 7) is on it, below the loop's.
    const lines = [await napLine(10), await napLine(100)];
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]).not.toBe(7);
  });
});
