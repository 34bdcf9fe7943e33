// Shared e2e helpers: a guard against console errors and requests that leave the site, and the
// playground's controls. Which pages hold playgrounds: tests/support/built-site.ts.
import { test as base, expect, type Page, type Locator } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { outputMatches } from "../../src/components/playground/expectation.ts";

/** `test` whose every page fails on a console error or a request that leaves the site (its origin and base path). */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      // The site is what lies under its base path (a sub-path on some hosts, where the rest of the
      // origin is someone else's); blob: URLs carry the origin only.
      const site = new URL(baseURL!);
      const inSite = (url: string) => url.startsWith(`${site.origin}${site.pathname}`) || url.startsWith("data:") || url.startsWith(`blob:${site.origin}/`);
      page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("request", (r) => {
        const url = r.url();
        if (!inSite(url)) problems.push(`${url.startsWith(site.origin) ? "request outside the site's base path" : "request to another host"}: ${url}`);
      });
      await use();
      expect(problems, "console errors and foreign requests").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** axe-core on the page, run in the page itself (axe.run): the site's pages have no frames, so the
 *  default (runPartial per frame, then finishRun in a blank page fed every node's partial result)
 *  only costs time: 26.6 → 8.8 s on the reference page, same findings. */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true);
}

/** The page answers a script within `seconds` (a frozen page fails here, not later). */
export async function expectAnswering(page: Page, seconds: number): Promise<void> {
  const answer = await Promise.race([page.evaluate(() => 1 + 1), new Promise((resolve) => setTimeout(() => resolve(`no answer in ${seconds} s`), seconds * 1000))]);
  expect(answer).toBe(2);
}

/** Holds back the playground island's script until the returned function is called: the page is
 *  read (and clicked) as the server made it, before any playground hydrates. */
export async function holdIslandScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/PlaygroundIsland\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The playground root with this id. */
export function playground(page: Page, id: string): Locator {
  return page.locator(`[data-playground="${id}"]`);
}

/** What a playground declares: printed lines, warnings (when declared), end time, and its clock. */
export interface Declared {
  stdout: string[];
  stderr?: string[];
  end: string;
  real: boolean;
}

/** What the lesson declares: printed lines, warnings and end time (none on the real clock), from the playground's data attributes. */
export async function expectationOf(pg: Locator): Promise<Declared> {
  const stderr = await pg.getAttribute("data-expected-stderr");
  return {
    stdout: JSON.parse((await pg.getAttribute("data-expected-stdout")) ?? "[]"),
    stderr: stderr === null ? undefined : JSON.parse(stderr),
    end: (await pg.getAttribute("data-expected-end")) ?? "",
    real: (await pg.getAttribute("data-clock")) === "real",
  };
}

/** Check the console against the declared lines ("…" matches any text), and the declared warnings, and, on the virtual clock, the end time. */
export async function expectDeclared(pg: Locator, expected: Declared, what: string): Promise<void> {
  const printed = await consoleLines(pg);
  expect(outputMatches(expected.stdout, printed), `${what}: printed\n${printed.join("\n")}\ndeclared\n${expected.stdout.join("\n")}`).toBe(true);
  if (expected.stderr) {
    const warnings = await pg.locator("[data-console-stderr]").allTextContents();
    expect(outputMatches(expected.stderr, warnings), `${what}: warnings\n${warnings.join("\n")}\ndeclared\n${expected.stderr.join("\n")}`).toBe(true);
  }
  if (!expected.real) await expect(pg, what).toHaveAttribute("data-virtual-end", expected.end);
}

/** The console's printed lines, exactly as printed (of the playground's own run, when two are drawn). */
export async function consoleLines(pg: Locator): Promise<string[]> {
  const own = pg.locator('[data-run-side="primary"]');
  return ((await own.count()) ? own : pg).locator("[data-console-line]").allTextContents();
}

/** A playground that also runs under the other model (compare="…"): that run matches its own declaration. */
export async function expectCompareDeclared(pg: Locator, what: string): Promise<void> {
  const side = pg.locator('[data-run-side="compare"]');
  if (!(await side.count())) return;
  const declared: string[] = JSON.parse((await side.getAttribute("data-expected-stdout")) ?? "[]");
  const printed = await side.locator("[data-console-line]").allTextContents();
  expect(outputMatches(declared, printed), `${what} (compared run): printed\n${printed.join("\n")}\ndeclared\n${declared.join("\n")}`).toBe(true);
  await expect(side, `${what} (compared run)`).toHaveAttribute("data-virtual-end", (await side.getAttribute("data-expected-end")) ?? "");
}

/** Wait until the playground has hydrated (its Run is enabled then): before that its buttons and
 *  tabs are the page's static markup, and a click on them does nothing. A busy machine hydrates late. */
export async function hydrated(pg: Locator): Promise<void> {
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.getByRole("button", { name: "Run", exact: true })).toBeEnabled({ timeout: 60_000 });
}

/** Press Run and wait for the run to finish; returns the final status. */
export async function runPlayground(pg: Locator): Promise<string> {
  await hydrated(pg);
  const run = pg.getByRole("button", { name: "Run", exact: true });
  await run.click();
  await expect(pg).toHaveAttribute("data-status", /^(done|error)$/, { timeout: 60_000 });
  return (await pg.getAttribute("data-status")) ?? "";
}

/** The editor's lines (those CodeMirror has drawn): each one's code, without the stepper's marks
 *  after it ("Task-2 runs", its symbol drawn by CSS), and whether it is the stepper's running line. */
export function editorLines(pg: Locator): Promise<{ code: string; running: boolean }[]> {
  return pg.locator(".cm-content").evaluate((content) =>
    [...content.querySelectorAll(":scope > .cm-line")].map((line) => {
      const code = line.cloneNode(true) as Element;
      code.querySelectorAll("[aria-hidden=true]").forEach((mark) => mark.remove());
      return { code: code.textContent ?? "", running: line.hasAttribute("data-current-line") };
    }),
  );
}

/** Replace the editor's text (the Sandpack/CodeMirror editor must be loaded). */
export async function typeCode(page: Page, pg: Locator, code: string): Promise<void> {
  const editor = pg.locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** The lesson's program as the page ships it: the served HTML of `path`, fetched and parsed in `page`
 *  (no script of the site runs on it, and no second page load is needed). */
export async function lessonCode(page: Page, path: string, id: string): Promise<string> {
  return page.evaluate(
    async ({ path, id }) => {
      const html = await (await fetch(path)).text();
      const served = new DOMParser().parseFromString(html, "text/html");
      return served.querySelector(`[data-playground="${id}"] pre[aria-label="TypeScript program"]`)?.textContent ?? "";
    },
    { path, id },
  );
}

/** The exercise root with this id (also a playground root: the playground helpers work on it). */
export function exercise(page: Page, id: string): Locator {
  return page.locator(`[data-exercise="${id}"]`);
}
