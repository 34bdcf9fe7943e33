// The Node-side checks of lessons, for any list of lessons (lesson-sources.ts finds them in the
// site's docs, or in any folder: a lesson made from the template is checked the same way). Each call
// registers vitest tests; no lesson needs test code of its own.
//   checkPlaygrounds: every playground's TypeScript, run on the runtime, prints the declared output
//     and ends at the declared time; its Python twin, run under CPython's own asyncio on a virtual
//     clock (tests/python/virtual_asyncio.py), prints the same lines at the same virtual times.
//   checkExercises: every exercise's solution meets its goal and its starting code does not, judged
//     by the same checkGoal the page uses.
// A declared line may hold "…", which matches any text: reprs that hold an address in CPython
// (<coroutine object make_tea at 0x…>), and the measured times of real-time playgrounds
// (clock="real"), which declare no end time and whose Python twin (which needs a network and an
// image library) is shown, not run.
// A ```stderr fence declares the run's warnings. CPython's versions of them carry more lines (the
// source line of a "never awaited" warning, its tracemalloc hint): the declared lines must appear in
// CPython's stderr in order, and be the TypeScript run's stderr exactly.
import { describe, expect, it } from "vitest";
import { checkGoal, goalMessage } from "../../src/components/playground/goal.ts";
import { lineMatches, outputMatches } from "../../src/components/playground/expectation.ts";
import { runTs } from "./run-ts.ts";
import { runPython, stdoutStamps } from "./cpython.ts";
import type { Lesson, Playground } from "./lesson-sources.ts";

const isReal = (pg: Playground) => pg.clock === "real";

/** The declared output fence as lines (no fence: nothing printed). */
const expectedLines = (pg: Playground) => (pg.expected ? pg.expected.split("\n") : []);
/** The declared stderr fence as lines (no fence: no warnings). */
const expectedWarnings = (pg: Playground) => (pg.warnings ? pg.warnings.split("\n") : []);

/** Printed lines match the declared ones ("…" as a wildcard); on a mismatch, show the diff. */
function expectLines(printed: string[], declared: string[], what: string) {
  if (!outputMatches(declared, printed)) expect(printed, what).toEqual(declared);
}

/** Every declared line matches one of CPython's lines, in order (CPython may write more). */
function expectWithin(printed: string[], declared: string[], what: string) {
  let at = 0;
  for (const line of declared) {
    while (at < printed.length && !lineMatches(line, printed[at])) at++;
    expect(at, `${what}: no line matches "${line}" in\n${printed.join("\n")}`).toBeLessThan(printed.length);
    at++;
  }
  if (!declared.length) expect(printed, what).toEqual([]);
}

/** Every playground of these lessons, in Node and under CPython (exercises are not playgrounds here: their starting code misses its goal on purpose). */
export function checkPlaygrounds(lessons: Lesson[]): void {
  // A plain describe per lesson: describe.each shortens a "$file" title past 40 characters, and
  // `npm run test:lesson` finds a lesson's tests by its whole path.
  for (const { file, playgrounds } of lessons.filter((l) => l.playgrounds.length)) describe(file, () => {
    it("gives every playground a unique id and a declared end time", () => {
      const ids = playgrounds.map((pg) => pg.id);
      for (const pg of playgrounds) {
        expect(pg.id, `${file}: a <Playground> without id`).toBeTruthy();
        expect(pg.clock ?? "virtual", `${file}#${pg.id}: clock`).toMatch(/^(virtual|real)$/);
        expect(pg.model ?? "lazy", `${file}#${pg.id}: model`).toMatch(/^(lazy|eager)$/);
        // The Python twin runs under asyncio's lazy model: an eager playground has none.
        if (pg.model === "eager") expect(pg.python, `${file}#${pg.id}: an eager playground has no Python twin`).toBeUndefined();
        // Every virtual-clock playground of asyncio's model is checked against CPython: it has a twin,
        // or says why it has none (no-twin="…", shown to the reader).
        else if (!isReal(pg)) expect(pg.python ?? pg["no-twin"], `${file}#${pg.id}: no Python twin (add a \`\`\`python fence, or no-twin="why")`).toBeTruthy();
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
        expectLines(r.stdout, expectedLines(pg), `${where}: printed lines`);
        if (!isReal(pg)) expect(r.virtualEnd, `${where}: virtual end`).toBeCloseTo(Number(pg.end), 9);
        expectLines(r.stderr, expectedWarnings(pg), `${where}: warnings`);
      });

      // compare="eager": the same program, run under the other model beside the playground's own run.
      // (Tests that do not apply are not registered, rather than skipped: a skip would hide nothing here.)
      if (pg.compare !== undefined) it("under the compared model too, it prints what the lesson declares and ends where it says", async () => {
        const r = await runTs(pg.code, { model: pg.compare });
        expect(r.error, `${where} (${pg.compare}): the program failed`).toBeUndefined();
        expectLines(r.stdout, pg.compareExpected!.split("\n"), `${where} (${pg.compare}): printed lines`);
        expect(r.virtualEnd, `${where} (${pg.compare}): virtual end`).toBeCloseTo(Number(pg["compare-end"]), 9);
      });

      if (pg.python && !isReal(pg)) it("the Python twin prints the same lines at the same times under CPython", async () => {
        const [py, ts] = await Promise.all([runPython(pg.python!), runTs(pg.code)]);
        expect(py.error, `${where}: the Python twin failed`).toBeNull();
        expectLines(py.stdout, expectedLines(pg), `${where}: CPython's printed lines`);
        expect(py.virtualEnd, `${where}: CPython's virtual end`).toBeCloseTo(Number(pg.end), 9);
        expectWithin(py.stderr, expectedWarnings(pg), `${where}: CPython's warnings`);
        expect(stdoutStamps(ts), `${where}: the virtual time of each printed line`).toEqual(py.stamps);
      });
    });
  });
}

/** Every exercise of these lessons: its id is unique on its page, its solution meets the goal and its starting code does not. */
export function checkExercises(lessons: Lesson[]): void {
  for (const { file, exercises, playgrounds } of lessons.filter((l) => l.exercises.length)) describe(file, () => {
    it("gives every exercise an id no playground or other exercise on the page has", () => {
      // The id names the editor's saved code (localStorage) and the page's element ids.
      const ids = [...playgrounds.map((pg) => pg.id ?? ""), ...exercises.map((ex) => ex.id)];
      expect(new Set(ids).size, `${file}: ids ${ids.join(", ")}`).toBe(ids.length);
    });

    describe.each(exercises)("exercise $id", (ex) => {
      const where = `${file}#${ex.id}`;

      it("the solution meets the goal", async () => {
        const r = await runTs(ex.solution);
        const check = checkGoal(r, ex.goal);
        expect(check.met, `${where}: ${goalMessage(check)}\nprinted:\n${r.stdout.join("\n")}`).toBe(true);
        expect(r.stderr, `${where}: the solution's warnings`).toEqual([]);
      });

      it("the starting code does not", async () => {
        const check = checkGoal(await runTs(ex.code), ex.goal);
        expect(check.met, `${where}: ${goalMessage(check)}`).toBe(false);
      });
    });
  });
}
