// A run's reply through shared memory (src/components/playground/reply-slot.ts): what the runner
// writes, the page reads back exactly — the events the messages would bring and the result's head —
// or, when it does not fit or JSON cannot carry it, the slot says nothing of that run.
import { describe, expect, it } from "vitest";
import { packEvents, unpackEvents, TraceStore, type TraceEvent } from "../../src/runtime/trace/index.ts";
import { eventBatches, packedBatches, resultHead } from "../../src/runtime/program/index.ts";
import { readReply, REPLY_SLOT_BYTES, writeReply } from "../../src/components/playground/reply-slot.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";
import { THOUSAND_TASKS } from "../support/runaway-programs.ts";

const newSlot = () => new SharedArrayBuffer(REPLY_SLOT_BYTES);

describe("the reply slot", () => {
  it("gives back every lesson's run as the messages would: its events, key for key, and its head", async () => {
    const slot = newSlot();
    const programs = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => ({ where: `${l.file}#${pg.id}`, code: pg.code, model: pg.model })));
    expect(programs.length).toBeGreaterThan(20);
    for (const [n, { where, code, model }] of programs.entries()) {
      const result = await runTs(code, { model });
      const expected = [...eventBatches(result, 1_000)].flat();
      // Every lesson's reply fits: the page can draw any lesson's run in the frame after its Run.
      expect(writeReply(slot, n + 1, [...packedBatches(result, 1_000)], resultHead(result)), where).toBe(true);
      const read = readReply(slot, n + 1)!;
      const events = read.batches.flatMap(unpackEvents);
      expect(events, where).toHaveLength(expected.length);
      events.forEach((event, i) => {
        expect(Object.keys(event)).toEqual(Object.keys(expected[i]));
        expect(event).toStrictEqual(expected[i]);
      });
      expect(read.head, where).toEqual(resultHead(result));
      // The page's own copies: nothing it keeps is shared with the worker.
      for (const batch of read.batches) for (const array of [batch.codes, batch.times, batch.lines, batch.values, batch.floats]) expect(array.buffer).toBeInstanceOf(ArrayBuffer);
    }
  }, 120_000);

  it("says nothing of a run it does not hold: another run's reply, one too big, one JSON would change", async () => {
    const slot = newSlot();
    const small = await runTs(`import { run, sleep } from "asyncio";\nawait run(sleep(1));`);
    expect(writeReply(slot, 7, [...packedBatches(small, 1_000)], resultHead(small))).toBe(true);
    expect(readReply(slot, 7)).not.toBeNull();
    expect(readReply(slot, 8)).toBeNull();

    // 1,000 tasks: more than the slot holds. The slot is cleared first: no run's reply is read from it.
    const big = await runTs(THOUSAND_TASKS);
    expect(writeReply(slot, 8, [...packedBatches(big, 1_000)], resultHead(big))).toBe(false);
    expect(readReply(slot, 8)).toBeNull();
    expect(readReply(slot, 7)).toBeNull();

    // An event kept whole for its NaN line: JSON would make it null, so this reply goes by message only.
    const store = new TraceStore();
    store.push({ kind: "loop-start", loop: 1 }, 0, undefined);
    const odd = [{ ...store.decode()[0], line: Number.NaN } as TraceEvent];
    expect(writeReply(slot, 9, [packEvents(odd)], resultHead(small))).toBe(false);
    expect(readReply(slot, 9)).toBeNull();
    expect(writeReply(slot, 10, [packEvents(odd)], { ...resultHead(small), virtualEnd: Infinity })).toBe(false);
  }, 60_000);
});
