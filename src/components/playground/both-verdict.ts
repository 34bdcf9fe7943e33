// "Both": the lesson's own check, done live on the reader's edits — the TypeScript run on the
// runtime and the Python run on CPython must print the same lines at the same virtual times, end at
// the same time and fail (or not) the same way. The verdict names the first place they part.
import { consoleLines, type RunResult } from "../../runtime/trace/index.ts";
import { lineMatches } from "./expectation.ts";

/** What the two runs share, or where they first differ (the text starts with "same" or "differs"). */
export interface BothVerdict {
  same: boolean;
  text: string;
}

const seconds = (t: number) => `${t.toFixed(3)} s`;

/** The printed lines of a run with the virtual time of each. */
function printed(result: RunResult): { text: string; t: number }[] {
  return consoleLines(result.events).filter((l) => l.stream === "stdout");
}

/** "ValueError: boom" from either side's error message (the runtime adds where it stopped). */
const errorName = (result: RunResult) => result.error?.message.split(/[:\s]/, 1)[0] ?? null;

/** `declared`: the lesson's output, whose "…" lines stand for what differs by design between the
 *  languages (a coroutine's repr, a memory address): both runs matching such a line agree there. */
export function bothVerdict(typescript: RunResult, python: RunResult, declared: readonly string[] = []): BothVerdict {
  const [ts, py] = [printed(typescript), printed(python)];
  for (let i = 0; i < Math.max(ts.length, py.length); i++) {
    const [a, b] = [ts[i], py[i]];
    const n = i + 1;
    if (!a) return { same: false, text: `differs at line ${n} of the output: only Python printed it ("${b.text}")` };
    if (!b) return { same: false, text: `differs at line ${n} of the output: only TypeScript printed it ("${a.text}")` };
    const bothFit = declared[i]?.includes("…") && lineMatches(declared[i], a.text) && lineMatches(declared[i], b.text);
    if (a.text !== b.text && !bothFit) return { same: false, text: `differs at line ${n} of the output: TypeScript printed "${a.text}", Python printed "${b.text}"` };
    if (Math.abs(a.t - b.t) > 1e-9) return { same: false, text: `differs at line ${n} of the output: "${a.text}" printed at ${seconds(a.t)} in TypeScript, at ${seconds(b.t)} in Python` };
  }
  const [tsError, pyError] = [errorName(typescript), errorName(python)];
  if (tsError !== pyError)
    return { same: false, text: `differs in how the runs end: TypeScript ${tsError ? `raised ${tsError}` : "finished"}, Python ${pyError ? `raised ${pyError}` : "finished"}` };
  if (Math.abs(typescript.virtualEnd - python.virtualEnd) > 1e-9)
    return { same: false, text: `differs at the end: TypeScript ends at ${seconds(typescript.virtualEnd)}, Python at ${seconds(python.virtualEnd)}` };
  const lines = `${ts.length} line${ts.length === 1 ? "" : "s"}`;
  return { same: true, text: `same output and times: ${lines}, both ending at ${seconds(typescript.virtualEnd)}${tsError ? `, both raising ${tsError}` : ""}` };
}
