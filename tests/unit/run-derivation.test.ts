// The page derives a run's views from each batch of its trace as the batch arrives (run-derivation.ts,
// fed by browser-runner.ts): that gives what the eager derivations give from the whole trace
// (deriveTimeline, consoleLines, deriveProfile, deriveSteps), whatever the batches' sizes.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectPlaygrounds } from "../../src/integrations/playground-blocks.mjs";
import { consoleLines, deriveProfile, deriveSteps, deriveTimeline, type TraceEvent } from "../../src/runtime/trace/index.ts";
import { derivationOf, deriveAsItArrives, stopDeriving } from "../../src/components/playground/run-derivation.ts";
import { THOUSAND_TASKS } from "../support/runaway-programs.ts";
import { runTs } from "../support/run-ts.ts";

const DOCS = fileURLToPath(new URL("../../src/content/docs/lessons", import.meta.url));
const programs: { name: string; code: string }[] = [{ name: "1,000 tasks", code: THOUSAND_TASKS }];
for (const file of readdirSync(DOCS).filter((f) => f.endsWith(".mdx")).sort()) {
  for (const pg of await collectPlaygrounds(readFileSync(join(DOCS, file), "utf8"), file)) {
    if (pg.clock !== "real") programs.push({ name: `${file}#${pg.id}`, code: pg.code });
  }
}

describe("views derived as the trace arrives, batch by batch, are the eager derivations' views", () => {
  it.each(programs)("$name", async ({ code }) => {
    const { events: whole } = await runTs(code);
    // Batches of uneven sizes (the runner's are 1,000), one event alone among them.
    const arriving: TraceEvent[] = [];
    const derivation = deriveAsItArrives(arriving);
    for (let from = 0, size = 1; from < whole.length; from += size, size = (size * 7 + 3) % 1_500 || 1) {
      arriving.push(...whole.slice(from, from + size));
      expect(derivation.work()).toBe(true);
    }
    expect(derivationOf(arriving)).toBe(derivation);
    const views = derivation.views();
    expect(derivation.views()).toBe(views);
    expect(views.console).toEqual(consoleLines(whole));
    expect(views.timeline).toEqual(deriveTimeline(whole));
    expect(views.profile).toEqual(deriveProfile(whole));
    const steps = deriveSteps(whole);
    expect(views.steps.length).toBe(steps.length);
    for (let i = 0; i < steps.length; i += Math.max(1, Math.floor(steps.length / 500))) expect({ ...views.steps.at(i)!, narration: views.steps.at(i)!.narration }).toEqual(steps[i]);
  });
});

it("a derivation dropped (it failed) is no longer found: the views derive the trace themselves", () => {
  const events: TraceEvent[] = [];
  deriveAsItArrives(events);
  stopDeriving(events);
  expect(derivationOf(events)).toBeUndefined();
});
