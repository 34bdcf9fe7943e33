// The stepper drives the editor: at the step in view, the line each task runs, waits or will resume
// at is marked on the reader's own code (the same marks as the stepper's copy, stepper/line-marks.ts),
// and the running line is kept in view. Marks are set by an effect; an edit maps them along with the
// text until the next step replaces them.
import { StateEffect, StateField, type EditorState, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import type { LineMarker } from "../../runtime/trace/index.ts";
import { MARK, currentLine, markWords, markedLines } from "../stepper/line-marks.ts";

/** Replace the step marks (an empty list clears them). */
export const setStepMarks = StateEffect.define<readonly LineMarker[]>();

/** The words after a marked line: "▶ Task-2 runs", styled as in the stepper's code pane. The words are
 *  read from the stepper's narration and panes; here they are shown, not read as part of the code. */
class MarkWidget extends WidgetType {
  readonly marker: LineMarker;
  constructor(marker: LineMarker) {
    super();
    this.marker = marker;
  }
  eq(other: MarkWidget): boolean {
    return other.marker.name === this.marker.name && other.marker.state === this.marker.state;
  }
  toDOM(): HTMLElement {
    const mark = document.createElement("span");
    mark.className = `pg-mark pg-mark-${this.marker.state}`;
    mark.dataset.editorMarker = this.marker.state;
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = `${MARK[this.marker.state].symbol} ${markWords(this.marker)}`;
    return mark;
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
    for (const m of marks) ranges.push(Decoration.widget({ widget: new MarkWidget(m), side: 1 }).range(to));
  }
  return Decoration.set(ranges, true);
}

/** The editor extension that draws the step marks. */
export const stepMarks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) if (effect.is(setStepMarks)) return decorationsOf(transaction.state, effect.value);
    return marks.map(transaction.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Scroll the running line into view inside the editor's own scroll box and its scrolling ancestors
 *  short of the page (the studio's code column): stepping never scrolls the page. */
function keepLineInView(view: EditorView, line: number): void {
  if (line < 1 || line > view.state.doc.lines) return;
  // Where the line is on screen, from the editor's own measure (a line out of sight is not drawn).
  const block = view.lineBlockAt(view.state.doc.line(line).from);
  const lineBox = { top: view.documentTop + block.top, bottom: view.documentTop + block.bottom };
  for (let box = view.scrollDOM as HTMLElement | null; box && box !== document.scrollingElement && box !== document.body; box = box.parentElement) {
    if (box.scrollHeight <= box.clientHeight + 1 || !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) continue;
    const boxRect = box.getBoundingClientRect();
    const by = lineBox.top < boxRect.top ? lineBox.top - boxRect.top - boxRect.height / 3 : lineBox.bottom > boxRect.bottom ? lineBox.bottom - boxRect.bottom + boxRect.height / 3 : 0;
    if (!by) continue;
    box.scrollTop += by;
    lineBox.top -= by;
    lineBox.bottom -= by;
  }
}

/** Show `markers` in `view`, and bring the running line into view. */
export function showStepMarks(view: EditorView, markers: readonly LineMarker[]): void {
  view.dispatch({ effects: setStepMarks.of(markers) });
  const line = currentLine(markers);
  if (line !== undefined) view.requestMeasure({ read: () => null, write: () => keepLineInView(view, line) });
}
