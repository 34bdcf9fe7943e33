// What the stepper marks on a line of code at a step: the line that runs (or blocks the thread), and
// the lines where other tasks wait or will resume. Drawn on the stepper's own copy of the code
// (CodePane.tsx) and on the reader's editor (playground/step-marks.ts), in the same words.
import type { LineMarker } from "../../runtime/trace/index.ts";

export const MARK: Record<LineMarker["state"], { symbol: string; word: string }> = {
  running: { symbol: "▶", word: "runs" },
  blocked: { symbol: "■", word: "blocks the thread" },
  waiting: { symbol: "‖", word: "waits" },
  ready: { symbol: "↻", word: "ready to resume" },
};
const PRIORITY: LineMarker["state"][] = ["running", "blocked", "ready", "waiting"];

/** One marked line: the state that colours it (the most urgent of its marks), and every mark on it. */
export interface MarkedLine {
  line: number;
  state: LineMarker["state"];
  marks: LineMarker[];
}

/** The marked lines, by line number. */
export function markedLines(markers: readonly LineMarker[]): Map<number, MarkedLine> {
  const byLine = new Map<number, MarkedLine>();
  for (const m of markers) {
    const marked = byLine.get(m.line);
    if (marked) marked.marks.push(m);
    else byLine.set(m.line, { line: m.line, state: m.state, marks: [m] });
  }
  for (const marked of byLine.values()) marked.state = PRIORITY.find((s) => marked.marks.some((m) => m.state === s))!;
  return byLine;
}

/** The line that runs now (or blocks the thread), if any. */
export const currentLine = (markers: readonly LineMarker[]): number | undefined => markers.find((m) => m.state === "running" || m.state === "blocked")?.line;

/** A mark in words, as read out: "Task-2 runs". */
export const markWords = (m: LineMarker): string => `${m.name} ${MARK[m.state].word}`;
