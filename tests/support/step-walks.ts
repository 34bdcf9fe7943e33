// A check the stepper's tests share: a run's steps walked back from the last to the first and
// forward again, each state against the single-pass one (deriveStepStates), so that what a step back
// undoes is what a step forward did.
import { expect } from "vitest";
import { deriveStepStates, deriveSteps, stepState, type TraceEvent } from "../../src/runtime/trace/index.ts";

/** Step `events` back from its last step, a step forward after each step back (← then →, as a reader
 *  may: what is applied again reads the state the undoing left), then forward again from the first. */
export function expectSteppedBackAndForth(events: readonly TraceEvent[], where = ""): void {
  const expected = deriveStepStates(events);
  const steps = deriveSteps(events);
  const at = where ? `${where}: ` : "";
  stepState(events, steps, steps.length - 1);
  for (let i = steps.length - 2; i >= 0; i--) {
    expect(stepState(events, steps, i), `${at}step ${i}`).toEqual(expected[i]);
    expect(stepState(events, steps, i + 1), `${at}step ${i + 1}, after a step back to ${i}`).toEqual(expected[i + 1]);
  }
  for (let i = 1; i < steps.length; i++) expect(stepState(events, steps, i), `${at}step ${i}, again`).toEqual(expected[i]);
}
