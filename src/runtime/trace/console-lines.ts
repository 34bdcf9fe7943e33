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
  const builder = new ConsoleBuilder();
  for (const e of events) builder.add(e);
  return builder.lines;
}

/** The console built one event at a time (a page spreads a long trace over many frames). */
export class ConsoleBuilder {
  readonly lines: ConsoleLine[] = [];
  private readonly workers = new Map<number, string>();

  /** Apply the next event of the trace. */
  add(e: TraceEvent): void {
    if (e.kind === "job-started") this.workers.set(e.lane, e.laneName);
    else if (e.kind === "print") for (const line of printedLines(e, e.lane === undefined ? undefined : this.workers.get(e.lane))) this.lines.push(line);
  }
}
