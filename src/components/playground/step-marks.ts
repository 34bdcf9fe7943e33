// The stepper drives the editor: at the step in view, the line each task runs, waits or will resume
// at is marked on the reader's own code (the same marks as the stepper's copy, stepper/line-marks.ts),
// and the running line is kept in view. Marks are set by an effect; an edit maps them along with the
// text until the next step replaces them.
import { StateEffect, StateField, type EditorState, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import type { LineMarker } from "../../runtime/trace/index.ts";
import { currentLine, markWords, markedLines, type Mark } from "../stepper/line-marks.ts";

/** Replace the step marks (an empty list clears them). */
export const setStepMarks = StateEffect.define<readonly LineMarker[]>();

/** The words after a marked line: "▶ Task-2 runs ‖ Task-1 waits", styled as in the stepper's code
 *  pane (stepper.css draws the symbols). The words are read from the stepper's narration and panes;
 *  here they are shown, not read as part of the code. One widget holds a line's marks: a step of
 *  a thousand tasks changes most of a crowded line's twenty, and the editor made a widget's element
 *  again for each one that changed; this one keeps its elements and sets their words. */
class LineMarksWidget extends WidgetType {
  readonly marks: readonly Mark[];
  constructor(marks: readonly Mark[]) {
    super();
    this.marks = marks;
  }
  eq(other: LineMarksWidget): boolean {
    return other.marks.length === this.marks.length && other.marks.every((m, i) => m.name === this.marks[i].name && m.state === this.marks[i].state);
  }
  toDOM(): HTMLElement {
    const marks = document.createElement("span");
    marks.setAttribute("aria-hidden", "true");
    this.updateDOM(marks);
    return marks;
  }
  updateDOM(marks: HTMLElement): boolean {
    while (marks.childElementCount > this.marks.length) marks.lastElementChild!.remove();
    while (marks.childElementCount < this.marks.length) marks.append(document.createElement("span"));
    this.marks.forEach((marker, i) => {
      const mark = marks.children[i] as HTMLElement;
      const words = markWords(marker);
      if (mark.dataset.editorMarker !== marker.state) {
        mark.className = `pg-mark pg-mark-${marker.state}`;
        mark.dataset.editorMarker = marker.state;
      }
      if (mark.textContent !== words) mark.textContent = words;
    });
    return true;
  }
}

function decorationsOf(state: EditorState, markers: readonly LineMarker[]): DecorationSet {
  const doc = state.doc;
  const current = currentLine(markers);
  const ranges: Range<Decoration>[] = [];
  for (const { line, state: lineState, marks } of [...markedLines(markers).values()].sort((a, b) => a.line - b.line)) {
    // A line the code no longer has (an edit since) is left unmarked.
    if (line < 1 || line > doc.lines) continue;
    const { from, to } = doc.line(line);
    const attributes: Record<string, string> = { "data-step-line": lineState };
    if (line === current) attributes["data-current-line"] = "";
    ranges.push(Decoration.line({ class: `pg-line-${lineState}`, attributes }).range(from));
    ranges.push(Decoration.widget({ widget: new LineMarksWidget(marks), side: 1 }).range(to));
  }
  return Decoration.set(ranges, true);
}

/** The step marks drawn, and the markers they were drawn from while the code is as it was then
 *  (null once an edit has moved them: the same markers would then be drawn elsewhere). */
interface Shown {
  decorations: DecorationSet;
  markers: readonly LineMarker[] | null;
}

/** The editor extension that draws the step marks. */
export const stepMarks = StateField.define<Shown>({
  create: () => ({ decorations: Decoration.none, markers: null }),
  update(shown, transaction) {
    for (const effect of transaction.effects) if (effect.is(setStepMarks)) return { decorations: decorationsOf(transaction.state, effect.value), markers: effect.value };
    return transaction.docChanged ? { decorations: shown.decorations.map(transaction.changes), markers: null } : shown;
  },
  provide: (field) => EditorView.decorations.from(field, (shown) => shown.decorations),
});

/** The same markers: each on the same line, in the same state, of the same task and name. */
function sameMarkers(a: readonly LineMarker[], b: readonly LineMarker[]): boolean {
  return a.length === b.length && a.every((m, i) => m.line === b[i].line && m.state === b[i].state && m.task === b[i].task && m.name === b[i].name);
}

/** How far each of the editor's scrolling boxes short of the page (its own, the studio's code
 *  column) must scroll to bring the running line into view: stepping never scrolls the page. Read in
 *  the editor's measure phase, with its own reads: a read after its writes laid the page out again. */
function scrollsToShowLine(view: EditorView, line: number): { box: HTMLElement; by: number }[] {
  if (line < 1 || line > view.state.doc.lines) return [];
  // Where the line is on screen, from the editor's own measure (a line out of sight is not drawn).
  const block = view.lineBlockAt(view.state.doc.line(line).from);
  const lineBox = { top: view.documentTop + block.top, bottom: view.documentTop + block.bottom };
  const scrolls: { box: HTMLElement; by: number }[] = [];
  for (let box = view.scrollDOM as HTMLElement | null; box && box !== document.scrollingElement && box !== document.body; box = box.parentElement) {
    if (box.scrollHeight <= box.clientHeight + 1 || !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) continue;
    const boxRect = box.getBoundingClientRect();
    const by = lineBox.top < boxRect.top ? lineBox.top - boxRect.top - boxRect.height / 3 : lineBox.bottom > boxRect.bottom ? lineBox.bottom - boxRect.bottom + boxRect.height / 3 : 0;
    if (!by) continue;
    scrolls.push({ box, by });
    lineBox.top -= by;
    lineBox.bottom -= by;
  }
  return scrolls;
}

/** Show `markers` in `view`, and bring the running line into view. Markers the view shows already
 *  (a Run again of the same code, at the same step) are left as they are, and so is the reader's
 *  scroll: the editor's update compared every decoration again for nothing (example 4, 20 Runs
 *  again, profiled: the editor's code 29 ms, 0.4 now). */
export function showStepMarks(view: EditorView, markers: readonly LineMarker[]): void {
  const shown = view.state.field(stepMarks, false)?.markers;
  if (shown && sameMarkers(shown, markers)) return;
  view.dispatch({ effects: setStepMarks.of(markers) });
  const line = currentLine(markers);
  if (line !== undefined) view.requestMeasure({ read: () => scrollsToShowLine(view, line), write: (scrolls) => scrolls.forEach(({ box, by }) => (box.scrollTop += by)) });
}
