// Site-level behaviour: lesson order in the sidebar, offline search, the examples' diagrams, every page within a phone's width.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { test, expect, expectAnswering, playground } from "./support.ts";
import { LESSONS_DIR, mdxFiles } from "../support/lesson-sources.ts";
import { ROOT_SITE, builtPages, isEmbedPage } from "../support/built-site.ts";

// The lessons in the order their frontmatter gives (sidebar.order), read from the sources.
function lessonOrder(): string[] {
  return mdxFiles(LESSONS_DIR)
    .map((path) => ({ slug: basename(path, ".mdx"), order: Number(/\n\s+order:\s*(\d+)/.exec(readFileSync(path, "utf8"))?.[1]) }))
    .sort((a, b) => a.order - b.order)
    .map((l) => l.slug);
}

test("the sidebar lists the lessons in lesson order", async ({ page }) => {
  const order = lessonOrder();
  expect(order.slice(0, 3)).toEqual(["why-async", "terms", "example-1-synchronous"]);
  await page.goto("/lessons/why-async/");
  const hrefs = await page.locator("nav[aria-label='Main'] a[href^='/lessons/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(order.map((slug) => `/lessons/${slug}/`));
});

test("search works offline and finds a lesson", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).first().click();
  await page.locator("dialog input[type='search'], .pagefind-ui__search-input").first().fill("createTask");
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible();
  await expect(page.locator(".pagefind-ui__result-link").first()).toHaveAttribute("href", /\/lessons\//);
});

test("example 3: two fetch lanes overlap from 0 and the run ends at 2.000 s", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await expect(pg).toHaveAttribute("data-virtual-end", "2.000");
  for (const lane of ["Task-2", "Task-3"]) {
    const waiting = pg.locator(`[data-lane="${lane}"] [data-state="waiting"]`).first();
    await expect(waiting).toHaveAttribute("data-from", "0.000");
  }
  await expect(pg.locator('[data-lane="Task-2"] [data-state="waiting"]').first()).toHaveAttribute("data-to", "1.000");
  await expect(pg.locator('[data-lane="Task-3"] [data-state="waiting"]').first()).toHaveAttribute("data-to", "2.000");
});

test("example 5: the loop is drawn blocked, and task 2 starts only after task 1 is done", async ({ page }) => {
  await page.goto("/lessons/example-5-blocking-the-loop/");
  const pg = playground(page, "blocking-the-loop");
  await expect(pg).toHaveAttribute("data-virtual-end", "3.000");
  const blocked = pg.locator('[data-lane="Event loop"] [data-state="blocked"]');
  await expect(blocked).toHaveCount(2);
  const lines = await pg.locator("[data-console-line]").allTextContents();
  expect(lines.indexOf("Do something with 2...")).toBeGreaterThan(lines.indexOf("Done with 1"));
});

test("a program that never yields is stopped and the page stays responsive", async ({ page }) => {
  test.slow();
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pg.scrollIntoViewIfNeeded();
  await pg.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText('import { print } from "asyncio";\nprint("before");\nwhile (true) {}\n');
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  // The page keeps answering while the worker spins.
  await expectAnswering(page, 10);
  await expect(pg).toHaveAttribute("data-status", "error", { timeout: 30_000 });
  await expect(pg.locator("[data-console-stderr]").last()).toContainText("real time");
  await pg.getByRole("button", { name: "Reset" }).click();
});

test("a gather of 160 downloads: compact lanes in a box that scrolls, the time axis in sight, the stepper's lane scrolled to", async ({ page }) => {
  await page.goto("/lessons/gather-return-exceptions/");
  const pg = playground(page, "downloader");
  await pg.scrollIntoViewIfNeeded();
  const box = pg.locator(".pg-timing-scroll");
  await expect(box.locator('[data-lane-kind="task"]')).toHaveCount(161);
  const { scrollHeight, clientHeight } = await box.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(clientHeight).toBeLessThan(600);
  expect(scrollHeight).toBeGreaterThan(2 * clientHeight);
  // The axis is held at the box's bottom edge while the lanes scroll under it. Both boxes are
  // measured at one moment (the page above may still grow as the editor loads).
  const inBox = (selector: string) =>
    box.evaluate((el, selector) => {
      const target = el.querySelector(selector);
      if (!target) return false;
      const [b, t] = [el.getBoundingClientRect(), target.getBoundingClientRect()];
      return t.top >= b.top - 1 && t.bottom <= b.bottom + 1;
    }, selector);
  const axis = ".pg-timing-axis";
  expect(await inBox(axis)).toBe(true);
  await box.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  expect(await inBox(axis)).toBe(true);
  // Stepping on through the downloads' first steps (one lane after another) keeps the stepper's lane
  // in the box: it scrolls down with it.
  await box.evaluate((el) => (el.scrollTop = 0));
  const slider = box.locator("[data-diagram-focus]");
  await slider.focus();
  const ring = "[data-cursor] circle";
  for (let jumps = 0; jumps < 60 && (await box.evaluate((el) => el.scrollTop)) === 0; jumps++) {
    await page.keyboard.press("PageDown");
    // The box scrolls in the coming frame, not at once (TimingDiagram's scrollInFrame).
    if (await box.locator(ring).count()) await expect.poll(() => inBox(ring), `after ${jumps + 1} jumps of 10 steps: the stepper's lane is in sight`).toBe(true);
  }
  expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expect.poll(() => inBox(ring)).toBe(true);
});

test("a diagram of many lanes off screen is not laid out until the reader comes near, then drawn whole", async ({ page }) => {
  await page.goto("/lessons/gather-return-exceptions/");
  // The lesson's second 161-lane diagram, far below the first screen at load.
  const box = playground(page, "downloader-default").locator(".pg-timing-scroll");
  const rendered = () => box.evaluate((el) => el.querySelector("svg")!.checkVisibility({ contentVisibilityAuto: true }));
  await expect.poll(rendered).toBe(false);
  await box.scrollIntoViewIfNeeded();
  await expect.poll(rendered).toBe(true);
  await expect(box.locator('[data-lane-kind="task"]')).toHaveCount(161);
  expect((await box.boundingBox())!.height).toBeGreaterThan(300);
});

test("disabled controls are dimmed by their colours, not by opacity (which gives each a paint layer of its own)", async ({ page }) => {
  await page.goto("/lessons/example-4-await-order/");
  const stepper = playground(page, "await-order").locator("[data-stepper]");
  await stepper.scrollIntoViewIfNeeded();
  const [back, forward] = [stepper.getByRole("button", { name: "Back" }), stepper.getByRole("button", { name: "Forward" })];
  await expect(forward).toBeEnabled();
  await expect(back).toHaveAttribute("aria-disabled", "true");
  const look = (button: typeof back) => button.evaluate((el) => ({ opacity: getComputedStyle(el).opacity, color: getComputedStyle(el).color }));
  const [dimmed, plain] = [await look(back), await look(forward)];
  expect(dimmed.opacity).toBe("1");
  expect(dimmed.color).not.toBe(plain.color);
  // Every dimmed control of the page, hydrated or not.
  const withOpacity = await page.evaluate(() => [...document.querySelectorAll(".pg button:disabled, .pg button[aria-disabled=true], .pg select:disabled")].filter((el) => getComputedStyle(el).opacity !== "1").length);
  expect(withOpacity).toBe(0);
});

// A phone's screen holds every page's width: prose wraps (an aside's title too, code and all), and
// only what scrolls in a box of its own (code, tables, diagrams) is wider. The prose is the same with
// scripts or without: read without them, a page is laid out at once.
test("no page scrolls sideways on a phone's screen (320 and 390 px)", async ({ browser }) => {
  test.slow();
  const pages = builtPages(ROOT_SITE).filter((page) => !isEmbedPage(page, ROOT_SITE));
  expect(pages.length).toBeGreaterThan(20);
  const wider: string[] = [];
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const { path } of pages) {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(path);
    // Each page loaded once, then laid out at each width.
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const by = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (by > 0) wider.push(`${path} at ${width} px: ${by} px wider`);
    }
  }
  await context.close();
  expect(wider).toEqual([]);
});
