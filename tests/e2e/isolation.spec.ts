// Real-clock playgrounds measure real time; on a host that cannot send the COOP/COEP headers (GitHub
// Pages) the page is not cross-origin isolated, worker threads spin instead of sleeping, and the
// playground says its timings can mislead. Virtual-clock playgrounds lose nothing: no note there.
import type { Page } from "@playwright/test";
import { test, expect, playground } from "./support.ts";

const PAGE = "/lessons/real-world-images/";

/** Serve the lesson's page as a host without the isolation headers would. */
async function withoutIsolationHeaders(page: Page): Promise<void> {
  await page.route(`**${PAGE}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["cross-origin-opener-policy"];
    delete headers["cross-origin-embedder-policy"];
    await route.fulfill({ response, headers });
  });
}

/** The playground with this id, scrolled to and hydrated (its Run button works). */
async function hydrated(page: Page, id: string) {
  const pg = playground(page, id);
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  return pg;
}

test("without cross-origin isolation, a real-clock playground says its timings can mislead; a virtual one does not", async ({ page }) => {
  await withoutIsolationHeaders(page);
  await page.goto(PAGE);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  const real = await hydrated(page, "images-sync");
  await expect(real).toHaveAttribute("data-clock", "real");
  await expect(real.locator("[data-isolation-note]")).toContainText("Timings here can mislead");
  await expect(real.locator("[data-isolation-note]")).toContainText("spins a CPU core");
  const virtual = await hydrated(page, "images-virtual");
  await expect(virtual).toHaveAttribute("data-clock", "virtual");
  await expect(virtual.locator("[data-isolation-note]")).toHaveCount(0);
});

test("with the headers (as npm start sends them), no note", async ({ page }) => {
  await page.goto(PAGE);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const real = await hydrated(page, "images-sync");
  await expect(real.locator("[data-isolation-note]")).toHaveCount(0);
});
