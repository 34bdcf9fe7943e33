// Bisection over an ordered range (Python's bisect module, Rust's partition_point): which run, batch,
// line, step or diagram column a position falls in, given where each begins.

/** The first index in [low, high) where `before(i)` is false, `before` being true up to some index
 *  and false from there on; `high` when it is true throughout. */
export function partitionPoint(low: number, high: number, before: (i: number) => boolean): number {
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last index in [0, count) whose start, `startOf(i)`, is at most `position`; 0 when none is.
 *  The starts ascend. */
export function lastAtMost(count: number, startOf: (i: number) => number, position: number): number {
  return Math.max(0, partitionPoint(0, count, (i) => startOf(i) <= position) - 1);
}
