// `npm run trace` (scripts/trace.mjs → scripts/trace.ts), as README shows it: a program's printed
// lines with their virtual times, its trace as JSON, and exit codes a shell can test. Each case is a
// fresh node process, as the command is.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

describe("npm run trace's runtime, bundled (scripts/runtime-bundle.mjs)", () => {
  // In a fresh node process each time, as npm run trace: its own cache directory (in the repository,
  // where the bundle's imports of packages resolve), and an esbuild that says when it makes a bundle.
  const cache = join(ROOT, "node_modules", ".cache", `async-animated-test-${process.pid}`);
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const load = (where = cache) => {
    const script = `import * as esbuild from "esbuild";
import { loadRuntime } from "./scripts/runtime-bundle.mjs";
let built = false;
const runtime = await loadRuntime({ ...esbuild, build: (options) => ((built = true), esbuild.build(options)) }, ${JSON.stringify(where)});
console.log(JSON.stringify({ built, runProgram: typeof runtime.runProgram, nodeWorkerHost: typeof runtime.nodeWorkerHost }));
await esbuild.stop();`;
    const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(out.stderr).toBe("");
    return JSON.parse(out.stdout) as { built: boolean; runProgram: string; nodeWorkerHost: string };
  };
  const manifest = () => JSON.parse(readFileSync(join(cache, "trace-runtime.json"), "utf8")) as { bundle: string; sources: Record<string, string> };

  it("is made once, from every runtime source it bundles, then reused while they read the same", () => {
    expect(load()).toEqual({ built: true, runProgram: "function", nodeWorkerHost: "object" });
    expect(Object.keys(manifest().sources)).toEqual(expect.arrayContaining(["src/runtime/core/loop.ts", "src/runtime/asyncio/tasks.ts", "src/runtime/node/index.ts"]));
    expect(load()).toEqual({ built: false, runProgram: "function", nodeWorkerHost: "object" });
  });

  it("is made again when a source reads otherwise than it did (as after an edit), and when the bundle is gone", () => {
    const edited = manifest();
    const loop = edited.sources["src/runtime/core/loop.ts"];
    edited.sources["src/runtime/core/loop.ts"] = "0".repeat(64);
    writeFileSync(join(cache, "trace-runtime.json"), JSON.stringify(edited));
    expect(load().built).toBe(true);
    expect(manifest().sources["src/runtime/core/loop.ts"]).toBe(loop);
    rmSync(join(cache, manifest().bundle));
    expect(load().built).toBe(true);
    expect(load().built).toBe(false);
  });

  it("runs from the sources when it cannot be kept (a cache that cannot be written)", () => {
    expect(load(join(ROOT, "package.json", "cache"))).toEqual({ built: true, runProgram: "function", nodeWorkerHost: "object" });
  });
});
