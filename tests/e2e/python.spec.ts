// The Python twin runs in the page, on CPython 3.14 (Pyodide, served by the site: the guard fails any
// request that leaves it) with CPython's own event loop on the virtual clock, and is drawn from the
// trace recorded there (src/python/trace_recorder.py). "Both" runs the TypeScript and the Python and
// says whether they agree: on every playground with a twin, it must say "same", and the Python run
// must print what the lesson declares and end when it says.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { test, expect, playground, expectationOf, typeCode, hydrated, holdIslandScript } from "./support.ts";
import { ROOT_SITE, discoverPlaygroundsWithoutExercises } from "../support/built-site.ts";
import { outputMatches } from "../../src/components/playground/expectation.ts";

test.describe.configure({ mode: "parallel" });

/** The first Python run loads Pyodide (13.5 MB): slow on a busy machine. */
const PYTHON_LOAD = { timeout: 120_000 };

async function pythonTab(pg: Locator): Promise<void> {
  await hydrated(pg);
  await pg.getByRole("tab", { name: "Python" }).click();
  await expect(pg.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
}

/** The program in the playground's editor. */
const editorText = (pg: Locator) => pg.locator(".cm-content").innerText();

async function runAndWait(page: Page, pg: Locator, button: "Run" | "Both"): Promise<void> {
  await pg.getByRole("button", { name: button, exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", /^(done|error)$/, PYTHON_LOAD);
}

test("a Python twin that sleeps for math.inf runs: the timer due at inf, which JSON cannot write, comes to the page", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pythonTab(pg);
  await typeCode(page, pg, "import asyncio, math\n\nasync def main():\n    try:\n        await asyncio.wait_for(asyncio.sleep(math.inf), 1)\n    except TimeoutError:\n        print(\"timed out\")\n\nasyncio.run(main())\n");
  await runAndWait(page, pg, "Run");
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(pg).toHaveAttribute("data-virtual-end", "1.000");
  await expect(pg.locator("[data-console-line]")).toHaveText(["timed out"]);
});

test("example 3: the Python twin, edited, runs on CPython in the page and is drawn from CPython's loop", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pythonTab(pg);
  const python = await editorText(pg);
  expect(python).toContain("asyncio.create_task(fetch_data(2))");
  await typeCode(page, pg, python.replace("fetch_data(2)", "fetch_data(3)"));
  await runAndWait(page, pg, "Run");
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(pg).toHaveAttribute("data-language", "python");
  await expect(pg).toHaveAttribute("data-virtual-end", "3.000");
  await expect(pg.locator("[data-console-line]")).toHaveText(["Do something with 1...", "Do something with 3...", "Done with 1", "Task 1 fully completed", "Done with 3", "Task 2 fully completed", "Result of 1 Result of 3"]);
  const diagram = pg.locator("[data-timing-diagram]").first();
  await expect(diagram).toHaveAttribute("data-end", "3.000");
  await expect(diagram.locator('[data-lane="Task-3"] rect[data-state="waiting"]').first()).toHaveAttribute("data-to", "3.000");
  // The stepper walks CPython's run, with the Python program's lines.
  await expect(pg.locator("[data-stepper]")).toHaveAttribute("data-step-count", /^\d+$/);
  // The edit is kept like the TypeScript's: after a reload, the Python tab holds it.
  await page.reload();
  await pythonTab(pg);
  await expect(pg.locator(".cm-content")).toContainText("fetch_data(3)");
  await pg.getByRole("button", { name: "Reset" }).click();
  await expect(pg.locator(".cm-content")).toContainText("fetch_data(2)");
});

/** How Python started on this page (the python:loaded mark of python-runner.ts): "snapshot" or "start". */
const pythonStart = (page: Page) => page.evaluate(() => (performance.getEntriesByName("python:loaded")[0] as PerformanceMark | undefined)?.detail?.from);

// Python starts from the interpreter's memory snapshot the build made in Node
// (src/integrations/pyodide-files.mjs), however the host serves the .gz file; without it, from the start.
// (A 404 would be a console error, which the guard fails: a file that is no snapshot stands for it.)
for (const served of ["gzip-encoded, unzipped by the browser (as npm start serves it)", "as a plain .gz file", "wrong (another file under its name)"] as const)
  test(`Python's first run, with the snapshot served ${served}, starts and prints what CPython prints`, async ({ page }) => {
    if (served !== "gzip-encoded, unzipped by the browser (as npm start serves it)")
      await page.route(/\/snapshot-[0-9a-f]+\.bin\.gz$/, async (route) => {
        if (served === "wrong (another file under its name)") return route.fulfill({ status: 200, headers: { "content-type": "application/gzip" }, body: "not a memory snapshot" });
        // The build's file itself (npm start's server would mark it gzip-encoded).
        const gz = readFileSync(join(ROOT_SITE.distDir, new URL(route.request().url()).pathname));
        expect([...gz.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
        await route.fulfill({ status: 200, headers: { "content-type": "application/gzip" }, body: gz });
      });
    await page.goto("/lessons/example-3-create-task/");
    const pg = playground(page, "create-task");
    await pythonTab(pg);
    await runAndWait(page, pg, "Run");
    await expect(pg).toHaveAttribute("data-status", "done");
    await expect(pg.locator("[data-console-line]")).toHaveText(["Do something with 1...", "Do something with 2...", "Done with 1", "Task 1 fully completed", "Done with 2", "Task 2 fully completed", "Result of 1 Result of 2"]);
    expect(await pythonStart(page)).toBe(served === "wrong (another file under its name)" ? "start" : "snapshot");
  });

test("the language tabs follow the tabs pattern: arrow keys move and select, one tab stop", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await hydrated(pg);
  const [ts, py] = [pg.getByRole("tab", { name: "TypeScript" }), pg.getByRole("tab", { name: "Python" })];
  await expect(ts).toHaveAttribute("tabindex", "0");
  await expect(py).toHaveAttribute("tabindex", "-1");
  await ts.focus();
  await page.keyboard.press("ArrowRight");
  await expect(py).toBeFocused();
  await expect(py).toHaveAttribute("aria-selected", "true");
  await expect(pg.locator(".pg-code")).toHaveAttribute("aria-labelledby", (await py.getAttribute("id"))!);
  await page.keyboard.press("ArrowRight");
  await expect(ts).toBeFocused();
  await expect(ts).toHaveAttribute("aria-selected", "true");
});

test("Both on a planted change: the verdict names the first line that differs", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pythonTab(pg);
  await typeCode(page, pg, (await editorText(pg)).replace('print("Task 1 fully completed")', 'print("Task 1 done")'));
  await runAndWait(page, pg, "Both");
  await expect(pg.locator("[data-both-verdict]")).toHaveText('differs at line 4 of the output: TypeScript printed "Task 1 fully completed", Python printed "Task 1 done"');
  await expect(pg.locator('[data-run-key="python"]')).toHaveAttribute("data-virtual-end", "2.000");
});

test("a Python program that never awaits is stopped, and the playground stays usable", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pythonTab(pg);
  await typeCode(page, pg, 'print("before")\nwhile True:\n    pass\n');
  await runAndWait(page, pg, "Run");
  await expect(pg).toHaveAttribute("data-status", "error");
  await expect(pg.locator("[data-run-failure], [data-run-error]").first()).toContainText("the time limit");
  // A Python error shows its traceback, with the reader's line.
  await typeCode(page, pg, "import asyncio\n\nasync def main():\n    raise ValueError('boom')\n\nasyncio.run(main())\n");
  await runAndWait(page, pg, "Run");
  await expect(pg.locator("[data-run-failure]")).toContainText("ValueError: boom");
  await expect(pg.locator("[data-console-stderr]")).toContainText(['  File "<stdin>", line 4, in main', "ValueError: boom"]);
});

// Every playground with a Python twin, on every page: the lesson's own check, done in the browser.
for (const { path, ids } of discoverPlaygroundsWithoutExercises()) {
  test(`${path}: Both says "same" on every playground with a twin, and the Python run gives the declared output`, async ({ page }) => {
    await page.goto(path);
    let checked = 0;
    for (const id of ids) {
      const pg = playground(page, id);
      if ((await pg.getAttribute("data-clock")) !== "virtual" || !(await pg.getByRole("button", { name: "Both", exact: true }).count())) continue;
      const expected = await expectationOf(pg);
      await pg.scrollIntoViewIfNeeded();
      await runAndWait(page, pg, "Both");
      await expect(pg.locator("[data-both-verdict]"), id).toHaveText(/^same output and times/);
      const side = pg.locator('[data-run-key="python"]');
      await expect(side, id).toHaveAttribute("data-virtual-end", expected.end);
      const printed = await side.locator("[data-console-line]").allTextContents();
      expect(outputMatches(expected.stdout, printed), `${id}: Python printed\n${printed.join("\n")}`).toBe(true);
      checked++;
    }
    test.info().annotations.push({ type: "playgrounds checked", description: String(checked) });
  });
}

test("a Python run with a process pool says its threads and processes are a model of CPython's", async ({ page }) => {
  await page.goto("/lessons/example-6-threads-and-processes/");
  const pg = playground(page, "pool-limit");
  await pythonTab(pg);
  await runAndWait(page, pg, "Run");
  await expect(pg).toHaveAttribute("data-language", "python");
  await expect(pg.locator("[data-run-note]")).toContainText("a model of CPython's, not CPython's own");
});

test("the language tabs, like the buttons, wait for the island: disabled until it hydrates, then a click switches", async ({ page }) => {
  // The island's script held back a while: the page is read before it hydrates.
  const release = await holdIslandScript(page);
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  const python = pg.getByRole("tab", { name: "Python" });
  await expect(python).toBeDisabled();
  await expect(pg.getByRole("button", { name: "Run", exact: true })).toBeDisabled();
  release();
  await expect(python).toBeEnabled({ timeout: 60_000 });
  await python.click();
  await expect(python).toHaveAttribute("aria-selected", "true");
});
