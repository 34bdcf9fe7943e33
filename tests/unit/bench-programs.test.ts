// The big programs `npm run bench` runs in the browser (scripts/bench-browser.ts) must finish under the
// browser's caps, or the bench would time an error message instead of a diagram and a stepper.
import { describe, expect, it } from "vitest";
import { BROWSER_LIMITS } from "../../src/runtime/program/index.ts";
import { StepIndex, deriveTimeline } from "../../src/runtime/trace/index.ts";
import { LARGEST_TRACE, THOUSAND_TASKS } from "../support/runaway-programs.ts";
import { runTs } from "../support/run-ts.ts";

function stepCount(events: Parameters<typeof deriveTimeline>[0]): number {
  const steps = new StepIndex(events);
  for (const e of events) steps.add(e);
  return steps.finish().length;
}

describe("the bench's big programs", () => {
  it("1,000 tasks that sleep 5 times: done at 0.950 under the browser's caps, one lane per task and main's", async () => {
    const r = await runTs(THOUSAND_TASKS, { limits: BROWSER_LIMITS });
    expect(r.error).toBeUndefined();
    expect(r.virtualEnd).toBeCloseTo(0.95, 6);
    expect(deriveTimeline(r.events).lanes.filter((l) => l.kind === "task")).toHaveLength(1001);
  });

  it("the largest trace: done under the event cap, within 2% of it, with more than 150,000 steps", async () => {
    const r = await runTs(LARGEST_TRACE, { limits: BROWSER_LIMITS });
    expect(r.error).toBeUndefined();
    expect(r.events.length).toBeLessThan(BROWSER_LIMITS.maxEvents);
    expect(r.events.length).toBeGreaterThan(0.98 * BROWSER_LIMITS.maxEvents);
    expect(stepCount(r.events)).toBeGreaterThan(150_000);
  });
});
