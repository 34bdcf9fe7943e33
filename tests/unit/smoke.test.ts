import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";

describe("smoke", () => {
  it("runs two tasks concurrently", async () => {
    const r = await runTs(`import { run, createTask, sleep, print } from "asyncio";
async function f(n: number) { print("start", n); await sleep(n); print("end", n); }
async function main() { const a = createTask(f(1)); const b = createTask(f(2)); await a; await b; }
await run(main());`);
    expect(r.stdout).toEqual(["start 1", "start 2", "end 1", "end 2"]);
    expect(r.virtualEnd).toBe(2);
  });
});
