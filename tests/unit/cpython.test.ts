// Every playground on every page of the site, checked two ways (tests/support/lesson-checks.ts):
//   1. its TypeScript, run on the runtime, prints the declared output and ends at the declared time;
//   2. its Python twin, run under CPython's own asyncio on a virtual clock
//      (src/python/virtual_asyncio.py), prints the same lines at the same virtual times.
// New lessons and playgrounds are picked up automatically (tests/support/lesson-sources.ts); no
// per-lesson test code is needed. Exercises are checked by exercises.test.ts.
import { expect, it } from "vitest";
import { lessonsIn } from "../support/lesson-sources.ts";
import { checkPlaygrounds } from "../support/lesson-checks.ts";

const lessons = await lessonsIn();

it("finds the lessons' playgrounds", () => {
  const count = lessons.reduce((n, l) => n + l.playgrounds.length, 0);
  expect(count).toBeGreaterThanOrEqual(10);
});

checkPlaygrounds(lessons);
