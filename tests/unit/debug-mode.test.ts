// asyncio's debug mode (Lib/asyncio/base_events.py, BaseEventLoop._run_once): with the loop's debug
// on, a callback (a task's step) that holds the loop for slow_callback_duration seconds or more
// (0.1 by default) is logged to stderr as "Executing <Task …> took 1.000 seconds". Each case is a
// TypeScript program and its Python twin: both run (the twin under CPython 3.14 on a virtual clock)
// and must print the same lines at the same virtual times and write the same warnings, the places
// in a repr aside (CPython names <stdin> and asyncio's own files, the runtime main.ts).
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { observable, runPython } from "../support/cpython.ts";

interface Twin {
  name: string;
  ts: string;
  py: string;
  /** The warnings both write, places left out (see `placeless`). */
  stderr: string[];
}

/** A warning without the places in its reprs (" at <stdin>:4", " created at …/tasks.py:395"), and
 * without a future's done callbacks (" cb=[Task.task_wakeup()]"), which the runtime's reprs leave out. */
const placeless = (line: string) => line.replace(/ (?:created )?at \S+?:\d+/g, "").replace(/ cb=\[[^\]]*\]/g, "");
const warnings = (lines: string[]) => lines.flatMap((text) => text.split("\n")).map(placeless);

const CASES: Twin[] = [
  {
    name: "run(main(), { debug: true }): a task's step that blocks for 1 s is logged, one that blocks for 0.05 s is not",
    stderr: ["Executing <Task finished name='Task-2' coro=<fetch() done, defined> result='page 1'> took 1.000 seconds"],
    ts: `import { run, createTask, blockingSleep, print } from "asyncio";
async function fetch(n: number, seconds: number) {
  print("fetch", n);
  blockingSleep(seconds);
  return \`page \${n}\`;
}
async function main() {
  const a = createTask(fetch(1, 1));
  const b = createTask(fetch(2, 0.05));
  print(await a, await b);
}
await run(main(), { debug: true });
`,
    py: `import asyncio, time
async def fetch(n, seconds):
    print("fetch", n)
    time.sleep(seconds)
    return f"page {n}"
async def main():
    a = asyncio.create_task(fetch(1, 1))
    b = asyncio.create_task(fetch(2, 0.05))
    print(await a, await b)
asyncio.run(main(), debug=True)
`,
  },
  {
    name: "debug off (the default): no warning, however long the step",
    stderr: [],
    ts: `import { run, createTask, blockingSleep, print, getRunningLoop } from "asyncio";
async function fetch(n: number) {
  blockingSleep(n);
  return n;
}
async function main() {
  const loop = getRunningLoop();
  print(loop.getDebug(), loop.slowCallbackDuration, String(loop));
  print(await createTask(fetch(2)));
}
await run(main());
`,
    py: `import asyncio, time
async def fetch(n):
    time.sleep(n)
    return n
async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration, repr(loop))
    print(await asyncio.create_task(fetch(2)))
asyncio.run(main())
`,
  },
  {
    name: "run(main(), { debug: false }) and run(main(), { debug: true }) set the loop's debug; a step that blocks twice is logged once, with its total",
    stderr: ["Executing <Task finished name='Task-6' coro=<fetch() done, defined> result=0.3> took 0.300 seconds"],
    ts: `import { run, createTask, blockingSleep, print, getRunningLoop } from "asyncio";
async function fetch(n: number) {
  blockingSleep(n);
  blockingSleep(n);
  return n + n;
}
async function main() {
  const loop = getRunningLoop();
  print(loop.getDebug(), String(loop));
  print(await createTask(fetch(0.15)));
}
await run(main(), { debug: false });
await run(main(), { debug: true });
`,
    py: `import asyncio, time
async def fetch(n):
    time.sleep(n)
    time.sleep(n)
    return n + n
async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), repr(loop))
    print(await asyncio.create_task(fetch(0.15)))
asyncio.run(main(), debug=False)
asyncio.run(main(), debug=True)
`,
  },
  {
    name: "loop.slowCallbackDuration is the threshold: lowered, a 0.05 s step is logged; raised, a 1 s step is not; setDebug(false) stops the warnings",
    stderr: [
      "Executing <Task finished name='Task-2' coro=<fetch() done, defined> result=0.05> took 0.050 seconds",
      "Executing <Task finished name='Task-5' coro=<fetch() done, defined> result=3> took 3.000 seconds",
    ],
    ts: `import { run, createTask, blockingSleep, print, getRunningLoop } from "asyncio";
async function fetch(n: number) {
  blockingSleep(n);
  return n;
}
async function main() {
  const loop = getRunningLoop();
  loop.setDebug(true);
  loop.slowCallbackDuration = 0.01;
  print(loop.getDebug(), loop.slowCallbackDuration);
  print(await createTask(fetch(0.05)));
  print(await createTask(fetch(0.005)));
  loop.slowCallbackDuration = 2;
  print(await createTask(fetch(1)));
  print(await createTask(fetch(3)));
  loop.setDebug(false);
  print(await createTask(fetch(3)));
}
await run(main());
`,
    py: `import asyncio, time
async def fetch(n):
    time.sleep(n)
    return n
async def main():
    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = 0.01
    print(loop.get_debug(), loop.slow_callback_duration)
    print(await asyncio.create_task(fetch(0.05)))
    print(await asyncio.create_task(fetch(0.005)))
    loop.slow_callback_duration = 2
    print(await asyncio.create_task(fetch(1)))
    print(await asyncio.create_task(fetch(3)))
    loop.set_debug(False)
    print(await asyncio.create_task(fetch(3)))
asyncio.run(main())
`,
  },
  {
    name: "the seconds are formatted as CPython's %.3f: a step of exactly 0.0625 s took 0.062 seconds (halfway rounds to even)",
    stderr: [
      "Executing <Task finished name='Task-2' coro=<work() done, defined> result=None> took 0.062 seconds",
      "Executing <Task finished name='Task-3' coro=<work() done, defined> result=None> took 0.188 seconds",
    ],
    ts: `import { run, createTask, blockingSleep, getRunningLoop } from "asyncio";
async function work(seconds: number) {
  blockingSleep(seconds);
}
async function main() {
  getRunningLoop().slowCallbackDuration = 0.01;
  await createTask(work(0.0625));
  await createTask(work(0.1875));
}
await run(main(), { debug: true });
`,
    py: `import asyncio, time
async def work(seconds):
    time.sleep(seconds)
async def main():
    asyncio.get_running_loop().slow_callback_duration = 0.01
    await asyncio.create_task(work(0.0625))
    await asyncio.create_task(work(0.1875))
asyncio.run(main(), debug=True)
`,
  },
  {
    name: "a step that blocks and then awaits is logged as the pending task it is; the toThread fix is not logged",
    stderr: ["Executing <Task pending name='Task-2' coro=<slow() running> wait_for=<Future pending>> took 1.000 seconds"],
    ts: `import { run, createTask, blockingSleep, sleep, toThread, print } from "asyncio";
async function slow() {
  blockingSleep(1);
  await sleep(1);
  return "slow";
}
async function fixed() {
  await toThread(() => blockingSleep(1));
  return "fixed";
}
async function main() {
  const t = createTask(slow());
  await sleep(0);
  print(await t);
  print(await createTask(fixed()));
}
await run(main(), { debug: true });
`,
    py: `import asyncio, time
async def slow():
    time.sleep(1)
    await asyncio.sleep(1)
    return "slow"
async def fixed():
    await asyncio.to_thread(time.sleep, 1)
    return "fixed"
async def main():
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print(await t)
    print(await asyncio.create_task(fixed()))
asyncio.run(main(), debug=True)
`,
  },
  {
    name: "a plain callback (call_soon) that blocks is logged as its handle; an exception in it is logged first",
    stderr: [
      "Executing <Handle tick()> took 0.500 seconds",
      "Exception in callback boom()",
      "Executing <Handle boom()> took 0.200 seconds",
    ],
    ts: `import { run, blockingSleep, sleep, print, getRunningLoop } from "asyncio";
function tick() {
  blockingSleep(0.5);
  print("tick");
}
function boom() {
  blockingSleep(0.2);
  throw new Error("boom");
}
async function main() {
  const loop = getRunningLoop();
  loop.callSoon(tick);
  loop.callSoon(boom);
  await sleep(1);
}
await run(main(), { debug: true });
`,
    py: `import asyncio, time
def tick():
    time.sleep(0.5)
    print("tick")
def boom():
    time.sleep(0.2)
    raise Exception("boom")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick)
    loop.call_soon(boom)
    await asyncio.sleep(1)
asyncio.run(main(), debug=True)
`,
  },
  {
    name: "a timer's callback that blocks is logged as its TimerHandle; a cancelled handle is not run, so not logged",
    stderr: ["Executing <Handle tick()> took 0.300 seconds", "Executing <TimerHandle when=0.5 tick()> took 0.300 seconds"],
    ts: `import { run, blockingSleep, sleep, getRunningLoop } from "asyncio";
function tick() {
  blockingSleep(0.3);
}
async function main() {
  const loop = getRunningLoop();
  loop.callLater(0.5, tick);
  const h = loop.callSoon(tick);
  loop.callSoon(tick);
  h.cancel();
  await sleep(1);
}
await run(main(), { debug: true });
`,
    py: `import asyncio, time
def tick():
    time.sleep(0.3)
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, tick)
    h = loop.call_soon(tick)
    loop.call_soon(tick)
    h.cancel()
    await asyncio.sleep(1)
asyncio.run(main(), debug=True)
`,
  },
  {
    name: "Runner({ debug: true }) and a loop of the program's own (newEventLoop, setDebug) log alike",
    stderr: [
      "Executing <Task finished name='Task-2' coro=<fetch() done, defined> result=1> took 1.000 seconds",
      "Executing <Task finished name='Task-6' coro=<fetch() done, defined> result=2> took 2.000 seconds",
    ],
    ts: `import { Runner, newEventLoop, createTask, blockingSleep, print } from "asyncio";
async function fetch(n: number) {
  blockingSleep(n);
  return n;
}
async function main(n: number) {
  return await createTask(fetch(n));
}
{
  using runner = new Runner({ debug: true });
  print((runner.getLoop() as { getDebug(): boolean }).getDebug());
  print(await runner.run(main(1)));
}
const loop = newEventLoop();
print(loop.getDebug());
loop.setDebug(true);
print(await loop.runUntilComplete(main(2)));
loop.close();
`,
    py: `import asyncio, time
async def fetch(n):
    time.sleep(n)
    return n
async def main(n):
    return await asyncio.create_task(fetch(n))
with asyncio.Runner(debug=True) as runner:
    print(runner.get_loop().get_debug())
    print(runner.run(main(1)))
loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(True)
print(loop.run_until_complete(main(2)))
loop.close()
`,
  },
];

describe("debug mode matches CPython 3.14's", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [ts, py] = await Promise.all([runTs(c.ts), runPython(c.py)]);
      expect(py.error, "the Python twin failed").toBeNull();
      expect(observable(ts)).toEqual(observable(py));
      // The warnings' first lines: an exception's traceback differs between the languages.
      const firstLines = (lines: string[]) => warnings(lines).filter((line) => /^(Executing|Exception in callback) /.test(line));
      expect(firstLines(ts.stderr), "the runtime's warnings").toEqual(c.stderr);
      expect(firstLines(py.stderr), "CPython's warnings").toEqual(c.stderr);
    });
  }
});

describe("the warning", () => {
  it("is written to stderr at the virtual time the step ended, with CPython's %.3f", async () => {
    const ts = await runTs(`import { run, createTask, blockingSleep } from "asyncio";
async function work() { blockingSleep(0.1234); }
async function main() { await createTask(work()); }
await run(main(), { debug: true });
`);
    const warning = ts.events.find((e) => e.kind === "print" && e.stream === "stderr");
    expect(warning).toMatchObject({ t: 0.1234, text: expect.stringMatching(/^Executing <Task finished name='Task-2' coro=<work\(\) done, defined at main\.ts:2> result=None created at main\.ts:3> took 0\.123 seconds$/) });
  });

  it("names where a task was created only in debug mode, as CPython's reprs do", async () => {
    const ts = await runTs(`import { run, createTask, sleep, print, getRunningLoop } from "asyncio";
async function work() { await sleep(1); }
async function main() {
  const a = createTask(work());
  getRunningLoop().setDebug(true);
  const b = createTask(work());
  print(String(a));
  print(String(b));
  await a;
  await b;
}
await run(main());
`);
    expect(ts.stdout).toEqual([
      "<Task pending name='Task-2' coro=<work() running at main.ts:2>>",
      "<Task pending name='Task-3' coro=<work() running at main.ts:2> created at main.ts:6>",
    ]);
  });

  it("shows a pending task where its own coroutine stands (the line of its await), as CPython's repr does", async () => {
    // Line for line the same program: CPython's <stdin>:N is the runtime's main.ts:N.
    const ts = `import { run, gather, sleep, blockingSleep, print, currentTask } from "asyncio";
async function upload(name: string) {
  await sleep(0.25);
}
async function handle(name: string) {
  await sleep(0.5);
  blockingSleep(0.25);
  await upload(name);
  print(String(currentTask()));
}
async function main() {
  await gather([handle("a"), handle("b")]);
}
await run(main(), { debug: true });
`;
    const py = `import asyncio, time
async def upload(name):
    await asyncio.sleep(0.25)

async def handle(name):
    await asyncio.sleep(0.5)
    time.sleep(0.25)
    await upload(name)
    print(repr(asyncio.current_task()))


async def main():
    await asyncio.gather(handle("a"), handle("b"))
asyncio.run(main(), debug=True)
`;
    const [ours, theirs] = await Promise.all([runTs(ts), runPython(py)]);
    expect(theirs.error).toBeNull();
    // The place a task was created differs (CPython names asyncio's own tasks.py), and the runtime's
    // reprs leave out the done callbacks (cb=[…]); the rest agrees.
    const same = (lines: string[]) =>
      lines.map((line) => line.replace(/<stdin>/g, "main.ts").replace(/ created at \S+?:\d+/g, "").replace(/ cb=\[[^\]]*\]/g, ""));
    expect(same(ours.stdout)).toEqual(same(theirs.stdout));
    expect(same(ours.stderr)).toEqual(same(theirs.stderr));
    expect(same(ours.stderr)).toEqual([
      "Executing <Task pending name='Task-2' coro=<handle() running at main.ts:8> wait_for=<Future pending>> took 0.250 seconds",
      "Executing <Task pending name='Task-3' coro=<handle() running at main.ts:8> wait_for=<Future pending>> took 0.250 seconds",
    ]);
  });
});
