// The console: every line the program printed, stamped with the time it was printed at; lines from
// threads and processes are marked with the worker that printed them.
import type { ConsoleLine } from "../../runtime/trace/index.ts";

/** The console view: stdout lines carry `data-console-line` with exactly the printed text. */
export function Console({ lines }: { lines: readonly ConsoleLine[] }) {
  return (
    <div className="pg-console" data-console aria-label="Console output">
      {lines.length === 0 ? <p className="pg-console-empty">Nothing printed.</p> : null}
      <ol>
        {lines.map((l, i) => (
          <li key={i} className={l.stream === "stderr" ? "pg-stderr" : undefined}>
            <span className="pg-stamp" data-console-stamp title={`virtual time ${l.t.toFixed(3)} s`}>
              {l.t.toFixed(3)}
            </span>
            {l.worker ? (
              <span className="pg-console-worker" data-console-worker title={`printed by the worker ${l.worker}`}>
                {l.worker}
              </span>
            ) : null}
            {l.stream === "stdout" ? <span data-console-line>{l.text}</span> : <span data-console-stderr>{l.text}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
