// What a lesson declares a playground prints, and whether a run matches it. A declared line may hold
// "…", which stands for any text: real-time playgrounds print measured times that differ per run.
import type { RunResult } from "../../runtime/trace/index.ts";

/** A playground's declared expectation: printed lines, warnings and virtual end time (null: not declared). */
export interface Expectation {
  stdout: string[] | null;
  /** Declared warnings: checked only when the lesson declares them. */
  stderr: string[] | null;
  virtualEnd: number | null;
}

/** How far a run's end may be from a declared end time, in seconds: printed times have three decimals. */
export const END_TOLERANCE = 5e-4;

/** The wildcard of declared output lines. */
export const ANY_TEXT = "…";

/** Whether a printed line matches a declared one. */
export function lineMatches(declared: string, printed: string): boolean {
  if (!declared.includes(ANY_TEXT)) return declared === printed;
  const pattern = declared
    .split(ANY_TEXT)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*?");
  return new RegExp(`^${pattern}$`, "s").test(printed);
}

/** Whether the printed lines match the declared ones, line for line. */
export function outputMatches(declared: readonly string[], printed: readonly string[]): boolean {
  return declared.length === printed.length && declared.every((line, i) => lineMatches(line, printed[i]));
}

/** Whether a run matches what the lesson declares (null: it declares nothing); real-time runs end when they end. */
export function matchesExpectation(result: RunResult, expectation: Expectation, clock: "virtual" | "real"): boolean | null {
  const end = clock === "real" ? null : expectation.virtualEnd;
  if (!expectation.stdout && end === null) return null;
  const sameOutput = (!expectation.stdout || outputMatches(expectation.stdout, result.stdout)) && (!expectation.stderr || outputMatches(expectation.stderr, result.stderr));
  const sameEnd = end === null || Math.abs(result.virtualEnd - end) < END_TOLERANCE;
  return sameOutput && sameEnd;
}
