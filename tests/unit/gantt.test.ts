// A run as a mermaid gantt chart (src/runtime/trace/gantt.ts): every lesson program's chart parses
// with mermaid's own parser, and holds one section per drawn lane and one bar per state interval.
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { deriveTimeline, timelineToGantt } from "../../src/runtime/trace/index.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runTs } from "../support/run-ts.ts";

// Mermaid sanitises text with DOMPurify, which needs a window when mermaid is first imported.
const window = new Window();
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import("mermaid");

const programs = (await lessonsIn()).flatMap((l) => l.playgrounds.filter((pg) => pg.clock !== "real").map((pg) => ({ name: `${l.file}#${pg.id}`, code: pg.code })));

describe("a run as a mermaid gantt chart", () => {
  it.each(programs.slice(0, 30))("$name parses with mermaid", async ({ code }) => {
    const timeline = deriveTimeline((await runTs(code)).events);
    const text = timelineToGantt(timeline, "a: run; # with odd characters");
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    const sections = text.split("\n").filter((l) => l.startsWith("  section "));
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.length).toBeLessThanOrEqual(timeline.lanes.length);
  });

  it("draws example 3's two tasks waiting from 0 to 1 s and to 2 s", async () => {
    const example3 = programs.find((p) => p.name.includes("example-3"))!;
    const text = timelineToGantt(deriveTimeline((await runTs(example3.code)).events));
    expect(text).toMatch(/section Task-2 \(fetchData\(\)\)\n(.*\n)*?  waiting sleep\(1\) :b\d+, 0, 1000\n/);
    expect(text).toMatch(/section Task-3 \(fetchData\(\)\)\n(.*\n)*?  waiting sleep\(2\) :b\d+, 0, 2000\n/);
  });
});
