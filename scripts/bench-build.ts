// `npm run bench`, the build (issue #17: "the whole site builds in ≤ 60 s on this 2-core machine;
// pre-rendering must not grow with the square of anything"): `astro build` into dist/, timed, which
// the bench's page weight and browser parts then measure. Figures only, never a pass/fail.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const BUDGET_SECONDS = 60;

/** Astro's "├─ /path/index.html (+42ms)" lines: a page and its render time (ms or s). */
function pageTimes(log: string): { page: string; ms: number }[] {
  return [...log.matchAll(/[├└]─ (\/\S+\.html) \(\+([\d.]+)(ms|s)\)/g)].map(([, page, n, unit]) => ({ page, ms: Number(n) * (unit === "s" ? 1000 : 1) }));
}

const playgroundsIn = (html: string) => new Set(html.match(/data-playground="[^"]*"/g) ?? []).size;

/** Build the site into `outDir` (the bench's dist/) and say how long it took; false if it failed. */
export function benchBuild(outDir = "dist"): boolean {
  console.log("3. The build (astro build of the whole site into dist/, timed: what the page weight and part 5 measure) and page weight");
  const started = performance.now();
  const astro = join("node_modules", "astro", "bin", "astro.mjs");
  const run = spawnSync(process.execPath, [astro, "build"], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" } });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.log(`   the build failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split("\n").slice(-5).join(" / ")}`);
    return false;
  }
  const log = run.stdout.replace(/\x1b\[[0-9;]*m/g, "");
  // Each page's render (Astro's "(+N ms)"), with how many playgrounds it holds.
  const rendered = pageTimes(log).map(({ page, ms }) => {
    const file = join(outDir, page);
    return { page, ms, playgrounds: existsSync(file) ? playgroundsIn(readFileSync(file, "utf8")) : 0 };
  });
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? rendered.length);
  const sum = rendered.reduce((n, r) => n + r.ms, 0);
  const slowest = [...rendered].sort((a, b) => b.ms - a.ms)[0];
  console.log(`   the build: ${seconds.toFixed(1)} s for ${pages} pages (budget ≤ ${BUDGET_SECONDS} s: ${seconds <= BUDGET_SECONDS ? "met" : "NOT met"}); the pages' own renders ${(sum / 1000).toFixed(1)} s of it, the slowest ${slowest ? `${slowest.page} ${slowest.ms.toFixed(0)} ms` : "—"}`);
  // Growth: a page of many playgrounds against pages of one. Pre-rendering that grew with the square
  // of a page's playgrounds would show here as a cost per playground many times a single one's.
  const busiest = [...rendered].sort((a, b) => b.playgrounds - a.playgrounds)[0];
  const singles = rendered.filter((r) => r.playgrounds === 1).map((r) => r.ms).sort((a, b) => a - b);
  if (busiest && busiest.playgrounds > 1 && singles.length) {
    const single = singles[Math.floor(singles.length / 2)];
    const each = busiest.ms / busiest.playgrounds;
    console.log(`   growth: ${busiest.page}, ${busiest.playgrounds} playgrounds, ${busiest.ms.toFixed(0)} ms: ${each.toFixed(1)} ms a playground, against ${single.toFixed(0)} ms for a page of one (median of ${singles.length}): ${(each / single).toFixed(2)}×`);
  }
  return true;
}
