// Features the fuzzer leaves out by default because the runtime is known to disagree with CPython
// 3.11 on them. Each entry names the divergence; remove it once the runtime is fixed (run
// `node scripts/fuzz.ts --all` to see whether it still diverges).
//
// Found so far, and fixed in the runtime (commit b712514), so no longer listed:
//   namedTasks: asyncio.create_task(coro, name=...) and TaskGroup.create_task(coro, name=...) make
//     the task unnamed and then rename it, so a named task still uses up a Task-N number.
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
