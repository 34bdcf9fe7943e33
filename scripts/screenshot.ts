// Take a screenshot of a page of the running site in Debian's Chromium:
//   node scripts/screenshot.ts /path out.png [--run] [--nojs] [--dark] [--nth N] [--select CSS]
// --nth picks the page's Nth playground (0-based); --select shoots one element inside it. The site is
// at http://localhost:4321/; PORT and BASE_PATH (as the site was built) point elsewhere; /path is
// the page's path under the base (/lessons/terms/).
import { chromium } from "@playwright/test";
import { normalizeBase } from "../src/integrations/deployment.mjs";
const origin = `http://localhost:${process.env.PORT || 4321}`;
const base = normalizeBase(process.env.BASE_PATH);
const [path = "/", out = "/tmp/shot.png", ...flags] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const context = await browser.newContext({ javaScriptEnabled: !flags.includes("--nojs"), viewport: { width: 1280, height: 900 }, colorScheme: flags.includes("--dark") ? "dark" : "light" });
const page = await context.newPage();
page.on("console", (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on("request", (r) => { if (!r.url().startsWith(`${origin}${base}`) && !r.url().startsWith(`blob:${origin}/`)) console.log("[request outside the site]", r.url()); });
await page.goto(`${origin}${base}${path.replace(/^\//, "")}`);
const option = (name: string) => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined);
const pg = page.locator("[data-playground]").nth(Number(option("--nth") ?? 0));
if (flags.includes("--run")) {
  await pg.scrollIntoViewIfNeeded();
  await pg.getByRole("button", { name: "Run" }).click();
  await pg.locator(":scope[data-status=done], :scope[data-status=error]").waitFor({ timeout: 60_000 });
  console.log("status", await pg.getAttribute("data-status"), "end", await pg.getAttribute("data-virtual-end"));
}
const selected = option("--select");
if (selected) await pg.locator(selected).first().screenshot({ path: out });
else if (await pg.count()) await pg.screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: false });
await browser.close();
