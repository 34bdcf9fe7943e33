// `npm run bench`, part 5: what a reader waits for in Chromium, on the built site (dist/, served by
// scripts/serve.ts as `npm start` serves it). Figures only, never a pass/fail:
//   - Run → diagram: from the click on Run (or Ctrl+Enter) to the new diagram painted (the
//     playground's own performance marks), on every program on the virtual clock (each page's first
//     more often), median and p95: Run again on the same code, Run after an edit and a pause in
//     typing (compiled ahead), and Ctrl+Enter at once after an edit (compiled on the way); and on
//     each page's first, Ctrl+Enter as a reader presses it (Ctrl down first), and a tap on Run on a
//     phone's screen with the page's main thread slowed as a phone's;
//   - the first Run on a page, of the lesson's code and of an edit (the compiler loads), and the
//     first Python run (Pyodide loads), cold and again on a second page with the HTTP cache warm,
//     then a Python rerun;
//   - big traces (issue 17): a 1,000-task run from its trace arriving to its diagram painted, every
//     frame's work while its stepper is scrubbed, and the stepper on the largest trace the browser's
//     caps allow (bench-frames.ts has the in-page timers).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { discoverPlaygroundsWithoutExercises } from "../tests/support/built-site.ts";
import { LARGEST_TRACE, PRINT_FOREVER, SLEEP_FOREVER, TEN_THOUSAND_TASKS, THOUSAND_TASKS } from "../tests/support/runaway-programs.ts";
import { BROWSER_LIMITS } from "../src/runtime/program/index.ts";
import { FRAME_BUDGET_MS, frameStats, paintAfterRun, scrubFrames, type FrameTimes, type PaintTimes } from "./bench-frames.ts";

const PORT = Number(process.env.BENCH_PORT || 4391);
const ORIGIN = `http://localhost:${PORT}`;
const RUNS = 10;
/** Runs each way of a page's other programs (the first has RUNS): every lesson's programs are timed. */
const OTHER_RUNS = 4;
/** Milliseconds a page is left after its compiler is ready, before its timed runs: its wasm's code
 *  is still being optimised meanwhile (a second was enough on this machine). */
const SETTLE_MS = 1000;
/** Frames of each scrub of the 1,000-task run's stepper (4 s at 60 frames a second). */
const SCRUB_FRAMES = 240;
/** Single steps timed on the largest trace. */
const STEP_FRAMES = 60;
/** Runs of the largest trace (each takes a few seconds). */
const BIG_RUNS = 3;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Wait until the playground has hydrated and drawn its first views (its own "drawn" mark). */
export async function hydrated(page: Page, id: string): Promise<void> {
  await page.locator(`[data-playground="${id}"] button.pg-run:not([disabled])`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName("playground:drawn").length > 0, undefined, { timeout: 60_000 });
}

/** Wait until the page's compiler is ready (its "compiler-ready" mark); when it was, from the page's start. */
async function compilerReady(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName("playground:compiler-ready").length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName("playground:compiler-ready")[0].startTime);
}

const PHASES = ["before", "compile", "run", "draw", "paint"] as const;
/** Where one Run's time went, in ms: click → compile asked, the compile, the run in its worker (with
 *  the trace's transfer), drawing (views derived, React render, until the "drawn" mark), and
 *  painting (the next frame, until the "painted" mark). */
interface RunTimes {
  total: number;
  phases: Record<(typeof PHASES)[number], number>;
  /** The run's reply was read from the runner's slot at the start of a frame, and drawn in it (reply-slot.ts). */
  inFrame: boolean;
}
const phaseMedians = (runs: RunTimes[]) => PHASES.map((phase) => `${phase} ${ms(quantile(runs.map((r) => r.phases[phase]), 0.5))}`).join(", ");

/** How the reader runs: Run again on the same code, Run after an edit and a pause, Ctrl+Enter at
 *  once after an edit; or "held": Ctrl+Enter as a reader presses it, Ctrl down CTRL_HELD_MS before
 *  Enter (the compile starts with Ctrl: browser-runner.ts's compileAhead), timed from Enter; or
 *  "tap": Run again, tapped on a touch screen. */
type How = "again" | "paused" | "at once" | "held" | "tap";
/** How long a reader's finger is on Ctrl before Enter, about. */
const CTRL_HELD_MS = 100;
const HOWS: How[] = ["again", "paused", "at once"];
const byHow = () => Object.fromEntries(HOWS.map((how) => [how, [] as RunTimes[]])) as Record<How, RunTimes[]>;

/** Click the playground's Run and wait until its new run is on screen (the playground marks
 *  "playground:drawn" then: PlaygroundIsland); the real milliseconds from the click, and its phases
 *  from the playground's own marks (browser-runner.ts). */
export async function timedRun(page: Page, id: string, how: How = "again", edit = 0): Promise<RunTimes> {
  const pg = page.locator(`[data-playground="${id}"]`);
  if (how !== "again" && how !== "tap") {
    // An edit at the end of the program (a comment: the run stays the same).
    await pg.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText(`\n// edit ${edit}`);
    if (how === "paused") await page.waitForTimeout(600);
  }
  // Where Run is, before the timing starts. The click is a plain press and release there: Playwright's
  // own click hit-tests the page around the press (its actionability and pointerdown checks; ~20 ms
  // on the 40-playground API reference), work a reader's click does not cause.
  const runButton = pg.getByRole("button", { name: "Run", exact: true });
  // In view, and clear of the site's sticky header, which would take a click at its edge.
  await runButton.evaluate((button) => {
    const { top, bottom } = button.getBoundingClientRect();
    if (top < 100 || bottom > innerHeight - 20) button.scrollIntoView({ block: "center" });
  });
  const box = (await runButton.boundingBox())!;
  // From the input event's own time stamp.
  await page.evaluate(() => {
    for (const name of ["clicked", "compile", "run", "ran", "drawn", "painted"]) performance.clearMarks(`playground:${name}`);
    const mark = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== "Enter") return;
      performance.mark("playground:clicked", { startTime: event.timeStamp });
      document.removeEventListener("click", mark, true);
      document.removeEventListener("keydown", mark, true);
    };
    document.addEventListener("click", mark, true);
    document.addEventListener("keydown", mark, true);
  });
  if (how === "at once") await page.keyboard.press("ControlOrMeta+Enter");
  else if (how === "held") {
    await page.keyboard.down("ControlOrMeta");
    await page.waitForTimeout(CTRL_HELD_MS);
    await page.keyboard.press("Enter");
    await page.keyboard.up("ControlOrMeta");
  }
  else if (how === "tap") await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => performance.getEntriesByName("playground:painted").length > 0, undefined, { timeout: 180_000, polling: 5 });
  const at = await page.evaluate(() =>
    Object.fromEntries(["clicked", "compile", "run", "ran", "drawn", "painted"].map((name) => [name, performance.getEntriesByName(`playground:${name}`).at(-1)?.startTime ?? NaN])),
  );
  const inFrame = await page.evaluate(() => (performance.getEntriesByName("playground:ran").at(-1) as PerformanceMark | undefined)?.detail?.inFrame === true);
  const clicked = at.clicked;
  return {
    total: at.painted - clicked,
    phases: { before: at.compile - clicked, compile: at.run - at.compile, run: at.ran - at.run, draw: at.drawn - at.ran, paint: at.painted - at.drawn },
    inFrame,
  };
}

/** Of a page's playgrounds, those on the virtual clock: a run on the real clock takes the real
 *  seconds its program sleeps and computes, by design. */
async function onTheVirtualClock(page: Page, ids: string[]): Promise<string[]> {
  const virtual: string[] = [];
  for (const id of ids) if ((await page.locator(`[data-playground="${id}"]`).getAttribute("data-clock")) !== "real") virtual.push(id);
  return virtual;
}

/** A phone, as near as this machine has one: its screen (390×844 CSS pixels, touch) and the page's
 *  main thread slowed PHONE_SLOWDOWN times (Chromium's CPU throttling, as DevTools' "mid-tier
 *  mobile"; the workers, which compile and run, keep this machine's speed). Its pixels at 1×: with
 *  no GPU here, 3× would time this machine's software raster, which a phone's GPU does. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PHONE_SLOWDOWN = 4;
/** Taps timed on each page's first program. */
const PHONE_RUNS = 5;

/** Run → diagram painted on a phone: a tap on Run, again on the lesson's code, on each page's first
 *  program on the virtual clock. No budget of its own: the issue's is for the desktop. */
export async function benchPhone(browser: Browser, pages: { path: string; ids: string[] }[]): Promise<void> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    // Kept across the page's navigations (the same renderer).
    await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: PHONE_SLOWDOWN });
    const runs: RunTimes[] = [];
    for (const { path, ids } of pages) {
      await page.goto(`${ORIGIN}${path}`);
      const [lead] = await onTheVirtualClock(page, ids);
      if (!lead) continue;
      await page.locator(`[data-playground="${lead}"]`).scrollIntoViewIfNeeded();
      await hydrated(page, lead);
      // Its first tap is not timed (a page's first Run is, on the desktop); then a warm compiler, settled.
      await timedRun(page, lead, "tap");
      await compilerReady(page);
      await page.waitForTimeout(SETTLE_MS);
      for (let i = 0; i < PHONE_RUNS; i++) runs.push(await timedRun(page, lead, "tap"));
    }
    const totals = runs.map((r) => r.total);
    console.log(`   on a phone's screen (${PHONE.viewport.width}×${PHONE.viewport.height}, touch), the page's main thread ${PHONE_SLOWDOWN}× slower (Chromium's CPU throttling; the workers at this machine's speed), a tap on Run, again, on each page's first program: p95 ${ms(quantile(totals, 0.95))}, median ${ms(quantile(totals, 0.5))} over ${runs.length} runs (no budget of its own; the desktop's is p95 ≤ 30 ms); medians: ${phaseMedians(runs)}`);
  } finally {
    await context.close();
  }
}

/** Example 3's playground, where the bench types the big and runaway programs. */
const EXAMPLE_3 = { path: "/lessons/example-3-create-task/", id: "create-task" };

/** Open example 3 and type `code` into its editor, in place of the lesson's. */
async function typeIntoExample3(page: Page, code: string): Promise<void> {
  const { path, id } = EXAMPLE_3;
  await page.goto(`${ORIGIN}${path}`);
  const pg = page.locator(`[data-playground="${id}"]`);
  await pg.scrollIntoViewIfNeeded();
  await hydrated(page, id);
  await pg.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

/** The long tasks (50 ms or more, in ms) of example 3's page while `code` runs and is drawn (from
 *  the click on Run until a second after the run is drawn). */
export async function longTasksWhile(page: Page, code: string): Promise<number[]> {
  const { id } = EXAMPLE_3;
  await typeIntoExample3(page, code);
  await page.evaluate(() => {
    performance.clearMarks("playground:drawn");
    const found: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = found;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => found.push(Math.round(e.duration)))).observe({ type: "longtask" });
  });
  // Clicked from the page itself: Playwright's own locator work on a big page would count as the page's.
  await page.evaluate((id) => document.querySelector<HTMLButtonElement>(`[data-playground="${id}"] button.pg-run`)!.click(), id);
  await page.waitForFunction(() => performance.getEntriesByName("playground:drawn").length > 0, undefined, { timeout: 180_000, polling: 500 });
  await page.waitForTimeout(1000);
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

const budget = (met: boolean) => (met ? "met" : "not met");
const count = (n: number) => n.toLocaleString("en-US");

/** A scrub's frames in one line: how many, their work (median, p95, max) against a frame's 16 ms and
 *  how many reached it (the verdict is the max's; the count tells one slow frame from many), frames
 *  that came late, and Chromium's long animation frames (50 ms or more). */
function framesLine(times: FrameTimes): string {
  const { frames, median, p95, max, over, late } = frameStats(times);
  const long = times.longFrames.length ? `${times.longFrames.length}, longest ${ms(Math.max(...times.longFrames))}` : "none";
  return `${frames} frames, work per frame median ${ms(median)}, p95 ${ms(p95)}, max ${ms(max)} (budget every frame < ${FRAME_BUDGET_MS} ms: ${budget(max < FRAME_BUDGET_MS)}; ${over} of ${frames} at ${FRAME_BUDGET_MS} ms or more); frames late (a gap of 25 ms or more): ${late}; long animation frames: ${long}`;
}

/** Issue 17's big traces on example 3: a 1,000-task run painted after its trace arrives, its stepper
 *  scrubbed (dragged, and stepped with →), and the stepper on the largest trace the caps allow. */
export async function benchBigTraces(page: Page): Promise<void> {
  const { id } = EXAMPLE_3;
  await typeIntoExample3(page, THOUSAND_TASKS);
  const painted: PaintTimes[] = [];
  for (let i = 0; i < RUNS; i++) painted.push(await paintAfterRun(page, id));
  const steps = Number(await page.locator(`[data-playground="${id}"] [data-stepper]`).getAttribute("data-step-count"));
  const totals = painted.map((p) => p.total);
  const medianOf = (key: "run" | "derive" | "render" | "paint") => ms(quantile(painted.map((p) => p[key]), 0.5));
  // The page derives the views from each batch of the trace as it arrives: most of that work is
  // before the last batch, so Run → painted is printed too.
  const whole = painted.map((p) => p.run + p.total);
  console.log(
    `   1,000 tasks (${count(steps)} steps): trace arrived → diagram painted median ${ms(quantile(totals, 0.5))}, p95 ${ms(quantile(totals, 0.95))} over ${RUNS} runs (budget ≤ 100 ms: ${budget(quantile(totals, 0.95) <= 100)}); medians: views derived ${medianOf("derive")}, rendered ${medianOf("render")}, painted ${medianOf("paint")}; Run → painted median ${ms(quantile(whole, 0.5))}, p95 ${ms(quantile(whole, 0.95))} (Run → trace arrived ${medianOf("run")}: the run, the trace's transfer and the views derived from each batch as it came)`,
  );
  // A pointer drags the slider one input event a frame; a held → key repeats about 30 times a second,
  // so one step a frame is the faster of the two.
  console.log(`   scrubbing its stepper, the slider dragged to the end and back: ${framesLine(await scrubFrames(page, id, "drag", SCRUB_FRAMES))}`);
  console.log(`   scrubbing its stepper, → held down from the middle (a repeat, one step, a frame): ${framesLine(await scrubFrames(page, id, "step", SCRUB_FRAMES))}`);
  console.log(`   scrubbing its stepper, ← held down from the middle: ${framesLine(await scrubFrames(page, id, "back", SCRUB_FRAMES))}`);

  // 500,000 steps cannot be had in the page: the event cap stops a run first (each step is an event).
  await typeIntoExample3(page, LARGEST_TRACE);
  const usable: number[] = [];
  const usableFromRun: number[] = [];
  for (let i = 0; i < BIG_RUNS; i++) {
    const { run, total } = await paintAfterRun(page, id);
    usable.push(total);
    usableFromRun.push(run + total);
  }
  const bigSteps = Number(await page.locator(`[data-playground="${id}"] [data-stepper]`).getAttribute("data-step-count"));
  const end = await scrubFrames(page, id, "end", 1);
  // Pressed anew each time (not held): every step's state is drawn at once.
  const step = await scrubFrames(page, id, "press", STEP_FRAMES);
  const stepStats = frameStats(step);
  console.log(
    `   the largest trace the caps allow (${count(bigSteps)} steps; 500,000 cannot be: the event cap is ${count(BROWSER_LIMITS.maxEvents)} events): trace arrived → stepper usable median ${ms(quantile(usable, 0.5))}, p95 ${ms(quantile(usable, 0.95))} over ${BIG_RUNS} runs (Run → usable median ${ms(quantile(usableFromRun, 0.5))}); one step (→, from the middle) median ${ms(stepStats.median)}, p95 ${ms(stepStats.p95)}, max ${ms(stepStats.max)} over ${stepStats.frames} steps (budget < ${FRAME_BUDGET_MS} ms: ${budget(stepStats.max < FRAME_BUDGET_MS)}; ${stepStats.over} steps at ${FRAME_BUDGET_MS} ms or more); the jump to the last step ${ms(end.work[0])}`,
  );
}

/** Wait until the server says it serves (scripts/serve.ts logs "Serving"): one that exits first could
 *  not listen, and a page would then be timed on whatever holds the port (another build, or nothing). */
export function serving(server: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = "";
    const failed = (why: string) => {
      clearTimeout(timer);
      const error = said.split("\n").find((line) => line.startsWith("Error")) ?? said.trim();
      reject(new Error(`scripts/serve.ts ${why}: is port ${port} taken? Set BENCH_PORT to another. ${error}`));
    };
    const timer = setTimeout(() => failed("did not start in 15 s"), 15_000);
    server.stderr!.on("data", (chunk) => (said += chunk));
    server.stdout!.on("data", (chunk) => {
      if (!String(chunk).includes("Serving")) return;
      clearTimeout(timer);
      server.removeAllListeners("exit");
      resolve();
    });
    server.once("exit", (code) => failed(`exited (${code}) before it served`));
  });
}

export async function benchBrowser(): Promise<void> {
  console.log("5. In Chromium, on the built site");
  if (!existsSync("dist/index.html")) return console.log("   (no build in dist/: run `npm run build` first)");
  const server = spawn(process.execPath, ["scripts/serve.ts"], { env: { ...process.env, PORT: String(PORT) }, stdio: ["ignore", "pipe", "pipe"] });
  await serving(server, PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pages = discoverPlaygroundsWithoutExercises();
    /** Every program's timed runs, and each page's first program's alone (the figure earlier benches printed). */
    const all = byHow();
    const leads = byHow();
    /** Each program's own median Run again, to name the slowest. */
    const programs: { path: string; id: string; again: number }[] = [];
    let realClock = 0;
    let first: number | null = null;
    const afterLoad: number[] = [];
    const held: RunTimes[] = [];
    const timedRuns = async (id: string, runs: number) => {
      const times = byHow();
      for (const how of HOWS) for (let i = 0; i < runs; i++) times[how].push(await timedRun(page, id, how, i));
      for (const how of HOWS) all[how].push(...times[how]);
      return times;
    };
    const totalsOf = (runs: RunTimes[]) => runs.map((r) => r.total);
    const medianAndP95 = (totals: number[]) => `${ms(quantile(totals, 0.5))} / ${ms(quantile(totals, 0.95))}`;
    const p95AndMedian = (totals: number[]) => `p95 ${ms(quantile(totals, 0.95))}, median ${ms(quantile(totals, 0.5))}`;
    for (const { path, ids } of pages) {
      await page.goto(`${ORIGIN}${path}`);
      const virtual = await onTheVirtualClock(page, ids);
      realClock += ids.length - virtual.length;
      if (!virtual.length) continue;
      const [lead, ...rest] = virtual;
      const pg = page.locator(`[data-playground="${lead}"]`);
      await pg.scrollIntoViewIfNeeded();
      await hydrated(page, lead);
      const firstRun = await timedRun(page, lead);
      first ??= firstRun.total;
      // The budget is for a warm compiler: the page loads it when idle (browser-runner.ts, warmUp).
      await compilerReady(page);
      // A Run as soon as the compiler is ready, while V8 still compiles esbuild.wasm's hot code on
      // the machine's other core (runs on a page whose wasm was blocked: 17–19 ms, with it 15–45):
      // printed apart; the runs below come once that has settled.
      const justLoaded = await timedRun(page, lead);
      afterLoad.push(justLoaded.total);
      await page.waitForTimeout(SETTLE_MS);
      const times = await timedRuns(lead, RUNS);
      for (const how of HOWS) leads[how].push(...times[how]);
      for (let i = 0; i < RUNS; i++) held.push(await timedRun(page, lead, "held", i));
      programs.push({ path, id: lead, again: quantile(totalsOf(times.again), 0.5) });
      const line = HOWS.map((how) => `${how} ${medianAndP95(totalsOf(times[how]))}`);
      // The page's other programs, fewer runs each: each hydrates as it scrolls into view, and its
      // first Run (its worker's first of it) is not timed.
      const others = byHow();
      for (const id of rest) {
        await page.locator(`[data-playground="${id}"]`).scrollIntoViewIfNeeded();
        await hydrated(page, id);
        await timedRun(page, id);
        const its = await timedRuns(id, OTHER_RUNS);
        for (const how of HOWS) others[how].push(...its[how]);
        programs.push({ path, id, again: quantile(totalsOf(its.again), 0.5) });
      }
      const more = rest.length ? `; its ${rest.length} other program${rest.length > 1 ? "s" : ""}, ${OTHER_RUNS} runs each: ${HOWS.map((how) => `${how} ${medianAndP95(totalsOf(others[how]))}`).join("; ")}` : "";
      console.log(`   ${path}#${lead}: Run → diagram painted, median / p95: ${line.join("; ")} (first on the page ${ms(firstRun.total)}; as soon as the compiler was ready ${ms(justLoaded.total)})${more}`);
    }
    console.log(`   every program on the virtual clock: ${programs.length} on ${pages.length} pages (${realClock} on the real clock not timed: a run takes the real seconds its program sleeps); each page's first ${RUNS} runs a way, the others ${OTHER_RUNS}`);
    for (const how of HOWS) {
      const totals = totalsOf(all[how]);
      const inFrame = all[how].filter((r) => r.inFrame).length;
      console.log(`   every program, Run ${how === "again" ? "again on the same code" : how === "paused" ? "after an edit and a pause" : "at once after an edit (Ctrl+Enter)"}: ${p95AndMedian(totals)} over ${totals.length} runs (budget p95 ≤ 30 ms: ${budget(quantile(totals, 0.95) <= 30)}); each page's first program alone ${p95AndMedian(totalsOf(leads[how]))}; medians: ${phaseMedians(all[how])}; drawn in the frame that read its reply from the runner's slot (not a frame later, by message): ${inFrame} of ${totals.length}${how === "at once" ? " (at once, the compile is in the run phase: the compiler sends the program to the runner itself)" : ""}`);
    }
    console.log(`   each page's first program, Ctrl+Enter as a reader presses it (Ctrl down ${CTRL_HELD_MS} ms before Enter, timed from Enter; the compile starts with Ctrl): ${p95AndMedian(totalsOf(held))} over ${held.length} runs (budget p95 ≤ 30 ms: ${budget(quantile(totalsOf(held), 0.95) <= 30)})`);
    const slowest = [...programs].sort((a, b) => b.again - a.again).slice(0, 5);
    console.log(`   the slowest programs, by their own median Run again: ${slowest.map((p) => `${p.path}#${p.id} ${ms(p.again)}`).join(", ")}; ${programs.filter((p) => p.again > 30).length} of ${programs.length} over 30 ms`);
    console.log(`   every page, Run again as soon as the compiler is ready (once a page, before the ${SETTLE_MS / 1000} s the runs above wait for it to settle): ${p95AndMedian(afterLoad)} over ${afterLoad.length} runs (budget p95 ≤ 30 ms: ${budget(quantile(afterLoad, 0.95) <= 30)})`);
    await benchPhone(browser, pages);
    if (first !== null) console.log(`   the first Run of the visit (cold cache; the lesson's own code, compiled by the build: no compiler is waited for): ${ms(first)}`);
    // A reader who edits first: on a cold cache their first Run waits for the compiler (esbuild.wasm,
    // 3.7 MB compressed) unless the page loaded it meanwhile, when idle (browser-runner.ts, warmUp).
    // A context of its own: nothing cached. Ctrl+Enter as soon as the playground hydrates; and when
    // the compiler was ready (its mark), from the page's start.
    const coldContext = await browser.newContext();
    try {
      const coldPage = await coldContext.newPage();
      await coldPage.goto(`${ORIGIN}${EXAMPLE_3.path}`);
      await coldPage.locator(`[data-playground="${EXAMPLE_3.id}"]`).scrollIntoViewIfNeeded();
      await hydrated(coldPage, EXAMPLE_3.id);
      const atOnce = await timedRun(coldPage, EXAMPLE_3.id, "at once", 0);
      const loaded = await compilerReady(coldPage);
      console.log(`   the first Run of an edit on a cold visit (${EXAMPLE_3.path}, Ctrl+Enter as soon as the playground works): ${ms(atOnce.total)}; the compiler ready ${ms(loaded)} after the page's start`);
    } finally {
      await coldContext.close();
    }

    // Programs that run away or run large: the page's long tasks (50 ms or more) from Run to the end
    // of the drawing. Wall-clock lengths: a busy machine lengthens them.
    for (const [what, code] of [["a task that sleeps forever", SLEEP_FOREVER], ["a print loop", PRINT_FOREVER], ["10,000 tasks", TEN_THOUSAND_TASKS], ["the largest trace", LARGEST_TRACE]] as const) {
      const found = await longTasksWhile(page, code);
      console.log(`   ${what}: longest main-thread task ${found.length ? ms(Math.max(...found)) : "under 50 ms"} (budget < 50 ms: ${found.length ? "not met" : "met"}); ${found.length} tasks of 50 ms or more${found.length ? `: ${found.join(", ")} ms` : ""}`);
      // A reader steps through the biggest run too: each state lists 10,000 tasks' worth of panes.
      if (code === TEN_THOUSAND_TASKS) console.log(`     its stepper, → pressed anew from the middle (each step's state drawn at once): ${framesLine(await scrubFrames(page, EXAMPLE_3.id, "press", STEP_FRAMES))}`);
    }

    await benchBigTraces(page);

    // Python: cold (nothing cached), then on another page with the HTTP cache warm, then a rerun.
    const python = async (path: string, id: string) => {
      await page.goto(`${ORIGIN}${path}`);
      const pg = page.locator(`[data-playground="${id}"]`);
      await pg.scrollIntoViewIfNeeded();
      await hydrated(page, id);
      await pg.getByRole("tab", { name: "Python" }).click();
      const times = [(await timedRun(page, id)).total, (await timedRun(page, id)).total];
      // How Python started (python-runner.ts's mark): from the build's snapshot, or from the start.
      const start = await page.evaluate(() => (performance.getEntriesByName("python:loaded")[0] as PerformanceMark | undefined)?.detail as { from: string; loadMs: number } | undefined);
      return { first: times[0], rerun: times[1], how: start ? `${start.from === "snapshot" ? "from the snapshot" : "from the start (no snapshot)"}, Pyodide loaded in ${ms(start.loadMs)}` : "no python:loaded mark" };
    };
    const cold = await python("/lessons/example-3-create-task/", "create-task");
    const warm = await python("/lessons/example-2-awaiting-coroutines/", "awaiting-coroutines");
    console.log(`   Python's first run (Pyodide 13.5 MB and its memory snapshot 6.2 MB, ~12 MB compressed, downloaded and started): ${ms(cold.first)} (${cold.how}); on the next page (HTTP cache warm, started again): ${ms(warm.first)} (${warm.how}); a rerun: ${ms(cold.rerun)}`);
  } finally {
    await browser.close();
    server.kill();
  }
}
