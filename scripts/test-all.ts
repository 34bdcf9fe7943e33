// `npm test`: every suite, then one summary line for all of them together ("N passed, N failed").
//   0. the type check
//   1. unit and CPython-differential tests (vitest)
//   2. the CPython virtual-clock harness's own tests (in Pyodide: CPython 3.14 from npm)
//   3. build the site, then every page and playground in Debian's Chromium (Playwright)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

interface Tally {
  suite: string;
  passed: number;
  failed: number;
}

const tallies: Tally[] = [];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

function sh(command: string, args: string[], timeoutMs?: number): { status: number; stdout: string } {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "inherit"], env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs });
  process.stdout.write(result.stdout ?? "");
  return { status: result.status ?? 1, stdout: result.stdout ?? "" };
}

function readJson(path: string): any {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
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
});

// 2. the Python harness, in the reference CPython (Pyodide), no system Python needed
const py = sh("node", ["tests/python/run-harness-tests.ts"], 10 * 60_000);
const pyPassed = Number(/(\d+) passed/.exec(py.stdout)?.[1] ?? 0);
const pyFailed = Number(/(\d+) failed/.exec(py.stdout)?.[1] ?? 0);
tallies.push({ suite: "CPython harness (Pyodide, CPython 3.14)", passed: pyPassed, failed: pyFailed + (py.status !== 0 && pyFailed === 0 ? 1 : 0) });

// 3. build, then Playwright against the built site
const build = sh("npx", ["astro", "build"]);
if (build.status !== 0) {
  tallies.push({ suite: "build (astro)", passed: 0, failed: 1 });
} else {
  const e2e = sh("npx", ["playwright", "test"]);
  const stats = readJson("test-results/e2e.json")?.stats;
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = (stats?.unexpected ?? 0) + (stats ? 0 : 1);
  tallies.push({ suite: "browser (playwright)", passed, failed: failed + (e2e.status !== 0 && failed === 0 ? 1 : 0) });
}

console.log("\nSummary:");
for (const t of tallies) console.log(`  ${t.suite}: ${t.passed} passed, ${t.failed} failed`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
