// compile.ts declares the generator of an async function declaration once, beside it, instead of
// letting esbuild's lowering make a new one at every call: the function must behave exactly as
// before (parameters, defaults and patterns, rest, `arguments`, `this`, closures, blocks, recursion),
// and methods, arrows and function expressions keep the generator inline.
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compileProgram, ASYNCIO_EXPORTS, ESBUILD_OPTIONS } from "../../src/runtime/program/index.ts";
import { runTs } from "../support/run-ts.ts";

const compile = (source: string) => compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);

const PROGRAM = `import { run, sleep, gather } from "asyncio";
async function plain(x: number, y: number) { await sleep(x); x += 1; return [x, y]; }
async function defaults(x = 1, { z }: { z: number } = { z: 2 }) { await sleep(0); return x + z; }
async function counted(..._r: number[]) { await sleep(0); return arguments.length; }
async function rest(...r: number[]) { await sleep(0); return r.join("+"); }
function outer(q: number) { async function inner(this: { k: number } | undefined, w: number) { return q + w + (this?.k ?? 0); } return inner; }
async function fib(n: number): Promise<number> { return n < 2 ? n : (await fib(n - 1)) + (await fib(n - 2)); }
async function late() { return lateValue; }
const lateValue = "late";
if (true) { async function inBlock() { await sleep(0.1); return "block"; } console.log(await run(inBlock())); }
class Box { k = 5; async get(v: number) { await sleep(0); return this.k + v; } }
const arrow = async (u: number) => { await sleep(0); return u * 2; };
const expression = async function named(t: number) { return t + 1; };
export async function exported() { return "exported"; }
async function fails() { await sleep(0); throw new Error("boom"); }
async function main() {
  console.log(JSON.stringify(await gather([plain(0.1, 5), defaults(), defaults(3, { z: 4 }), counted(1, 2, 3), rest(1, 2), outer(1).call({ k: 10 }, 2), outer(1)(2), fib(10), late()])));
  console.log(await new Box().get(1), await arrow(4), await expression(1), await exported(), plain.length, rest.name);
  await fails();
}
await run(main());
`;

describe("async function declarations compiled with a generator declared once", () => {
  it("behave as before, in both models, and an error keeps its line", async () => {
    for (const model of ["lazy", "eager"] as const) {
      const result = await runTs(PROGRAM, { model });
      expect(result.stdout, model).toEqual(["block", '[[1.1,5],3,7,3,"1+2",13,3,55,"late"]', "6 8 2 exported 2 rest"]);
      expect(result.error, model).toEqual({ message: "Error: boom", line: 15 });
    }
  });

  it("bind their arguments at the call, as Python's coroutine functions do: a default is worked out before the caller goes on, the body runs when awaited", async () => {
    // In Python (defaults are worked out earlier still, at the def): default, called, body default.
    const source = `import { run } from "asyncio";
const seen: string[] = [];
const note = (s: string) => (seen.push(s), s);
async function greet(name = note("default")) { note("body " + name); }
const greetLater = async (name = note("arrow default")) => { note("arrow body " + name); };
async function main() { const c = greet(); const d = greetLater(); note("called"); await c; await d; console.log(seen.join(", ")); }
await run(main());`;
    expect((await runTs(source)).stdout).toEqual(["default, arrow default, called, body default, arrow body arrow default"]);
  });

  it("only for declarations whose body is esbuild's return, and keep every line in place", async () => {
    const { code } = await compile(PROGRAM);
    const declared = [...code.matchAll(/function\* (\w+)\$body\d+/g)].map((m) => m[1]);
    expect(declared).toEqual(["plain", "defaults", "counted", "rest", "inner", "fib", "late", "inBlock", "exported", "fails", "main"]);
    // The method, the arrow and the function expression: inline generators.
    expect(code.match(/__async\([^,]+, [^,]+, function\*/g)).toHaveLength(3);
    // Every await stays on esbuild's line for it (the line map is esbuild's).
    const { code: lowered } = await esbuild.transform(PROGRAM, ESBUILD_OPTIONS);
    const awaits = (text: string) => text.split("\n").flatMap((line, i) => (/\byield\b/.test(line) ? [i] : []));
    expect(awaits(code).length).toBeGreaterThan(10);
    expect(awaits(code)).toEqual(awaits(lowered));
  });
});
