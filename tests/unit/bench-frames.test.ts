// The bench's figures of a scrub (scripts/bench-frames.ts's frameStats), on hand-made frames: the
// verdict reads the max, and the count beside it tells one slow frame from many.
import { describe, expect, it } from "vitest";
import { FRAME_BUDGET_MS, frameStats } from "../../scripts/bench-frames.ts";

describe("a scrub's figures", () => {
  it("count the frames whose work reached the budget, and the gaps of 25 ms or more", () => {
    // 20 frames: 16 quick ones, one just under the budget, one at it, two over; gaps of a frame, two dropped.
    const work = [...Array(16).fill(4), FRAME_BUDGET_MS - 0.1, FRAME_BUDGET_MS, 20, 31];
    const gaps = [...Array(17).fill(16.7), 25, 33.4];
    const stats = frameStats({ work: [...work].reverse(), gaps, longFrames: [] });
    expect(stats).toEqual({ frames: 20, median: 4, p95: 31, max: 31, over: 3, late: 2 });
  });

  it("read no frame as none over and none late", () => {
    expect(frameStats({ work: [], gaps: [], longFrames: [] })).toMatchObject({ frames: 0, max: 0, over: 0, late: 0 });
  });
});
