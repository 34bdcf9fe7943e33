// The event log: every step of the run as a table row (time, task, what happened), the text
// alternative to the timing diagram. Linked to the stepper: the current step is marked, and each
// row's number is a button that jumps there.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Step, TraceEvent } from "../../runtime/trace/index.ts";
import type { StepperModel } from "../stepper/use-stepper.ts";

/** Rows beyond this are left out (a page with thousands of rows helps nobody); the stepper has them all. */
const MAX_ROWS = 1000;

/** The log of one run's steps; `interactive` once the island is hydrated. The table is built when
 * the log is first opened. The server renders it for readers without JavaScript, inside <noscript>:
 * with JavaScript the browser keeps that as text, and never builds the rows (a table of 1,000 rows,
 * 160 KB of a page's HTML, was parsed into ~2,800 elements that hydration then took out again). */
export function EventLog({ events, model, interactive, name }: { events: readonly TraceEvent[]; model: StepperModel; interactive: boolean; name: string }) {
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the island hydrated (no one was listening to its toggle then): built now.
  useEffect(() => {
    if (interactive && details.current?.open) setOpened(true);
  }, [interactive]);
  return (
    <details ref={details} className="pg-log" data-event-log onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Event log: the run as a table ({model.steps.length} steps)</summary>
      {opened ? (
        <LogTable events={events} model={model} interactive={interactive} name={name} />
      ) : interactive ? null : (
        <noscript>
          <LogTable events={events} model={model} interactive={false} name={name} />
        </noscript>
      )}
    </details>
  );
}

function LogTable({ events, model, interactive, name }: { events: readonly TraceEvent[]; model: StepperModel; interactive: boolean; name: string }) {
  const rows: Step[] = Array.from({ length: Math.min(MAX_ROWS, model.steps.length) }, (_, i) => model.steps.at(i)!);
  // The names of the rows' tasks: a task is made before its first step, so the events up to the last
  // row's are read, not a long run's all (each read of a kept-packed run makes its event: packed-list.ts).
  const lastSeq = rows.at(-1)?.seq ?? -1;
  const names = useMemo(() => {
    const found = new Map<number, string>();
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.seq > lastSeq) break;
      if (e.kind === "task-created") found.set(e.task, e.name);
    }
    return found;
  }, [events, lastSeq]);
  return (
      <div className="pg-log-scroll" tabIndex={0} role="region" aria-label={`Event log: ${name}`}>
        <table>
          <caption>Every step of the run, in order: what the timing diagram shows, as text.</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Time (s)</th>
              <th scope="col">Task</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((step, i) => (
              <tr key={step.seq} aria-current={i === model.step ? "step" : undefined} data-log-row={i}>
                <td>
                  {interactive ? (
                    <button type="button" className="pg-log-go" onClick={() => model.go(i)} aria-label={`Show step ${i + 1} in the stepper`}>
                      {i + 1}
                    </button>
                  ) : (
                    i + 1
                  )}
                </td>
                <td>{step.t.toFixed(3)}</td>
                <td>{step.task === undefined ? "" : (names.get(step.task) ?? "")}</td>
                <td>{step.narration}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {model.steps.length > MAX_ROWS ? (
          <p className="pg-log-more">
            The first {MAX_ROWS} of {model.steps.length} steps are listed; the stepper shows them all.
          </p>
        ) : null}
      </div>
  );
}
