// No program freezes the page and no failure hangs the playground: runaway programs end with a
// message that names the cap they hit while the page keeps answering, and what they leave is drawn
// in bounded pieces (a windowed console, merged bars, the lanes in view), Stop ends a run at once,
// and every way the compiler or the runner can fail shows its own message and leaves the playground
// usable. The page's long tasks are reported as an annotation, never compared: their length is the
// machine's, and `npm run bench` measures them.
import { test as plain, type Locator, type Page } from "@playwright/test";
import { test, expect, expectAnswering, hydrated, playground, runPlayground, typeCode } from "./support.ts";
import { PRINT_FOREVER, SLEEP_FOREVER, SPIN_FOREVER, TEN_THOUSAND_TASKS } from "../support/runaway-programs.ts";

const PAGE = "/lessons/example-3-create-task/";
const ID = "create-task";

/** Start recording the page's long tasks (50 ms or more on the main thread). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const found: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = found;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) found.push(Math.round(entry.duration));
    }).observe({ type: "longtask" });
  });
}

/** Note the page's long tasks (50 ms or more) on the test's report. */
async function reportLongTasks(page: Page): Promise<void> {
  const found = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({ type: "long tasks (ms)", description: found.length ? found.join(", ") : "none" });
}

/** Type `code` into the playground, press Run, and wait until the run has ended (done or error),
 *  checking on the way that the page answers. */
async function runCode(page: Page, pg: Locator, code: string): Promise<void> {
  await pg.scrollIntoViewIfNeeded();
  await typeCode(page, pg, code);
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expectAnswering(page, 20);
  await expect(pg).toHaveAttribute("data-status", /^(done|error)$/, { timeout: 90_000 });
  await expectAnswering(page, 20);
}

/** How many bars and lanes the diagram draws: a bar is a rect, or one of a dense lane's paths' bars
 *  (`merged`: the paths of lanes whose intervals were merged, a bar a column). */
const drawn = (pg: Locator) =>
  pg.locator("[data-timing-diagram]").first().evaluate((el) => {
    const dense = [...el.querySelectorAll("path.pg-bar[data-bars]")];
    const denseBars = dense.reduce((n, path) => n + Number(path.getAttribute("data-bars")), 0);
    return { bars: el.querySelectorAll("rect.pg-bar").length + denseBars, lanes: el.querySelectorAll("[data-lane]").length, merged: dense.length };
  });

const stderr = (pg: Locator) => pg.locator("[data-console-stderr]").allTextContents();

test.describe("runaway programs end with a message and never stall the page", () => {
  test.slow();

  test("a task that sleeps in a loop forever: stopped by a cap, blamed on the loop's line", async ({ page }) => {
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await watchLongTasks(page);
    await runCode(page, pg, SLEEP_FOREVER);
    await expect(pg).toHaveAttribute("data-status", "error");
    await expect(pg.locator("[data-run-failure]")).toHaveText(/^The program stopped: LimitExceeded: Stopped: .*\((the event cap|the step cap|the virtual-time cap)\)\..* \(line 6\)$/);
    await expect(pg.locator("[data-console-line]").first()).toHaveText("start");
    // Tens of thousands of sleeps on main's lane: drawn as at most a bar per column, merged.
    const { bars, merged } = await drawn(pg);
    expect(bars).toBeLessThan(1_000);
    expect(merged).toBeGreaterThan(0);
    await reportLongTasks(page);
  });

  test("for (;;) print(i): stopped by the print cap", async ({ page }) => {
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await watchLongTasks(page);
    await runCode(page, pg, PRINT_FOREVER);
    await expect(pg.locator("[data-run-failure]")).toHaveText(/^The program stopped: LimitExceeded: Stopped: the program printed [\d,]+ lines \(the print cap\)\..* \(line 3\)$/);
    await expect(pg.locator("[data-console-line]").first()).toHaveText("0");
    // Thousands of lines printed, a window of them drawn.
    const console = pg.locator("[data-console]").first();
    expect(Number(await console.getAttribute("data-console-lines"))).toBeGreaterThan(1_000);
    expect(await console.locator("li").count()).toBeLessThan(200);
    await reportLongTasks(page);
  });

  test("10,000 tasks run to the end and are drawn", async ({ page }) => {
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await watchLongTasks(page);
    await runCode(page, pg, TEN_THOUSAND_TASKS);
    await expect(pg).toHaveAttribute("data-status", "done");
    await expect(pg).toHaveAttribute("data-virtual-end", "1.900");
    await expect(pg.locator("[data-stepper]")).toHaveAttribute("data-step-count", /^\d{5,}$/);
    // 10,001 task lanes, the ones in the box's view drawn; scrolling to the end draws the last.
    const diagram = pg.locator("[data-timing-diagram]").first();
    await expect(diagram.locator("svg[role=img]").first()).toHaveAttribute("aria-label", /^Timing diagram: 10001 tasks /);
    expect((await drawn(pg)).lanes).toBeLessThan(400);
    // Scrolled a little, the lanes that come into view take the elements of those that left: no lane
    // group is inserted (an inserted one made the browser restyle the whole diagram).
    const scroller = diagram.locator(".pg-timing-scroll");
    await scroller.evaluate((el) => {
      const added = [] as string[];
      new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => n instanceof Element && n.matches("[data-lane]") && added.push(n.getAttribute("data-lane")!)))).observe(el, { childList: true, subtree: true });
      (window as unknown as { lanesAdded: string[] }).lanesAdded = added;
      el.scrollTop = 40 * 18; // 40 compact lanes down (layout.ts)
    });
    await expect(diagram.locator('[data-lane="Task-60"]')).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { lanesAdded: string[] }).lanesAdded)).toEqual([]);
    const names = await diagram.locator("[data-lane]").evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute("data-lane")));
    expect(new Set(names).size).toBe(names.length);
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(diagram.locator('[data-lane="Task-10001"]')).toHaveCount(1);
    await reportLongTasks(page);
  });

  test("while (true) {}: stopped by the stretch cap, output kept", async ({ page }) => {
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await runCode(page, pg, SPIN_FOREVER);
    await expect(pg).toHaveAttribute("data-status", "error");
    expect((await stderr(pg)).at(-1)).toMatch(/^LimitExceeded: Stopped: the loop at line 3 ran for \d+\.\d s of real time without pausing \(the stretch cap\)\./);
    await expect(pg.locator("[data-console-line]")).toHaveText(["before"]);
    await expect(pg.locator("[data-timing-diagram]")).toBeVisible();
  });
});

// JavaScript's own callbacks run outside the loop, as the program's code (asyncio-api.mdx). Before,
// a print in a microtask or an error in a timer was thrown out of the run: "The runner failed", and
// the run's own output was lost for the last run's.
test("a program's setTimeout, queueMicrotask and promise callbacks print into its run; an error thrown in one is written to stderr; console.log writes as Node's, in a thread too; the next Run works", async ({ page }) => {
  const code = `import { run, sleep, print, toThread } from "asyncio";
queueMicrotask(() => print("microtask"));
async function main() {
  print("start");
  await new Promise((resolve) => setTimeout(() => { print("timer"); resolve(0); }, 10));
  setTimeout(() => { throw new Error("in a timer"); }, 0);
  await new Promise((resolve) => setTimeout(resolve, 30));
  setTimeout(() => print("never"), 60_000);
  await sleep(1);
  console.log(new Map([["a", 1]]), [NaN]);
  await toThread(() => console.log("%s thread", new Set([2])));
  print("end");
}
await run(main());
`;
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await runCode(page, pg, code);
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(pg.locator("[data-run-error]")).toHaveCount(0);
  // The microtask runs once main first waits for real I/O (the stack is empty then), as in JavaScript.
  await expect(pg.locator("[data-console-line]")).toHaveText(["start", "microtask", "timer", "Map(1) { 'a' => 1 } [ NaN ]", "Set(1) { 2 } thread", "end"]);
  const errors = (await stderr(pg)).join("\n");
  expect(errors).toContain("Exception in callback setTimeout(…)\nError: in a timer (line 6)");
  expect(errors).toContain("RuntimeWarning: 1 setTimeout callback never ran: the program ended first.");
  await expect(pg).toHaveAttribute("data-virtual-end", "1.000");
  // The playground is as usable as after any run.
  await runCode(page, pg, code.replace('print("end")', 'print("end again")'));
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(pg.locator("[data-console-line]").last()).toHaveText("end again");
});

test("an edit, its run and a failed run put no element in or out before the console and the diagram (one made the browser restyle all that follows it)", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, ID);
  expect(await runPlayground(pg)).toBe("done");
  const output = pg.locator(".pg-output").first();
  await output.evaluate((el) => {
    const changed = [] as string[];
    (window as unknown as { changed: string[] }).changed = changed;
    const name = (n: Node) => (n instanceof Element ? n.className || n.tagName : n.nodeName);
    new MutationObserver((records) => records.forEach((r) => [...r.addedNodes, ...r.removedNodes].forEach((n) => changed.push(name(n))))).observe(el, { childList: true });
  });
  // The note that the output is from the code before the edit comes; the run of the edit says so in
  // its place, and the console under it stays where it was.
  const consoleTop = () => pg.locator("[data-console]").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await typeCode(page, pg, `import { run, print } from "asyncio";\nasync function main() { print("edited"); }\nawait run(main());\n`);
  await expect(pg.locator("[data-stale]")).toBeVisible();
  const before = await consoleTop();
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-stale]")).toHaveCount(0);
  await expect(pg.locator("[data-yours]")).toBeVisible();
  expect(await consoleTop()).toBe(before);
  // A run that fails: its failure line comes under the console, and goes with the next run.
  await typeCode(page, pg, `import { run } from "asyncio";\nasync function main() { throw new Error("boom"); }\nawait run(main());\n`);
  expect(await runPlayground(pg)).toBe("error");
  await expect(pg.locator("[data-run-failure]")).toContainText("boom");
  await typeCode(page, pg, `import { run, print } from "asyncio";\nasync function main() { print("fixed"); }\nawait run(main());\n`);
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator("[data-run-failure]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { changed: string[] }).changed)).toEqual([]);
});

for (const width of [1280, 390])
  test(`at ${width} px wide, the diagram stays where it is as the reader edits and runs (the stale verdict and the notes keep their lines)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(PAGE);
    const pg = playground(page, ID);
    const verdict = pg.locator(".pg-summary .pg-match");
    // From the top of the output: the page may scroll to keep the caret or Run in view, and on a
    // phone the editor above the output grows with each line typed.
    const diagramTop = () => pg.evaluate((el) => el.querySelector("[data-timing-diagram]")!.getBoundingClientRect().top - el.querySelector(".pg-output")!.getBoundingClientRect().top);
    const editAndRun = async (comment: string, whileStale: () => Promise<void>) => {
      await pg.locator(".cm-content").click();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.insertText(`\n// ${comment}: the same run`);
      await expect(pg.locator("[data-stale]")).toBeVisible();
      await whileStale();
      await page.keyboard.press("ControlOrMeta+Enter");
      await expect(pg.locator("[data-yours]")).toBeVisible();
      await expect(verdict).toBeVisible();
    };
    // The first edit puts the output's note above it, once; from then on the reader edits and runs.
    expect(await runPlayground(pg)).toBe("done");
    await editAndRun("first", async () => {});
    const before = await diagramTop();
    await editAndRun("second", async () => {
      expect(await diagramTop()).toBe(before);
      // No verdict on code that has not run: not seen, not read, and still taking its place.
      await expect(verdict).toBeHidden();
      await expect(verdict).toHaveAttribute("aria-hidden", "true");
    });
    expect(await diagramTop()).toBe(before);
  });

test("Stop ends a run at once and keeps the earlier output, marked as earlier", async ({ page }) => {
  test.slow();
  await page.goto("/lessons/real-world-images/");
  const pg = playground(page, "images-sync");
  const before = await pg.locator("[data-console-line]").allTextContents();
  await pg.scrollIntoViewIfNeeded();
  await typeCode(page, pg, `import { run, sleep, print } from "asyncio";\n\nasync function main() {\n  while (true) {\n    print("tick");\n    await sleep(0.2);\n  }\n}\n\nawait run(main());\n`);
  const run = pg.getByRole("button", { name: "Run", exact: true });
  // Run pressed from the keyboard (a mouse press leaves the caret in the editor): focus stays on Run
  // while the run is under way, and the status line says so.
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(pg).toHaveAttribute("data-status", "running");
  await expect(run).toBeFocused();
  await expect(pg.locator(".pg-status")).toHaveText("Running…");
  await pg.getByRole("button", { name: "Stop" }).click();
  await expect(pg).toHaveAttribute("data-status", "error");
  await expect(pg.locator("[data-run-error]")).toContainText("Stopped");
  await expect(pg.locator("[data-stale]")).toBeVisible();
  expect(await pg.locator("[data-console-line]").allTextContents()).toEqual(before);
  await expect(pg.getByRole("button", { name: "Stop" })).toHaveCount(0);
  // With the keyboard: Stop is pressed with Enter, and focus goes to Run, not to the page's body.
  await run.click();
  await expect(pg.locator(".pg-status")).toHaveText("Running…");
  await pg.getByRole("button", { name: "Stop" }).focus();
  await page.keyboard.press("Enter");
  await expect(pg).toHaveAttribute("data-status", "error");
  await expect(run).toBeFocused();
});

test("a run's status attribute says 'running' at once; Running… and Stop show only once a run has taken 100 ms", async ({ page }) => {
  // The page's timers on a clock the test stops: 100 ms pass only when the test says so.
  await page.clock.install();
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await hydrated(pg);
  // Paused a few seconds ahead of the page's time (its timers due until then run first): a busy
  // machine can take over a second between reading the time and pausing, and a time past cannot be paused at.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 5000));
  // What the playground's status attribute goes through, and whether it ever showed a run under way.
  await pg.evaluate((el) => {
    const seen = { statuses: [] as string[], busyShown: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver((records) => {
      for (const record of records) if (record.attributeName === "data-status") seen.statuses.push(el.getAttribute("data-status")!);
      if (el.querySelector(".pg-stop") || el.querySelector(".pg-status")?.textContent === "Running…") seen.busyShown = true;
    }).observe(el, { attributes: true, attributeFilter: ["data-status"], childList: true, characterData: true, subtree: true });
  });
  const seen = () => page.evaluate(() => (window as unknown as { seen: { statuses: string[]; busyShown: boolean } }).seen);
  // The lesson's run ends with the page's clock standing still: it said "running", never showed it.
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "done");
  expect(await seen()).toEqual({ statuses: ["running", "done"], busyShown: false });
  // A run that goes on until it is stopped (its top level awaits a promise that never settles):
  // shown once 100 ms have passed.
  await typeCode(page, pg, `await new Promise(() => {});\n`);
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "running");
  expect((await seen()).busyShown).toBe(false);
  await page.clock.runFor(100);
  await expect(pg.locator(".pg-status")).toHaveText("Running…");
  await pg.getByRole("button", { name: "Stop" }).click();
  await expect(pg).toHaveAttribute("data-status", "error");
});

/** A program that is not the lesson's: a Run of it needs the compiler. */
const EDITED = `import { print } from "asyncio";\nprint("edited");\n`;

// These break things on purpose, so the page logs errors: the plain test, without the console guard.
plain.describe("every failure is a message, and the playground stays usable", () => {
  const test = plain;
  test.slow();

  test("the compiler's wasm cannot load: a message; the next Run tries again and works", async ({ page }) => {
    await page.route(/esbuild.*\.wasm/, (route) => route.fulfill({ status: 404, body: "missing" }));
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await pg.scrollIntoViewIfNeeded();
    // Edited: the lesson's own code runs as the build compiled it, with no compiler.
    await typeCode(page, pg, EDITED);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "error", { timeout: 60_000 });
    await expect(pg.locator("[data-run-error]")).toContainText("could not load");
    await page.unroute(/esbuild.*\.wasm/);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "done", { timeout: 90_000 });
    await expect(pg.locator("[data-run-error]")).toHaveCount(0);
  });

  test("the compiler's worker cannot start: a message, then a working Run", async ({ page }) => {
    await page.route(/compiler\.worker/, (route) => route.fulfill({ status: 404, body: "missing" }));
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await pg.scrollIntoViewIfNeeded();
    // Edited: the lesson's own code runs as the build compiled it, with no compiler.
    await typeCode(page, pg, EDITED);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "error", { timeout: 60_000 });
    await expect(pg.locator("[data-run-error]")).toContainText("compiler could not start");
    await page.unroute(/compiler\.worker/);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  });

  test("a compile that never answers: stopped with a message", async ({ page }) => {
    // A compiler worker that takes the request and never answers.
    await page.route(/compiler\.worker/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", headers: { "Cross-Origin-Embedder-Policy": "require-corp", "Cross-Origin-Resource-Policy": "same-origin" }, body: "self.onmessage = () => {};" }),
    );
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await pg.scrollIntoViewIfNeeded();
    // Edited: the lesson's own code runs as the build compiled it, with no compiler.
    await typeCode(page, pg, EDITED);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "error", { timeout: 60_000 });
    await expect(pg.locator("[data-run-error]")).toContainText("stopped answering");
    await expect(pg.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  });

  test("the runner cannot start: a message; the lesson's output stays", async ({ page }) => {
    await page.route(/runner\.worker/, (route) => route.fulfill({ status: 404, body: "missing" }));
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await pg.scrollIntoViewIfNeeded();
    await expect(pg.locator(".cm-content")).toBeVisible();
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "error", { timeout: 90_000 });
    await expect(pg.locator("[data-run-error]")).toContainText("runner failed");
    await expect(pg.locator("[data-console-line]").first()).toBeVisible();
  });

  test("a runner slow to load its script (7 s, past a run's 5 s of silence) is given time to start: the run ends as usual", async ({ page }) => {
    test.slow();
    await page.route(/runner\.worker/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 7000));
      await route.continue();
    });
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await hydrated(pg);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    await expect(pg.locator("[data-run-error]")).toHaveCount(0);
  });

  test("the runner is killed mid-run: it falls silent and is stopped with a message", async ({ page }) => {
    // Keep every worker the page starts, so the test can end the runner from outside.
    await page.addInitScript(() => {
      const workers: { name?: string; worker: Worker; used: boolean }[] = [];
      (window as unknown as { workers: typeof workers }).workers = workers;
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          const entry = { name: options?.name, worker: this as Worker, used: false };
          workers.push(entry);
          // The worker a run was given (the next run's worker waits unused beside it).
          const post = this.postMessage.bind(this);
          this.postMessage = ((message: unknown, transfer: Transferable[]) => ((entry.used = true), post(message, transfer))) as Worker["postMessage"];
        }
      };
    });
    await page.goto("/lessons/real-world-images/");
    const pg = playground(page, "images-sync");
    await pg.scrollIntoViewIfNeeded();
    await typeCode(page, pg, `import { run, sleep } from "asyncio";\n\nasync function main() {\n  while (true) await sleep(0.2);\n}\n\nawait run(main());\n`);
    await pg.getByRole("button", { name: "Run", exact: true }).click();
    await expect(pg).toHaveAttribute("data-status", "running");
    await page.evaluate(() => {
      const workers = (window as unknown as { workers: { name?: string; worker: Worker; used: boolean }[] }).workers;
      workers.filter((w) => w.name === "playground-runner" && w.used).at(-1)!.worker.terminate();
    });
    await expect(pg).toHaveAttribute("data-status", "error", { timeout: 30_000 });
    await expect(pg.locator("[data-run-error]")).toContainText("no sign of life");
  });

  test("storage that throws: edits still run, nothing breaks", async ({ page }) => {
    await page.addInitScript(() => {
      const fail = () => {
        throw new DOMException("blocked", "SecurityError");
      };
      Storage.prototype.getItem = fail;
      Storage.prototype.setItem = fail;
      Storage.prototype.removeItem = fail;
    });
    await page.goto(PAGE);
    const pg = playground(page, ID);
    await runCode(page, pg, `import { print } from "asyncio";\nprint("no storage, no problem");\n`);
    await expect(pg).toHaveAttribute("data-status", "done");
    await expect(pg.locator("[data-console-line]")).toHaveText(["no storage, no problem"]);
    await pg.getByRole("button", { name: "Reset" }).click();
    await expect(pg).toHaveAttribute("data-virtual-end", "2.000");
  });
});
