// A build-time run as the page ships it to its island (src/components/playground/shipped-run.ts):
// the island gets back exactly the run the build made, every event and every number, and the run
// travels in far fewer bytes than as event objects.
import { describe, expect, it } from "vitest";
import { prerender, shippedRun } from "../../src/components/playground/prerender.ts";
import { compactJson, landedRun } from "../../src/components/playground/shipped-run.ts";
import { TraceStore } from "../../src/runtime/trace/index.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";

describe("a run as the page ships it", () => {
  it("gives every lesson's virtual-clock playground's run back exactly, in a fraction of the bytes", async () => {
    const playgrounds = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => ({ ...pg, file: l.file })));
    expect(playgrounds.length).toBeGreaterThan(20);
    let [events, shippedBytes, objectBytes] = [0, 0, 0];
    for (const pg of playgrounds) {
      // One run, shipped and landed (a program that reads files may order its reads' callbacks
      // differently from run to run: they come as the real reads end).
      const reference = await runTs(pg.code, { model: pg.model });
      const shipped = shippedRun(reference);
      expect(landedRun(shipped), `${pg.file}#${pg.id}`).toEqual(reference);
      events += reference.events.length;
      shippedBytes += shipped.compactEvents.length;
      objectBytes += JSON.stringify(reference.events).length;
    }
    expect(events).toBeGreaterThan(10_000);
    // Plain JSON of the events, which Astro's format for props more than doubles.
    expect(shippedBytes).toBeLessThan(objectBytes / 2);
  });

  it("keeps -0, NaN and ±Infinity exactly, which JSON cannot write, and strings that spell them as strings", async () => {
    const shipped = await prerender(
      'import { print, run, sleep, waitFor } from "asyncio";\nasync function main() { print("NaN"); print("-0"); print("Infinity"); try { await waitFor(sleep(Infinity), 1); } catch { print("timed out"); } }\nawait run(main());',
      "a test program",
    );
    const run = landedRun(shipped);
    expect(run.stdout).toEqual(["NaN", "-0", "Infinity", "timed out"]);
    expect(run.events.filter((e) => e.kind === "print").map((e) => (e as { text: string }).text)).toEqual(["NaN", "-0", "Infinity", "timed out"]);
    expect(run.events.some((e) => e.kind === "timer-set" && e.due === Infinity)).toBe(true);

    // Dues no program makes, written into a store as the scheduler writes a timer.
    const dues = [-0, 0, NaN, Infinity, -Infinity, 0.1 + 0.2];
    const store = new TraceStore();
    dues.forEach((due, i) => store.timerSet(undefined, i, due, "sleep", undefined, false));
    const back = landedRun({ version: 1, stdout: [], stderr: [], virtualEnd: 0, compactEvents: compactJson(store.toCompact()) });
    const landed = back.events.map((e) => (e.kind === "timer-set" ? e.due : undefined));
    dues.forEach((due, i) => expect(Object.is(landed[i], due), `due ${i}: ${landed[i]} for ${due}`).toBe(true));
  });
});
