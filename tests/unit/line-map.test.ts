// The stepper's marks follow their lines through the reader's edits: a line keeps its marker where it
// moved, a line edited in place keeps it, a removed line loses it, and texts too far apart have no map.
import { describe, expect, it } from "vitest";
import { lineMap, markersOnLines } from "../../src/components/playground/line-map.ts";
import type { LineMarker } from "../../src/runtime/trace/index.ts";

const run = ["import { run, sleep } from 'asyncio';", "async function main() {", "  await sleep(1);", "  print('done');", "}", "await run(main());"].join("\n");
const lines = (text: string) => text.split("\n");
/** The text of each line of `from` where the map puts it in `to` (undefined where it puts none). */
const moved = (from: string, to: string) => {
  const map = lineMap(from, to)!;
  return lines(from).map((_, i) => (map.has(i + 1) ? lines(to)[map.get(i + 1)! - 1] : undefined));
};

describe("lineMap", () => {
  it("maps every line to itself when nothing changed", () => {
    expect([...lineMap(run, run)!]).toEqual(lines(run).map((_, i) => [i + 1, i + 1]));
  });

  it("follows lines moved down by lines added above them, and up by lines removed", () => {
    const added = run.replace("async function main", "// a comment\n// another\nasync function main");
    expect(moved(run, added)).toEqual(lines(run));
    expect(lineMap(run, added)!.get(4)).toBe(6);
    const removed = lines(run).filter((_, i) => i !== 0).join("\n");
    expect(lineMap(run, removed)!.get(1)).toBeUndefined();
    expect(lineMap(run, removed)!.get(4)).toBe(3);
  });

  it("keeps a line edited in place on its line, and drops lines replaced by a different number of lines", () => {
    const edited = run.replace("sleep(1)", "sleep(2)");
    expect(lineMap(run, edited)!.get(3)).toBe(3);
    expect(lineMap(run, edited)!.get(4)).toBe(4);
    const split = run.replace("  await sleep(1);", "  await sleep(0.5);\n  await sleep(0.5);");
    expect(lineMap(run, split)!.get(3)).toBeUndefined();
    expect(lines(split)[lineMap(run, split)!.get(4)! - 1]).toBe("  print('done');");
  });

  it("follows two edits far apart, one adding a line and one removing one", () => {
    const body = Array.from({ length: 30 }, (_, i) => `  print(${i});`);
    const before = ["async function main() {", ...body, "}"].join("\n");
    const after = ["async function main() {", "  print('new');", ...body.slice(0, 20), ...body.slice(21), "}"].join("\n");
    const map = lineMap(before, after)!;
    expect(map.get(2)).toBe(3); // print(0), one line down
    expect(map.get(21)).toBe(22); // print(19), still one line down
    expect(map.get(22)).toBeUndefined(); // print(20), removed
    expect(map.get(23)).toBe(23); // print(21): back in place
  });

  it("has no map for texts more than 100 lines apart (added and removed)", () => {
    const lines = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}${i}`);
    const program = lines("kept", 200);
    const replaced = (n: number) => [...lines("new", n), ...program.slice(n)].join("\n");
    expect(lineMap(program.join("\n"), replaced(45))!.get(46)).toBe(46); // 90 lines added and removed
    expect(lineMap(program.join("\n"), replaced(55))).toBeNull(); // 110
    expect(lineMap(lines("a", 500).join("\n"), lines("b", 500).join("\n"))).toBeNull();
  });
});

describe("markersOnLines", () => {
  it("moves each marker to its line and leaves out those whose line is gone", () => {
    const markers: LineMarker[] = [
      { line: 3, state: "waiting", task: 1, name: "Task-1" },
      { line: 4, state: "running", task: 2, name: "Task-2" },
    ];
    const map = new Map([[4, 7]]);
    expect(markersOnLines(markers, map)).toEqual([{ line: 7, state: "running", task: 2, name: "Task-2" }]);
  });
});
