// console.log in a program writes what Node's console writes: each line is checked against Node's own
// util.format on the same values, made by the same source in this process. Before, each value went
// through JSON.stringify: a Map or a Set printed as {}, NaN in an array as null, a cycle as
// [object Object], and a function run in a thread wrote to the worker's own console, outside the run.
import { describe, expect, it } from "vitest";
import { format } from "node:util";
import { Console } from "node:console";
import { PassThrough } from "node:stream";
import { runTs } from "../support/run-ts.ts";

// Each is the argument list of one console.log call.
const CALLS = [
  `new Map([["a", 1], ["b", [2]]]), new Set([1, "two"])`,
  `undefined, null, 10n, Symbol("s"), -0, NaN, Infinity`,
  `(() => { const c: any = { a: 1 }; c.self = c; return c; })()`,
  `[1, [2, [3, [4]]]], { k: "v", u: undefined, n: NaN, nested: { a: { b: { c: 1 } } } }`,
  `"%s is %d, %i, %f, %j, %%", "x", 4.5, 4.5, "1.5", { j: 1 }, "extra"`,
  `() => 1, function named() {}, class A {}, new (class P { x = 1 })()`,
  `new Date(0), /re/g, new Uint8Array([1, 2]), [..."abcdefghijklmnopqrstuvwxyz"].map((_, i) => i)`,
  `"multi\\nline", ["in\\narray"], Object.create(null), new WeakMap()`,
];
const expected = (call: string) => format(...(new Function(`return [${call.replace(/: any/g, "")}];`)() as unknown[]));

describe("console.log writes what Node's console writes", () => {
  it("on the loop's thread: the same text as Node's util.format, line for line", async () => {
    const r = await runTs(`${CALLS.map((call) => `console.log(${call});`).join("\n")}\n`);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(CALLS.flatMap((call) => expected(call).split("\n")));
  });

  it("console.error and console.warn write to stderr; an error shows as its first line, without the runtime's stack", async () => {
    const r = await runTs(`console.error(new TypeError("bad"), { e: 1 });\nconsole.warn("careful", [1]);\nconsole.info("info");\n`);
    expect(r.stderr).toEqual(["TypeError: bad { e: 1 }", "careful [ 1 ]"]);
    expect(r.stdout).toEqual(["info"]);
  });

  it("in a function run in a thread: into the run's console, on the thread's lane, as on the loop's thread", async () => {
    const r = await runTs(`import { run, toThread } from "asyncio";
async function main() {
  await toThread(() => {
    console.log(new Map([["a", 1]]), [NaN], "%s!", "x");
    console.error("oops");
  });
}
await run(main());
`);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual([format(new Map([["a", 1]]), [NaN], "%s!", "x")]);
    expect(r.stderr).toEqual(["oops"]);
    const prints = r.events.filter((e) => e.kind === "print");
    expect(prints.every((e) => e.kind === "print" && e.lane !== undefined)).toBe(true);
  });
});

// What Node's own console writes for the same calls, line by line, stdout and stderr apart.
async function nodeConsole(calls: (console: Console) => void): Promise<{ stdout: string[]; stderr: string[] }> {
  const [out, err] = [new PassThrough(), new PassThrough()];
  const text = { stdout: "", stderr: "" };
  out.on("data", (chunk) => (text.stdout += chunk));
  err.on("data", (chunk) => (text.stderr += chunk));
  calls(new Console({ stdout: out, stderr: err }));
  await new Promise((resolve) => setImmediate(resolve));
  const lines = (s: string) => s.split("\n").slice(0, -1);
  return { stdout: lines(text.stdout), stderr: lines(text.stderr) };
}

describe("the rest of the console, as Node's", () => {
  it("count, countReset, assert, group, dir and trace write what Node's console writes (trace without its stack)", async () => {
    const calls = `console.count(); console.count("x"); console.count(); console.countReset(); console.count();
console.assert(1 > 2, "bad %s", "thing"); console.assert(false); console.assert(true, "not shown");
console.group("G"); console.log("in\\nside"); console.group(); console.warn("deep"); console.groupEnd(); console.groupEnd(); console.log("out");
console.dir({ a: { b: { c: { d: 1 } } } }); console.dir("s"); console.trace("tr %d", 5);`;
    const r = await runTs(`${calls}\n`);
    const node = await nodeConsole((console) => new Function("console", calls)(console));
    expect(r.stdout).toEqual(node.stdout);
    expect(r.stderr).toEqual(node.stderr.filter((line) => !line.startsWith("    at ")));
  });

  it("time and timeEnd read the run's clock: a virtual second shows as 1.000s, half of one as 500ms, in Node's format", async () => {
    const r = await runTs(`import { run, sleep } from "asyncio";
async function main() {
  console.time("all");
  console.time();
  await sleep(0.5);
  console.timeEnd();
  await sleep(0.5);
  console.timeLog("all", "so far");
  await sleep(89);
  console.timeEnd("all");
  console.timeEnd("all");
}
await run(main());
`);
    expect(r.stdout).toEqual(["default: 500ms", "all: 1.000s so far", "all: 1:30.000 (m:ss.mmm)"]);
    expect(r.stderr).toEqual(["Warning: No such label 'all' for console.timeEnd()"]);
  });
});

