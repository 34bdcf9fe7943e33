// Every exercise on every page, discovered from the built site: in Chromium, the starting code's run
// does not meet the goal, and the solution, put in the editor from the "Show a solution" disclosure,
// does. Then, on one exercise: the page without JavaScript, the keyboard only, and a reload and Reset.
import type { Locator, Page } from "@playwright/test";
import { test, expect, exercise, runPlayground, editorLines } from "./support.ts";
import { discoverExercises } from "../support/built-site.ts";

const pages = discoverExercises();
test.describe.configure({ mode: "parallel" });

const verdictOf = (ex: Locator) => ex.locator("[data-goal]");

/** Open the solution disclosure and put the solution in the editor. */
async function loadSolution(ex: Locator): Promise<void> {
  await ex.locator("summary", { hasText: "Show a solution" }).click();
  await ex.getByRole("button", { name: "Put this solution in the editor" }).click();
  await expect(ex.locator(".pg-status")).toHaveText("The solution is in the editor. Press Run to check it.");
}

test("the site has exercises to check", () => {
  expect(pages.reduce((n, p) => n + p.ids.length, 0)).toBeGreaterThanOrEqual(11);
});

for (const { path, ids } of pages) {
  for (const id of ids) {
    test(`${path} ${id}: the starting code misses the goal, the solution meets it`, async ({ page }) => {
      await page.goto(path);
      const ex = exercise(page, id);
      await expect(ex.locator(".pg-goal")).toContainText("Goal. The run must");

      expect(await runPlayground(ex)).toMatch(/^(done|error)$/);
      await expect(verdictOf(ex)).toHaveAttribute("data-goal", "not-met");
      await expect(verdictOf(ex)).toContainText(/^Not yet\. \S/);
      await expect(verdictOf(ex).locator("svg[data-mark]")).toHaveAttribute("data-mark", "not-met");

      await loadSolution(ex);
      const solution = (await ex.getByLabel("A solution").textContent()) ?? "";
      // The code (the stepper's marks stay on their lines as the code changes: not part of it).
      await expect.poll(async () => (await editorLines(ex)).map((line) => line.code)).toEqual(solution.split("\n"));
      await runPlayground(ex);
      // The verdict is empty while a run is under way: "met" can only come from the solution's run.
      await expect(verdictOf(ex)).toHaveAttribute("data-goal", "met");
      await expect(verdictOf(ex)).toContainText(/^Goal met\. The run ends at/);
      await expect(verdictOf(ex).locator("svg[data-mark]")).toHaveAttribute("data-mark", "met");
      await expect(ex).toHaveAttribute("data-status", "done");
    });
  }
}

const PAGE = "/lessons/example-2-awaiting-coroutines/";
const ID = "make-it-two-seconds";

test("without JavaScript: the goal, no verdict before a run, and the solution in a working disclosure", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const ex = exercise(page, ID);
  await expect(ex.locator(".pg-goal")).toContainText("The run must end at 2.000 s of virtual time and print these 7 lines:");
  await expect(ex.getByLabel("The lines the run must print")).toContainText("Task 2 fully completed");
  await expect(ex.locator('pre[aria-label="TypeScript program"]')).toContainText("const coro1 = fetchData(1);");
  await expect(verdictOf(ex)).toHaveAttribute("data-goal", "pending");
  await expect(verdictOf(ex)).toHaveText("Press Run to check this code against the goal.");
  await expect(ex.getByLabel("A solution")).toBeHidden();
  await ex.locator("summary", { hasText: "Show a solution" }).click();
  await expect(ex.getByLabel("A solution")).toContainText("createTask(fetchData(1))");
  await context.close();
});

/** Press Tab until `target` has the focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("keyboard only: open the solution, put it in the editor, run it, hear the verdict", async ({ page }) => {
  await page.goto(PAGE);
  const ex = exercise(page, ID);
  await ex.scrollIntoViewIfNeeded();
  const run = ex.getByRole("button", { name: "Run", exact: true });
  await expect(run).toBeEnabled();
  // The verdict is a polite live region: announced after each run, without moving the focus.
  await expect(verdictOf(ex)).toHaveAttribute("role", "status");
  await expect(verdictOf(ex)).toHaveAttribute("aria-live", "polite");

  await run.focus();
  const summary = ex.locator("summary", { hasText: "Show a solution" });
  await tabTo(page, summary);
  await page.keyboard.press("Enter");
  await expect(ex.locator("details.pg-solution")).toHaveAttribute("open", "");
  const load = ex.getByRole("button", { name: "Put this solution in the editor" });
  await tabTo(page, load);
  await page.keyboard.press("Enter");
  await expect(ex.locator(".pg-status")).toHaveText("The solution is in the editor. Press Run to check it.");
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(verdictOf(ex)).toHaveAttribute("data-goal", "met");
  await expect(verdictOf(ex)).toHaveText("Goal met. The run ends at 2.000 s, as the goal asks. It prints the 7 lines the goal asks for.");
});

test("the edited code survives a reload, and Reset brings back the starting code, with no verdict until a run", async ({ page }) => {
  await page.goto(PAGE);
  const ex = exercise(page, ID);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  await loadSolution(ex);
  await runPlayground(ex);
  await expect(verdictOf(ex)).toHaveAttribute("data-goal", "met");

  await page.reload();
  const reloaded = exercise(page, ID);
  await reloaded.scrollIntoViewIfNeeded();
  await expect(reloaded.locator(".cm-content")).toContainText("createTask(fetchData(1))");
  // The output shown is the starting code's (pre-rendered), marked stale; no verdict before a run.
  await expect(reloaded.locator("[data-stale]")).toBeVisible();
  await expect(verdictOf(reloaded)).toHaveAttribute("data-goal", "pending");
  await runPlayground(reloaded);
  await expect(verdictOf(reloaded)).toHaveAttribute("data-goal", "met");

  await reloaded.getByRole("button", { name: "Reset" }).click();
  await expect(reloaded.locator(".cm-content")).toContainText("const coro1 = fetchData(1);");
  await expect(verdictOf(reloaded)).toHaveAttribute("data-goal", "pending");
  await expect(reloaded.locator("[data-stale]")).toHaveCount(0);
});
