// Callbacks a program hands to JavaScript itself (setTimeout, setInterval, queueMicrotask, a
// promise's then) run outside the asyncio loop, on the real clock (asyncio-api.mdx: a real promise
// is outside I/O, and the virtual clock does not move while the loop waits for one). What they do is
// still the program's: their prints are kept, an error thrown in one is reported as the loop reports
// one from its callbacks ("Exception in callback …", base_events.py), a runaway loop in one is
// stopped, and timers still set when the program ends are cleared with a warning. Before, each of
// these lost its output or ended the run outside the program: "no program is running" thrown where
// no one caught it (the page: "The runner failed"; `npm run trace`: a crash).
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { lineOf, stampedStdout } from "../support/programs.ts";
import { currentSession, Session } from "../../src/runtime/core/index.ts";

describe("JavaScript's own callbacks in a program", () => {
  it("a setTimeout callback prints as the program, while the loop waits for it in real time", async () => {
    const r = await runTs(`import { run, sleep, print } from "asyncio";
async function main() {
  print("a");
  await new Promise((resolve) => setTimeout(() => { print("tick"); resolve(1); }, 20));
  print("b");
  await sleep(1);
  print("c");
}
await run(main());
`);
    expect(r.error).toBeUndefined();
    // The loop waited for the promise in real time: the virtual clock stood still meanwhile.
    const printed = stampedStdout(r);
    expect(printed.map(({ t, text }) => `${t.toFixed(3)} ${text}`)).toEqual(["0.000 a", "0.000 tick", "0.000 b", "1.000 c"]);
    // Printed outside the loop's tasks, at the callback's own line.
    expect(printed[1]).toMatchObject({ task: undefined, line: 4 });
    expect(r.stderr).toEqual([]);
  });

  it("a promise's then callback prints as the program: its line is kept, not lost", async () => {
    const r = await runTs(`import { run, sleep, print } from "asyncio";
async function main() {
  Promise.resolve(7).then((v) => print("then", v));
  await sleep(1);
  print("after");
}
await run(main());
`);
    expect(r.error).toBeUndefined();
    // The loop runs its virtual second at once, without yielding to JavaScript's microtasks: the
    // callback runs once the loop is done.
    expect(r.stdout).toEqual(["after", "then 7"]);
  });

  it("queueMicrotask before run(): its print is kept, and the run ends as usual", async () => {
    const r = await runTs(`import { run, print } from "asyncio";
queueMicrotask(() => print("micro"));
await run((async () => print("x"))());
`);
    expect(r.error).toBeUndefined();
    expect([...r.stdout].sort()).toEqual(["micro", "x"]);
  });

  it("an error thrown in a timer's callback is written as the loop writes one from a callback, with its line, and the program goes on", async () => {
    const source = `import { run, print } from "asyncio";
async function main() {
  setTimeout(() => { throw new Error("in timer"); }, 0);
  await new Promise((resolve) => setTimeout(resolve, 30));
  print("after");
}
await run(main());
`;
    const r = await runTs(source);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["after"]);
    expect(r.stderr).toEqual(["Exception in callback setTimeout(…)", `Error: in timer (line ${lineOf(source, "in timer")})`]);
  });

  it("setInterval repeats until cleared; one still set at the end is cleared, and stderr says so", async () => {
    const r = await runTs(`import { run, print } from "asyncio";
let n = 0;
async function main() {
  // Resolved by the interval itself: no race with another timer on a busy machine.
  await new Promise((resolve) => {
    const id = setInterval(() => {
      print("tick", ++n);
      if (n === 3) {
        clearInterval(id);
        resolve(0);
      }
    }, 5);
  });
  // Cleared: no fourth tick, however long this takes.
  await new Promise((resolve) => setTimeout(resolve, 30));
  setInterval(() => print("never"), 60_000);
  print("end", n);
}
await run(main());
`);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["tick 1", "tick 2", "tick 3", "end 3"]);
    expect(r.stderr).toEqual(["RuntimeWarning: 1 setInterval timer still set when the program ended was cleared"]);
  });

  it("clearTimeout clears a timer set by the realm's own setTimeout too, as JavaScript's does", async () => {
    const r = await runTs(`import { run, print } from "asyncio";
async function main() {
  const id = globalThis.setTimeout(() => print("never"), 5);
  clearTimeout(id);
  await new Promise((resolve) => setTimeout(resolve, 30));
  print("end");
}
await run(main());
`);
    expect(r.stdout).toEqual(["end"]);
    expect(r.stderr).toEqual([]);
  });

  it("a setTimeout still to come when the program ends never runs, and stderr says why", async () => {
    const r = await runTs(`import { run, sleep, print } from "asyncio";
async function main() {
  setTimeout(() => print("late"), 10);
  await sleep(1);
  print("x");
}
await run(main());
`);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["x"]);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^RuntimeWarning: 1 setTimeout callback never ran: the program ended first\. .*await sleep/);
    // Cleared, not merely ignored: nothing of the program runs after its end (the test would see
    // "no program is running" thrown out of the timer).
    await new Promise((resolve) => setTimeout(resolve, 30));
  });

  it("a runaway loop in a timer's callback is stopped by the stretch cap, while the loop waits for a promise that never settles", async () => {
    const source = `import { run, print } from "asyncio";
async function main() {
  print("a");
  await new Promise(() => setTimeout(() => { while (true) {} }, 0));
}
await run(main());
`;
    const r = await runTs(source, { limits: { maxStretchSeconds: 0.05 } });
    expect(r.stdout).toEqual(["a"]);
    expect(r.error?.message).toMatch(/^LimitExceeded: Stopped: the loop at line \d+ ran for/);
    expect(r.error?.line).toBe(lineOf(source, "while (true)"));
  });

  it("a microtask that queues itself for ever, while the loop waits for a promise that never settles, is stopped by the step cap", async () => {
    const source = `import { run, print } from "asyncio";
async function main() {
  print("a");
  queueMicrotask(function again() { queueMicrotask(again); });
  await new Promise(() => {});
}
await run(main());
`;
    const r = await runTs(source, { limits: { maxSteps: 5_000 } });
    expect(r.stdout).toEqual(["a"]);
    expect(r.error?.message).toMatch(/^LimitExceeded: Stopped: the event loop ran 5,000 steps/);
  });

  it("a program may declare the names of the globals it is given (console, setTimeout, queueMicrotask)", async () => {
    const r = await runTs(`import { run, print } from "asyncio";
const setTimeout = (f: () => void) => f();
function queueMicrotask() {}
const console = { log: (s: string) => print("mine", s) };
setTimeout(() => console.log("now"));
await run((async () => print("x"))());
`);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["mine now", "x"]);
  });
});

describe("asyncio's functions outside a program's stretches", () => {
  it("find the one program under way, and refuse when there are none or several", () => {
    expect(() => currentSession()).toThrow(/no program is running/);
    const [a, b] = [new Session(), new Session()];
    a.underWay(true);
    try {
      expect(currentSession()).toBe(a);
      b.underWay(true);
      expect(() => currentSession()).toThrow(/several programs run/);
      b.underWay(false);
      expect(currentSession()).toBe(a);
      // Inside a stretch, the stretch's program, whatever else is under way.
      expect(b.enter(() => currentSession())).toBe(b);
    } finally {
      a.underWay(false);
      b.underWay(false);
    }
    expect(() => currentSession()).toThrow(/no program is running/);
  });
});
