// The real-world chapter in Chromium, on the real clock: structure, never measured times (the
// machine may be busy). The async client overlaps the downloads and a process pool the blurring,
// threads overlap the downloads but not the blurring, the semaphore never lets more than four photos
// be in progress, and the profile tells the downloads (waiting) from the blurring (computing). The
// lesson's figures come from its virtual-clock model, checked here by their order.
import type { Locator, Page } from "@playwright/test";
import { test, expect, playground, runPlayground, consoleLines } from "./support.ts";

const PAGE = "/lessons/real-world-images/";

async function run(page: Page, id: string, clock = "real"): Promise<Locator> {
  const pg = playground(page, id);
  await pg.scrollIntoViewIfNeeded();
  expect(await runPlayground(pg), id).toBe("done");
  await expect(pg).toHaveAttribute("data-clock", clock);
  return pg;
}

/** The [from, to] of every bar in the diagram on lanes of `kind` in `state` whose label matches `label`. */
async function spans(pg: Locator, kind: string, state: string, label: RegExp): Promise<[number, number][]> {
  const found: [number, number][] = [];
  for (const bar of await pg.locator(`[data-timing-diagram] [data-lane-kind="${kind}"] [data-state="${state}"]`).all()) {
    if (!label.test((await bar.getAttribute("data-label")) ?? "")) continue;
    found.push([Number(await bar.getAttribute("data-from")), Number(await bar.getAttribute("data-to"))]);
  }
  return found;
}

/** The most spans under way at one moment (an end and a start at the same instant do not overlap). */
function mostAtOnce(list: [number, number][]): number {
  const marks = list.flatMap(([from, to]) => [[from, 1] as const, [to, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let [now, most] = [0, 0];
  for (const [, delta] of marks) most = Math.max(most, (now += delta));
  return most;
}

const processed = async (pg: Locator) => (await consoleLines(pg)).find((l) => l.startsWith("Processed"));

// What was measured on the real clock is not compared (the machine may be busy): the structure of
// each run is, from its diagram, and the lesson's timings come from its virtual-clock model.
test("the async client with a process pool overlaps the downloads and the blurring, and blurs the same", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const sync = await run(page, "images-sync");
  const async2 = await run(page, "images-async-processes");
  // The baseline downloads one photo after the other, blocking the only thread.
  const syncDownloads = await spans(sync, "thread", "blocked", /^httpGet\(/);
  expect(syncDownloads).toHaveLength(8);
  expect(mostAtOnce(syncDownloads)).toBe(1);
  // Async 2: the eight tasks wait for their downloads at the same time, and processes blur in parallel.
  const downloads = await spans(async2, "task", "waiting", /^httpGetAsync\(/);
  expect(downloads).toHaveLength(8);
  expect(mostAtOnce(downloads)).toBe(8);
  expect(mostAtOnce(await spans(async2, "worker", "running", /^blur\(/))).toBeGreaterThanOrEqual(2);
  expect(await processed(async2)).toBe(await processed(sync));
});

test("threads for the downloads: async 1 overlaps the downloads, not the blurring", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const async1 = await run(page, "images-threads");
  // The blocking client now runs in threads: their downloads overlap.
  const downloads = await spans(async1, "worker", "blocked", /^httpGet\(/);
  expect(downloads).toHaveLength(8);
  expect(mostAtOnce(downloads)).toBeGreaterThanOrEqual(2);
  // The blurring still runs on the loop's thread: no thread or process lane blurs.
  expect(await spans(async1, "worker", "running", /^blur\(/)).toEqual([]);
});

test("on the virtual-clock model, threads cut the download time and processes the processing time too", async ({ page }) => {
  await page.goto(PAGE);
  const model = await run(page, "images-virtual", "virtual");
  const lines = await consoleLines(model);
  const figure = (name: string, what: string) => Number(new RegExp(`${what} ([\\d.]+) s`).exec(lines.find((l) => l.startsWith(name)) ?? "")?.[1]);
  const [sync, async1, async2] = ["Sync:", "Async 1:", "Async 2:"];
  expect(figure(async1, "download")).toBeLessThan(figure(sync, "download"));
  expect(figure(async1, "processing")).toBe(figure(sync, "processing"));
  expect(figure(async2, "processing")).toBeLessThan(figure(sync, "processing"));
});

/** One profile row's seconds in each state (the row's data-* attributes). */
async function profileRow(pg: Locator, fn: string): Promise<Record<"ready" | "waiting" | "computing" | "blocked", number>> {
  const row = pg.locator(`[data-profile] [data-profile-row="${fn}"]`);
  await expect(row).toBeVisible();
  const read = async (state: string) => Number(await row.getAttribute(`data-${state}`));
  return { ready: await read("ready"), waiting: await read("waiting"), computing: await read("computing"), blocked: await read("blocked") };
}

// Which states each function spends time in, never how long: on a busy machine every measured
// length grows ("ready" most: the loop's worker waits for a CPU).
test("the profile: downloads wait and never block, blurring computes and never waits; the baseline's downloads block", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const async2 = await run(page, "images-async-processes");
  const download = await profileRow(async2, "download");
  expect(download.blocked).toBe(0);
  expect(download.waiting).toBeGreaterThan(0);
  const blur = await profileRow(async2, "blur");
  expect(blur.blocked).toBe(0);
  expect(blur.waiting).toBe(0);
  expect(blur.computing).toBeGreaterThan(0);
  const sync = playground(page, "images-sync");
  const httpGet = await profileRow(sync, "httpGet");
  expect(httpGet.blocked).toBeGreaterThan(0);
  expect(httpGet.waiting).toBe(0);
  const main = await profileRow(sync, "main program");
  expect(main.computing).toBeGreaterThan(0);
  expect([main.waiting, main.blocked]).toEqual([0, 0]);
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
