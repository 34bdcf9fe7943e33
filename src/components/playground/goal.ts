// An exercise's goal, and whether a run meets it, told in sentences for the reader. Pure: the island
// shows the verdict after each run, and the tests check the exercises with the same function.
import type { RunResult } from "../../runtime/trace/index.ts";
import { ANY_TEXT, END_TOLERANCE, lineMatches } from "./expectation.ts";

/** What a run must reach: its virtual end time, its printed lines ("…" matches any text), or both. */
export interface Goal {
  stdout: string[] | null;
  virtualEnd: number | null;
}

/** Whether a run met the goal; `reasons` says what differs, or, when met, what was reached. */
export interface GoalCheck {
  met: boolean;
  reasons: string[];
}

const seconds = (t: number) => `${t.toFixed(3)} s`;
const quote = (line: string) => `“${line}”`;
const lines = (n: number) => (n === 1 ? "1 line" : `${n} lines`);

// The first difference between the goal's lines and the printed ones, or null when they match.
function outputDifference(goal: readonly string[], printed: readonly string[]): string | null {
  const i = goal.findIndex((line, n) => n >= printed.length || !lineMatches(line, printed[n]));
  const counts = ` The run prints ${lines(printed.length)}; the goal has ${goal.length}.`;
  if (i === -1) {
    if (printed.length === goal.length) return null;
    return `The goal's lines are all there, but then the run prints ${quote(printed[goal.length])} too.${counts}`;
  }
  if (i >= printed.length) return `Line ${i + 1}, ${quote(goal[i])}, is missing.${counts}`;
  return `Line ${i + 1} is ${quote(printed[i])}; the goal has ${quote(goal[i])}.${printed.length === goal.length ? "" : counts}`;
}

/** Check a run against a goal. An uncaught error is the one reason given: it is the thing to fix first. */
export function checkGoal(result: Pick<RunResult, "stdout" | "virtualEnd" | "error">, goal: Goal): GoalCheck {
  if (result.error) return { met: false, reasons: [`The run stopped with an error: ${result.error.message.replace(/\.$/, "")}.`] };
  const reasons: string[] = [];
  if (goal.virtualEnd !== null && !(Math.abs(result.virtualEnd - goal.virtualEnd) < END_TOLERANCE)) {
    reasons.push(`The run ends at ${seconds(result.virtualEnd)}; the goal is ${seconds(goal.virtualEnd)}.`);
  }
  const difference = goal.stdout ? outputDifference(goal.stdout, result.stdout) : null;
  if (difference) reasons.push(difference);
  if (reasons.length) return { met: false, reasons };

  const met: string[] = [];
  if (goal.virtualEnd !== null) met.push(`The run ends at ${seconds(result.virtualEnd)}, as the goal asks.`);
  if (goal.stdout) met.push(`It prints the ${goal.stdout.length === 1 ? "line" : lines(goal.stdout.length)} the goal asks for.`);
  return { met: true, reasons: met };
}

/** The verdict as one paragraph: "Goal met. …" or "Not yet. …". */
export function goalMessage(check: GoalCheck): string {
  return [check.met ? "Goal met." : "Not yet.", ...check.reasons].join(" ");
}

/** The goal in words, e.g. "The run must end at 2.000 s and print these 7 lines:". */
export function describeGoal(goal: Goal): string {
  const parts = [];
  if (goal.virtualEnd !== null) parts.push(`end at ${seconds(goal.virtualEnd)} of virtual time`);
  if (goal.stdout) parts.push(`print ${goal.stdout.length === 1 ? "this line" : `these ${goal.stdout.length} lines`}`);
  const wildcard = goal.stdout?.some((line) => line.includes(ANY_TEXT)) ? ` (${ANY_TEXT} stands for any text)` : "";
  return `The run must ${parts.join(" and ")}${goal.stdout ? `${wildcard}:` : "."}`;
}
