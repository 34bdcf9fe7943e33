// What a Run reuses, so the diagram follows the reader's edits quickly: a runner worker stays warm
// between runs that leave nothing behind (realm-audit.ts), so a Run does not start a worker and
// interpret the runtime cold each time; a run that changed the realm is followed by a fresh worker,
// so the next program cannot see what the last one did; once the page is idle, the first runner
// rehearses the lesson's program, unseen, so that even the first Run finds one warm. And the lesson's
// own code runs as the build compiled it (prerender.ts), with no compiler.
import type { Page } from "@playwright/test";
import { test, expect, hydrated, playground, runPlayground, typeCode } from "./support.ts";
import { THOUSAND_TASKS } from "../support/runaway-programs.ts";
import { COMPILES_TO_SETTLE } from "../../src/components/playground/protocol.ts";

const PAGE = "/lessons/example-3-create-task/";
const ID = "create-task";

/** Of each Run, whether the compiler sent its program to the runner itself (browser-runner.ts's mark). */
const forwardedRuns = (page: Page) => page.evaluate(() => performance.getEntriesByName("playground:run").map((m) => (m as PerformanceMark).detail?.forwarded === true));

/** What the runners said of themselves after their runs, in order (browser-runner.ts's marks). */
const verdicts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("mark").filter((m) => /^playground:(runner-|rehearsed)/.test(m.name)).map((m) => `${m.name.replace(/^playground:(runner-)?/, "")}${(m as PerformanceMark).detail ? `: ${(m as PerformanceMark).detail}` : ""}`));

/** Wait until the spare runner has rehearsed the lesson's program and the compiler is ready: the page
 *  as a reader finds it once it has been idle. */
async function rehearsedAndCompilerReady(page: Page): Promise<void> {
  await expect.poll(() => verdicts(page), { timeout: 30_000 }).toEqual(["rehearsed"]);
  await page.waitForFunction(() => performance.getEntriesByName("playground:compiler-ready").length > 0, undefined, { timeout: 60_000 });
}

test("runs that leave nothing behind share one warm runner; after one that patched a built-in, a fresh one", async ({ page }) => {
  const runners: string[] = [];
  page.on("worker", (worker) => void (/runner\.worker/.test(worker.url()) && runners.push(worker.url())));
  await page.goto(PAGE);
  const pg = playground(page, ID);
  // Once the page is idle, the spare runner rehearses the lesson's program, unseen, and stays warm.
  await expect.poll(() => verdicts(page), { timeout: 30_000 }).toEqual(["rehearsed"]);
  for (let i = 1; i <= 3; i++) {
    expect(await runPlayground(pg)).toBe("done");
    await expect.poll(() => verdicts(page)).toHaveLength(i + 1);
  }
  expect(await verdicts(page)).toEqual(["rehearsed", "reusable", "reusable", "reusable"]);
  // The spare started when the page was idle rehearsed and ran all three; the rehearsal started the next spare.
  expect(runners).toHaveLength(2);

  // Math.random patched: this worker is spent, and the next program runs in a fresh one.
  await typeCode(page, pg, `import { print } from "asyncio";\nMath.random = () => 0.5;\nprint(Math.random());\n`);
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(["0.5"]);
  await expect.poll(() => verdicts(page)).toHaveLength(5);
  expect((await verdicts(page))[4]).toBe("spent: Math, its random");
  await typeCode(page, pg, `import { print } from "asyncio";\nprint(Math.random() === 0.5 ? "patched" : "fresh");\n`);
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(["fresh"]);
  // The spare it took, and the next spare, started as it ran (whose start the page hears of later).
  await expect.poll(() => runners.length).toBe(3);
});

test("once the page is idle, the compiler compiles the lesson's own program, unseen, so that the reader's first edit is not esbuild's first compile", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await hydrated(pg);
  const warmed = () => page.evaluate(() => performance.getEntriesByName("playground:compiler-warmed").map((m) => (m as PerformanceMark).detail));
  // All three compiles of the lesson's program succeed in esbuild.wasm (browser-runner.ts, WARM_COMPILES).
  await expect.poll(warmed, { timeout: 60_000 }).toEqual([{ compiled: 3 }]);
  // Unseen: the reader compiled and ran nothing, and the playground still shows the build's run.
  expect(await page.evaluate(() => performance.getEntriesByName("playground:compile").length + performance.getEntriesByName("playground:run").length)).toBe(0);
  await expect(pg).not.toHaveAttribute("data-status", /^(compiling|running)$/);
  // And no more: the warm-up that goes on waits for the reader's first edit (below).
  await page.waitForTimeout(1500);
  expect(await settled(page)).toEqual([]);
});

/** The compiler's word that its warm-up after the reader's edits is over (browser-runner.ts's mark). */
const settled = (page: Page) => page.evaluate(() => performance.getEntriesByName("playground:compiler-settled").map((m) => (m as PerformanceMark).detail));

test("after the reader's first edit the compiler goes on compiling it, unseen, until esbuild has settled, and the reader's Runs meanwhile run their own code", async ({ page }) => {
  // Its 200 compiles, paced by the page's idle moments, take ~10 s here alone, and took over 90 s
  // once in CI on a machine running slow and busy with the other tests: the bound is for that one.
  test.setTimeout(300_000);
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await page.waitForFunction(() => performance.getEntriesByName("playground:compiler-warmed").length > 0, undefined, { timeout: 60_000 });
  const program = (word: string) => `import { run, print, sleep } from "asyncio";\nasync function main() {\n  await sleep(1);\n  print("${word}");\n}\nawait run(main());\n`;
  await typeCode(page, pg, program("first"));
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(["first"]);
  // While it warms up, edits that compile and one that does not: each Run shows its own outcome.
  await typeCode(page, pg, program("second"));
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(["second"]);
  await typeCode(page, pg, `import { print } from "asyncio";\nprint(;\n`);
  await runPlayground(pg);
  await expect(pg.locator("[data-compile-problem]").first()).toContainText("Line 2, column 7");
  await typeCode(page, pg, program("third"));
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(["third"]);
  // It ends, once, at its count of compiles (a few more if a Run's compile came while one of its own was under way).
  await expect.poll(() => settled(page), { timeout: 240_000 }).toHaveLength(1);
  const [{ compiles }] = (await settled(page)) as { compiles: number }[];
  expect(compiles).toBeGreaterThanOrEqual(COMPILES_TO_SETTLE);
  expect(compiles).toBeLessThanOrEqual(COMPILES_TO_SETTLE + 1);
  // Settled, the compiler still compiles the reader's next edit.
  await typeCode(page, pg, program("fourth"));
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(["fourth"]);
  expect(await settled(page)).toHaveLength(1);
});

test("code not compiled yet goes from the compiler straight to the runner: it runs, and a compile error is said with its line and column, the runner kept warm", async ({ page }) => {
  const runners: string[] = [];
  page.on("worker", (worker) => void (/runner\.worker/.test(worker.url()) && runners.push(worker.url())));
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await rehearsedAndCompilerReady(page);
  const compiledAhead = () => page.evaluate(() => performance.getEntriesByName("playground:compile-ahead").length);
  /** Type `code` and press Run from the keyboard at once (its focus, then Enter: neither Ctrl nor a
   *  pointer, which would compile it before the Run: compileAhead); whether its Run was sent by the
   *  compiler, or null when the edit was compiled ahead first (300 ms after typing stops: a loaded
   *  machine can take that long between Playwright's commands), which is the other path. */
  const runAtOnce = async (code: string): Promise<boolean | null> => {
    const [runs, ahead] = [(await forwardedRuns(page)).length, await compiledAhead()];
    await typeCode(page, pg, code);
    await pg.getByRole("button", { name: "Run", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(pg).toHaveAttribute("data-status", /^(done|error)$/, { timeout: 60_000 });
    if ((await compiledAhead()) > ahead) return null;
    const marks = await forwardedRuns(page);
    expect(marks).toHaveLength(runs + 1);
    return marks[runs];
  };
  const sent: (boolean | null)[] = [];
  sent.push(await runAtOnce(`import { print, run, sleep } from "asyncio";\nasync function main() {\n  await sleep(1.5);\n  print("edited", 6 * 7);\n}\nawait run(main());\n`));
  await expect(pg.locator("[data-console-line]")).toHaveText(["edited 42"]);
  await expect(pg).toHaveAttribute("data-virtual-end", "1.500");
  // A compile error: the runner was sent no program, and stays warm.
  sent.push(await runAtOnce(`import { print } from "asyncio";\nconst x = ;\nprint(x);\n`));
  await expect(pg).toHaveAttribute("data-status", "error");
  await expect(pg.locator("[data-compile-problem]").first()).toContainText("Line 2, column 11");
  sent.push(await runAtOnce(`import { print } from "asyncio";\nprint("fixed");\n`));
  await expect(pg.locator("[data-console-line]")).toHaveText(["fixed"]);
  // Every Run of code not compiled yet went from the compiler to the runner (and most were such).
  expect(sent.filter((s) => s !== null)).not.toHaveLength(0);
  for (const s of sent) if (s !== null) expect(s).toBe(true);
  // Each Run started (a compile error compiled ahead starts none) left its runner warm.
  const started = (await forwardedRuns(page)).length;
  await expect.poll(() => verdicts(page)).toEqual(["rehearsed", ...Array(started).fill("reusable")]);
  // The rehearsal's runner took every one (and the rehearsal started the next spare).
  expect(runners).toHaveLength(2);
});

test("Ctrl (of Ctrl+Enter) pressed in the editor, or a mouse button on Run, starts the compile: the pause in typing finds the code compiled, and the Run runs that program", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await rehearsedAndCompilerReady(page);
  const marks = (name: string) => page.evaluate((name) => performance.getEntriesByName(`playground:${name}`).length, name);
  /** Type a program, then press (Control, or the mouse on Run) at once: its compile starts then. A
   *  loaded machine can take the typing pause's 300 ms between the two, and compile it ahead itself:
   *  then again, with another program. */
  const editThenPress = async (text: string, press: () => Promise<void>, release: () => Promise<void>) => {
    for (let attempt = 1; ; attempt++) {
      await typeCode(page, pg, `import { print } from "asyncio";\nprint("${text} ${attempt}");\n`);
      const soon = await marks("compile-soon");
      await press();
      if ((await marks("compile-soon")) > soon) return `${text} ${attempt}`;
      await release();
      expect(attempt, "compiled ahead before the press every time").toBeLessThan(3);
    }
  };
  const printed = await editThenPress("compiled as Ctrl went down", () => page.keyboard.down("Control"), () => page.keyboard.up("Control"));
  // The pause in typing (300 ms: PlaygroundIsland's compile ahead) finds it compiled, or being compiled.
  const ahead = await marks("compile-ahead");
  await page.waitForTimeout(600);
  expect(await marks("compile-ahead")).toBe(ahead);
  const runs = (await forwardedRuns(page)).length;
  await page.keyboard.press("Enter");
  await page.keyboard.up("Control");
  await expect(pg).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(pg.locator("[data-console-line]")).toHaveText([printed]);
  // Compiled before Enter: the page sent the program to the runner itself.
  expect(await forwardedRuns(page)).toEqual([...Array(runs).fill(expect.any(Boolean)), false]);

  // A mouse button pressed on Run, before the click that releases it (or released off it: no click).
  const onRun = async () => {
    const box = (await pg.getByRole("button", { name: "Run", exact: true }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
  };
  const offRun = async () => {
    await page.mouse.move(0, 0);
    await page.mouse.up();
  };
  const clicked = await editThenPress("compiled as the button went down", onRun, offRun);
  await page.mouse.up();
  await expect(pg.locator("[data-console-line]")).toHaveText([clicked]);
});

test("the lesson's own code runs as the build compiled it, even when the compiler cannot load", async ({ page }) => {
  const compilerFetched: string[] = [];
  await page.route(/esbuild.*\.wasm/, (route) => (compilerFetched.push(route.request().url()), route.abort()));
  await page.goto(PAGE);
  const pg = playground(page, ID);
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]").first()).toHaveText("Do something with 1...");
  await expect(pg).toHaveAttribute("data-virtual-end", "2.000");
  // An edit needs the compiler, which cannot load here: the Run says so.
  await typeCode(page, pg, `import { print } from "asyncio";\nprint("edited");\n`);
  expect(await runPlayground(pg)).toBe("error");
  await expect(pg.locator("[data-run-error]")).toContainText("could not load");
  expect(compilerFetched.length).toBeGreaterThan(0);
});

/** Each job worker the page starts (job.worker.ts, inside the runner), with the test's `phase` when it
 *  was seen to start and to end (the order of events, not clock times). */
function watchJobWorkers(page: Page, phase: number) {
  const watch = { phase, workers: [] as { started: number; closed?: number }[] };
  page.on("worker", (worker) => {
    if (!/job\.worker/.test(worker.url())) return;
    const seen: { started: number; closed?: number } = { started: watch.phase };
    watch.workers.push(seen);
    worker.on("close", () => (seen.closed = watch.phase));
  });
  return watch;
}

test("threads and processes: a run's job workers that it left as they were serve the next run, which starts none", async ({ page }) => {
  // The phase is the run of the test.
  const jobs = watchJobWorkers(page, 1);
  const jobWorkers = jobs.workers;
  await page.goto("/lessons/example-6-threads-and-processes/");
  const pg = page.locator("[data-playground]").first();
  expect(await runPlayground(pg)).toBe("done");
  const first = await pg.locator("[data-console-line]").allTextContents();
  await expect.poll(() => verdicts(page)).toEqual(["reusable"]);
  await expect.poll(() => jobWorkers.length).toBeGreaterThan(0);
  const used = jobWorkers.length;

  jobs.phase = 2;
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(first);
  await expect.poll(() => verdicts(page)).toEqual(["reusable", "reusable"]);
  // The same workers, audited after the first run: none started for the second, none ended.
  await page.waitForTimeout(500);
  expect(jobWorkers).toHaveLength(used);
  for (const w of jobWorkers) expect(w).toEqual({ started: 1 });
});

test("threads and processes: a job worker whose run changed its realm is ended, and the next run's job runs in a fresh one", async ({ page }) => {
  const jobs = watchJobWorkers(page, 0);
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await expect.poll(() => verdicts(page), { timeout: 30_000 }).toEqual(["rehearsed"]);
  // A worker's performance.timeOrigin tells it apart from any other.
  const origin = `import { run, toThread, print } from "asyncio";\nfunction origin() { return performance.timeOrigin; }\nawait run((async () => print(await toThread(origin)))());\n`;
  const visits = `import { run, toThread, print } from "asyncio";\nfunction visit() { const g = globalThis as any; g.visits = (g.visits ?? 0) + 1; return g.visits; }\nawait run((async () => print(await toThread(visit)))());\n`;
  const printed = async (code: string) => {
    await typeCode(page, pg, code);
    expect(await runPlayground(pg)).toBe("done");
    return (await pg.locator("[data-console-line]").allTextContents()).join("\n");
  };
  const firstOrigin = await printed(origin);
  // Left as it was: the same worker serves the next run.
  expect(await printed(origin)).toBe(firstOrigin);
  expect(jobs.workers).toHaveLength(1);
  // A global set: that worker serves no other run; the next run counts its first visit again.
  expect(await printed(visits)).toBe("1");
  expect(await printed(visits)).toBe("1");
  expect(await printed(origin)).not.toBe(firstOrigin);
  await expect.poll(() => jobs.workers.filter((w) => w.closed !== undefined).length).toBe(2);
});

test("threads and processes: once the page is idle, the first run's job workers are started, and the first Run takes them", async ({ page }) => {
  // The phase: before the Run (0), or from it on (1).
  const jobs = watchJobWorkers(page, 0);
  const jobWorkers = jobs.workers;
  await page.goto("/lessons/example-6-threads-and-processes/");
  const pg = page.locator("[data-playground]").first();
  await hydrated(pg);
  // All of them: the runner is told how many worker lanes the build's run had, the diagram's. (Waiting
  // for the count to hold still 250 ms once took the first of four for all, on a busy machine.)
  const lanes = await pg.locator('[data-lane-kind="worker"]').count();
  expect(lanes).toBeGreaterThan(0);
  await expect.poll(() => jobWorkers.length, { timeout: 30_000 }).toBe(lanes);
  const prestarted = jobWorkers.length;
  jobs.phase = 1;
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]").first()).toBeVisible();
  // The run started no worker of its own: every one it used was started before the Run.
  await page.waitForTimeout(500);
  expect(jobWorkers).toHaveLength(prestarted);
  for (const w of jobWorkers) expect(w.started).toBe(0);
});

test("threads and processes: the lessons' biggest program (8 threads, two pools of 4 processes) starts no job worker on its first run or the next", async ({ page }) => {
  // The phase: before the first Run (0), the first run (1), the second (2).
  const jobs = watchJobWorkers(page, 0);
  const jobWorkers = jobs.workers;
  await page.goto("/lessons/real-world-images/");
  const pg = playground(page, "images-virtual");
  await hydrated(pg);
  const lanes = await pg.locator('[data-lane-kind="worker"]').count();
  expect(lanes).toBe(16);
  await expect.poll(() => jobWorkers.length, { timeout: 30_000 }).toBe(lanes);
  const first = await pg.locator("[data-console-line]").allTextContents();
  for (const phase of [1, 2]) {
    jobs.phase = phase;
    expect(await runPlayground(pg)).toBe("done");
    await expect(pg.locator("[data-console-line]")).toHaveText(first);
    // Its workers are audited and kept after each run (runner.worker.ts keeps as many as it took).
    await page.waitForTimeout(500);
  }
  expect(jobWorkers).toHaveLength(lanes);
  for (const w of jobWorkers) expect(w).toEqual({ started: 0 });
});

test("the simulated network keeps the site's files it read: Run again reads none of them over HTTP, and gives the same output", async ({ page }) => {
  const reads: string[] = [];
  page.context().on("request", (request) => void (/\/samples\//.test(request.url()) && reads.push(new URL(request.url()).pathname)));
  await page.goto("/reference/asyncio-api/");
  const pg = playground(page, "simulated-network");
  await pg.scrollIntoViewIfNeeded();
  const built = await pg.locator("[data-console-line]").allTextContents();
  // Once the page is idle a spare runner rehearses a program of the page, perhaps this one; the Run
  // then takes that runner (a Run during the rehearsal would take another, which reads for itself).
  await expect.poll(() => verdicts(page), { timeout: 30_000 }).toContain("rehearsed");
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-console-line]")).toHaveText(built);
  // The program reads three photos, a blocking read and two async ones: each has been read.
  expect([...new Set(reads)].sort()).toEqual(["/samples/photo-01.ppm", "/samples/photo-02.ppm", "/samples/photo-03.ppm"]);
  const read = reads.length;
  for (let i = 0; i < 2; i++) {
    expect(await runPlayground(pg)).toBe("done");
    await expect(pg.locator("[data-console-line]")).toHaveText(built);
  }
  expect(reads).toHaveLength(read);
});

test("a small run's reply is read at the start of the frame after the Run, and drawn in it; a big one comes by message", async ({ page }) => {
  // The worker's messages wait until the frame that answers a click has been painted (Chromium's
  // DeferRendererTasksAfterInput); the reply slot (reply-slot.ts) does not: browser-runner.ts's
  // "ran" mark says which way each run's reply came.
  await page.goto(PAGE);
  const pg = playground(page, ID);
  expect(await runPlayground(pg)).toBe("done");
  const lines = await pg.locator("[data-console-line]").allTextContents();
  const ran = () => page.evaluate(() => (performance.getEntriesByName("playground:ran")[0] as PerformanceMark | undefined)?.detail?.inFrame as boolean | undefined);
  const runOnce = async () => {
    await page.evaluate(() => performance.clearMarks("playground:ran"));
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    // The page held a moment after the click, so that the worker has replied before the next frame.
    await page.evaluate(() => {
      const until = performance.now() + 50;
      while (performance.now() < until);
    });
    await expect.poll(ran, { timeout: 60_000 }).not.toBeUndefined();
    await expect(pg).toHaveAttribute("data-status", "done");
    return (await ran())!;
  };
  const ways: boolean[] = [];
  while (ways.length < 5 && !ways.includes(true)) {
    ways.push(await runOnce());
    // Whichever way the reply came, the run drawn is the lesson's.
    await expect(pg.locator("[data-console-line]")).toHaveText(lines);
  }
  expect(ways).toContain(true);

  // 1,000 tasks: more than the slot holds, so the reply comes by message, and is drawn as well.
  await typeCode(page, pg, THOUSAND_TASKS);
  expect(await runOnce()).toBe(false);
  await expect(pg.locator("[data-stepper]")).toHaveAttribute("data-step-count", /^\d{4,}$/);
});
