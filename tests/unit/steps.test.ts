// The stepper's derivation (src/runtime/trace/steps.ts): which events are steps, what each step shows,
// and — against CPython's own loop — that the ready queue it rebuilds is the one asyncio has.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { outputMatches } from "../../src/components/playground/expectation.ts";
import { deriveStepStates, deriveSteps, readyQueues, stepState, StepIndex, type ReadyItem, type StepState } from "../../src/runtime/trace/index.ts";
import type { EventOf, RunResult, TraceEvent } from "../../src/runtime/trace/index.ts";
import { dedent } from "../support/cpython.ts";
import { LESSONS_DIR, lessonsIn } from "../support/lesson-sources.ts";
import { sharedPyodide } from "../support/pyodide.ts";
import { EXAMPLE_4_AWAIT_TASK_2_FIRST, EXAMPLE_5 } from "../support/lesson-examples.ts";
import { runTs } from "../support/run-ts.ts";

const names = (items: readonly ReadyItem[]) => items.map((q) => q.name);
const lines = (s: StepState) => s.console.map((l) => l.text);

/** The first step matching `test` (fails loudly if none). */
function stepWhere(states: StepState[], what: string, test: (s: StepState) => boolean): StepState {
  const found = states.find(test);
  if (!found) throw new Error(`no step where ${what}:\n${states.map((s) => `${s.index} ${s.narration}`).join("\n")}`);
  return found;
}

describe("Example 4 (main awaits task 2 first): the steps a reader walks through", () => {
  let result: RunResult;
  let states: StepState[];
  let taskDone: (name: string) => StepState;
  beforeAll(async () => {
    result = await runTs(EXAMPLE_4_AWAIT_TASK_2_FIRST);
    states = deriveStepStates(result.events, { strict: true });
    const id = (name: string) => result.events.find((e): e is EventOf<"task-created"> => e.kind === "task-created" && e.name === name)!.task;
    taskDone = (name) => stepWhere(states, `${name} is done`, (s) => s.kind === "task-done" && s.task === id(name));
  });

  it("when main suspends on Task-3, both fetch tasks wait in the ready queue in creation order, for the next pass", () => {
    const s = stepWhere(states, "Task-1 suspends", (s) => s.kind === "task-suspended" && s.activity.state === "idle" && s.waiting.some((w) => w.name === "Task-1"));
    expect(names(s.ready)).toEqual(["Task-2", "Task-3"]);
    expect(s.ready.map((q) => q.why)).toEqual(["start", "start"]);
    expect(s.ready.every((q) => !q.thisPass)).toBe(true);
    expect(s.waiting).toMatchObject([{ name: "Task-1", on: { what: "task", label: "Task-3" }, line: 13 }]);
    expect(s.narration).toBe("Task-1 suspends at line 13, waiting on Task-3 (fetchData).");
  });

  it("Task-2 runs first although main awaits Task-3; Task-3 is left for the same pass", () => {
    const s = stepWhere(states, "Task-2 starts", (s) => s.kind === "task-resumed" && s.activity.state === "task" && s.activity.name === "Task-2");
    expect(s.activity).toMatchObject({ state: "task", name: "Task-2", line: 3 });
    expect(names(s.ready)).toEqual(["Task-3"]);
    expect(s.ready[0].thisPass).toBe(true);
    expect(s.narration).toMatch(/^A new pass of the loop begins: the loop takes Task-2 from the head of the ready queue and starts fetchData\(\) at line 3\.$/);
  });

  it("when Task-2 (fetchData(1)) is done at 1.000 the ready queue is empty, as in CPython: main waits on Task-3, not on it", () => {
    const s = taskDone("Task-2");
    expect(s.t).toBe(1);
    expect(s.ready).toEqual([]);
    expect(s.activity).toEqual({ state: "idle" });
    expect(s.waiting.map((w) => [w.name, w.on.label, w.on.until])).toEqual([
      ["Task-1", "Task-3", undefined],
      ["Task-3", "sleep(2)", 2],
    ]);
    expect(s.timers.map((t) => t.due)).toEqual([2]);
    expect(s.done).toMatchObject([{ name: "Task-2", outcome: "result", value: "'Result of 1'", fresh: true }]);
    expect(lines(s)).toEqual(["Do something with 1...", "Do something with 2...", "Done with 1"]);
    expect(s.narration).toBe("Task-2 is done: fetchData() returned 'Result of 1'; nobody awaits it yet, so the result waits in the task.");
  });

  it("the step before it: Task-2 runs line 6 and has just printed", () => {
    const s = states[taskDone("Task-2").index - 1];
    expect(s.kind).toBe("print");
    expect(s.activity).toMatchObject({ state: "task", name: "Task-2", line: 6 });
    expect(s.markers).toContainEqual({ line: 6, state: "running", task: expect.any(Number), name: "Task-2" });
    expect(s.done).toEqual([]);
    expect(lines(s).at(-1)).toBe("Done with 1");
  });

  it("a timer firing moves its callback into the ready queue, and the callback wakes the task", () => {
    const fired = stepWhere(states, "the first timer fires", (s) => s.kind === "timer-fired");
    expect(fired.t).toBe(1);
    expect(fired.ready).toMatchObject([{ why: "timer", name: "sleep(1) timer of Task-2", thisPass: true, fresh: true }]);
    expect(fired.narration).toMatch(/clock jumps to the next timer, t=1\.000/);
    const woken = states[fired.index + 2];
    expect(woken.kind).toBe("handle-queued");
    expect(woken.ready).toMatchObject([{ why: "wake", name: "Task-2", thisPass: false }]);
    expect(woken.activity).toMatchObject({ state: "callback", label: "sleep(1) timer of Task-2" });
  });

  it("main resumes only after Task-3 is done, and then the run stops", () => {
    const s = stepWhere(states, "Task-1 is woken", (s) => s.kind === "handle-queued" && s.ready.some((q) => q.name === "Task-1" && q.why === "wake"));
    expect(s.index).toBe(taskDone("Task-3").index + 1);
    expect(s.narration).toBe("Task-1 is woken because Task-3 is done: its next step joins the empty ready queue.");
    const last = states.at(-1)!;
    expect(last.kind).toBe("program-end");
    expect(last.done.map((d) => d.name)).toEqual(["Task-1", "Task-2", "Task-3"]);
    expect(lines(last)).toEqual(result.stdout);
  });

  it("steps are ordered, the folded events never show, and asyncio.run's shutdown tasks stay out of view", () => {
    const seqs = states.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(states.map((s) => s.kind)).not.toContain("task-created");
    for (const s of states.filter((s) => s.kind === "handle-run")) expect(s.activity.state).toBe("callback");
    for (const s of states) expect([...s.waiting, ...s.done].map((t) => t.name)).not.toContain("Task-4");
    expect(states.length).toBe(36);
    for (const s of states) expect(s.narration).toMatch(/^[A-Zr][^\n]*[.)]$/);
  });

  it("stepState (one step, replayed on demand) equals the single-pass states", () => {
    const steps = deriveSteps(result.events);
    expect(steps.map((s) => s.narration)).toEqual(states.map((s) => s.narration));
    for (const s of states) expect(stepState(result.events, steps, s.index)).toEqual(s);
  });
});

describe("stepState on a long trace", () => {
  it("gives the same state in any order of access (forward, backward, jumps over checkpoints)", async () => {
    const result = await runTs(dedent(`
      import { run, createTask, sleep, print } from "asyncio";
      async function work(i: number) {
        await sleep(i % 7);
        await sleep(0);
        if (i % 50 === 0) print("done", i);
      }
      async function main() {
        const tasks = [];
        for (let i = 0; i < 300; i++) tasks.push(createTask(work(i)));
        for (const t of tasks) await t;
      }
      await run(main());
    `));
    expect(result.events.length).toBeGreaterThan(3000);
    const states = deriveStepStates(result.events, { strict: true });
    const steps = deriveSteps(result.events);
    const order = [states.length - 1, 0, 2500, 2499, 1100, 1, 3000, 1024, states.length - 2, 17];
    for (const i of order) expect(stepState(result.events, steps, i), `step ${i}`).toEqual(states[i]);
  });
  it("from a StepIndex's checkpoints (left every 8,192 events), jumps give the state a replay from the start gives", async () => {
    const result = await runTs(dedent(`
      import { run, createTask, sleep, print } from "asyncio";
      async function work(i: number) {
        for (let n = 0; n < 40; n++) await sleep(0.01 * (1 + (i % 5)));
        print("done", i);
      }
      async function main() {
        const tasks = [];
        for (let i = 0; i < 120; i++) tasks.push(createTask(work(i)));
        for (const t of tasks) await t;
      }
      await run(main());
    `));
    const events = result.events;
    expect(events.length).toBeGreaterThan(3 * 8192);
    const index = new StepIndex(events);
    for (const e of events) index.add(e);
    index.finish();
    const last = index.length - 1;
    const order = [last, 0, Math.floor(last / 2), last - 1, 1, Math.floor(last / 3), Math.floor((2 * last) / 3) + 1, 5000];
    // The reference: another copy of the trace, stepped forward only, so replayed from its start.
    const copy = [...events];
    const steps = deriveSteps(copy);
    const expected = new Map([...order].sort((a, b) => a - b).map((i) => [i, stepState(copy, steps, i)]));
    for (const i of order) expect(stepState(events, index, i), `step ${i}`).toEqual(expected.get(i));
  });
});

describe("Example 5 (blocking the loop)", () => {
  it("draws the loop blocked, with the task that blocks it, until the blocking call returns", async () => {
    const result = await runTs(EXAMPLE_5);
    const states = deriveStepStates(result.events, { strict: true });
    const blocked = stepWhere(states, "a blocking call starts", (s) => s.kind === "blocking-start");
    expect(blocked.activity).toMatchObject({ state: "blocked", label: "blockingSleep(1)", until: 1, name: "Task-2" });
    expect(blocked.markers.find((m) => m.name === "Task-2")).toMatchObject({ state: "blocked" });
    expect(blocked.narration).toMatch(/^Task-2 calls blockingSleep\(1\) at line \d+: the thread is blocked until t=1\.000, and the event loop cannot run anything else\.$/);
    const ended = states[blocked.index + 1];
    expect(ended.kind).toBe("blocking-end");
    expect(ended.t).toBe(1);
    expect(ended.activity).toMatchObject({ state: "task", name: "Task-2" });
  });
});

describe("a trace with no event loop (example 1's shape)", () => {
  it("points at the main thread's line", async () => {
    const result = await runTs('import { print, blockingSleep } from "asyncio";\nprint("a");\nblockingSleep(0.5);\nprint("b");\n');
    const states = deriveStepStates(result.events, { strict: true });
    expect(states.map((s) => s.kind)).toEqual(["print", "blocking-start", "blocking-end", "print", "program-end"]);
    expect(states[1].markers).toEqual([{ line: 3, state: "blocked", name: "Main thread" }]);
    expect(states[1].narration).toBe("The program calls blockingSleep(0.5) at line 3: the thread is blocked until t=0.500.");
    expect(states[3].t).toBe(0.5);
  });
});

// ----- Differential: the ready queue after every handle CPython runs, against the replay. -----

// Python source for run_program's instrument (src/python/virtual_asyncio.py): record the queue
// after each handle CPython's loop pops, until the program ends.
const RECORD_QUEUES = String.raw`
import asyncio, asyncio.events

def describe(h):
    owner = getattr(h._callback, "__self__", None)
    if isinstance(owner, asyncio.Task):
        return "task:" + owner.get_name()
    return "timer" if isinstance(h, asyncio.TimerHandle) else "callback"

def instrument():
    queues = []
    run = asyncio.events.Handle._run
    def recording_run(self):
        # _run_once has just popped this handle: what is left is the queue the stepper shows.
        queues.append([describe(h) for h in self._loop._ready])
        return run(self)
    asyncio.events.Handle._run = recording_run
    def finish():
        asyncio.events.Handle._run = run
        return queues
    return finish
`;

async function cpythonQueues(source: string): Promise<{ queues: string[][]; stdout: string[]; error: string | null }> {
  const result = await sharedPyodide().run(source, { instrument: RECORD_QUEUES });
  return { queues: result.extra as string[][], stdout: result.stdout, error: result.error };
}

/** How many handles the loop ran (not skipped) up to the one in which the first run's main task finished. */
function handlesRunUntilMainDone(events: readonly TraceEvent[]): number {
  const main = events.find((e): e is EventOf<"task-created"> => e.kind === "task-created")?.task;
  let ran = 0;
  for (const e of events) {
    if (e.kind === "handle-run" && !e.skipped) ran++;
    if (e.kind === "task-done" && e.task === main) return ran;
  }
  return ran;
}

/** The replay's queue after each handle the loop ran (skipped handles are not run by CPython). */
function replayQueues(events: readonly TraceEvent[]): string[][] {
  const queues = readyQueues(events);
  return events.flatMap((e, i) =>
    // A due timer is a timer even when it belongs to a task (its sleep's timer), as CPython's describe() says.
    e.kind === "handle-run" && !e.skipped ? [queues[i].map((q) => (q.why === "timer" ? "timer" : q.task !== undefined ? `task:${q.name}` : "callback"))] : [],
  );
}

const lessonPairs: { name: string; ts: string; py: string; expected?: string[] }[] = [];
for (const { file, playgrounds } of await lessonsIn(LESSONS_DIR)) {
  // Real-time playgrounds' twins need a network and an image library: shown, not run.
  for (const pg of playgrounds) {
    if (pg.python && pg.clock !== "real") lessonPairs.push({ name: `${basename(file)}#${pg.id}`, ts: pg.code, py: pg.python, expected: pg.expected?.split("\n") });
  }
}

const extraPairs = [
  {
    name: "round robin with sleep(0), gather, and a cancelled sleeper",
    ts: dedent(`
      import { run, createTask, sleep, gather, print } from "asyncio";
      async function worker(name: string, n: number) {
        for (let i = 0; i < n; i++) {
          print(name, i);
          await sleep(0);
        }
        return name;
      }
      async function sleeper() {
        await sleep(5);
      }
      async function main() {
        const s = createTask(sleeper());
        const a = createTask(worker("a", 3));
        await sleep(0);
        s.cancel();
        print(await gather([a, worker("b", 2), sleep(0.5, "late")]));
        try {
          await s;
        } catch {
          print("sleeper cancelled");
        }
      }
      await run(main());
    `),
    py: dedent(`
      import asyncio
      async def worker(name, n):
          for i in range(n):
              print(name, i)
              await asyncio.sleep(0)
          return name
      async def sleeper():
          await asyncio.sleep(5)
      async def main():
          s = asyncio.create_task(sleeper())
          a = asyncio.create_task(worker("a", 3))
          await asyncio.sleep(0)
          s.cancel()
          print(await asyncio.gather(a, worker("b", 2), asyncio.sleep(0.5, "late")))
          try:
              await s
          except asyncio.CancelledError:
              print("sleeper cancelled")
      asyncio.run(main())
    `),
  },
  {
    name: "timers due together and a task left running when main returns",
    ts: dedent(`
      import { run, createTask, sleep, print } from "asyncio";
      async function nap(name: string, s: number) {
        await sleep(s);
        print(name, "woke");
      }
      async function main() {
        createTask(nap("x", 1));
        createTask(nap("y", 1));
        createTask(nap("z", 9));
        await sleep(1);
        print("main done");
      }
      await run(main());
    `),
    py: dedent(`
      import asyncio
      async def nap(name, s):
          await asyncio.sleep(s)
          print(name, "woke")
      async def main():
          asyncio.create_task(nap("x", 1))
          asyncio.create_task(nap("y", 1))
          asyncio.create_task(nap("z", 9))
          await asyncio.sleep(1)
          print("main done")
      asyncio.run(main())
    `),
  },
];

describe("the replayed ready queue is CPython's, after every handle the loop runs", () => {
  it("has lesson programs to compare", () => expect(lessonPairs.length).toBeGreaterThanOrEqual(5));
  it.each<{ ts: string; py: string; expected?: string[] }>([...lessonPairs, ...extraPairs])("$name", async ({ ts, py, expected }) => {
    const [python, result] = await Promise.all([cpythonQueues(py), runTs(ts)]);
    expect(python.error).toBeNull();
    // A lesson's declared lines may hold "…" where the languages differ (a repr with an address).
    if (expected && outputMatches(expected, result.stdout) && outputMatches(expected, python.stdout)) expect(result.stdout.length).toBe(python.stdout.length);
    else expect(result.stdout).toEqual(python.stdout);
    // Until main is done. Then asyncio.run cancels what is left in the order of a Python set
    // (object addresses), which no model can reproduce; the runtime uses creation order.
    const ours = replayQueues(result.events);
    const untilMainDone = handlesRunUntilMainDone(result.events);
    expect(ours.slice(0, untilMainDone)).toEqual(python.queues.slice(0, untilMainDone));
    expect(ours.length).toBe(python.queues.length);
    // And the views' derivation runs over it without finding a pop that is not the head.
    expect(deriveStepStates(result.events, { strict: true }).at(-1)!.kind).toBe("program-end");
  });
});
