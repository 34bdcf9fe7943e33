// Threads and processes in Chromium: example 6 runs with real Web Workers (nested in the runner
// worker), the diagram draws a lane per thread and process with the two lanes of each batch
// overlapping, the pool's queue shows jobs waiting for a free worker, and the stepper's pane shows
// what each worker does.
import type { Locator } from "@playwright/test";
import { test, expect, playground } from "./support.ts";

test.describe.configure({ mode: "parallel" });

const PAGE = "/lessons/example-6-threads-and-processes/";

/** The [from, to] of each bar of a lane, in seconds. */
async function bars(lane: Locator, state: string): Promise<[number, number][]> {
  const found = lane.locator(`[data-state="${state}"]`);
  const spans: [number, number][] = [];
  for (const bar of await found.all()) spans.push([Number(await bar.getAttribute("data-from")), Number(await bar.getAttribute("data-to"))]);
  return spans;
}

test("example 6 runs in real workers: 4.000 s, a lane per thread and process, batches in parallel", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, "threads-and-processes");
  await pg.scrollIntoViewIfNeeded();
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(pg).toHaveAttribute("data-virtual-end", "4.000");

  const diagram = pg.locator("[data-timing-diagram] svg").first();
  await expect(diagram.locator('[data-lane-kind="worker"]')).toHaveCount(4);
  const lane = (name: string) => diagram.locator(`[data-lane="${name}"]`);
  expect(await bars(lane("asyncio_0"), "blocked")).toEqual([[0, 1]]);
  expect(await bars(lane("asyncio_1"), "blocked")).toEqual([[0, 2]]);
  expect(await bars(lane("Process-1"), "blocked")).toEqual([[2, 3]]);
  expect(await bars(lane("Process-2"), "blocked")).toEqual([[2, 4]]);
  // The loop itself is never blocked: it waits while the workers work.
  await expect(lane("Event loop").locator('[data-state="blocked"]')).toHaveCount(0);

  // The console marks the lines the workers printed.
  await expect(pg.locator("[data-console-worker]")).toHaveText(["asyncio_0", "asyncio_1", "asyncio_0", "asyncio_1", "Process-1", "Process-2", "Process-1", "Process-2"]);
});

test("a pool of two: two jobs wait in its queue for the first second; the stepper shows the workers", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, "pool-limit");
  await pg.scrollIntoViewIfNeeded();
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(pg).toHaveAttribute("data-virtual-end", "2.000");
  const diagram = pg.locator("[data-timing-diagram] svg").first();
  expect(await bars(diagram.locator('[data-lane="ProcessPool queue"]'), "ready")).toEqual([[0, 1]]);
  expect(await bars(diagram.locator('[data-lane="Process-1"]'), "blocked")).toEqual([[0, 1], [1, 2]]);

  // Step until a worker is held in its blockingSleep: the pane names both workers and the queue.
  const stepper = pg.locator("[data-stepper]");
  const forward = stepper.getByRole("button", { name: "Forward" });
  const count = Number(await stepper.getAttribute("data-step-count"));
  for (let i = 0; i < count && (await stepper.locator('[data-worker-state="blocked"]').count()) < 2; i++) await forward.click();
  await expect(stepper.locator("[data-worker-item]")).toHaveText([/^Process-1 process runs work\(1\), held in blockingSleep\(1\)/, /^Process-2 process runs work\(2\), held in blockingSleep\(1\)/]);
  await expect(stepper.locator("[data-pool-queue]")).toHaveText(/ProcessPool queue \(2 waiting, at most 2 at once\): work\(3\), work\(4\)/);
});
