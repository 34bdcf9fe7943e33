// deriveTimeline (src/runtime/trace/timeline.ts): the timing diagram's lanes and state intervals, derived
// from a trace. Checked on the lesson examples whose diagrams the chapters describe in words.
import { beforeAll, describe, expect, it } from "vitest";
import { deriveTimeline, Intervals, type Interval, type Lane, type Timeline } from "../../src/runtime/trace/index.ts";
import { runTs } from "../support/run-ts.ts";
import { EXAMPLE_1, EXAMPLE_2, EXAMPLE_3, EXAMPLE_4_AWAIT_TASK_2_FIRST, EXAMPLE_4_SLEEP_INSTEAD, EXAMPLE_5 } from "../support/lesson-examples.ts";

/** A lane's intervals that take virtual time (what the diagram draws as bars). */
const bars = (lane: Lane) => [...lane.intervals].filter((i) => i.to > i.from).map(({ from, to, state, label }) => ({ from, to, state, label }));

/** A lane by name (fails loudly if missing). */
function lane(timeline: Timeline, name: string): Lane {
  const found = timeline.lanes.find((l) => l.name === name);
  if (!found) throw new Error(`no lane named ${name}: ${timeline.lanes.map((l) => l.name).join(", ")}`);
  return found;
}

/** Structural rules every timeline keeps: ordered, non-overlapping intervals inside [0, end]. */
function expectWellFormed(timeline: Timeline) {
  for (const l of timeline.lanes) {
    let previous: Interval | undefined;
    for (const interval of l.intervals) {
      expect(interval.from, `${l.name}: from <= to`).toBeLessThanOrEqual(interval.to);
      expect(interval.from).toBeGreaterThanOrEqual(0);
      expect(interval.to).toBeLessThanOrEqual(timeline.end);
      if (previous) {
        expect(interval.from, `${l.name}: intervals do not overlap`).toBeGreaterThanOrEqual(previous.to);
        expect(interval.seq, `${l.name}: intervals follow trace order`).toBeGreaterThanOrEqual(previous.seq);
      }
      previous = interval;
    }
  }
}

describe("Example 3 (createTask): three task lanes whose waits overlap", () => {
  let timeline: Timeline;
  beforeAll(async () => {
    timeline = deriveTimeline((await runTs(EXAMPLE_3)).events);
  });

  it("has the event loop lane and one lane per task, ending at 2 s", () => {
    expect(timeline.end).toBe(2);
    expect(timeline.lanes.map(({ id, kind, name, detail, outcome }) => ({ kind, name, detail, outcome, id: typeof id }))).toEqual([
      { kind: "thread", name: "Event loop", detail: undefined, outcome: undefined, id: "string" },
      { kind: "task", name: "Task-1", detail: "main()", outcome: "result", id: "string" },
      { kind: "task", name: "Task-2", detail: "fetchData()", outcome: "result", id: "string" },
      { kind: "task", name: "Task-3", detail: "fetchData()", outcome: "result", id: "string" },
    ]);
    expect(new Set(timeline.lanes.map((l) => l.id)).size).toBe(4);
    expectWellFormed(timeline);
  });

  it("task 1 waits on its sleep 0–1, task 2 on its sleep 0–2: the bars overlap", () => {
    expect(bars(lane(timeline, "Task-2"))).toEqual([{ from: 0, to: 1, state: "waiting", label: "sleep(1)" }]);
    expect(bars(lane(timeline, "Task-3"))).toEqual([{ from: 0, to: 2, state: "waiting", label: "sleep(2)" }]);
  });

  it("main waits on task 1 until 1 s, then on task 2 until 2 s, with a sliver of running between", () => {
    const main = lane(timeline, "Task-1");
    expect(bars(main)).toEqual([
      { from: 0, to: 1, state: "waiting", label: "Task-2" },
      { from: 1, to: 2, state: "waiting", label: "Task-3" },
    ]);
    expect([...main.intervals].some((i) => i.state === "running" && i.from === 1 && i.to === 1)).toBe(true);
  });

  it("task 2's lane is ready for a moment at 0 while task 1 runs ahead of it (FIFO)", () => {
    const [first, second] = [lane(timeline, "Task-2"), lane(timeline, "Task-3")];
    const firstRunning = [...first.intervals].find((i) => i.state === "running")!;
    const secondReady = second.intervals.at(0)!;
    const secondRunning = [...second.intervals].find((i) => i.state === "running")!;
    expect(secondReady).toMatchObject({ from: 0, to: 0, state: "ready" });
    expect(secondReady.seq).toBeLessThan(firstRunning.seq);
    expect(firstRunning.seq).toBeLessThan(secondRunning.seq);
  });

  it("the event loop lane is idle (waiting for the next timer) for the whole run: nothing blocks it", () => {
    const loop = lane(timeline, "Event loop");
    expect(bars(loop)).toEqual([{ from: 0, to: 2, state: "waiting", label: "idle: waiting for the next timer or I/O" }]);
    expect([...loop.intervals].some((i) => i.state === "blocked")).toBe(false);
  });
});

describe("Example 5 (blocking the loop): nothing overlaps", () => {
  let timeline: Timeline;
  beforeAll(async () => {
    timeline = deriveTimeline((await runTs(EXAMPLE_5)).events);
  });

  it("has the same four lanes, ending at 3 s", () => {
    expect(timeline.end).toBe(3);
    expect(timeline.lanes.map((l) => [l.kind, l.name, l.outcome])).toEqual([
      ["thread", "Event loop", undefined],
      ["task", "Task-1", "result"],
      ["task", "Task-2", "result"],
      ["task", "Task-3", "result"],
    ]);
    expectWellFormed(timeline);
  });

  it("the event loop lane is blocked 0–1 and 1–3 by the two blocking sleeps", () => {
    expect(bars(lane(timeline, "Event loop"))).toEqual([
      { from: 0, to: 1, state: "blocked", label: "blockingSleep(1)" },
      { from: 1, to: 3, state: "blocked", label: "blockingSleep(2)" },
    ]);
  });

  it("task 1 is blocked 0–1; task 2 is ready 0–1 (the thread is held), then blocked 1–3", () => {
    expect(bars(lane(timeline, "Task-2"))).toEqual([{ from: 0, to: 1, state: "blocked", label: "blockingSleep(1)" }]);
    expect(bars(lane(timeline, "Task-3"))).toEqual([
      { from: 0, to: 1, state: "ready", label: undefined },
      { from: 1, to: 3, state: "blocked", label: "blockingSleep(2)" },
    ]);
  });

  it("main waits on task 1 until 1 s, then is ready 1–3, queued behind task 2", () => {
    expect(bars(lane(timeline, "Task-1"))).toEqual([
      { from: 0, to: 1, state: "waiting", label: "Task-2" },
      { from: 1, to: 3, state: "ready", label: undefined },
    ]);
  });

  it("at any moment at most one lane is blocked or running for a stretch of time", () => {
    const busy = timeline.lanes
      .filter((l) => l.kind === "task")
      .flatMap((l) => bars(l).filter((b) => b.state === "blocked" || b.state === "running"));
    busy.sort((a, b) => a.from - b.from);
    for (let i = 1; i < busy.length; i++) expect(busy[i].from).toBeGreaterThanOrEqual(busy[i - 1].to);
  });
});

describe("other examples' diagrams, as the chapters describe them", () => {
  it("Example 1: a single 'Main thread' lane, blocked 0–1 and 1–3, and no task lanes", async () => {
    const timeline = deriveTimeline((await runTs(EXAMPLE_1)).events);
    expect(timeline.end).toBe(3);
    expect(timeline.lanes.map((l) => [l.kind, l.name])).toEqual([["thread", "Main thread"]]);
    expect(bars(timeline.lanes[0])).toEqual([
      { from: 0, to: 1, state: "blocked", label: "blockingSleep(1)" },
      { from: 1, to: 3, state: "blocked", label: "blockingSleep(2)" },
    ]);
    expectWellFormed(timeline);
  });

  it("Example 2: one task lane, waiting 0–1 and 1–3 on its two sleeps", async () => {
    const timeline = deriveTimeline((await runTs(EXAMPLE_2)).events);
    expect(timeline.lanes.map((l) => [l.kind, l.name])).toEqual([
      ["thread", "Event loop"],
      ["task", "Task-1"],
    ]);
    expect(bars(lane(timeline, "Task-1"))).toEqual([
      { from: 0, to: 1, state: "waiting", label: "sleep(1)" },
      { from: 1, to: 3, state: "waiting", label: "sleep(2)" },
    ]);
    expectWellFormed(timeline);
  });

  it("Example 4: main waits on task 2 in one stretch 0–2; task 1's lane ends at 1", async () => {
    const timeline = deriveTimeline((await runTs(EXAMPLE_4_AWAIT_TASK_2_FIRST)).events);
    expect(bars(lane(timeline, "Task-1"))).toEqual([{ from: 0, to: 2, state: "waiting", label: "Task-3" }]);
    const task1 = lane(timeline, "Task-2");
    expect(Math.max(...[...task1.intervals].map((i) => i.to))).toBe(1);
    expectWellFormed(timeline);
  });

  it("Example 4 variant: main waits on its own sleep 0–2.5 while both tasks finish underneath", async () => {
    const timeline = deriveTimeline((await runTs(EXAMPLE_4_SLEEP_INSTEAD)).events);
    expect(timeline.end).toBe(2.5);
    expect(bars(lane(timeline, "Task-1"))).toEqual([{ from: 0, to: 2.5, state: "waiting", label: "sleep(2.5)" }]);
    expect(bars(lane(timeline, "Task-2"))).toEqual([{ from: 0, to: 1, state: "waiting", label: "sleep(1)" }]);
    expect(bars(lane(timeline, "Task-3"))).toEqual([{ from: 0, to: 2, state: "waiting", label: "sleep(2)" }]);
    expectWellFormed(timeline);
  });

  it("leaves run()'s internal shutdown tasks out of the diagram", async () => {
    const result = await runTs(EXAMPLE_3);
    const internal = result.events.filter((e) => e.kind === "task-created" && e.internal);
    expect(internal.length).toBeGreaterThan(0);
    const names = deriveTimeline(result.events).lanes.map((l) => l.name);
    for (const e of internal) expect(names).not.toContain((e as { name: string }).name);
  });

  it("a cancelled task's lane ends with outcome 'cancelled'", async () => {
    const result = await runTs(`import { run, createTask, sleep } from "asyncio";

async function forever() {
  await sleep(100);
}

async function main() {
  createTask(forever());
  await sleep(1);
}

await run(main());
`);
    const timeline = deriveTimeline(result.events);
    expect(lane(timeline, "Task-2").outcome).toBe("cancelled");
    expect(bars(lane(timeline, "Task-2"))).toEqual([{ from: 0, to: 1, state: "waiting", label: "sleep(100)" }]);
    expectWellFormed(timeline);
  });

  it("an empty trace gives just the thread lane, ending at 0", () => {
    const timeline = deriveTimeline([]);
    expect(timeline.end).toBe(0);
    expect(timeline.lanes.map((l) => l.name)).toEqual(["Main thread"]);
  });
});

describe("a lane's intervals, kept in columns (intervals.ts)", () => {
  // 50 tasks whose steps interleave, each sleeping 5 times its own delay: more intervals than the
  // columns first hold (256), recorded lane after lane in turn and read back lane by lane.
  const PROGRAM = `import { run, createTask, sleep } from "asyncio";
async function sleeper(i: number) { for (let k = 0; k < 5; k++) await sleep((i + 1) / 100); }
async function main() { const tasks = []; for (let i = 0; i < 50; i++) tasks.push(createTask(sleeper(i))); for (const t of tasks) await t; }
await run(main());
`;
  let timeline: Timeline;
  beforeAll(async () => {
    timeline = deriveTimeline((await runTs(PROGRAM)).events);
  });

  it("gives each task its own five sleeps, in order, though the lanes' intervals were recorded interleaved", () => {
    expectWellFormed(timeline);
    for (let i = 0; i < 50; i++) {
      const delay = (i + 1) / 100;
      const waits = bars(lane(timeline, `Task-${i + 2}`)).filter((b) => b.state === "waiting");
      expect(waits.map((b) => b.label)).toEqual(Array(5).fill(`sleep(${delay})`));
      waits.forEach((b, k) => {
        expect(b.from).toBeCloseTo(k * delay, 9);
        expect(b.to).toBeCloseTo((k + 1) * delay, 9);
      });
    }
  });

  it("reads the same by field, whole (at) and iterated; at(-1) is the last; past the end, nothing", () => {
    for (const { intervals } of timeline.lanes) {
      const iterated = [...intervals];
      expect(iterated).toHaveLength(intervals.length);
      iterated.forEach((iv, i) => {
        expect(intervals.at(i)).toEqual(iv);
        expect({ from: intervals.from(i), to: intervals.to(i), state: intervals.state(i), label: intervals.label(i), seq: intervals.seq(i) }).toEqual(iv);
      });
      expect(intervals.at(-1)).toEqual(iterated.at(-1));
      expect(intervals.at(intervals.length)).toBeUndefined();
    }
  });

  it("Intervals.of keeps a list built by hand, key for key", () => {
    const list: Interval[] = [
      { from: 0, to: 0.5, state: "running", label: undefined, seq: 1 },
      { from: 0.5, to: 2, state: "waiting", label: "sleep(1.5)", seq: 4 },
      { from: 2, to: 2, state: "ready", label: undefined, seq: 9 },
      { from: 2, to: 3, state: "blocked", label: "time.sleep(1)", seq: 10 },
    ];
    expect([...Intervals.of(list)]).toStrictEqual(list);
  });
});
