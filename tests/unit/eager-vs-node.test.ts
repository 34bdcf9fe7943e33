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
