// The parts a playground gains when it is an exercise: the goal above the editor, and below it the
// verdict on the last run (a live region, so it is announced after each run) and a solution behind a
// disclosure, with a button that puts it in the editor.
import { describeGoal, type Goal, type GoalCheck } from "./goal.ts";
import { VerdictMark } from "./VerdictMark.tsx";

/** What makes a playground an exercise. */
export interface ExerciseSpec {
  goal: Goal;
  /** A reference solution that meets the goal. */
  solution: string;
}

/** The goal, in words and, when it has them, the lines the run must print. */
export function ExerciseGoal({ goal }: { goal: Goal }) {
  return (
    <div className="pg-goal">
      <p>
        <strong>Goal.</strong> {describeGoal(goal)}
      </p>
      {goal.stdout ? (
        <pre className="pg-goal-lines" role="group" aria-label="The lines the run must print" tabIndex={0}>
          <code>{goal.stdout.join("\n")}</code>
        </pre>
      ) : null}
    </div>
  );
}

/** The verdict on the run shown below it: empty while a run is under way (`check` null). */
export function ExerciseVerdict({ check }: { check: GoalCheck | null }) {
  return (
    <div className="pg-verdict" role="status" aria-live="polite" aria-atomic="true" data-goal={check === null ? "pending" : check.met ? "met" : "not-met"}>
      {check ? (
        <p>
          <VerdictMark met={check.met} />
          <strong>{check.met ? "Goal met." : "Not yet."}</strong> {check.reasons.join(" ")}
        </p>
      ) : (
        <p className="pg-verdict-pending">Press Run to check this code against the goal.</p>
      )}
    </div>
  );
}

/** A solution, shown on demand; the button replaces the editor's code with it (Reset brings the starting code back). */
export function ExerciseSolution({ solution, onLoad, interactive }: { solution: string; onLoad: () => void; interactive: boolean }) {
  return (
    <details className="pg-solution">
      <summary>Show a solution</summary>
      <pre className="pg-static-code" role="group" aria-label="A solution" tabIndex={0}>
        <code>{solution}</code>
      </pre>
      <button type="button" onClick={onLoad} disabled={!interactive}>
        Put this solution in the editor
      </button>
    </details>
  );
}
