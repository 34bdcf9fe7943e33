// A run's events kept packed and made when read (src/runtime/trace/packed-list.ts), as the page keeps
// a TypeScript run: read as an array, they are the events the runtime recorded, key for key, however
// they are read (by index, iterated, through the array methods, again after their objects were let
// go), and the views and the stepper draw from them what they draw from the events themselves.
import { describe, expect, it } from "vitest";
import { deriveTimeline, PackedEventList, StepIndex, stepState, consoleLines, type TraceEvent } from "../../src/runtime/trace/index.ts";
import { eventBatches, packedBatches } from "../../src/runtime/program/index.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";
import { LARGEST_TRACE, THOUSAND_TASKS } from "../support/runaway-programs.ts";

/** A run's events, as recorded, and kept packed as the page keeps them (batches of 1,000). */
async function kept(code: string, model?: "eager" | "lazy") {
  const result = await runTs(code, { model });
  const recorded = [...eventBatches(result, 1_000)].flat();
  const list = new PackedEventList();
  for (const packed of packedBatches(result, 1_000)) list.add(packed);
  return { recorded, list, events: list.events };
}

/** The same keys in the same order with the same values. */
function expectSame(actual: TraceEvent | undefined, expected: TraceEvent) {
  expect(Object.keys(actual!)).toEqual(Object.keys(expected));
  expect(actual).toStrictEqual(expected);
}

describe("a run's events kept packed", () => {
  it("read back every lesson's trace, by index and iterated", async () => {
    const programs = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => ({ code: pg.code, model: pg.model })));
    expect(programs.length).toBeGreaterThan(20);
    for (const { code, model } of programs) {
      const { recorded, events } = await kept(code, model);
      expect(events.length).toBe(recorded.length);
      recorded.forEach((event, i) => expectSame(events[i], event));
      [...events].forEach((event, i) => expectSame(event, recorded[i]));
    }
  }, 120_000);

  it("make the events of a batch again once its objects are let go, the same ones", async () => {
    const { recorded, list, events } = await kept(LARGEST_TRACE);
    expect(recorded.length).toBeGreaterThan(100_000); // ~197 batches: more than are kept made
    // Last to first, then a stride across all: every batch is made again, most of them more than once.
    for (let i = recorded.length - 1; i >= 0; i -= 997) expectSame(events[i], recorded[i]);
    for (let i = 0; i < recorded.length; i += 1_009) expectSame(list.at(i), recorded[i]);
    expectSame(events[recorded.length - 1], recorded.at(-1)!);
    expect(events[recorded.length]).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
  }, 60_000);

  it("behave as a read-only array", async () => {
    const { recorded, events } = await kept(THOUSAND_TASKS);
    expect(Array.isArray(events)).toBe(true);
    expect(events.at(-1)).toStrictEqual(recorded.at(-1));
    expect(events.filter((e) => e.kind === "task-created").map((e) => e.seq)).toEqual(recorded.filter((e) => e.kind === "task-created").map((e) => e.seq));
    expect(events.findIndex((e) => e.kind === "program-end")).toBe(recorded.length - 1);
    expect(events.some((e) => e.kind === "print")).toBe(recorded.some((e) => e.kind === "print"));
    expect(JSON.stringify(events)).toBe(JSON.stringify(recorded));
    expect(0 in events).toBe(true);
    expect(recorded.length in events).toBe(false);
    expect(Object.keys(events)).toHaveLength(recorded.length);
    // An event cannot be put in or taken out; a symbol-keyed property (a view's note on its trace) can.
    expect(() => ((events as TraceEvent[])[0] = recorded[1])).toThrow(TypeError);
    expect(() => (events as TraceEvent[]).push(recorded[0])).toThrow(TypeError);
    const note = Symbol("note");
    (events as unknown as Record<symbol, string>)[note] = "kept";
    expect((events as unknown as Record<symbol, string>)[note]).toBe("kept");
    expect(events.length).toBe(recorded.length);
  }, 60_000);

  it("give the views and the stepper what the recorded events give them", async () => {
    const { recorded, events } = await kept(THOUSAND_TASKS);
    expect(deriveTimeline(events)).toStrictEqual(deriveTimeline(recorded));
    expect(consoleLines(events)).toStrictEqual(consoleLines(recorded));
    const fromList = new StepIndex(events);
    const fromRecorded = new StepIndex(recorded);
    for (const e of events) fromList.add(e);
    for (const e of recorded) fromRecorded.add(e);
    const steps = fromList.finish();
    expect(steps.length).toBe(fromRecorded.finish().length);
    // Jumps back and forth across the run, as a reader's drag of the slider makes them.
    for (const at of [0, steps.length - 1, 17, Math.floor(steps.length / 2), 3, steps.length - 2]) {
      expect(stepState(events, steps, at)).toStrictEqual(stepState(recorded, fromRecorded.finish(), at));
    }
  }, 60_000);
});
