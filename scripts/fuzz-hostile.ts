// `npm run fuzz -- --hostile [--count N] [--seed S]`: feed the compile + run pipeline N hostile
// programs (known runaways, then mutants of the lessons' programs and of generated ones; see
// tests/fuzz/hostile.ts) and report every one on which the runtime failed on its own account or left
// a malformed trace. Exit code 1 if any did.
import { hostileProblems, hostilePrograms } from "../tests/fuzz/hostile.ts";
import { lessonsIn } from "../tests/support/lesson-sources.ts";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

const count = option("count", 1000);
const seed = option("seed", 1);
const originals = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => pg.code));
const programs = hostilePrograms(seed, count, originals);
const started = performance.now();
let bad = 0;
for (const [i, code] of programs.entries()) {
  const problems = await hostileProblems(code);
  if (problems.length) {
    bad++;
    console.log(`\n${"=".repeat(100)}\nprogram ${i} (seed ${seed}):\n${code}\n--- problems:\n${problems.join("\n")}`);
  }
  if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${count} programs, ${bad} with problems`);
}
console.log(`\n${count} hostile programs, ${bad} with problems; checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(bad ? 1 : 0);
