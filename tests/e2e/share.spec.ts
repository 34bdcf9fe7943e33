// Reach (issue 16): a link carries the reader's code to a fresh browser, a malformed one falls back
// with a notice, a playground's embed page works inside an iframe on another site's page, a pinned run
// is drawn beside the next one with the difference in end time, and the diagram and the run can be
// taken away (an SVG file, the trace as JSON, a mermaid gantt chart).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test as plain } from "@playwright/test";
import { test, expect, playground, typeCode, consoleLines, lessonCode } from "./support.ts";

const PAGE = "/lessons/example-3-create-task/";
const ID = "create-task";
const EDITED = `import { run, createTask, sleep, print } from "asyncio";

async function nap(name: string, seconds: number) {
  await sleep(seconds);
  print(name, "woke up");
}

async function main() {
  const a = createTask(nap("a", 1));
  const b = createTask(nap("b", 0.5));
  await a;
  await b;
}

await run(main());
`;

async function runIt(pg: ReturnType<typeof playground>) {
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "done", { timeout: 60_000 });
}

test("a share link opens the same code in a fresh browser, runs it, and offers the lesson's code back", async ({ page, browser, baseURL }) => {
  test.slow();
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await pg.scrollIntoViewIfNeeded();
  await typeCode(page, pg, EDITED);
  await pg.getByRole("button", { name: "Share" }).click();
  const url = await pg.locator("[data-share-url]").getAttribute("data-share-url");
  expect(url).toMatch(new RegExp(`^${baseURL}lessons/example-3-create-task/\\?pg=create-task&code=[A-Za-z0-9_-]+#playground-create-task$`));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url!);
  const linked = playground(other, ID);
  await expect(linked.locator("[data-link-notice]")).toContainText("Code from a link");
  await expect(linked).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  expect(await consoleLines(linked)).toEqual(["b woke up", "a woke up"]);
  await expect(linked).toHaveAttribute("data-virtual-end", "1.000");
  await linked.getByRole("button", { name: "Back to the lesson's code" }).click();
  await expect(linked).toHaveAttribute("data-virtual-end", "2.000");
  expect(other.url()).not.toContain("code=");
  await fresh.close();
});

test("a malformed or cut link says so and shows the lesson's code", async ({ page }) => {
  await page.goto(`${PAGE}?pg=${ID}&code=not*valid#playground-${ID}`);
  const pg = playground(page, ID);
  await expect(pg.locator("[data-link-notice]")).toContainText("could not be read");
  await expect(pg).toHaveAttribute("data-virtual-end", "2.000");
  await page.goto(`${PAGE}?pg=${ID}&code=q1ZKzs8rzs9JVbJSys0sKEktUqoFAA#playground-${ID}`.replace("q1Z", "q1"));
  await expect(playground(page, ID).locator("[data-link-notice]")).toContainText("could not be read");
});

plain("the embed page works in an iframe on another site's page", async ({ browser, baseURL }) => {
  plain.slow();
  const context = await browser.newContext();
  const page = await context.newPage();
  // A course's page on another origin, with nothing but the snippet the Embed button gives.
  const host = await context.newPage();
  await host.goto(`${baseURL}lessons/example-3-create-task/`);
  const source = playground(host, ID);
  await source.getByRole("button", { name: "Embed" }).click();
  const snippet = await source.locator("[data-embed-snippet]").inputValue();
  expect(snippet).toContain(`${baseURL}embed/example-3-create-task/create-task/`);
  // Served by a plain server of its own on another port (another origin), as a course's site would.
  const course = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(`<!doctype html><title>A course</title><h1>A course</h1>${snippet}`));
  await new Promise<void>((resolve) => course.listen(0, "127.0.0.1", resolve));
  await page.goto(`http://127.0.0.1:${(course.address() as AddressInfo).port}/lesson.html`);
  const frame = page.frameLocator("iframe");
  const pg = frame.locator(`[data-playground="${ID}"]`);
  await expect(pg).toHaveAttribute("data-virtual-end", "2.000");
  await expect(frame.getByRole("link", { name: /From “.*” on Async, Animated/ })).toHaveAttribute("href", /lessons\/example-3-create-task\/$/);
  await pg.getByRole("button", { name: "Run", exact: true }).click();
  await expect(pg).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  const declared = JSON.parse((await pg.getAttribute("data-expected-stdout")) ?? "[]");
  expect(await pg.locator("[data-console-line]").allTextContents()).toEqual(declared);
  await context.close();
  course.close();
});

test("pin a run, edit, run again: both runs on one axis, and the difference spelled out", async ({ page }) => {
  test.slow();
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.locator(".cm-content")).toBeVisible();
  await pg.getByRole("button", { name: "Pin this run" }).click();
  await expect(pg).toHaveAttribute("data-pinned-end", "2.000");
  await typeCode(page, pg, EDITED);
  await runIt(pg);
  await expect(pg.locator("[data-run-side]")).toHaveCount(2);
  await expect(pg.locator("[data-run-side] [data-timing-diagram]")).toHaveCount(2);
  await expect(pg.locator("[data-pinned-diff]")).toHaveText("Pinned run and this run: 2.000 s → 1.000 s, 1.000 s faster.");
  // The stepper walks either run, each with the code it came from.
  const stepperCode = pg.locator("[data-stepper] .pg-step-code .pg-line-text");
  const linesOf = (code: string) => code.replace(/\n$/, "").split("\n").map((line) => line || " ");
  await expect(stepperCode).toHaveText(linesOf(EDITED));
  await pg.locator('[data-pick-run="pinned"]').click();
  await expect(pg.locator("[data-stepper]")).toBeVisible();
  await expect(stepperCode).toHaveText(linesOf(await lessonCode(page, PAGE, ID)));
  await pg.getByRole("button", { name: "Unpin" }).click();
  await expect(pg.locator("[data-run-side]")).toHaveCount(0);
  await expect(pg).not.toHaveAttribute("data-pinned-end", /./);
});

test("export: the diagram as an SVG file, the trace as JSON, the run as a mermaid gantt chart", async ({ page }) => {
  await page.goto(PAGE);
  const pg = playground(page, ID);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.getByRole("button", { name: "Download diagram (SVG)" })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent("download"), pg.getByRole("button", { name: "Download diagram (SVG)" }).click()]);
  expect(download.suggestedFilename()).toBe("create-task.svg");
  const svg = readFileSync(await download.path(), "utf8");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return { error: doc.querySelector("parsererror")?.textContent ?? null, root: doc.documentElement.nodeName, lanes: doc.querySelectorAll("[data-lane]").length, legend: [...doc.querySelectorAll("[data-legend] text")].map((t) => t.textContent) };
  }, svg);
  expect(parsed).toMatchObject({ error: null, root: "svg", legend: ["running", "ready, in the queue", "waiting", "blocked"] });
  expect(parsed.lanes).toBeGreaterThanOrEqual(3);

  await pg.getByRole("button", { name: "Copy trace (JSON)" }).click();
  const trace = JSON.parse(await pg.locator('[data-export="Trace (JSON)"]').inputValue());
  expect(trace).toMatchObject({ version: 1, virtualEnd: 2 });
  expect(trace.events.at(-1).kind).toBe("program-end");

  await pg.getByRole("button", { name: "Copy as mermaid gantt" }).click();
  const gantt = await pg.locator('[data-export="Mermaid gantt chart"]').inputValue();
  expect(gantt).toMatch(/^gantt\n/);
  expect(gantt).toContain("section Task-2 (fetchData())");
});
