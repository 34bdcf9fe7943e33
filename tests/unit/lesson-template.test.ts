// A contributor's lesson gets the site's lesson checks with no test code of its own: a lesson made
// from templates/lesson.mdx, in a temporary folder outside the site, is found by the same discovery
// (lesson-sources.ts) and checked by the same checks (lesson-checks.ts) as the site's lessons: its
// playground prints what it declares and ends when it says, in Node and its Python twin under
// CPython, and its exercise's solution meets the goal while the starting code does not.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT, lessonsIn } from "../support/lesson-sources.ts";
import { checkExercises, checkPlaygrounds } from "../support/lesson-checks.ts";

const folder = mkdtempSync(join(tmpdir(), "async-animated-lesson-"));
copyFileSync(join(ROOT, "templates/lesson.mdx"), join(folder, "my-lesson.mdx"));
const lessons = await lessonsIn(folder);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("finds the new lesson, its playground (with a Python twin) and its exercise", () => {
  expect(lessons.map((l) => l.file)).toEqual(["my-lesson.mdx"]);
  const [lesson] = lessons;
  expect(lesson.playgrounds.map((pg) => [pg.id, pg.end, !!pg.python, !!pg.expected])).toEqual([["two-kettles", "3.000", true, true]]);
  expect(lesson.exercises.map((ex) => [ex.id, ex.goal])).toEqual([["boil-together", { stdout: null, virtualEnd: 3 }]]);
});

checkPlaygrounds(lessons);
checkExercises(lessons);
