// The console: every line the program printed, stamped with the virtual time it was printed at.
import type { TraceEvent } from "../../runtime/trace.ts";

interface ConsoleLine {
  t: number;
  text: string;
  stream: "stdout" | "stderr";
  line?: number;
}

/** Printed lines from a trace, one entry per line of text. */
export function consoleLines(events: readonly TraceEvent[]): ConsoleLine[] {
  const lines: ConsoleLine[] = [];
  for (const e of events) {
    if (e.kind !== "print") continue;
    for (const text of e.text.split("\n")) lines.push({ t: e.t, text, stream: e.stream, line: e.line });
  }
  return lines;
}

/** The console view: stdout lines carry `data-console-line` with exactly the printed text. */
export function Console({ events, upTo }: { events: readonly TraceEvent[]; upTo?: number }) {
  const lines = consoleLines(upTo === undefined ? events : events.filter((e) => e.seq <= upTo));
  return (
    <div className="pg-console" data-console aria-label="Console output">
      {lines.length === 0 ? <p className="pg-console-empty">Nothing printed.</p> : null}
      <ol>
        {lines.map((l, i) => (
          <li key={i} className={l.stream === "stderr" ? "pg-stderr" : undefined}>
            <span className="pg-stamp" data-console-stamp title={`virtual time ${l.t.toFixed(3)} s`}>
              {l.t.toFixed(3)}
            </span>
            {l.stream === "stdout" ? <span data-console-line>{l.text}</span> : <span data-console-stderr>{l.text}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
