// The console of a run, derived from its print events: one entry per printed line of text, with the
// time it was printed at and, for lines a thread or process printed, that worker's name. Pure: the
// Console view, the stepper and the tests all read it here.
import type { EventOf, TraceEvent } from "./schema.ts";

/** One printed line with its time. */
export interface ConsoleLine {
  t: number;
  text: string;
  stream: "stdout" | "stderr";
  line?: number;
  /** The worker that printed it ("asyncio_0", "Process-1"); undefined for the main thread. */
  worker?: string;
}

/** The lines one print event wrote (a print of "a\nb" is two lines); `worker` names its lane. */
export function printedLines(event: EventOf<"print">, worker?: string): ConsoleLine[] {
  return event.text.split("\n").map((text) => ({ t: event.t, text, stream: event.stream, line: event.line, worker }));
}

/** Every printed line of a trace, in order. */
export function consoleLines(events: readonly TraceEvent[]): ConsoleLine[] {
  const workers = new Map<number, string>();
  return events.flatMap((e) => {
    if (e.kind === "job-started") workers.set(e.lane, e.laneName);
    return e.kind === "print" ? printedLines(e, e.lane === undefined ? undefined : workers.get(e.lane)) : [];
  });
}
