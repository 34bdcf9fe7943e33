// Lazy vs eager, side by side (example 2): one editor, and each Run runs the program under asyncio's
// lazy coroutines and under JavaScript's eager calls; both diagrams share a time axis; the stepper
// steps through the run the reader picks.
import { test, expect, playground, runPlayground, typeCode, lessonCode } from "./support.ts";

const PAGE = "/lessons/example-2-awaiting-coroutines/";
const ID = "lazy-and-eager";

test("one program, two runs: lazy ends at 3.000 with one task lane, eager at 2.000 with a lane per call", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, ID);
  expect(await runPlayground(pg)).toBe("done");
  const lazy = pg.locator('[data-run-side="primary"]');
  const eager = pg.locator('[data-run-side="compare"]');
  await expect(lazy).toHaveAttribute("data-model", "lazy");
  await expect(eager).toHaveAttribute("data-model", "eager");
  await expect(lazy).toHaveAttribute("data-virtual-end", "3.000");
  await expect(eager).toHaveAttribute("data-virtual-end", "2.000");
  await expect(lazy.locator("[data-console-line]").first()).toHaveText("Both coroutine objects made");
  await expect(eager.locator("[data-console-line]").first()).toHaveText("Do something with 1...");
  await expect(lazy.locator('[data-lane-kind="task"]')).toHaveCount(1);
  await expect(eager.locator('[data-lane-kind="task"]')).toHaveCount(3);
  // One time scale: both axes end at the longer run's 3 s.
  await expect(lazy.locator("[data-tick]").last()).toHaveAttribute("data-tick", "3.000");
  await expect(eager.locator("[data-tick]").last()).toHaveAttribute("data-tick", "3.000");
});

test("the stepper steps through the run the reader picks, and an edit changes both runs", async ({ page }) => {
  await page.goto(PAGE);
  const original = await lessonCode(page, PAGE, ID);
  const pg = playground(page, ID);
  await pg.scrollIntoViewIfNeeded();
  const stepper = pg.locator("[data-stepper]");
  const lazyCount = Number(await stepper.getAttribute("data-step-count"));
  await pg.getByRole("button", { name: "Eager: JavaScript's async calls" }).click();
  await expect(pg.getByRole("button", { name: "Eager: JavaScript's async calls" })).toHaveAttribute("aria-pressed", "true");
  await expect(stepper).not.toHaveAttribute("data-step-count", String(lazyCount));
  await stepper.getByRole("button", { name: "Last" }).click();
  await expect(stepper.locator("[data-clock]")).toHaveText("2.000");

  // Await the two calls in the other order: lazy still takes 3 s, eager still 2 s.
  await typeCode(page, pg, original.replace("const coro1 = fetchData(1);\n  const coro2 = fetchData(2);", "const coro2 = fetchData(2);\n  const coro1 = fetchData(1);"));
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator('[data-run-side="compare"] [data-console-line]').first()).toHaveText("Do something with 2...");
  await expect(pg.locator('[data-run-side="primary"]')).toHaveAttribute("data-virtual-end", "3.000");
  await expect(pg.locator('[data-run-side="compare"]')).toHaveAttribute("data-virtual-end", "2.000");
});
