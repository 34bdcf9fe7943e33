// The "Both" verdict: the first place where the TypeScript run and the Python run part, in words.
import { describe, expect, it } from "vitest";
import { bothVerdict } from "../../src/components/playground/both-verdict.ts";
import { TRACE_VERSION, type RunResult, type TraceEvent } from "../../src/runtime/trace/index.ts";

/** A run that printed `lines` ([text, virtual time]) and ended at `end`, with `error` if it failed. */
function run(lines: [string, number][], end: number, error?: string): RunResult {
  const events: TraceEvent[] = lines.map(([text, t], seq) => ({ kind: "print", text, stream: "stdout", seq, t }));
  events.push({ kind: "program-end", seq: events.length, t: end, error });
  return { version: TRACE_VERSION, stdout: lines.map(([text]) => text), stderr: [], virtualEnd: end, error: error ? { message: error } : undefined, events };
}

describe("bothVerdict", () => {
  it("says same when lines, times, end and outcome agree", () => {
    const v = bothVerdict(run([["a", 0], ["b", 1]], 2), run([["a", 0], ["b", 1]], 2));
    expect(v).toEqual({ same: true, text: "same output and times: 2 lines, both ending at 2.000 s" });
  });

  it("names the first line whose text differs", () => {
    expect(bothVerdict(run([["a", 0], ["b", 1]], 2), run([["a", 0], ["c", 1]], 2)).text).toBe('differs at line 2 of the output: TypeScript printed "b", Python printed "c"');
  });

  it("names the first line printed at another time", () => {
    expect(bothVerdict(run([["a", 0], ["b", 1]], 2), run([["a", 0], ["b", 1.5]], 2)).text).toBe('differs at line 2 of the output: "b" printed at 1.000 s in TypeScript, at 1.500 s in Python');
  });

  it("names a line only one side printed", () => {
    expect(bothVerdict(run([["a", 0]], 2), run([["a", 0], ["b", 1]], 2)).text).toBe('differs at line 2 of the output: only Python printed it ("b")');
  });

  it("tells different ends and outcomes apart", () => {
    expect(bothVerdict(run([], 2), run([], 3)).text).toBe("differs at the end: TypeScript ends at 2.000 s, Python at 3.000 s");
    expect(bothVerdict(run([], 2, "ValueError: boom"), run([], 2)).text).toBe("differs in how the runs end: TypeScript raised ValueError, Python finished");
    expect(bothVerdict(run([], 2, "ValueError: boom"), run([], 2, "ValueError: boom")).text).toBe("same output and times: 0 lines, both ending at 2.000 s, both raising ValueError");
  });

  it("lets a declared '…' line stand for what differs by design", () => {
    const [ts, py] = [run([["<coroutine object makeTea>", 0]], 0), run([["<coroutine object make_tea at 0x1f>", 0]], 0)];
    expect(bothVerdict(ts, py, ["<coroutine object …>"]).same).toBe(true);
    expect(bothVerdict(ts, py).same).toBe(false);
  });
});
