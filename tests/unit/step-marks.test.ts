// The stepper's marks on the reader's code (src/components/playground/step-marks.ts): a step's markers
// are drawn once; the same markers again (a Run again of the same code, at the same step) leave the
// editor alone, unless an edit has moved what was drawn.
import { describe, expect, it } from "vitest";
import { EditorState } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import type { LineMarker } from "../../src/runtime/trace/index.ts";
import { showStepMarks, stepMarks } from "../../src/components/playground/step-marks.ts";

/** A view as showStepMarks uses one: its state, its transactions counted. */
function fakeView(doc: string) {
  const view = {
    state: EditorState.create({ doc, extensions: [stepMarks] }),
    dispatched: 0,
    dispatch(spec: Parameters<EditorView["dispatch"]>[0]) {
      view.state = view.state.update(spec as never).state;
      view.dispatched++;
    },
    requestMeasure() {},
  };
  return view;
}

/** The lines that carry a line mark, and their state. */
function markedLines(state: EditorState): string[] {
  const lines: string[] = [];
  state.field(stepMarks).decorations.between(0, state.doc.length, (from, _to, deco) => {
    const cls = deco.spec.class as string | undefined;
    if (cls) lines.push(`${state.doc.lineAt(from).number} ${cls}`);
  });
  return lines;
}

const running = (line: number): LineMarker[] => [{ line, state: "running", task: 2, name: "Task-2" }];

describe("the step marks in the editor", () => {
  it("are drawn once for the same markers, again for others", () => {
    const view = fakeView("a\nb\nc\n");
    showStepMarks(view as unknown as EditorView, running(2));
    expect(view.dispatched).toBe(1);
    expect(markedLines(view.state)).toEqual(["2 pg-line-running"]);
    // The same markers, in a new list (a new run's step): nothing to do.
    showStepMarks(view as unknown as EditorView, running(2));
    expect(view.dispatched).toBe(1);
    // Another task, or another line, or another state: drawn.
    showStepMarks(view as unknown as EditorView, [{ ...running(2)[0], task: 3, name: "Task-3" }]);
    showStepMarks(view as unknown as EditorView, running(3));
    showStepMarks(view as unknown as EditorView, [{ ...running(3)[0], state: "waiting" }]);
    expect(view.dispatched).toBe(4);
    expect(markedLines(view.state)).toEqual(["3 pg-line-waiting"]);
  });

  it("are drawn again after an edit moved them, at the markers' own line", () => {
    const view = fakeView("a\nb\nc\n");
    showStepMarks(view as unknown as EditorView, running(2));
    // A line typed above: the mark moves along with line "b", to line 3.
    view.dispatch({ changes: { from: 0, insert: "new\n" } });
    expect(markedLines(view.state)).toEqual(["3 pg-line-running"]);
    // The same markers (line 2) are drawn anew, on line 2.
    showStepMarks(view as unknown as EditorView, running(2));
    expect(markedLines(view.state)).toEqual(["2 pg-line-running"]);
  });
});
