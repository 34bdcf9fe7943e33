// What the stepper marks on a line of code at a step: the line that runs (or blocks the thread), and
// the lines where other tasks wait or will resume. Drawn on the stepper's own copy of the code
// (CodePane.tsx) and on the reader's editor (playground/step-marks.ts), in the same words.
import type { LineMarker } from "../../runtime/trace/index.ts";
import { countText } from "../count.ts";

/** What each mark says; its symbol (▶ ■ ‖ ↻) is drawn by stepper.css, not set as a glyph. */
export const MARK_WORD: Record<LineMarker["state"], string> = {
  running: "runs",
  blocked: "blocks the thread",
  waiting: "waits",
  ready: "ready to resume",
};
const PRIORITY: LineMarker["state"][] = ["running", "blocked", "ready", "waiting"];

/** A mark as drawn: one task's, or one that counts the tasks past MARKS_PER_LINE on its line. */
export interface Mark extends LineMarker {
  /** Set on a count: how many tasks in this state it stands for. */
  more?: number;
}

/** One marked line: the state that colours it (the most urgent of its marks), and its marks. */
export interface MarkedLine {
  line: number;
  state: LineMarker["state"];
  marks: Mark[];
}

/** Marks drawn on one line, the rest counted: more names than this on one line of code are not read
 *  one by one, and a thousand tasks waiting at one line would make every step slow (each step lays
 *  the line out again, in the code pane and in the editor). */
export const MARKS_PER_LINE = 20;

/** The marked lines, by line number. */
export function markedLines(markers: readonly LineMarker[]): Map<number, MarkedLine> {
  const byLine = new Map<number, MarkedLine>();
  for (const m of markers) {
    const marked = byLine.get(m.line);
    if (marked) marked.marks.push(m);
    else byLine.set(m.line, { line: m.line, state: m.state, marks: [m] });
  }
  for (const marked of byLine.values()) {
    marked.state = PRIORITY.find((s) => marked.marks.some((m) => m.state === s))!;
    if (marked.marks.length > MARKS_PER_LINE) marked.marks = withCounts(marked.marks);
  }
  return byLine;
}

const urgent = (m: LineMarker) => m.state === "running" || m.state === "blocked";

// The first marks of a crowded line, in order, always with the one that runs or blocks; the rest
// counted, one count per state.
function withCounts(marks: readonly LineMarker[]): Mark[] {
  let room = MARKS_PER_LINE - marks.filter(urgent).length;
  const shown: Mark[] = [];
  const more = new Map<LineMarker["state"], number>();
  for (const m of marks) {
    if (urgent(m) || room-- > 0) shown.push(m);
    else more.set(m.state, (more.get(m.state) ?? 0) + 1);
  }
  for (const state of PRIORITY) {
    const count = more.get(state);
    // Named by its count: the editor redraws a mark whose name or state changed (step-marks.ts).
    if (count) shown.push({ line: marks[0].line, state, name: `+${count}`, more: count });
  }
  return shown;
}

/** The line that runs now (or blocks the thread), if any. */
export const currentLine = (markers: readonly LineMarker[]): number | undefined => markers.find((m) => m.state === "running" || m.state === "blocked")?.line;

// A count's verb, for many tasks.
const PLURAL: Record<LineMarker["state"], string> = { running: "run", blocked: "block the thread", waiting: "wait", ready: "are ready to resume" };

/** A mark in words, as read out: "Task-2 runs", or a count: "and 800 more wait". */
export const markWords = (m: Mark): string =>
  m.more === undefined ? `${m.name} ${MARK_WORD[m.state]}` : `and ${countText(m.more)} more ${PLURAL[m.state]}`;
