// What the editor underlines: a compile problem's word at its line and column, a point at the end of
// a line, an uncaught error's whole line, and nothing for a line that is no longer there.
import { describe, expect, it } from "vitest";
import { Text } from "@codemirror/state";
import { diagnosticsOf, errorMark, problemMarks } from "../../src/components/playground/editor-marks.ts";

const code = 'import { sleep } from "asyncio";\n\n  await slep(1)\nconst x = ';
const doc = Text.of(code.split("\n"));
const spans = (marks: Parameters<typeof diagnosticsOf>[1]) => diagnosticsOf(doc, marks).map((d) => doc.sliceString(d.from, d.to));

describe("editor marks", () => {
  it("underlines the word a compile problem points at", () => {
    const marks = problemMarks([{ line: 3, column: 9, message: 'Could not resolve "slep"', lineText: "  await slep(1)" }]);
    expect(spans(marks)).toEqual(["slep"]);
    expect(diagnosticsOf(doc, marks)[0]).toMatchObject({ severity: "error", message: 'Could not resolve "slep"' });
  });

  it("marks one character where no word starts, and a point at the end of a line", () => {
    expect(spans([{ line: 3, column: 13, message: "(" }])).toEqual(["("]);
    const [end] = diagnosticsOf(doc, [{ line: 4, column: 11, message: "Unexpected end of file" }]);
    expect(end.from).toBe(end.to);
    expect(end.to).toBe(doc.line(4).to);
  });

  it("underlines an uncaught error's line, from its indent", () => {
    expect(spans(errorMark({ message: "ReferenceError: slep is not defined", line: 3 }))).toEqual(["await slep(1)"]);
    expect(errorMark({ message: "no line" })).toEqual([]);
    expect(errorMark(undefined)).toEqual([]);
  });

  it("drops a mark whose line is gone", () => {
    expect(diagnosticsOf(doc, [{ line: 9, message: "gone" }])).toEqual([]);
  });
});
