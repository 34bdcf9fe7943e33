// The site built under a sub-path (/async-animated/, as a GitHub Pages project site is served), in
// Chromium: what the discovery specs do not reach. The home page's link, search (Pagefind's index and
// results), a mermaid diagram and console.log's formatter (lazily loaded chunks) all work under the
// base path. Runs in the "subpath" project only (npm test); its URLs are relative, so they resolve
// under the base.
import { test, expect, hydrated, playground, typeCode } from "./support.ts";
import { SUBPATH_SITE, siteTag } from "../support/built-site.ts";

const tag = siteTag(SUBPATH_SITE);
const base = SUBPATH_SITE.base;

test("the home page's 'Start with chapter 1' and the sidebar lead to lessons under the base path", tag, async ({ page }) => {
  await page.goto("./");
  await page.getByRole("link", { name: "Start with chapter 1" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}lessons/why-async/$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Why async");
  const sidebar = await page.locator("nav[aria-label='Main'] a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(sidebar.length).toBeGreaterThan(10);
  expect(sidebar.filter((href) => !href.startsWith(base))).toEqual([]);
});

test("a lesson's root-absolute link (written /lessons/…) leads to the lesson under the base path", tag, async ({ page }) => {
  await page.goto("lessons/why-async/");
  const link = page.locator(".sl-markdown-content a[href*='/lessons/terms/']").first();
  await expect(link).toHaveAttribute("href", new RegExp(`^${base}lessons/terms/`));
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Terms");
});

test("search finds a lesson and links it under the base path", tag, async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Search" }).first().click();
  await page.locator("dialog input[type='search'], .pagefind-ui__search-input").first().fill("createTask");
  const result = page.locator(".pagefind-ui__result-link").first();
  await expect(result).toHaveAttribute("href", new RegExp(`^${base}lessons/`));
});

test("a concept diagram is drawn with mermaid, its chunks loaded from under the base path", tag, async ({ page }) => {
  await page.goto("lessons/terms/");
  const figure = page.locator('figure[data-diagram][data-title="One turn of the event loop"]');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator(".diagram-svg svg")).toBeVisible();
});

test("console.log's formatter, loaded by the runner for a program that names console, comes from under the base path", tag, async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto("lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await hydrated(pg);
  await typeCode(page, pg, `console.log(new Map([["a", 1]]), [NaN]);\n`);
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(pg.locator("[data-console-line]")).toHaveText(["Map(1) { 'a' => 1 } [ NaN ]"]);
  const formatter = requests.filter((path) => path.includes("node-inspect-extracted"));
  expect(formatter.length).toBeGreaterThan(0);
  expect(formatter.filter((path) => !path.startsWith(base))).toEqual([]);
});
