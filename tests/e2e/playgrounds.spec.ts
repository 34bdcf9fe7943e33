// Every playground on every page, discovered from the built site: the pre-rendered output equals
// the lesson's declared expectation (also with JavaScript off), a live run gives the same; on each
// page's first playground, an edit changes the output and survives a reload, Reset restores the
// lesson, and compile errors are shown. Run against each build under test: at the root, and under a
// sub-path (npm test), where each test carries its build's tag and runs in that build's project.
import type { Page } from "@playwright/test";
import { test, expect, playground, expectationOf, expectDeclared, expectCompareDeclared, runPlayground, typeCode, lessonCode } from "./support.ts";
import { discoverPlaygroundsWithoutExercises, siteTag, sitesUnderTest } from "../support/built-site.ts";

// The tests are independent (each has its own page and storage): spread them over the workers.
test.describe.configure({ mode: "parallel" });
// Appended to any program: one more line and 1.5 s more, whatever the program does.
const EDIT = `\nimport { blockingSleep as extraSleep, print as extraPrint } from "asyncio";\nextraSleep(1.5);\nextraPrint("edited");\n`;

for (const site of sitesUnderTest()) {
  // Exercises are playgrounds too, but they declare a goal their starting code misses on purpose, not
  // their own output: exercises.spec.ts checks them against their goals.
  const pages = discoverPlaygroundsWithoutExercises(site);
  const tag = siteTag(site);

  test(`the ${site.name} build has playgrounds to check`, tag, () => {
    expect(pages.length).toBeGreaterThanOrEqual(7);
  });

  for (const [index, { path, ids }] of pages.entries()) {
    test.describe(path, tag, () => {
      // The pre-rendered output is the same HTML under any base path: under the sub-path, the first
      // page shows that it is styled and drawn there too (links.spec.ts checks every asset's URL).
      if (site.name === "root" || index === 0)
        test("pre-rendered output matches the declared expectation, with JavaScript disabled; at 1280 px the diagram fits its box", async ({ browser }) => {
          const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
          const page = await context.newPage();
          await page.goto(path);
          for (const id of ids) {
            const pg = playground(page, id);
            const expected = await expectationOf(pg);
            expect(expected.stdout.length, `${id} declares its output`).toBeGreaterThan(0);
            await expectDeclared(pg, expected, id);
            await expectCompareDeclared(pg, id);
            await expect(pg.locator("[data-timing-diagram] [data-lane]").first()).toBeVisible();
            // The run's end is in sight without scrolling sideways (the build lays a diagram out at its narrowest).
            const overflows = await pg.locator("[data-timing-diagram] :is(.pg-timing-wide, .pg-timing-scroll)").evaluateAll((boxes) => boxes.map((box) => box.scrollWidth - box.clientWidth));
            expect(overflows.length, `${id} has a diagram`).toBeGreaterThan(0);
            expect(Math.max(...overflows), `${id}: a diagram overflows its box by`).toBeLessThanOrEqual(0);
            await expect(pg.locator("pre").first()).toContainText("asyncio");
          }
          await context.close();
        });

      // Every playground's live run, in one page load, of its program as the build compiled it (the
      // page's esbuild-wasm compiles every lesson to the same program: tests/unit/compiled-at-build.test.ts).
      // Under the sub-path, the playgrounds whose runs load something by URL: the page's first (the
      // compiler and the runner), and its first that starts job workers and first that downloads.
      const which = site.name === "root" ? "every playground's live run gives its" : "the live runs that load files by URL give their";
      test(`${which} declared output and end time`, async ({ page }) => {
        await page.goto(path);
        for (const id of site.name === "root" ? ids : await loadingByURL(page, path, ids)) {
          const pg = playground(page, id);
          const expected = await expectationOf(pg);
          expect(await runPlayground(pg), id).toBe("done");
          await expectDeclared(pg, expected, id);
          await expectCompareDeclared(pg, id);
        }
      });

      // What follows is the same machinery on every build (no URL involved): checked on the root
      // build only, which keeps the sub-path build's run short.
      if (site.name !== "root") return;

      // Editing, reloading, resetting and compile errors are the same machinery for every playground:
      // checked on the page's first virtual-clock one (its runs take no real time), in one page load (a
      // full cycle per playground took most of the suite's time).
      test("the first virtual-clock playground: edit, reload, reset, and a compile error shown with its line and column", async ({ page }) => {
        await page.goto(path);
        const clocks = await Promise.all(ids.map((id) => playground(page, id).getAttribute("data-clock")));
        const id = ids[Math.max(0, clocks.indexOf("virtual"))];
        const original = await lessonCode(page, path, id);
        const pg = playground(page, id);
        const expected = await expectationOf(pg);
        await pg.scrollIntoViewIfNeeded();

        await typeCode(page, pg, original + EDIT);
        expect(await runPlayground(pg)).toBe("done");
        const edited = { ...expected, stdout: [...expected.stdout, "edited"], end: (Number(expected.end) + 1.5).toFixed(3) };
        await expectDeclared(pg, edited, `${id} edited`);

        // The edit survives a reload: the output is marked stale until the edited code runs again.
        await page.reload();
        const reloaded = playground(page, id);
        await reloaded.scrollIntoViewIfNeeded();
        await expect(reloaded.locator("[data-stale]")).toBeVisible();
        expect(await runPlayground(reloaded)).toBe("done");
        await expectDeclared(reloaded, edited, `${id} edited, after a reload`);
        // Then the note says the output is of the reader's edits, until Reset.
        await expect(reloaded.locator("[data-yours]")).toBeVisible();

        // Reset brings back the lesson's code and output.
        await reloaded.getByRole("button", { name: "Reset" }).click();
        await expectDeclared(reloaded, expected, `${id} reset`);
        expect(await runPlayground(reloaded)).toBe("done");
        await expectDeclared(reloaded, expected, `${id} reset, run again`);
        await expect(reloaded.locator("[data-stale], [data-yours]")).toHaveCount(0);

        // A compile error is shown with its line and column, not thrown.
        await typeCode(page, reloaded, 'import { print } from "asyncio";\nconst x = ;\nprint(x);\n');
        expect(await runPlayground(reloaded)).toBe("error");
        await expect(reloaded.locator("[data-compile-problem]").first()).toContainText("Line 2, column 11");
      });
    });
  }
}

/** Of a page's playgrounds, as the build ran them: the first, the first whose run starts job workers
 *  (its diagram has a worker's lane), and the first whose program downloads (httpGet: the site's files). */
async function loadingByURL(page: Page, path: string, ids: string[]): Promise<string[]> {
  const uses = await Promise.all(
    ids.map(async (id) => ({
      workers: (await playground(page, id).locator('[data-lane-kind="worker"]').count()) > 0,
      downloads: /\bhttpGet/.test(await lessonCode(page, path, id)),
    })),
  );
  const first = (use: "workers" | "downloads") => ids.filter((_, i) => uses[i][use]).slice(0, 1);
  return [...new Set([ids[0], ...first("workers"), ...first("downloads")])];
}
