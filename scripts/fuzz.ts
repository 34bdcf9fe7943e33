// `npm run fuzz`: differential fuzzing of the runtime against CPython 3.14's asyncio (Pyodide).
//   node scripts/fuzz.ts [--count N] [--seed S] [--max-shrink K] [--all] [--check-order]
// Generates N random programs (seeds S, S+1, ...), each as playground TypeScript and as Python, runs
// both (the runtime; CPython on a virtual clock) and compares printed lines, their virtual times, the
// end time and the uncaught error. Every divergence is shrunk to a minimal pair and printed.
// --check-order also runs CPython with the tasks it cancels in set order (TaskGroup abort, asyncio.run
// shutdown) cancelled in creation order and in reverse, to check that the generated programs do not
// depend on that order (a program that does is a generator bug; exit code 1).
// Features with a known divergence (tests/fuzz/known-divergences.ts) are left out unless --all.
// Exit code 1 if any program diverges.
// --hostile: hostile programs instead (scripts/fuzz-hostile.ts), checked for runtime failures and malformed traces.
if (process.argv.includes("--hostile")) {
  await import("./fuzz-hostile.ts");
  process.exit(0);
}
import { fuzz, formatDivergence, enabledFeatures } from "../tests/fuzz/fuzz.ts";
import { KNOWN_DIVERGENCES, KNOWN_EXCLUSIONS } from "../tests/fuzz/known-divergences.ts";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} takes a non-negative integer`);
    process.exit(2);
  }
  return value;
}

const count = option("count", 1000);
const seed = option("seed", 1);
const maxShrink = option("max-shrink", 10);
const seeds = Array.from({ length: count }, (_, i) => seed + i);
const exclude = process.argv.includes("--all") ? [] : KNOWN_EXCLUSIONS;

console.log(`Fuzzing ${count} programs (seeds ${seed}..${seed + count - 1}); features: ${enabledFeatures(undefined, exclude).join(", ")}`);
for (const k of KNOWN_DIVERGENCES)
  if (exclude.includes(k.feature)) console.log(`  left out (known divergence; --all to include): ${k.feature}: ${k.divergence}`);
const checkOrder = process.argv.includes("--check-order");
const report = await fuzz({
  seeds,
  exclude,
  checkOrder,
  maxShrink,
  onProgress: (done, total, divergent) => console.log(`  ${done}/${total} programs, ${divergent} divergent`),
  onShrink: (s, n, of) => console.log(`  shrinking seed ${s} (${n + 1}/${of})...`),
});

const seen = new Set<string>();
for (const d of report.divergences) {
  if (!d.minimal.shrunk) continue;
  const key = d.minimal.ts + d.minimal.py;
  if (seen.has(key)) continue;
  seen.add(key);
  console.log("\n" + "=".repeat(100) + "\n" + formatDivergence(d));
}
const unshrunk = report.divergences.filter((d) => !d.minimal.shrunk);
if (unshrunk.length) {
  console.log(`\n${unshrunk.length} more divergent seeds (not shrunk; rerun with --seed S --count 1):`);
  for (const d of unshrunk) console.log(`  seed ${d.seed}: ${d.difference}`);
}

for (const o of report.orderDependent) {
  console.log(`\nGENERATOR BUG: seed ${o.seed}: CPython's output depends on set order: ${o.difference}`);
}
if (checkOrder) console.log(`\nOrder check: ${report.orderDependent.length} of ${report.programs} programs depend on CPython's set order.`);

const seconds = report.checkMs / 1000;
console.log("\nFeature use (programs):", [...report.featureCounts].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`).join(", "));
console.log(
  `\n${report.programs} programs, ${report.divergences.length} divergent` +
    (report.divergences.length ? ` (${seen.size} distinct minimal pairs shown)` : "") +
    `; checked in ${seconds.toFixed(1)} s (${(report.programs / seconds).toFixed(0)} programs/s)` +
    (report.divergences.length ? `, shrinking took ${(report.shrinkMs / 1000).toFixed(1)} s` : ""),
);
process.exit(report.divergences.length || report.orderDependent.length ? 1 : 0);
