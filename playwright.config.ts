import { defineConfig } from "@playwright/test";
import { ROOT_SITE, SUBPATH_SITE, homeURL, sitesUnderTest } from "./tests/support/built-site.ts";

// Debian's Chromium: Playwright cannot download its own browser on these machines. V8 compiles
// WebAssembly with its baseline compiler only (--liftoff-only): each test's fresh context has no code
// cache, so every page optimised esbuild.wasm anew on the machine's two cores, ~2.5 s of CPU a page
// load (machine-wide, a lesson page and 12 s idle: 6.0 → 2.8 s; after an edit 8.8 → 5.0 s). A reader's
// browser caches that code from page to page (a second chapter: 6.6 → 2.4 s). The programs compile the
// same; only how fast differs, and speed is the bench's (npm run bench: without this flag).
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--js-flags=--liftoff-only"];

// Two builds of the site, each served by scripts/serve.ts (what `npm start` serves: precompressed
// files, the isolation headers) from its own folder on its own port (PORT, 4321 by default, and the
// next one): the root build (dist/) for every spec, and, when E2E_SUBPATH is set (npm test), the
// build under /async-animated/ (dist-subpath/, `npm run build:subpath`) for the specs that discover pages.
const subpath = sitesUnderTest().includes(SUBPATH_SITE);
const preview = (site: typeof ROOT_SITE) => ({
  command: "node scripts/serve.ts",
  url: homeURL(site),
  env: { BASE_PATH: site.base, OUT_DIR: site.distDir, PORT: String(site.port) },
  // Always a fresh server on the build under test: a stale one left on the port would test old pages.
  reuseExistingServer: false,
  timeout: 60_000,
});

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // Three on a two-core machine: with two, the cores idled while tests waited (real-clock lessons
  // sleeping for real); with three they are busy all along (vmstat in CI: no idle time), and with
  // four each test took ~45% longer and the whole run more (1,105 → 1,202 s).
  workers: Number(process.env.PW_WORKERS || 3),
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    { name: ROOT_SITE.name, use: { baseURL: homeURL(ROOT_SITE) }, grepInvert: /@subpath/, testIgnore: "subpath.spec.ts" },
    ...(subpath ? [{ name: SUBPATH_SITE.name, use: { baseURL: homeURL(SUBPATH_SITE) }, grep: /@subpath/, testMatch: ["playgrounds.spec.ts", "links.spec.ts", "subpath.spec.ts"] }] : []),
  ],
  webServer: [preview(ROOT_SITE), ...(subpath ? [preview(SUBPATH_SITE)] : [])],
});
