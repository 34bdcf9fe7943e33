// Hostile input (tests/fuzz/hostile.ts): random mutants of real programs and known runaways never make
// the runtime fail on its own, and every trace they leave is well formed. A bounded count here;
// `npm run fuzz -- --hostile --count N` runs more.
import { describe, expect, it } from "vitest";
import { hostileProblems, hostilePrograms } from "../fuzz/hostile.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { traceProblems } from "../support/trace-invariants.ts";
import { runTs } from "../support/run-ts.ts";

const originals = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => pg.code));
const programs = hostilePrograms(20261202, 160, originals);

describe("the well-formedness checks themselves", () => {
  it("pass every lesson's trace", async () => {
    for (const code of originals.slice(0, 40)) expect(traceProblems(await runTs(code))).toEqual([]);
  });

  it("catch a trace that breaks a rule", async () => {
    const good = await runTs(originals[0]);
    const events = good.events.map((e) => ({ ...e }));
    // A task resumed twice in a row, and time going back.
    const resumed = events.findIndex((e) => e.kind === "task-resumed");
    events.splice(resumed + 1, 0, { ...events[resumed] });
    events.forEach((e, i) => (e.seq = i));
    events[events.length - 2].t = -1;
    const problems = traceProblems({ ...good, events });
    expect(problems.some((p) => /resumed while it runs/.test(p))).toBe(true);
    expect(problems.some((p) => /time goes back/.test(p))).toBe(true);
  });
});

describe("hostile programs", () => {
  it.each(programs.map((code, i) => ({ i, code })))("program $i", async ({ code }) => {
    expect(await hostileProblems(code), code).toEqual([]);
  });
});
