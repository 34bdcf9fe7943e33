// Small helpers for tests that look at a run's trace.
import type { EventOf, RunResult, TraceEvent, TraceEventKind } from "../../src/runtime/trace/index.ts";

/** The 1-based line of the first line of `source` that contains `snippet` (fails loudly if none). */
export function lineOf(source: string, snippet: string, occurrence = 1): number {
  let seen = 0;
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(snippet) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`test program has no line containing ${JSON.stringify(snippet)} (occurrence ${occurrence})`);
}

/** Every event of one kind, typed. */
export function eventsOf<K extends TraceEventKind>(events: readonly TraceEvent[], kind: K): EventOf<K>[] {
  return events.filter((e): e is EventOf<K> => e.kind === kind);
}

/** Task ids by name ("Task-1" → id), from the task-created events. */
export function taskIds(result: RunResult): Map<string, number> {
  return new Map(eventsOf(result.events, "task-created").map((e) => [e.name, e.task]));
}

/** The id of the task with this name (fails loudly if there is none). */
export function taskId(result: RunResult, name: string): number {
  const id = taskIds(result).get(name);
  if (id === undefined) throw new Error(`no task named ${name} in the trace`);
  return id;
}

/** Each stdout line with the virtual time of its print event. */
export function stampedStdout(result: RunResult): { t: number; text: string; line?: number; task?: number }[] {
  return eventsOf(result.events, "print")
    .filter((e) => e.stream === "stdout")
    .flatMap((e) => e.text.split("\n").map((text) => ({ t: e.t, text, line: e.line, task: e.task })));
}

/** The 1-based line of `source` that is exactly `text` (fails loudly if none). */
export function exactLine(source: string, text: string): number {
  const index = source.split("\n").indexOf(text);
  if (index < 0) throw new Error(`test program has no line ${JSON.stringify(text)}`);
  return index + 1;
}
