// The trace's compact form (src/runtime/trace/compact.ts): the columns a run records into, and the
// JSON of `npm run trace -- --json=compact`, give back exactly the events that were recorded.
// The reference is the recorder the runtime had before the columns: one object per event, stamped
// with seq and t, a late event spliced into its place and the later ones renumbered.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMPACT_FIELDS, decodeCompact, encodeCompact, packStore, TraceStore, unpackEvents, type TraceEvent, type UnstampedEvent, type WaitInfo } from "../../src/runtime/trace/index.ts";
import { compactTrace, eventBatches, resultHead } from "../../src/runtime/program/index.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";

// The old recorder (Session.record / Session.emitAt before the columns), event by event.
function referenceRecorder() {
  const events: TraceEvent[] = [];
  /** Each task's name, as the scheduler's labels spelled it out ("wake Task-7"). */
  const names = new Map<number, string>();
  const stamp = (event: UnstampedEvent, t: number, line: number | undefined) => {
    const { line: _given, ...fields } = event as UnstampedEvent & { line?: number };
    return JSON.parse(JSON.stringify({ ...fields, t, ...(line === undefined ? {} : { line }) })) as TraceEvent;
  };
  return {
    events,
    names,
    push(event: UnstampedEvent, t: number, line: number | undefined) {
      if (event.kind === "task-created") names.set(event.task, event.name);
      events.push({ ...stamp(event, t, line), seq: events.length });
    },
    insert(index: number, event: UnstampedEvent, t: number, line: number | undefined) {
      events.splice(index, 0, stamp(event, t, line));
      for (let i = index; i < events.length; i++) events[i].seq = i;
    },
  };
}

/** JSON's view of events: what a file of them holds (undefined fields dropped, key order ignored). */
const asJson = (events: readonly TraceEvent[]) => JSON.parse(JSON.stringify(events)) as TraceEvent[];

// One event of every kind, with absent fields, floats, a gather's WaitInfo (its `tasks` list is
// kept whole), a string that is no valid field value (kept whole too), and a late event.
const SAMPLE: [UnstampedEvent, number, number | undefined][] = [
  [{ kind: "loop-start", loop: 1 }, 0, undefined],
  [{ kind: "task-created", task: 2, name: "Task-1", coro: "main", parent: undefined, internal: undefined }, 0, 4],
  [{ kind: "handle-queued", handle: 3, role: "step", task: 2, label: "start Task-1" }, 0, 4],
  [{ kind: "handle-run", handle: 3 }, 0, undefined],
  [{ kind: "task-resumed", task: 2, first: true, thrown: undefined }, 0, 3],
  [{ kind: "timer-set", timer: 5, due: 0.1 + 0.2, label: "sleep(0.3) timer of Task-1", task: 2 }, 0, 3],
  [{ kind: "task-suspended", task: 2, on: { what: "sleep", label: "sleep(0.3)", until: 0.30000000000000004 } }, 0, 3],
  [{ kind: "task-suspended", task: 2, on: { what: "future", label: "gather(Task-2, Task-3)", tasks: [6, 7] } }, 0, 3],
  [{ kind: "task-suspended", task: 6, on: { what: "task", label: "Task-3", task: 7 } }, 0, 3],
  [{ kind: "timer-fired", timer: 5, handle: 5 }, 0.30000000000000004, undefined],
  [{ kind: "timer-cancelled", timer: 8 }, 0.30000000000000004, undefined],
  [{ kind: "handle-run", handle: 9, skipped: true }, 0.30000000000000004, undefined],
  [{ kind: "task-resumed", task: 2, first: false, thrown: "CancelledError" }, 0.30000000000000004, 3],
  [{ kind: "print", text: "héllo\nwörld", stream: "stdout", task: 2, lane: undefined }, 0.5, 7],
  [{ kind: "pool-created", pool: 10, poolKind: "thread", name: "ThreadPoolExecutor-0", maxWorkers: 4 }, 0.5, 8],
  [{ kind: "job-queued", job: 11, pool: 10, label: "work(1)", task: 2 }, 0.5, 8],
  [{ kind: "job-started", job: 11, pool: 10, lane: 1, laneName: "ThreadPoolExecutor-0_0" }, 0.5, undefined],
  [{ kind: "blocking-start", until: 1.5, lane: 1, label: "cpu(1)", work: "cpu" }, 0.5, 9],
  [{ kind: "blocking-end", lane: 1 }, 1.5, undefined],
  [{ kind: "job-done", job: 11, lane: 1, outcome: "result", value: "2" }, 1.5, undefined],
  [{ kind: "task-done", task: 2, outcome: "exception", value: "ValueError: boom" }, 2, undefined],
  [{ kind: "task-created", task: 12, name: "Task-9", coro: "main", parent: 2.5 } as UnstampedEvent, 2, undefined],
  [{ kind: "loop-end", loop: 1 }, 2, undefined],
  [{ kind: "program-end", error: "ValueError: boom" }, 2, 12],
];

// TraceStore's fast paths (each records the event its fields make), and that event.
// A label that names its task (HandleInfo.ofTask) is given its first words: the name follows.
const fromFields = (names: Map<number, string>) => ({
  handleQueued: (handle: number, role: "step" | "callback", task: number | undefined, label: string, ofTask: boolean): UnstampedEvent => ({ kind: "handle-queued", handle, role, task, label: ofTask ? `${label} ${names.get(task!)}` : label }),
  handleRun: (handle: number, skipped: true | undefined): UnstampedEvent => ({ kind: "handle-run", handle, skipped }),
  taskResumed: (task: number, first: boolean, thrown: string | undefined): UnstampedEvent => ({ kind: "task-resumed", task, first, thrown }),
  // The store reads a WaitInfo's fields, whatever carries them (a sleep is its own WaitInfo, with more besides).
  taskSuspended: (task: number, { what, label, until, task: awaited, tasks }: WaitInfo): UnstampedEvent => ({ kind: "task-suspended", task, on: { what, label, until, task: awaited, tasks } }),
  timerSet: (timer: number, due: number, label: string, task: number | undefined, ofTask: boolean): UnstampedEvent => ({ kind: "timer-set", timer, due, label: ofTask ? `${label} ${names.get(task!)}` : label, task }),
  timerFired: (timer: number, handle: number): UnstampedEvent => ({ kind: "timer-fired", timer, handle }),
});
const FROM_FIELDS = fromFields(new Map());

describe("the compact trace", () => {
  afterEach(() => vi.restoreAllMocks());

  it("has a column for every field schema.ts declares (WaitInfo's `tasks` list is kept whole)", () => {
    const schema = readFileSync(new URL("../../src/runtime/trace/schema.ts", import.meta.url), "utf8");
    const union = /export type TraceEvent =([\s\S]*?);\n/.exec(schema)![1];
    const declared = [...union.matchAll(/^\s*\|\s*Event<"([\w-]+)",\s*\{(.*)\}>/gm)].map((m) => [m[1], [...m[2].matchAll(/(\w+)\??:/g)].map((f) => f[1])] as const);
    const waitInfo = [.../interface WaitInfo \{([\s\S]*?)\n\}/.exec(schema)![1].matchAll(/^\s*(\w+)\??:/gm)].map((m) => `on.${m[1]}`);
    expect(declared.map(([kind]) => kind).sort()).toEqual(Object.keys(COMPACT_FIELDS).sort());
    for (const [kind, fields] of declared) {
      const expected = fields.flatMap((f) => (f === "on" ? waitInfo.filter((w) => w !== "on.tasks") : [f]));
      expect(COMPACT_FIELDS[kind as keyof typeof COMPACT_FIELDS].map(([name]) => name).sort(), kind).toEqual(expected.sort());
    }
  });

  it("gives back every kind of event, in columns and through its JSON", () => {
    const store = new TraceStore();
    const reference = referenceRecorder();
    for (const [event, t, line] of SAMPLE) {
      store.push(structuredClone(event), t, line);
      reference.push(event, t, line);
    }
    // A worker's event told late: it goes where its time puts it.
    store.insert(9, { kind: "print", text: "from a thread", stream: "stdout", lane: 1 }, 0.2, 10);
    reference.insert(9, { kind: "print", text: "from a thread", stream: "stdout", lane: 1 }, 0.2, 10);
    expect(asJson(store.decode())).toEqual(reference.events);
    const json = JSON.parse(JSON.stringify(store.toCompact()));
    expect(asJson(decodeCompact(json))).toEqual(reference.events);
    expect(asJson(decodeCompact(JSON.parse(JSON.stringify(encodeCompact(reference.events)))))).toEqual(reference.events);
    // Each string once: the label repeated by two events is one entry.
    expect(json.strings.filter((s: string) => s === "Task-3")).toHaveLength(1);
    expect(store.select(["print"]).map((e) => e.seq)).toEqual([9, 14]);
  });

  it("records the scheduler's own events from their fields as push() records the event", () => {
    const [byEvent, byFields] = [new TraceStore(), new TraceStore()];
    const args: Record<string, (e: Record<string, unknown>) => unknown[]> = {
      handleQueued: (e) => [e.handle, e.role, e.task, e.label, false],
      handleRun: (e) => [e.handle, e.skipped],
      taskResumed: (e) => [e.task, e.first, e.thrown],
      taskSuspended: (e) => [e.task, e.on],
      timerSet: (e) => [e.timer, e.due, e.label, e.task, false],
      timerFired: (e) => [e.timer, e.handle],
    };
    for (const [event, t, line] of SAMPLE) {
      byEvent.push(structuredClone(event), t, line);
      const method = event.kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      if (method in args) {
        byFields.now = t;
        (byFields[method as keyof typeof FROM_FIELDS] as (...a: unknown[]) => void)(line, ...args[method](structuredClone(event) as never));
      }
      else byFields.push(structuredClone(event), t, line);
    }
    expect(asJson(byFields.decode())).toEqual(asJson(byEvent.decode()));
  });

  it("puts back the name of its task after a label that names it, in every form it is read in, keeping each label's first words once", () => {
    const [byEvent, byFields] = [new TraceStore(), new TraceStore()];
    const created = (task: number, name: string): UnstampedEvent => ({ kind: "task-created", task, name, coro: "work", parent: undefined, internal: undefined });
    // Task 9 is placed before task 5's events (a late event, Session.emitAt), and task 12 is never made.
    const steps: ((store: TraceStore, whole: boolean) => void)[] = [
      (s) => s.push(created(5, "Task-1"), 0, 1),
      (s, whole) => (whole ? s.push({ kind: "handle-queued", handle: 6, role: "step", task: 5, label: "start Task-1" }, 0, undefined) : s.handleQueued(undefined, 6, "step", 5, "start", true)),
      (s) => s.insert(0, created(9, "fetcher 2"), 0, 2),
      (s, whole) => (whole ? s.push({ kind: "timer-set", timer: 7, due: 0.5, label: "sleep(0.5) timer of fetcher 2", task: 9 }, 0, 3) : s.timerSet(3, 7, 0.5, "sleep(0.5) timer of", 9, true)),
      (s, whole) => (whole ? s.push({ kind: "handle-queued", handle: 8, role: "step", task: 5, label: "wake Task-1" }, 0.5, undefined) : s.handleQueued(undefined, 8, "step", 5, "wake", true)),
      (s, whole) => (whole ? s.push({ kind: "handle-queued", handle: 10, role: "step", task: 9, label: "wake fetcher 2" }, 0.5, undefined) : s.handleQueued(undefined, 10, "step", 9, "wake", true)),
      (s, whole) => (whole ? s.push({ kind: "handle-queued", handle: 11, role: "step", task: 12, label: "wake task 12" }, 0.5, undefined) : s.handleQueued(undefined, 11, "step", 12, "wake", true)),
    ];
    steps.forEach((step, i) => {
      byFields.now = i < 4 ? 0 : 0.5;
      step(byEvent, true);
      step(byFields, false);
    });
    const labels = asJson(byFields.decode()).flatMap((e) => ("label" in e ? [e.label] : []));
    expect(labels).toEqual(["start Task-1", "sleep(0.5) timer of fetcher 2", "wake Task-1", "wake fetcher 2", "wake task 12"]);
    expect(asJson(byFields.decode())).toEqual(asJson(byEvent.decode()));
    expect(decodeCompact(JSON.parse(JSON.stringify(byFields.toCompact())))).toEqual(asJson(byEvent.decode()));
    expect(byFields.select(["handle-queued"]).map((e) => e.kind === "handle-queued" && e.label)).toEqual(["start Task-1", "wake Task-1", "wake fetcher 2", "wake task 12"]);
    // "wake" is kept once for three events; the whole labels, once each.
    const texts = (store: TraceStore) => (store as unknown as { texts: { capacity: number; get(i: number): string } }).texts;
    const kept = (store: TraceStore) => Array.from({ length: texts(store).capacity }, (_, i) => texts(store).get(i)).filter((t) => t?.startsWith("wake"));
    expect(kept(byFields)).toEqual(["wake"]);
    expect(kept(byEvent)).toEqual(["wake Task-1", "wake fetcher 2", "wake task 12"]);
  });

  it("keeps every line and time, in and past the columns' first chunk (65,536 events)", () => {
    const store = new TraceStore();
    const reference = referenceRecorder();
    const lines = [undefined, 0, 1, 65_533, 65_534, 65_535, 70_000, -1, 2.5];
    for (let i = 0; i < 70_000; i++) {
      // Times in runs of a few events, with a real clock's distinct times in between.
      const t = i % 1000 < 500 ? Math.floor(i / 7) * 0.001 : i * 1e-6;
      const event: UnstampedEvent = { kind: "handle-run", handle: i };
      store.push(structuredClone(event), t, lines[i % lines.length]);
      reference.push(event, t, lines[i % lines.length]);
    }
    for (const at of [69_990, 65_536, 3]) {
      store.insert(at, { kind: "timer-cancelled", timer: at }, store.timeAt(at), 65_600);
      reference.insert(at, { kind: "timer-cancelled", timer: at }, reference.events[at].t, 65_600);
    }
    expect(asJson(store.decode())).toEqual(reference.events);
    expect(asJson(decodeCompact(JSON.parse(JSON.stringify(store.toCompact()))))).toEqual(reference.events);
    expect(store.select(["timer-cancelled"]).map((e) => e.seq)).toEqual([3, 65_537, 69_992]);
  });

  it("keeps every int exactly, in as few bytes as its size needs", () => {
    const store = new TraceStore();
    const reference = referenceRecorder();
    // Each side of every byte count a varint can take, negatives, and int32's ends.
    const ints = [0, 1, 125, 126, 127, 128, 16_381, 16_382, 16_383, 16_384, 2 ** 21 - 3, 2 ** 21, 2 ** 28, 2 ** 31 - 1, -1, -2, -128, -(2 ** 31) + 1];
    for (const [i, value] of ints.entries()) {
      const event: UnstampedEvent = { kind: "job-started", job: value, pool: -value || 0, lane: i, laneName: `lane ${value}` };
      store.push(structuredClone(event), i, undefined);
      reference.push(event, i, undefined);
    }
    expect(asJson(store.decode())).toEqual(reference.events);
    // 10,000 handle-runs of handles made one after another take three bytes each (no line, its
    // handle's difference from the last, no `skipped`), but the first of every 64, whose handle is
    // written whole: three bytes for ids from 100,000.
    const small = new TraceStore();
    for (let handle = 0; handle < 10_000; handle++) small.handleRun(undefined, 100_000 + handle, undefined);
    expect((small as unknown as { fields: { length: number } }).fields.length).toBe(30_000 + 2 * Math.ceil(10_000 / 64));
  });

  it("keeps the ids of handles and timers exactly, written as the difference from the last, read from anywhere", () => {
    const store = new TraceStore();
    const reference = referenceRecorder();
    const ids = [0, 2 ** 31 - 1, 0, 7, 6, 100_000, 99_999, 5, 2 ** 31 - 1, 2 ** 31 - 2, 1];
    const record = (event: UnstampedEvent, t: number) => {
      store.push(structuredClone(event), t, undefined);
      reference.push(event, t, undefined);
    };
    for (let i = 0; i < 500; i++) {
      const [a, b] = [ids[i % ids.length], ids[(i * 7) % ids.length]];
      // From their fields and as events; one of no valid id (kept whole) between them.
      store.now = i;
      store.handleQueued(undefined, a, "callback", undefined, "cb", false);
      reference.push({ kind: "handle-queued", handle: a, role: "callback", label: "cb" }, i, undefined);
      record({ kind: "handle-run", handle: b }, i);
      store.timerSet(undefined, b, 1, "t", undefined, false);
      reference.push({ kind: "timer-set", timer: b, due: 1, label: "t" }, i, undefined);
      if (i % 13 === 0) record({ kind: "timer-fired", timer: (a + 5) % 2 ** 31, handle: -b - 1 }, i);
      record({ kind: "timer-fired", timer: a, handle: b }, i);
    }
    expect(asJson(store.decode())).toEqual(reference.events);
    // Late events placed among them: reading goes on from one of them in the middle of a run of 64.
    for (const at of [100, 777, 1_500]) {
      store.insert(at, { kind: "print", text: `late ${at}`, stream: "stdout" }, 0, undefined);
      reference.insert(at, { kind: "print", text: `late ${at}`, stream: "stdout" }, 0, undefined);
    }
    expect(asJson(store.decode())).toEqual(reference.events);
    expect(asJson([...packStore(store, 37)].flatMap((packed) => unpackEvents(packed)))).toEqual(reference.events);
  });

  it("says what its columns take: 100,000 handle-runs of small handles, 3 bytes of fields and 1 of kind each", () => {
    const store = new TraceStore();
    const empty = store.bytes;
    for (let handle = 0; handle < 100_000; handle++) store.handleRun(undefined, handle % 100, undefined);
    // The columns grow a chunk (65,536 elements) at a time: at most one chunk of each is unused.
    expect(store.bytes - empty).toBeGreaterThanOrEqual(400_000);
    expect(store.bytes - empty).toBeLessThan(400_000 + 2 * 65_536 + 8_192);
  });

  it("takes back the bytes of an event that does not fit, where they crossed into the column's next chunk", () => {
    const store = new TraceStore();
    const reference = referenceRecorder();
    // Three bytes each (no line, the handle, no `skipped`): 21,844 stand four bytes short of the fields
    // column's first 65,536-byte chunk's end, and the gather's WaitInfo (kept whole), its line one
    // of them, writes past it before its `tasks` is found not to fit.
    const add = (event: UnstampedEvent) => {
      store.push(structuredClone(event), 0, undefined);
      reference.push(event, 0, undefined);
    };
    for (let i = 0; i < 21_844; i++) add({ kind: "handle-run", handle: i % 100 });
    add({ kind: "task-suspended", task: 2, on: { what: "future", label: "gather(Task-2, Task-3)", tasks: [6, 7] } });
    for (let i = 0; i < 40_000; i++) add({ kind: "timer-fired", timer: i % 120, handle: i % 90 });
    expect(asJson(store.decode())).toEqual(reference.events);
  });

  it("gives back any mix of events, fast paths, late events and odd values, as the one-object-per-event recorder does", () => {
    // A seeded generator (mulberry32): the same 40,000 events each time.
    let seed = 17;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    // Ids of every varint size up to int32's end (the fast paths take the session's ids, which are
    // such), and ints that are not ids (negative, int32's ends).
    const id = () => (random() < 0.1 ? 2 ** 31 - 1 - Math.floor(random() * 100) : pick([2, 127, 128, 16_383, 16_384, 2 ** 21]) + Math.floor(random() * 100));
    const int = () => pick([0, 1, -1, -129, 2 ** 31 - 1, -(2 ** 31) + 1, id()]);
    const text = () => pick(["start Task-1", "sleep(0.5)", "", "héllo\nwörld", `label ${Math.floor(random() * 1000)}`]);
    const float = () => pick([0.5, -0, NaN, Infinity, random() * 10]);
    const line = () => pick([undefined, undefined, 0, 3, 127, 128, 70_000, -1, 2.5]);
    const makers: (() => UnstampedEvent)[] = [
      () => ({ kind: "job-started", job: int(), pool: int(), lane: int(), laneName: text() }),
      () => ({ kind: "task-created", task: id(), name: text(), coro: text(), parent: random() < 0.5 ? undefined : int(), internal: random() < 0.5 ? undefined : true }),
      () => ({ kind: "blocking-start", until: float(), task: random() < 0.5 ? undefined : id(), lane: random() < 0.5 ? undefined : int(), label: text(), work: pick(["cpu", "gil", "sleep"]) as "cpu" }),
      () => ({ kind: "print", text: text(), stream: pick(["stdout", "stderr"]) as "stdout", task: random() < 0.5 ? undefined : id(), lane: undefined }),
      () => ({ kind: "task-suspended", task: id(), on: { what: "future", label: text(), tasks: [id(), id()] } }),
      () => ({ kind: "task-done", task: id(), outcome: "result", value: text() }),
    ];
    const fastPaths: (() => [keyof typeof FROM_FIELDS, unknown[]])[] = [
      () => ["handleQueued", [id(), pick(["step", "callback"]), random() < 0.3 ? undefined : id(), text()]],
      () => ["handleRun", [id(), random() < 0.2 ? true : undefined]],
      () => ["taskResumed", [id(), random() < 0.5, random() < 0.8 ? undefined : text()]],
      () => ["taskSuspended", [id(), { what: pick(["sleep", "task"]), label: text(), until: random() < 0.5 ? undefined : float(), task: random() < 0.5 ? undefined : id() }]],
      () => ["timerSet", [id(), float(), text(), random() < 0.3 ? undefined : id()]],
      () => ["timerFired", [id(), id()]],
    ];
    const store = new TraceStore();
    const reference = referenceRecorder();
    let t = 0;
    for (let i = 0; i < 40_000; i++) {
      if (random() < 0.2) t += pick([0, 0.001, 0.25]);
      const roll = random();
      const at = line();
      if (roll < 0.5) {
        const [method, args] = pick(fastPaths)();
        store.now = t;
        (store[method] as (...a: unknown[]) => void)(at, ...structuredClone(args));
        reference.push((FROM_FIELDS[method] as (...a: unknown[]) => UnstampedEvent)(...args), t, at);
      } else if (roll < 0.95 || reference.events.length === 0) {
        const event = pick(makers)();
        store.push(structuredClone(event), t, at);
        reference.push(event, t, at);
      } else {
        // A worker's event told late, at a time it shares with the events around it.
        const index = Math.floor(random() * reference.events.length);
        const event = pick(makers)();
        store.insert(index, structuredClone(event), store.timeAt(index), at);
        reference.insert(index, event, reference.events[index].t, at);
      }
    }
    expect(asJson(store.decode())).toEqual(reference.events);
    // The compact form, before JSON (which has no NaN or Infinity), exactly: -0 and NaN as they were.
    expect(decodeCompact(store.toCompact())).toEqual(store.decode());
    expect(asJson(store.select(["print", "job-started"]))).toEqual(reference.events.filter((e) => e.kind === "print" || e.kind === "job-started"));
  });

  it("keeps every float exactly (-0 apart from 0, NaN), a repeated one in one slot of its column, and past the values it finds again", () => {
    const store = new TraceStore();
    const firsts = [0.1 + 0.2, -0, 0, NaN, Infinity, -Infinity, 1e-300];
    // The firsts again, 5,000 distinct values (more than it finds again), then the firsts again.
    const dues = [...firsts, ...firsts, ...Array.from({ length: 5_000 }, (_, i) => 1 + i / 7), ...firsts];
    dues.forEach((due, i) => store.timerSet(undefined, i, due, "sleep", undefined, false));
    const decoded = store.decode().map((e) => (e.kind === "timer-set" ? e.due : undefined));
    expect(decoded.length).toBe(dues.length);
    decoded.forEach((due, i) => expect(Object.is(due, dues[i]), `event ${i}: ${due} for ${dues[i]}`).toBe(true));
    // What the column holds: each of the firsts once and each distinct value once, but -0 each of its
    // three times (a Map takes it for 0, so it is never looked for).
    const column = (store as unknown as { floats: { length: number } }).floats;
    expect(column.length).toBe(firsts.length + 5_000 + 2);
  });

  it("records every lesson's playground as the one-object-per-event recorder did", async () => {
    const playgrounds = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => ({ ...pg, file: l.file })));
    expect(playgrounds.length).toBeGreaterThan(20);
    let checked = 0;
    for (const pg of playgrounds) {
      const reference = referenceRecorder();
      const push = TraceStore.prototype.push;
      const insert = TraceStore.prototype.insert;
      vi.spyOn(TraceStore.prototype, "push").mockImplementation(function (this: TraceStore, event, t, line) {
        reference.push(event, t, line);
        push.call(this, event, t, line);
      });
      vi.spyOn(TraceStore.prototype, "insert").mockImplementation(function (this: TraceStore, index, event, t, line) {
        reference.insert(index, event, t, line);
        insert.call(this, index, event, t, line);
      });
      // The scheduler's own events come from their fields, without an event object: the reference
      // gets the object push() would have been given.
      for (const [method, event] of Object.entries(FROM_FIELDS)) {
        const original = TraceStore.prototype[method as keyof typeof FROM_FIELDS] as (...args: unknown[]) => void;
        vi.spyOn(TraceStore.prototype, method as keyof typeof FROM_FIELDS).mockImplementation(function (this: TraceStore, line: number | undefined, ...fields: unknown[]) {
          reference.push((fromFields(reference.names)[method as keyof typeof FROM_FIELDS] as (...f: unknown[]) => UnstampedEvent)(...fields), this.now, line);
          original.call(this, line, ...fields);
        } as never);
      }
      const result = await runTs(pg.code, { model: pg.model });
      vi.restoreAllMocks();
      // As the runner worker sends them: in batches, each made from the columns when asked for, and
      // the rest of the result without them.
      const batched = [...eventBatches(result, 97)].flat();
      const head = resultHead(result);
      expect(asJson(batched), `${pg.file}#${pg.id}`).toEqual(reference.events);
      const { events: _events, ...rest } = result;
      expect(head).toEqual(rest);
      expect(asJson(result.events), `${pg.file}#${pg.id}`).toEqual(reference.events);
      expect([...eventBatches(result, 97)].flat()).toEqual(result.events);
      expect(asJson(decodeCompact(JSON.parse(JSON.stringify(compactTrace(result))))), `${pg.file}#${pg.id}`).toEqual(reference.events);
      checked += reference.events.length;
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
