// Features the fuzzer leaves out by default because the runtime is known to disagree with CPython
// 3.14 (the reference, from Pyodide) on them. Each entry names the divergence; remove it once the
// runtime is fixed (run `node scripts/fuzz.ts --all` to see whether it still diverges).
//
// Found so far, and fixed in the runtime, so no longer listed:
//   namedTasks (3.13+): a task given a name takes no Task-N number (Task.__init__ numbers only the
//     unnamed ones; 3.11 named a task after creating it, so it used one up).
//   waitFor (3.12+): wait_for awaits its awaitable inside timeout() in the calling task, so a
//     coroutine runs there, inline, with no task of its own.
//   gather (3.12+): children already done when gather is called are counted at once, not on a
//     later pass of the loop.
//   taskGroup (3.12+): the group takes back the cancellation it asked of its parent only once every
//     task is done, and keeps the parent's count when the parent is also cancelled from outside.
//   cancelMessage: a cancelled gather(..., return_exceptions=True) raises
//     children[-1]._make_cancelled_error() (tasks.py's _done_callback rebinds `fut` in its loop), so
//     the message comes from the last child in argument order, not from the child that ended last.
import type { Feature } from "./generate.ts";

export interface KnownDivergence {
  feature: Feature;
  divergence: string;
}

export const KNOWN_DIVERGENCES: readonly KnownDivergence[] = [];

/** The features KNOWN_DIVERGENCES leaves out. */
export const KNOWN_EXCLUSIONS: readonly Feature[] = KNOWN_DIVERGENCES.map((k) => k.feature);
