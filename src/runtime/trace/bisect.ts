// Bisection over sorted starts (Python's bisect.bisect_right, less one): which run, batch or line a
// position falls in, given where each begins.

/** The last index in [0, count) whose start, `startOf(i)`, is at most `position`; 0 when none is.
 *  The starts ascend. */
export function lastAtMost(count: number, startOf: (i: number) => number, position: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (startOf(mid) <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}
