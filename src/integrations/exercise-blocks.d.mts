// Types for exercise-blocks.mjs (plain JavaScript, so astro.config.mjs can load it as is).
import type { Goal } from "../components/playground/goal.ts";

/** One exercise as a lesson declares it. */
export interface ExerciseBlock {
  id: string;
  /** The first ```ts fence: the starting code the reader edits. */
  code: string;
  /** The ```ts solution fence: a reference solution that meets the goal. */
  solution: string;
  /** What a run must reach: goal-end="…" and/or the ```output fence. */
  goal: Goal;
}

/** The name of the MDX element, "Exercise". */
export const EXERCISE: string;

/** The import line playground-blocks.mjs adds to a lesson that has exercises. */
export const EXERCISE_IMPORT: string;

/** The props of one Exercise element: id, starting code, solution and goal; throws an author-facing error. */
export function exerciseProps(node: unknown, where: string): ExerciseBlock;

/** The element that replaces an <Exercise> block in the compiled MDX. */
export function exerciseElement(node: unknown, where: string): string;

/** Every exercise of one lesson's MDX source, with its props (for tests and scripts). */
export function collectExercises(source: string, file?: string): Promise<ExerciseBlock[]>;
