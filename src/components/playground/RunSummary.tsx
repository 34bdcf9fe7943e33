// The line under a run's console: where the run ended, and whether that is what the lesson declares.
import { memo } from "react";
import type { RunResult } from "../../runtime/trace/index.ts";
import { matchesExpectation, type Expectation } from "./expectation.ts";
import { VerdictMark } from "./VerdictMark.tsx";

/** "Ended at 2.000 s of virtual time. ✓ Matches the lesson's expected output." A real-clock run made
 *  when the site was built (`built`) says so: it measured that machine, not the reader's. A stale run
 *  (the code changed, or the last attempt failed) gives no verdict: it is not about the code shown.
 *  Its words stay, unseen and unread, so that the line keeps its height: the verdict made it wrap, and
 *  the diagram under it moved up as the reader typed and back down at the next Run, repainted whole. */
export const RunSummary = memo(function RunSummary({ result, expectation, clock, built = false, stale = false }: { result: RunResult; expectation: Expectation; clock: "virtual" | "real"; built?: boolean; stale?: boolean }) {
  const match = matchesExpectation(result, expectation, clock);
  const what = clock === "virtual" ? "virtual time" : built ? "real time, measured on the machine that built this site (press Run to measure yours)" : "real time, measured on your machine";
  // One box, always there: its notes come and go without a sibling of the diagram's being put in
  // before it (PlaygroundIsland's output notes say why).
  return (
    <div className="pg-run-summary">
      <p className="pg-summary">
        Ended at <strong>{result.virtualEnd.toFixed(3)} s</strong> of {what}.
        {match === null ? null : (
          <span className={match ? "pg-match" : "pg-mismatch"} {...(stale ? { "data-held": "", "aria-hidden": true } : {})}>
            {" "}
            <VerdictMark met={match} />
            {match ? "Matches the lesson's expected output." : "Differs from the lesson's expected output."}
          </span>
        )}
      </p>
      {result.notes?.map((note) => (
        <p key={note} className="pg-run-note" data-run-note>
          {note}
        </p>
      ))}
      {/* How the program ended, where a long console would hide it at its bottom. */}
      {result.error ? (
        <p className="pg-failure" data-run-failure>
          The program stopped: {result.error.message}
          {result.error.line !== undefined ? ` (line ${result.error.line})` : ""}
        </p>
      ) : null}
    </div>
  );
});
