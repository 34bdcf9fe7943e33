// The console of a run, derived from its print events: one entry per printed line of text, with the
// virtual time it was printed at. Pure: the Console view, the stepper and the tests all read it here.
import type { EventOf, TraceEvent } from "./trace.ts";

/** One printed line with its virtual time. */
export interface ConsoleLine {
  t: number;
  text: string;
  stream: "stdout" | "stderr";
  line?: number;
}

/** The lines one print event wrote (a print of "a\nb" is two lines). */
export function printedLines(event: EventOf<"print">): ConsoleLine[] {
  return event.text.split("\n").map((text) => ({ t: event.t, text, stream: event.stream, line: event.line }));
}

/** Every printed line of a trace, in order. */
export function consoleLines(events: readonly TraceEvent[]): ConsoleLine[] {
  return events.flatMap((e) => (e.kind === "print" ? printedLines(e) : []));
}
