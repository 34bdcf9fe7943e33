// A batch of trace events packed into typed arrays for postMessage (src/runtime/trace/packed.ts), as
// the runner worker sends the trace to the page: unpacked after a structured clone that transfers
// its arrays, it is the events that were packed, key for key and in the same key order.
import { describe, expect, it } from "vitest";
import { packedBuffers, packEvents, packStore, unpackEvents, TraceStore, type PackedEvents, type TraceEvent, type UnstampedEvent } from "../../src/runtime/trace/index.ts";
import { eventBatches, packedBatches } from "../../src/runtime/program/index.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";
import { THOUSAND_TASKS } from "../support/runaway-programs.ts";

/** As postMessage moves a batch: its typed arrays transferred, the rest copied. */
function sent(events: readonly TraceEvent[]): TraceEvent[] {
  return received(packEvents(events));
}

/** A packed batch as the page receives and unpacks it. */
function received(packed: PackedEvents): TraceEvent[] {
  const buffers = packedBuffers(packed);
  const received = structuredClone(packed, { transfer: buffers });
  expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true); // moved, not copied
  return unpackEvents(received);
}

/** The strings of the events a batch holds in columns (not those it carries whole). */
function stringsHeld(packed: PackedEvents): string[] {
  const events = unpackEvents(packed).filter((_, i) => !(i in packed.raw));
  const strings = events.flatMap((e) => Object.values({ ...e, ...("on" in e ? e.on : {}) }).filter((v): v is string => typeof v === "string" && v !== e.kind));
  return [...new Set(strings)].sort();
}

/** Exactly equal: the same keys in the same order with the same values (NaN and -0 included). */
function expectSame(actual: readonly TraceEvent[], expected: readonly TraceEvent[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((event, i) => {
    expect(Object.keys(event)).toEqual(Object.keys(expected[i]));
    expect(event).toStrictEqual(expected[i]);
  });
}

describe("packed events", () => {
  it("give back events of every shape, in columns or whole", () => {
    const store = new TraceStore();
    const add = (event: UnstampedEvent, t: number, line?: number) => store.push(event, t, line);
    add({ kind: "loop-start", loop: 1 }, 0);
    add({ kind: "task-created", task: 2, name: "Tâsk-1 ✓", coro: "main", parent: undefined, internal: true }, 0, 4);
    add({ kind: "timer-set", timer: 5, due: 0.1 + 0.2, label: "sleep(0.3) timer of Task-1", task: 2 }, -0, 3);
    add({ kind: "timer-set", timer: 6, due: Number.NaN, label: "sleep(nan)", task: 2 }, 0, 2.5); // a float due, a line between lines
    add({ kind: "task-suspended", task: 2, on: { what: "sleep", label: "sleep(0.3)", until: -0 } }, 0, 3);
    add({ kind: "task-suspended", task: 2, on: { what: "future", label: "gather(Task-2, Task-3)", until: 0.75, tasks: [6, 7] } }, 0, 3); // kept whole
    add({ kind: "task-created", task: 12, name: "Task-9", coro: "main", parent: 2.5 } as UnstampedEvent, 2); // no int32: whole
    add({ kind: "handle-run", handle: -0x80000000 }, 2); // the absent field's own value: whole
    add({ kind: "print", text: "héllo\nwörld", stream: "stdout", task: 2, lane: undefined }, 0.5, 7);
    add({ kind: "print", text: "héllo\nwörld", stream: "stderr", task: 2 }, 0.5, 70_000);
    add({ kind: "program-end", error: undefined }, 2);
    const events = store.decode();
    expectSame(sent(events), events);
    // The events carried whole leave nothing behind in the columns: no string or float only they had.
    const packed = packEvents(events);
    expect([...packed.strings].sort()).toEqual(stringsHeld(packed));
    expect(packed.floats).not.toContain(0.75);
    // A batch from the middle keeps its events' seq.
    expectSame(sent(events.slice(4, 9)), events.slice(4, 9));
    expect(sent([])).toEqual([]);
  });

  it("packed straight from the columns give back the events too: events told late, kept whole, with lines past two bytes", () => {
    const store = new TraceStore();
    for (let i = 0; i < 2_500; i++) store.push({ kind: "timer-set", timer: i, due: i / 3, label: `sleep(${i % 7}) timer`, task: i % 5 }, i / 10, i % 3 ? i : undefined);
    store.insert(1_200, { kind: "print", text: "late", stream: "stdout", lane: 1 }, 0.05, 70_000);
    store.push({ kind: "task-suspended", task: 2, on: { what: "future", label: "gather", tasks: [6, 7] } }, 300, Number.NaN);
    store.push({ kind: "handle-run", handle: 1 }, 300, Number.NaN);
    const events = store.decode();
    const batches = [...packStore(store, 1_000)];
    expect(batches.map((packed) => packed.from)).toEqual([0, 1_000, 2_000]);
    for (const packed of batches) expect([...packed.strings].sort()).toEqual(stringsHeld(packed));
    expectSame(batches.flatMap(received), events);
  });

  it("give back events that are not in order or not numbered as a batch's: whole", () => {
    const events = new TraceStore();
    events.push({ kind: "loop-start", loop: 1 }, 0, undefined);
    events.push({ kind: "loop-end", loop: 1 }, 1, undefined);
    const [a, b] = events.decode();
    const odd = [{ ...b }, { ...a }, { ...a, line: Number.NaN } as TraceEvent];
    expectSame(sent(odd), odd);
  });

  it("give back every lesson's trace, and the 1,000-task program's, batch by batch", async () => {
    const programs = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => ({ code: pg.code, model: pg.model })));
    programs.push({ code: THOUSAND_TASKS, model: undefined });
    for (const { code, model } of programs) {
      const result = await runTs(code, { model });
      const batches = [...eventBatches(result, 1_000)];
      expectSame(batches.flatMap(sent), batches.flat());
      // Packed straight from the columns, as the runner worker packs them: the same events.
      expectSame([...packedBatches(result, 1_000)].flatMap(received), batches.flat());
    }
  }, 120_000);
});
