// The lazy derivations a page uses for long traces give exactly what the eager ones give: a
// StepIndex fed one event at a time has deriveSteps' steps (narrations written on demand, in any
// order), stepAtTime's binary search picks what a linear scan picks, and a state reached by jumps
// (from checkpoints) is the state a replay from the start reaches.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectPlaygrounds } from "../../src/integrations/playground-blocks.mjs";
import { deriveStepStates, deriveSteps, stepAtTime, stepState, StepIndex, type Step, type TraceEvent } from "../../src/runtime/trace/index.ts";
import { BROWSER_LIMITS } from "../../src/runtime/program/index.ts";
import { runTs } from "../support/run-ts.ts";
import { THOUSAND_TASKS } from "../support/runaway-programs.ts";
import { expectSteppedBackAndForth } from "../support/step-walks.ts";

const DOCS = fileURLToPath(new URL("../../src/content/docs/lessons", import.meta.url));
const programs: { name: string; code: string }[] = [];
for (const file of readdirSync(DOCS).filter((f) => f.endsWith(".mdx")).sort()) {
  for (const pg of await collectPlaygrounds(readFileSync(join(DOCS, file), "utf8"), file)) {
    if (pg.clock !== "real") programs.push({ name: `${file}#${pg.id}`, code: pg.code });
  }
}

function indexOf(events: readonly TraceEvent[]): StepIndex {
  const index = new StepIndex(events);
  for (const e of events) index.add(e);
  return index.finish();
}

// The linear scan stepAtTime was before it searched (the reference for the search).
function linearStepAtTime(steps: readonly Step[], t: number, options: { task?: number; tolerance?: number } = {}): number {
  let nearest = 0;
  for (let i = 1; i < steps.length; i++) if (Math.abs(steps[i].t - t) < Math.abs(steps[nearest].t - t)) nearest = i;
  if (steps.length && Math.abs(steps[nearest].t - t) <= (options.tolerance ?? 0)) {
    const time = steps[nearest].t;
    const own = options.task === undefined ? -1 : steps.findIndex((s) => s.t === time && s.task === options.task);
    return own >= 0 ? own : nearest;
  }
  let last = 0;
  for (let i = 0; i < steps.length && steps[i].t <= t; i++) last = i;
  return last;
}

describe("StepIndex: deriveSteps, one event at a time, narrations on demand", () => {
  it.each(programs)("$name", async ({ code }) => {
    const { events } = await runTs(code);
    const eager = deriveSteps(events);
    const lazy = indexOf(events);
    expect(lazy.length).toBe(eager.length);
    // Narrations asked for backwards, from the end: each is read from its own state.
    for (let i = eager.length - 1; i >= 0; i--) expect({ ...lazy.at(i)!, narration: lazy.at(i)!.narration }).toEqual(eager[i]);
    expect(stepState(events, lazy, eager.length - 1)).toEqual(stepState(events, eager, eager.length - 1));
  });
});

// Tasks started eagerly, inside their parent's step: the stepper then knows whose step goes on when one suspends.
const EAGER_CHILDREN = `import { run, createTask, sleep, print } from "asyncio";
async function child(i: number) {
  print("child", i);
  await sleep(0.1 * i);
  print("child done", i);
}
async function parent() {
  const a = createTask(child(1), { eagerStart: true });
  const b = createTask(child(2), { eagerStart: true });
  print("parent goes on");
  await a;
  await b;
}
await run(parent());
`;

describe("stepping back undoes (every lesson program, threads and processes included)", () => {
  it.each([...programs, { name: "tasks started eagerly", code: EAGER_CHILDREN }])("$name: each step back from the last, and forward again, is the single-pass state", async ({ code }) => {
    expectSteppedBackAndForth((await runTs(code)).events);
  });
});

// 150 tasks that sleep and print, some handing a blocking call to a thread: ~7,000 events.
const WALKED = `import { run, createTask, sleep, print, toThread, blockingSleep } from "asyncio";
async function work(i: number) {
  for (let n = 0; n < 8; n++) {
    await sleep(0.01 * (1 + (i % 7)));
    if (n % 4 === 0) print("task", i, "at", n);
  }
  if (i % 10 === 0) await toThread(() => blockingSleep(0.05));
}
async function main() {
  const tasks = [];
  for (let i = 0; i < 150; i++) tasks.push(createTask(work(i)));
  for (const t of tasks) await t;
}
await run(main());
`;

describe("a random walk through the steps", () => {
  it("one step, strides and jumps, back and forth: every stop is the single-pass state", async () => {
    const { events } = await runTs(WALKED);
    expect(events.length).toBeGreaterThan(5_000);
    expect(events.some((e) => e.kind === "job-started")).toBe(true);
    const expected = deriveStepStates(events);
    const steps = deriveSteps(events);
    const last = steps.length - 1;
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let at = 0;
    for (let move = 0; move < 1_500; move++) {
      const kind = random();
      // Mostly ← and →, as a reader steps; then strides (a drag); now and then a jump anywhere.
      const to = kind < 0.6 ? at + (random() < 0.5 ? -1 : 1) : kind < 0.95 ? at + Math.round((random() - 0.5) * 400) : Math.floor(random() * steps.length);
      at = Math.max(0, Math.min(last, to));
      expect(stepState(events, steps, at), `move ${move}: step ${at}`).toEqual(expected[at]);
    }
  }, 60_000);
});

// The events of `events`, counting each one read (a step back should read the few it shows, not
// replay the thousands since a checkpoint).
function counted(events: readonly TraceEvent[]): { events: readonly TraceEvent[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(events, {
    get: (target, key, receiver) => {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { events: proxy, reads: () => reads };
}

describe("stepAtTime searches as the linear scan did", () => {
  it.each(programs.slice(0, 12))("$name", async ({ code }) => {
    const { events } = await runTs(code);
    const steps = deriveSteps(events);
    const end = steps.at(-1)!.t;
    const tasks = [undefined, ...new Set(steps.map((s) => s.task).filter((t) => t !== undefined))];
    for (let k = 0; k <= 40; k++) {
      const t = (end * k) / 40 + (k % 3 === 0 ? 0 : 0.0007);
      for (const tolerance of [0, 0.01, 0.2])
        for (const task of tasks) expect(stepAtTime(steps, t, { task, tolerance }), `t=${t} task=${task} tolerance=${tolerance}`).toBe(linearStepAtTime(steps, t, { task, tolerance }));
    }
  });
});

describe("stepState in any order", () => {
  it("a run of 1,000 tasks, whose state is too big to copy every 1,024 events: jumps forward and back give what a fresh replay gives", async () => {
    const { events } = await runTs(THOUSAND_TASKS, { limits: BROWSER_LIMITS });
    const index = indexOf(events);
    const eager = deriveSteps(events);
    const n = index.length;
    const mid = n >> 1;
    for (const i of [mid, mid + 1, mid + 2, mid - 1, mid - 700, n - 1, 5, mid + 3_000, mid + 2_999, 0, n - 2]) {
      // A copy of the events has a cursor of its own, with no checkpoint: it replays from the start.
      expect(stepState(events, index, i), `step ${i}`).toEqual(stepState(events.slice(), eager, i));
    }
  }, 60_000);

  it("stepping back on a run of 1,000 tasks reads a few events a step (it undoes), and gives what a fresh replay gives, past where its undo reaches", async () => {
    const run = await runTs(THOUSAND_TASKS, { limits: BROWSER_LIMITS });
    const { events, reads } = counted(run.events);
    const index = indexOf(events);
    const eager = deriveSteps(run.events);
    const from = Math.floor(index.length * 0.6);
    stepState(events, index, from);
    // One step back at a time: 300 steps. Each undoes, reading only the events around the step (its
    // own, the next one for its sentence, the one before for what is fresh), and replays a slice of
    // the stretch below the journal's reach ahead of need: tens, where a replay from the checkpoint
    // read ~1,200 on average.
    const perStep: number[] = [];
    for (let i = from - 1; i > from - 300; i--) {
      const before = reads();
      stepState(events, index, i);
      perStep.push(reads() - before);
    }
    expect(Math.max(...perStep)).toBeLessThanOrEqual(40);
    // Then as a drag back: 400 steps a frame, well past the last 4,096 events it can undo.
    for (let i = from - 300, frame = 0; i > 0; i -= 400, frame++) {
      const state = stepState(events, index, i);
      if (frame % 5 === 0) expect(state, `step ${i}`).toEqual(stepState(run.events.slice(), eager, i));
    }
    for (const i of [from - 299, from - 1, 1, from]) expect(stepState(events, index, i), `step ${i}`).toEqual(stepState(run.events.slice(), eager, i));
    // A step back (a journal kept from there), forward 12,000 steps, 100 a frame (the journal
    // forgets its oldest events as it goes), then back 4,000, 100 a frame.
    stepState(events, index, from - 1);
    for (let i = from; i <= from + 12_000; i += 100) stepState(events, index, i);
    for (let i = from + 12_000, frame = 0; i >= from + 8_000; i -= 100, frame++) {
      const state = stepState(events, index, i);
      if (frame % 4 === 0) expect(state, `step ${i}`).toEqual(stepState(run.events.slice(), eager, i));
    }
  }, 60_000);

  it("dragged back from the end of a run of 1,000 tasks, no frame replays the stretch below the journal's reach at once", async () => {
    const run = await runTs(THOUSAND_TASKS, { limits: BROWSER_LIMITS });
    const { events, reads } = counted(run.events);
    const index = indexOf(events);
    const eager = deriveSteps(run.events);
    // Forward to the end as a drag goes, 400 steps a frame, then back the same way.
    for (let i = 0; i < index.length; i += 400) stepState(events, index, i);
    const perFrame: number[] = [];
    for (let i = index.length - 1, frame = 0; i >= 0; i -= 400, frame++) {
      const before = reads();
      const state = stepState(events, index, i);
      perFrame.push(reads() - before);
      if (frame % 7 === 0) expect(state, `step ${i}`).toEqual(stepState(run.events.slice(), eager, i));
    }
    // Each ~8,000 events down, the steps reach the floor of what the journal undoes; the stretch below
    // it has been replayed ahead, a slice a frame: at most ~4 times the frame's own ~460 events.
    // Replayed at once, it made ~8,000 events a frame there, 5 times on this run.
    expect(Math.max(...perFrame), perFrame.join(" ")).toBeLessThanOrEqual(2_500);
  }, 60_000);

  it("stepping forward one at a time, over the index's checkpoints, gives what a fresh replay gives (items shown again included)", async () => {
    const { events } = await runTs(THOUSAND_TASKS, { limits: BROWSER_LIMITS });
    const index = indexOf(events);
    const eager = deriveSteps(events);
    const from = index.length >> 2;
    // 9,000 steps, each an event or more: more than the index leaves between two checkpoints (8,192).
    for (let i = from; i < from + 9_000; i++) {
      const state = stepState(events, index, i);
      if ((i - from) % 1_499 === 0) expect(state, `step ${i}`).toEqual(stepState(events.slice(), eager, i));
    }
  }, 60_000);
});
