// Where the editor underlines a problem: each compile problem at its line and column, and the line an
// uncaught error came from. Plain data in, CodeMirror diagnostics out; the message itself is read
// out by the playground's alert (Problems, the run's error), the underline only shows the spot.
import type { Text } from "@codemirror/state";
import type { Diagnostic } from "@codemirror/lint";
import type { CompileProblem } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";

/** A spot in the code: a column (1-based) marks the word there, no column the whole line. */
export interface EditorMark {
  line: number;
  column?: number;
  message: string;
}

/** The compile problems, as marks at their line and column. */
export const problemMarks = (problems: readonly CompileProblem[]): EditorMark[] => problems.map(({ line, column, message }) => ({ line, column, message }));

/** The line an uncaught error came from (the caller gives the error only while the editor holds the
 *  code that raised it: an edit since may have moved the line). */
export function errorMark(error: RunResult["error"]): EditorMark[] {
  return error?.line ? [{ line: error.line, message: error.message }] : [];
}

/** The marks as diagnostics in `doc`; a mark outside the text (it changed since) is dropped. */
export function diagnosticsOf(doc: Text, marks: readonly EditorMark[]): Diagnostic[] {
  return marks.flatMap(({ line, column, message }) => {
    if (line < 1 || line > doc.lines) return [];
    const { from, to, text } = doc.line(line);
    if (column === undefined) {
      const indent = text.length - text.trimStart().length;
      return [{ from: from + indent, to, severity: "error", message }];
    }
    // esbuild gives a point; the underline spans the word (or the one character) that starts there.
    // At the end of the line ("expected ';'") it is a point, which CodeMirror draws as a marker.
    const start = Math.min(from + column - 1, to);
    const word = /^[\w$]+/.exec(text.slice(start - from))?.[0].length ?? 1;
    return [{ from: start, to: Math.min(start + word, to), severity: "error", message }];
  });
}
