// The real-world chapter in Chromium, on the real clock: structure, not absolute times. The async
// client with a process pool beats the synchronous baseline, threads cut its download time but not
// its processing time, the semaphore never lets more than four photos be in progress, and the
// profile tells the downloads (waiting) from the blurring (computing).
import type { Locator, Page } from "@playwright/test";
import { test, expect, playground, runPlayground, consoleLines } from "./support.ts";

const PAGE = "/lessons/real-world-images/";

async function run(page: Page, id: string): Promise<Locator> {
  const pg = playground(page, id);
  await pg.scrollIntoViewIfNeeded();
  expect(await runPlayground(pg), id).toBe("done");
  await expect(pg).toHaveAttribute("data-clock", "real");
  return pg;
}

/** The seconds printed on the line that starts with `label`. */
async function printed(pg: Locator, label: string): Promise<number> {
  const line = (await consoleLines(pg)).find((l) => l.startsWith(label));
  expect(line, `a "${label}" line`).toBeDefined();
  return Number(/([\d.]+) s$/.exec(line!)![1]);
}

test("the async client with a process pool is faster than the synchronous baseline, and blurs the same", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const sync = await run(page, "images-sync");
  const async2 = await run(page, "images-async-processes");
  const [syncTotal, asyncTotal] = [await printed(sync, "Total time:"), await printed(async2, "Total time:")];
  expect(asyncTotal, `async 2 took ${asyncTotal} s, the baseline ${syncTotal} s`).toBeLessThan(syncTotal);
  // Downloads overlap in async 2: well under the baseline's 8 × 0.25 s.
  expect(await printed(async2, "Download time:")).toBeLessThan(await printed(sync, "Download time:"));
  const brightness = async (pg: Locator) => (await consoleLines(pg)).find((l) => l.startsWith("Processed"));
  expect(await brightness(async2)).toBe(await brightness(sync));
});

test("threads for the downloads: async 1 cuts the baseline's download time, not its processing time", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const sync = await run(page, "images-sync");
  const async1 = await run(page, "images-threads");
  const [syncDownload, asyncDownload] = [await printed(sync, "Download time:"), await printed(async1, "Download time:")];
  const [syncProcessing, asyncProcessing] = [await printed(sync, "Processing time:"), await printed(async1, "Processing time:")];
  // The eight waits overlap in threads: well under the baseline's 8 × 0.25 s.
  expect(asyncDownload, `async 1 downloaded in ${asyncDownload} s, the baseline in ${syncDownload} s`).toBeLessThan(syncDownload / 2);
  // The blurring still runs on the loop's thread, one photo after the other: no real gain.
  expect(asyncProcessing, `async 1 blurred in ${asyncProcessing} s, the baseline in ${syncProcessing} s`).toBeGreaterThan(syncProcessing / 2);
});

test("the profile: downloads are mostly waiting, blurring mostly computing; the baseline's downloads block", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const async2 = await run(page, "images-async-processes");
  const rows = async2.locator("[data-profile] [data-profile-row]");
  await expect(rows.and(page.locator('[data-profile-row="download"]'))).toHaveAttribute("data-dominant", "waiting");
  await expect(rows.and(page.locator('[data-profile-row="blur"]'))).toHaveAttribute("data-dominant", "computing");
  const sync = playground(page, "images-sync");
  await expect(sync.locator('[data-profile-row="httpGet"]')).toHaveAttribute("data-dominant", "blocked");
  await expect(sync.locator('[data-profile-row="main program"]')).toHaveAttribute("data-dominant", "computing");
});

test("under Semaphore(4), never more than four photos are in progress at once", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const pg = await run(page, "images-semaphore");
  // A photo is in progress while its task waits on its download or its blur (not on the semaphore).
  const bars = pg.locator('[data-timing-diagram] svg [data-lane-kind="task"] [data-state="waiting"]');
  const spans: [number, number][] = [];
  for (const bar of await bars.all()) {
    const label = (await bar.getAttribute("data-label")) ?? "";
    if (/httpGetAsync|in ProcessPool/.test(label)) spans.push([Number(await bar.getAttribute("data-from")), Number(await bar.getAttribute("data-to"))]);
  }
  expect(spans.length).toBeGreaterThanOrEqual(16);
  // Sweep: ends before starts at the same instant (one photo hands its place to the next).
  const marks = spans.flatMap(([from, to]) => [[from, 1] as const, [to, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, delta] of marks) most = Math.max(most, (now += delta));
  expect(most).toBe(4);
  // Tasks 5 to 8 first wait for a place.
  await expect(pg.locator('[data-timing-diagram] svg [data-label="Semaphore.acquire()"]').first()).toBeAttached();
});
