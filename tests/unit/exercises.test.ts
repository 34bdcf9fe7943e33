// Every exercise on every page, discovered from the MDX (tests/support/lesson-sources.ts) as
// cpython.test.ts discovers playgrounds: its solution meets the goal and its starting code does not,
// judged by the same checkGoal the page uses (tests/support/lesson-checks.ts). Then checkGoal's
// messages, and the build's messages for mistakes in an <Exercise> block.
import { describe, expect, it } from "vitest";
import { exerciseProps } from "../../src/integrations/exercise-blocks.mjs";
import { checkGoal, describeGoal, goalMessage, type Goal } from "../../src/components/playground/goal.ts";
import { lessonsIn } from "../support/lesson-sources.ts";
import { checkExercises } from "../support/lesson-checks.ts";

const lessons = await lessonsIn();

it("finds the chapters' exercises", () => {
  expect(lessons.reduce((n, l) => n + l.exercises.length, 0)).toBeGreaterThanOrEqual(11);
});

checkExercises(lessons);

describe("checkGoal", () => {
  const run = (stdout: string[], virtualEnd: number, error?: string) => ({ stdout, virtualEnd, error: error ? { message: error } : undefined });
  const endGoal: Goal = { stdout: null, virtualEnd: 2 };
  const linesGoal: Goal = { stdout: ["a", "b …", "c"], virtualEnd: null };

  it("says where the run ends and where the goal is", () => {
    expect(goalMessage(checkGoal(run([], 3), endGoal))).toBe("Not yet. The run ends at 3.000 s; the goal is 2.000 s.");
    expect(goalMessage(checkGoal(run([], 2.0004), endGoal))).toBe("Goal met. The run ends at 2.000 s, as the goal asks.");
    expect(checkGoal(run([], 2.0006), endGoal).met).toBe(false);
  });

  it("names the first line that differs, and counts lines when the numbers differ", () => {
    expect(checkGoal(run(["a", "b and more", "c"], 0), linesGoal)).toEqual({ met: true, reasons: ["It prints the 3 lines the goal asks for."] });
    expect(checkGoal(run(["a", "x", "c"], 0), linesGoal).reasons).toEqual(["Line 2 is “x”; the goal has “b …”."]);
    expect(checkGoal(run(["a"], 0), linesGoal).reasons).toEqual(["Line 2, “b …”, is missing. The run prints 1 line; the goal has 3."]);
    expect(checkGoal(run(["a", "b 2", "c", "d"], 0), linesGoal).reasons).toEqual([
      "The goal's lines are all there, but then the run prints “d” too. The run prints 4 lines; the goal has 3.",
    ]);
    expect(checkGoal(run(["x", "a", "b", "c"], 0), linesGoal).reasons).toEqual(["Line 1 is “x”; the goal has “a”. The run prints 4 lines; the goal has 3."]);
  });

  it("gives every reason at once, and an uncaught error alone", () => {
    const both: Goal = { stdout: ["a"], virtualEnd: 1 };
    expect(goalMessage(checkGoal(run(["b"], 3), both))).toBe("Not yet. The run ends at 3.000 s; the goal is 1.000 s. Line 1 is “b”; the goal has “a”.");
    expect(goalMessage(checkGoal(run(["a"], 1), both))).toBe("Goal met. The run ends at 1.000 s, as the goal asks. It prints the line the goal asks for.");
    expect(goalMessage(checkGoal(run([], 1, "DownloadError: example.com is down"), both))).toBe(
      "Not yet. The run stopped with an error: DownloadError: example.com is down.",
    );
  });

  it("describes the goal", () => {
    expect(describeGoal(endGoal)).toBe("The run must end at 2.000 s of virtual time.");
    expect(describeGoal({ stdout: ["a"], virtualEnd: 1 })).toBe("The run must end at 1.000 s of virtual time and print this line:");
    expect(describeGoal(linesGoal)).toBe("The run must print these 3 lines (… stands for any text):");
  });
});

describe("an <Exercise> block", () => {
  // A minimal mdast node, as Sätteri hands it to the plugin.
  const fence = (lang: string, value: string, meta: string | null = null) => ({ type: "code", lang, meta, value });
  const node = (attributes: Record<string, string>, children: unknown[]) => ({
    attributes: Object.entries(attributes).map(([name, value]) => ({ type: "mdxJsxAttribute", name, value })),
    children,
  });
  const start = fence("ts", "start");
  const solution = fence("ts", "solved", "solution");

  it("becomes props: starting code, solution and goal", () => {
    expect(exerciseProps(node({ id: "x", "goal-end": "2.000" }, [start, solution, fence("output", "a\nb")]), "here")).toEqual({
      id: "x",
      code: "start",
      solution: "solved",
      goal: { stdout: ["a", "b"], virtualEnd: 2 },
    });
  });

  it("fails the build with a message for the lesson's author", () => {
    expect(() => exerciseProps(node({ id: "x" }, [start, solution]), "lesson.mdx:3")).toThrow(/lesson\.mdx:3: an <Exercise> needs a goal: goal-end="…"/);
    expect(() => exerciseProps(node({ id: "x", "goal-end": "2" }, [start]), "here")).toThrow(/needs a ```ts solution fence/);
    expect(() => exerciseProps(node({ id: "x", "goal-end": "soon" }, [start, solution]), "here")).toThrow(/goal-end="soon" is not a number/);
    expect(() => exerciseProps(node({ id: "x", end: "2" }, [start, solution]), "here")).toThrow(/takes plain text attributes id="…" and goal-end="…" only; found end/);
    expect(() => exerciseProps(node({ id: "x", "goal-end": "2" }, [start, solution, fence("python", "")]), "here")).toThrow(/found ```python/);
    expect(() => exerciseProps(node({ "goal-end": "2" }, [start, solution]), "here")).toThrow(/needs an id/);
  });
});
