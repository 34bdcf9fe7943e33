// `npm test`: every suite, then one summary line for all of them together ("N passed, N failed").
//   0. the type check
//   1. unit and CPython-differential tests (vitest)
//   2. the CPython virtual-clock harness's own tests (in Pyodide: CPython 3.14 from npm)
//   3. build the site twice, at the root (dist/) and under a sub-path (dist-subpath/, as a GitHub
//      Pages project site is served), then every page and playground in Debian's Chromium
//      (Playwright): every spec on the root build, the specs that discover pages on the sub-path one
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ROOT_SITE, SUBPATH_SITE, type BuiltSite } from "../tests/support/built-site.ts";

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  /** Tests that did not run (a skip hides what it does not check: the summary says how many). */
  skipped?: number;
}

const tallies: Tally[] = [];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

function sh(command: string, args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): { status: number; stdout: string } {
  const extraEnv = options.env ?? {};
  const shown = Object.entries(extraEnv).map(([k, v]) => `${k}=${v} `).join("");
  console.log(`\n$ ${shown}${command} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "inherit"], env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs });
  process.stdout.write(result.stdout ?? "");
  // How long each step takes, to keep the whole run's time in view (it is printed, never checked).
  console.log(`(${command} ${args[0]}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return { status: result.status ?? 1, stdout: result.stdout ?? "" };
}

function readJson(path: string): any {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

/** The outcome of every test of one Playwright project in a JSON report ("expected", "unexpected", "flaky", "skipped"). */
function testOutcomes(report: any, project: string): string[] {
  const outcomes: string[] = [];
  const walk = (suite: any) => {
    for (const child of suite.suites ?? []) walk(child);
    for (const spec of suite.specs ?? []) for (const test of spec.tests) if (test.projectName === project) outcomes.push(test.status);
  };
  walk(report);
  return outcomes;
}

rmSync("test-results", { recursive: true, force: true });

// Browser tests use Debian's Chromium (Playwright cannot download its own here); install it if missing.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    sh("apt-get", ["update", "-qq"]);
    sh("apt-get", ["install", "-y", "-qq", "chromium"]);
  }
  if (!existsSync(chromium)) console.error(`No Chromium at ${chromium}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
}

// 0. types (tsc): the runtime, views, scripts and tests
const types = sh("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
tallies.push({ suite: "typecheck (tsc)", passed: types.status === 0 ? 1 : 0, failed: types.status === 0 ? 0 : 1 });

// 1. vitest
const unit = sh("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"]);
const unitReport = readJson("test-results/unit.json");
tallies.push({
  suite: "unit (vitest)",
  passed: unitReport?.numPassedTests ?? 0,
  failed: unitReport ? unitReport.numFailedTests + (unit.status !== 0 && unitReport.numFailedTests === 0 ? 1 : 0) : 1,
  skipped: (unitReport?.numPendingTests ?? 0) + (unitReport?.numTodoTests ?? 0),
});

// 2. the Python harness, in the reference CPython (Pyodide), no system Python needed
const py = sh("node", ["tests/python/run-harness-tests.ts"], { timeoutMs: 10 * 60_000 });
const pyPassed = Number(/(\d+) passed/.exec(py.stdout)?.[1] ?? 0);
const pyFailed = Number(/(\d+) failed/.exec(py.stdout)?.[1] ?? 0);
tallies.push({ suite: "CPython harness (Pyodide, CPython 3.14)", passed: pyPassed, failed: pyFailed + (py.status !== 0 && pyFailed === 0 ? 1 : 0) });

// 3. build each site once (its base path and folder from the environment: astro.config.mjs), then
// Playwright against both, one project per build (playwright.config.ts), tallied per project.
const buildOf = (site: BuiltSite) => sh("npx", ["astro", "build"], { env: { BASE_PATH: site.base, OUT_DIR: site.distDir } });
const builds = [ROOT_SITE, SUBPATH_SITE].map((site) => ({ site, ok: buildOf(site).status === 0 }));
for (const { site, ok } of builds) if (!ok) tallies.push({ suite: `build (astro, ${site.name})`, passed: 0, failed: 1 });
if (builds.every((b) => b.ok)) {
  const e2e = sh("npx", ["playwright", "test"], { env: { E2E_SUBPATH: "1" } });
  const report = readJson("test-results/e2e.json");
  const browser = [ROOT_SITE, SUBPATH_SITE].map((site) => {
    const outcomes = report ? testOutcomes(report, site.name) : [];
    const passed = outcomes.filter((o) => o === "expected" || o === "flaky").length;
    const failed = outcomes.filter((o) => o === "unexpected").length + (report ? 0 : 1);
    const skipped = outcomes.filter((o) => o === "skipped").length;
    return { suite: `browser (playwright, ${site.name} build)`, passed, failed, skipped };
  });
  // Playwright failed with no failing test (a preview server that did not start): still a failure.
  if (e2e.status !== 0 && browser.every((t) => t.failed === 0)) browser[0].failed = 1;
  tallies.push(...browser);
}

console.log("\nSummary:");
for (const t of tallies) console.log(`  ${t.suite}: ${t.passed} passed, ${t.failed} failed, ${t.skipped ?? 0} skipped`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + (t.skipped ?? 0), 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
