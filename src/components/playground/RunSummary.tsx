// The line under a run's console: where the run ended, and whether that is what the lesson declares.
import type { RunResult } from "../../runtime/trace/index.ts";
import { matchesExpectation, type Expectation } from "./expectation.ts";

/** "Ended at 2.000 s of virtual time. ✓ Matches the lesson's expected output." */
export function RunSummary({ result, expectation, clock }: { result: RunResult; expectation: Expectation; clock: "virtual" | "real" }) {
  const match = matchesExpectation(result, expectation, clock);
  return (
    <>
      <p className="pg-summary">
        Ended at <strong>{result.virtualEnd.toFixed(3)} s</strong> of {clock === "real" ? "real time, on this machine" : "virtual time"}.
        {match === true ? <span className="pg-match"> ✓ Matches the lesson's expected output.</span> : null}
        {match === false ? <span className="pg-mismatch"> ✗ Differs from the lesson's expected output.</span> : null}
      </p>
      {/* How the program ended, where a long console would hide it at its bottom. */}
      {result.error ? (
        <p className="pg-failure" data-run-failure>
          The program stopped: {result.error.message}
          {result.error.line !== undefined ? ` (line ${result.error.line})` : ""}
        </p>
      ) : null}
    </>
  );
}
