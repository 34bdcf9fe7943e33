// Every playground on every lesson page, checked two ways:
//   1. its TypeScript, run on the runtime, prints the declared output and ends at the declared time;
//   2. its Python twin, run under CPython's own asyncio on a virtual clock
//      (tests/python/virtual_asyncio.py), prints the same lines at the same virtual times.
// New lessons and playgrounds are picked up automatically; no per-lesson test code is needed.
// Exercises (<Exercise>) are not collected here: their starting code misses its goal on purpose and
// has no Python twin; exercises.test.ts checks each against its goal.
// Real-time playgrounds (clock="real") print measured times: their output is matched with "…" as a
// wildcard, they declare no end time, and their Python twin (which needs a network and an image
// library) is shown, not run.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectPlaygrounds, type PlaygroundBlock } from "../../src/integrations/playground-blocks.mjs";
import { runTs } from "../support/run-ts.ts";
import { runPython, stdoutStamps } from "../support/cpython.ts";
import { outputMatches } from "../../src/components/playground/expectation.ts";

type Playground = PlaygroundBlock & { clock?: string; model?: "lazy" | "eager" };
const isReal = (pg: Playground) => pg.clock === "real";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = join(ROOT, "src/content/docs");

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return mdxFiles(path);
      return entry.name.endsWith(".mdx") ? [path] : [];
    })
    .sort();
}

const lessons: { file: string; playgrounds: Playground[] }[] = [];
for (const path of mdxFiles(DOCS)) {
  const file = relative(ROOT, path);
  const playgrounds = (await collectPlaygrounds(readFileSync(path, "utf8"), file)) as Playground[];
  if (playgrounds.length) lessons.push({ file, playgrounds });
}

/** The declared output fence as lines (no fence: nothing printed). */
const expectedLines = (pg: Playground) => (pg.expected ? pg.expected.split("\n") : []);

it("finds the lessons' playgrounds", () => {
  const count = lessons.reduce((n, l) => n + l.playgrounds.length, 0);
  expect(count).toBeGreaterThanOrEqual(10);
});

describe.each(lessons)("$file", ({ file, playgrounds }) => {
  it("gives every playground a unique id and a declared end time", () => {
    const ids = playgrounds.map((pg) => pg.id);
    for (const pg of playgrounds) {
      expect(pg.id, `${file}: a <Playground> without id`).toBeTruthy();
      expect(pg.clock ?? "virtual", `${file}#${pg.id}: clock`).toMatch(/^(virtual|real)$/);
      expect(pg.model ?? "lazy", `${file}#${pg.id}: model`).toMatch(/^(lazy|eager)$/);
      // The Python twin runs under asyncio's lazy model: an eager playground has none.
      if (pg.model === "eager") expect(pg.python, `${file}#${pg.id}: an eager playground has no Python twin`).toBeUndefined();
      if (isReal(pg)) expect(pg.end, `${file}#${pg.id}: a real-time playground has no end time`).toBeUndefined();
      else expect(pg.end, `${file}#${pg.id}: no end="…" attribute`).toMatch(/^\d+(\.\d+)?$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(playgrounds)("playground $id", (pg) => {
    const where = `${file}#${pg.id}`;

    it("TypeScript prints the declared output and ends at the declared time", async () => {
      const r = await runTs(pg.code, { clock: isReal(pg) ? "real" : "virtual", model: pg.model });
      expect(r.error, `${where}: the program failed`).toBeUndefined();
      if (isReal(pg)) expect(outputMatches(expectedLines(pg), r.stdout), `${where}: printed lines\n${r.stdout.join("\n")}`).toBe(true);
      else expect(r.stdout, `${where}: printed lines`).toEqual(expectedLines(pg));
      if (!isReal(pg)) expect(r.virtualEnd, `${where}: virtual end`).toBeCloseTo(Number(pg.end), 9);
      expect(r.stderr, `${where}: warnings`).toEqual([]);
    });

    it.runIf(pg.python && !isReal(pg))("the Python twin prints the same lines at the same times under CPython", async () => {
      const [py, ts] = await Promise.all([runPython(pg.python!), runTs(pg.code)]);
      expect(py.error, `${where}: the Python twin failed`).toBeNull();
      expect(py.stdout, `${where}: CPython's printed lines`).toEqual(expectedLines(pg));
      expect(py.virtualEnd, `${where}: CPython's virtual end`).toBeCloseTo(Number(pg.end), 9);
      expect(py.stderr, `${where}: CPython's warnings`).toEqual([]);
      expect(stdoutStamps(ts), `${where}: the virtual time of each printed line`).toEqual(py.stamps);
    });
  });
});
