// The console: every line the program printed, stamped with the time it was printed at; lines from
// threads and processes are marked with the worker that printed them. A long console (a runaway
// print loop stopped at the print cap) draws only the rows in view, so it costs the page no more
// than a short one.
import { memo, useState, type UIEvent } from "react";
import type { ConsoleLine } from "../../runtime/trace/index.ts";
import { countText } from "../count.ts";

/** Consoles longer than this draw only the rows in view (one line each, a fixed height). */
const WINDOW_AFTER = 300;
/** A windowed row's height in CSS pixels (playground.css sets it too), and rows drawn beyond the view. */
const ROW_HEIGHT = 20;
const OVERSCAN = 20;
/** Rows drawn before the box is measured (the server's render). */
const FIRST_ROWS = 40;

function Line({ line, top }: { line: ConsoleLine; top?: number }) {
  return (
    <li className={line.stream === "stderr" ? "pg-stderr" : undefined} style={top === undefined ? undefined : { top }}>
      <span className="pg-stamp" data-console-stamp title={`virtual time ${line.t.toFixed(3)} s`}>
        {line.t.toFixed(3)}
      </span>
      {line.worker ? (
        <span className="pg-console-worker" data-console-worker title={`printed by the worker ${line.worker}`}>
          {line.worker}
        </span>
      ) : null}
      {line.stream === "stdout" ? <span data-console-line>{line.text}</span> : <span data-console-stderr>{line.text}</span>}
    </li>
  );
}

/** The console view: stdout lines carry `data-console-line` with exactly the printed text. Memoised:
 *  the playground re-renders on every step of the stepper, the console only when its lines change. */
export const Console = memo(function Console({ lines }: { lines: readonly ConsoleLine[] }) {
  const [view, setView] = useState({ first: 0, rows: FIRST_ROWS });
  const windowed = lines.length > WINDOW_AFTER;
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const box = event.currentTarget;
    const first = Math.max(0, Math.floor(box.scrollTop / ROW_HEIGHT) - OVERSCAN);
    setView({ first, rows: Math.ceil(box.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN });
  };
  const shown = windowed ? lines.slice(view.first, view.first + view.rows) : lines;
  return (
    <div
      className={windowed ? "pg-console pg-console-window" : "pg-console"}
      data-console
      data-console-lines={lines.length}
      // A group, not a region: a page of playgrounds would have many landmarks of one name.
      role="group"
      tabIndex={0}
      aria-label={windowed ? `Console output: ${countText(lines.length)} lines (scroll to see them all)` : "Console output"}
      onScroll={windowed ? onScroll : undefined}
    >
      {lines.length === 0 ? <p className="pg-console-empty">Nothing printed.</p> : null}
      <ol style={windowed ? { height: lines.length * ROW_HEIGHT } : undefined}>
        {shown.map((l, i) => (
          <Line key={view.first + i} line={l} top={windowed ? (view.first + i) * ROW_HEIGHT : undefined} />
        ))}
      </ol>
    </div>
  );
});
