// The reference CPython's runner (tests/support/pyodide.ts): CPython 3.14 from npm (Pyodide) in a
// worker thread, each program as in a fresh process, and a program that never ends stopped without
// stopping the others.
import { describe, expect, it } from "vitest";
import { dedent } from "../support/cpython.ts";
import { PyodideRunner } from "../support/pyodide.ts";

const NAMED = dedent(`
  import asyncio, sys
  async def child():
      await asyncio.sleep(0.5)
      print(asyncio.current_task().get_name())
  async def main():
      await asyncio.gather(child(), child())
      print(asyncio.current_task().get_name(), sys.version_info[:2])
  asyncio.run(main())
`);

describe("PyodideRunner", () => {
  it("stops a program that runs too long (a HarnessError) and runs the next one in a new thread, as in a fresh process", async () => {
    const runner = new PyodideRunner({ timeoutMs: 5_000 });
    try {
      const [first, runaway, after] = await runner.runAll([NAMED, "while True:\n    pass\n", NAMED]);
      expect(first).toEqual({ stdout: ["Task-2", "Task-3", "Task-1 (3, 14)"], stamps: [0.5, 0.5, 0.5], virtualEnd: 0.5, stderr: [], error: null });
      expect(runaway.error).toBe("HarnessError: the program ran longer than 5 s of real time and was stopped");
      expect(after).toEqual(first);
    } finally {
      runner.close();
    }
  }, 180_000);
});
