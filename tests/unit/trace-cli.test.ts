// `npm run trace` (scripts/trace.mjs → scripts/trace.ts), as README shows it: a program's printed
// lines with their virtual times, its trace as JSON, and exit codes a shell can test. Each case is a
// fresh node process, as the command is.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "trace-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function trace(source: string, ...flags: string[]) {
  const file = join(dir, `program-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const out = spawnSync(process.execPath, ["scripts/trace.mjs", file, ...flags], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28, timeout: 60_000 });
  return { file, status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe("npm run trace", () => {
  it("prints each line with its virtual time, then the time the run ended", () => {
    const r = trace(`import { run, sleep, print } from "asyncio";
async function main() {
  print("start");
  await sleep(1.5);
  print("one and a half seconds later");
}
await run(main());
`);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")).toEqual([" [0.000] start", " [1.500] one and a half seconds later", "ended at 1.500 s", ""]);
    expect(r.status).toBe(0);
  });

  it("writes a trace of megabytes whole to a pipe before it exits", () => {
    // 2,000 tasks × 5 sleeps: a JSON of several megabytes, more than a pipe holds at once.
    const r = trace(`import { run, createTask, sleep, print } from "asyncio";
async function worker(i: number) { for (let k = 0; k < 5; k++) await sleep(0.001 * (i % 3)); }
async function main() {
  const tasks = [];
  for (let i = 0; i < 2000; i++) tasks.push(createTask(worker(i)));
  for (const t of tasks) await t;
  print("all done");
}
await run(main());
`, "--json");
    expect(r.stdout.length).toBeGreaterThan(1 << 20);
    const result = JSON.parse(r.stdout);
    expect(result.stdout).toEqual(["all done"]);
    expect(result.virtualEnd).toBeCloseTo(0.01, 9);
    // main and its 2,000 workers (asyncio.run's own tasks are marked internal).
    expect(result.events.filter((e: { kind: string; internal?: boolean }) => e.kind === "task-created" && !e.internal)).toHaveLength(2001);
    expect(result.events.at(-1).kind).toBe("program-end");
    expect(r.status).toBe(0);
  });

  it("exits with 1 when the program raises, and says where", () => {
    const r = trace(`import { run } from "asyncio";
async function main() {
  throw new Error("no luck");
}
await run(main());
`);
    expect(r.stdout).toContain("![0.000] Error: no luck (line 3)");
    expect(r.stdout).toContain("ended at 0.000 s with Error: no luck");
    expect(r.status).toBe(1);
  });

  it("exits with 1 when the program does not compile, with the file, line and column", () => {
    const r = trace(`import { run } from "asyncio";\nconst x = ;\n`);
    expect(r.stderr).toMatch(new RegExp(`^${r.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:11: Unexpected ";"`));
    expect(r.stdout).toBe("");
    expect(r.status).toBe(1);
  });

  it("exits with 2 and its usage without a program", () => {
    const out = spawnSync(process.execPath, ["scripts/trace.mjs"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(out.stderr).toMatch(/^usage: npm run trace -- program\.ts/);
    expect(out.status).toBe(2);
  });
});
