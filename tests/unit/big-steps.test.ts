// A step of a run with a thousand tasks stays a bounded amount to draw: the marks on one line of code
// (stepper/line-marks.ts, the stepper's code pane and the editor) and the await tree's branches
// and panes (StepperPanes.tsx, PaneList.tsx) draw their first items and count the rest.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MARKS_PER_LINE, markWords, markedLines } from "../../src/components/stepper/line-marks.ts";
import { FIRST_ITEMS } from "../../src/components/stepper/PaneList.tsx";
import { StepperPanes } from "../../src/components/stepper/StepperPanes.tsx";
import { BROWSER_LIMITS } from "../../src/runtime/program/index.ts";
import { StepIndex, stepState, type LineMarker } from "../../src/runtime/trace/index.ts";
import { THOUSAND_TASKS } from "../support/runaway-programs.ts";
import { runTs } from "../support/run-ts.ts";

const waiting = (n: number, line = 4): LineMarker[] => Array.from({ length: n }, (_, i) => ({ line, state: "waiting", task: i + 2, name: `Task-${i + 2}` }));

describe("marks on one line of code", () => {
  it("a line with up to MARKS_PER_LINE marks keeps them all, in order", () => {
    const markers = waiting(MARKS_PER_LINE);
    expect(markedLines(markers).get(4)!.marks).toEqual(markers);
  });

  it("a crowded line keeps its first marks and the one that runs, and counts the rest by state", () => {
    const running: LineMarker = { line: 4, state: "running", task: 999, name: "Task-999" };
    const markers = [...waiting(1000), running];
    const { state, marks } = markedLines(markers).get(4)!;
    expect(state).toBe("running");
    expect(marks).toHaveLength(MARKS_PER_LINE + 1);
    expect(marks.slice(0, MARKS_PER_LINE - 1)).toEqual(markers.slice(0, MARKS_PER_LINE - 1));
    expect(marks[MARKS_PER_LINE - 1]).toEqual(running);
    const count = marks.at(-1)!;
    expect(count).toMatchObject({ state: "waiting", more: 1000 - (MARKS_PER_LINE - 1) });
    expect(markWords(count)).toBe(`and ${1000 - (MARKS_PER_LINE - 1)} more wait`);
    expect(markWords(running)).toBe("Task-999 runs");
  });
});

describe("marks on crowded lines, mixed", () => {
  it("each line keeps its first marks in order with the one that blocks, takes its colour from its most urgent, and counts the rest, ready before waiting", () => {
    const mixed: LineMarker[] = Array.from({ length: 60 }, (_, i) => ({ line: 7, state: i % 2 ? "waiting" : "ready", task: i + 2, name: `Task-${i + 2}` }));
    const blocked: LineMarker = { line: 7, state: "blocked", task: 99, name: "Task-99" };
    const other: LineMarker = { line: 3, state: "waiting", task: 1, name: "Task-1" };
    const lines = markedLines([...mixed.slice(0, 30), blocked, other, ...mixed.slice(30)]);
    expect(lines.get(3)).toEqual({ line: 3, state: "waiting", marks: [other] });
    const { state, marks } = lines.get(7)!;
    expect(state).toBe("blocked");
    // 19 of the others, then the one that blocks (it came 31st), then a count for each state.
    expect(marks.slice(0, MARKS_PER_LINE)).toEqual([...mixed.slice(0, MARKS_PER_LINE - 1), blocked]);
    expect(marks.slice(MARKS_PER_LINE)).toEqual([
      { line: 7, state: "ready", name: "+20", more: 20 },
      { line: 7, state: "waiting", name: "+21", more: 21 },
    ]);
  });
});

describe("the panes of a gather of 1,000 tasks, halfway through", () => {
  async function panesHalfway(): Promise<{ html: string; waiting: number }> {
    const r = await runTs(THOUSAND_TASKS, { limits: BROWSER_LIMITS });
    const steps = new StepIndex(r.events);
    for (const e of r.events) steps.add(e);
    steps.finish();
    const state = stepState(r.events, steps, Math.floor(steps.length / 2));
    return { html: renderToStaticMarkup(createElement(StepperPanes, { state, idPrefix: "t" })), waiting: state.waiting.length };
  }

  it("the await tree draws its first tasks, depth first, and counts the rest of main's", async () => {
    const tree = (await panesHalfway()).html.split("data-await-tree")[1];
    // main (Task-1), then the first of the 1,000 tasks it gathers.
    expect(tree.match(/data-await-node="Task-\d+"/g)).toHaveLength(FIRST_ITEMS);
    expect(tree).toContain(`… and ${1000 - (FIRST_ITEMS - 1)} more tasks awaited by Task-1`);
  });

  it("the waiting pane draws its first tasks and counts the rest", async () => {
    const { html, waiting } = await panesHalfway();
    expect(waiting).toBeGreaterThan(FIRST_ITEMS);
    expect(html.match(/data-waiting-item=/g)).toHaveLength(FIRST_ITEMS);
    expect(html).toContain(`… and ${(waiting - FIRST_ITEMS).toLocaleString("en-US")} more waiting tasks`);
  });
});
