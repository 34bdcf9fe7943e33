// The compiler wrapper (src/runtime/program/compile.ts): errors point into the reader's TypeScript, esbuild's
// helper has the shape the wrapper replaces, and every await and print keeps its TypeScript line.
import { readFileSync } from "node:fs";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compileProgram, CompileError, ESBUILD_OPTIONS, ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { runTs } from "../support/run-ts.ts";
import { eventsOf, exactLine, lineOf, taskId } from "../support/programs.ts";

const compile = (source: string) => compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);

/** The CompileError that compiling `source` throws (fails the test if it compiles, or throws something else). */
async function compileError(source: string): Promise<CompileError> {
  let caught: unknown;
  try {
    await compile(source);
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a CompileError").toBeInstanceOf(CompileError);
  return caught as CompileError;
}

describe("compile errors point into the reader's TypeScript", () => {
  it("an import from another module", async () => {
    const error = await compileError(`import { print } from "asyncio";
import { readFile } from "node:fs";
print(readFile);
`);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 2, column: 1, lineText: 'import { readFile } from "node:fs";' });
    expect(error.problems[0].message).toBe('Playgrounds can import only from "asyncio", not "node:fs".');
    expect(error.name).toBe("CompileError");
    expect(error.message).toBe('Line 2, column 1: Playgrounds can import only from "asyncio", not "node:fs".');
  });

  it("an unknown asyncio export, on its own line of a multi-line import", async () => {
    const error = await compileError(`import { print, sleep } from "asyncio";
import {
  run,
  gatherAll,
} from "asyncio";
print(run, gatherAll, sleep);
`);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 4, column: 3, message: `"asyncio" has no export named 'gatherAll'.` });
  });

  it("a default import of asyncio", async () => {
    const error = await compileError(`import asyncio from "asyncio";
asyncio.print(1);
`);
    expect(error.problems[0]).toMatchObject({ line: 1, column: 8 });
    expect(error.problems[0].message).toContain("no default export");
  });

  it("several problems are all reported, in source order", async () => {
    const error = await compileError(`import { nope } from "asyncio";
import { x } from "./other";
print(nope, x);
`);
    expect(error.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 10],
      [2, 1],
    ]);
  });

  it("a TypeScript syntax error", async () => {
    const error = await compileError(`import { print } from "asyncio";

async function main() {
  const x = ;
}
`);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toEqual({ message: 'Unexpected ";"', line: 4, column: 13, lineText: "  const x = ;" });
    expect(error.message).toBe('Line 4, column 13: Unexpected ";"');
  });

  it("a syntax error further along a line", async () => {
    const error = await compileError(`import { print } from "asyncio";
const p = print(1;
`);
    expect(error.problems[0]).toMatchObject({ line: 2, column: 18, message: 'Expected ")" but found ";"' });
  });

  it("async generators and for await compile, and an await inside a generator keeps its line", async () => {
    const r = await runTs(`import { print, run, sleep } from "asyncio";

async function* numbers() {
  yield 1;
  await sleep(1);
  yield 2;
}
async function main() {
  for await (const n of numbers()) print(n);
}
await run(main());
`);
    expect(r.stdout).toEqual(["1", "2"]);
    expect(r.virtualEnd).toBe(1);
    const suspended = r.events.filter((e) => e.kind === "task-suspended");
    expect(suspended.map((e) => e.line)).toContain(5);
  });

  // compile.ts has a handler for `export default` with this message, but acorn rejects esbuild's
  // output first ("Export 'main' is not defined"), so a plain SyntaxError escapes instead.
  it("export default is refused with a CompileError", async () => {
    const error = await compileError(`export default function main() {}
`);
    expect(error.problems[0].line).toBe(1);
    expect(error.problems[0].message).toContain("remove `export default`");
  });

  // compile.ts strips `export` from named exports, but acorn rejects esbuild's output before that
  // ("Export 'f' is not defined"): a reader's `export function` makes the playground unusable.
  it("named exports are ignored: the program compiles and runs", async () => {
    const r = await runTs(`import { print } from "asyncio";
export const x = 1;
export function f() {
  return 2;
}
print(x, f());
`);
    expect(r.stdout).toEqual(["1 2"]);
  });
});

describe("the asyncio module's names", () => {
  it("exports the names the lessons use", () => {
    for (const name of ["run", "createTask", "sleep", "blockingSleep", "print", "gather", "createFuture", "currentTask", "CancelledError", "InvalidStateError", "TimeoutError"])
      expect(ASYNCIO_EXPORTS).toContain(name);
  });
});

describe("esbuild's helper shape", () => {
  // compile.ts replaces esbuild's `__async` helper with the runtime's own, in place, and relies on
  // every async function being lowered to `__async(this, args, function* () { ... })`. If an esbuild
  // upgrade changes this text, review src/runtime/program/compile.ts before updating the expectation.
  const REVIEW = "esbuild's __async helper changed shape: review src/runtime/program/compile.ts (the helper replacement and the __async call match), then update this test";

  const EXPECTED_HELPER = `var __async = (__this, __arguments, generator) => {
  return new Promise((resolve, reject) => {
    var fulfilled = (value) => {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    };
    var rejected = (value) => {
      try {
        step(generator.throw(value));
      } catch (e) {
        reject(e);
      }
    };
    var step = (x) => x.done ? resolve(x.value) : Promise.resolve(x.value).then(fulfilled, rejected);
    step((generator = generator.apply(__this, __arguments)).next());
  });
};
`;

  it("lowers `async function f() { await 1 }` with the __async helper compile.ts expects", async () => {
    const { code } = await esbuild.transform("async function f() { await 1 }", ESBUILD_OPTIONS as never);
    const start = code.indexOf("var __async");
    expect(start, REVIEW).toBe(0);
    const end = code.indexOf("\n};\n", start) + "\n};\n".length;
    expect(code.slice(start, end), REVIEW).toBe(EXPECTED_HELPER);
    expect(code.slice(end), REVIEW).toBe(`function f() {
  return __async(this, null, function* () {
    yield 1;
  });
}
`);
  });

  it("passes `arguments` for functions that use it, and lowers async arrows and methods the same way", async () => {
    const { code } = await esbuild.transform(
      `async function g() { return arguments.length }
const h = async (x: number) => { await x };
class C { async m() { await this } }`,
      ESBUILD_OPTIONS as never,
    );
    expect(code, REVIEW).toContain("return __async(this, arguments, function* () {");
    expect(code, REVIEW).toContain("const h = (x) => __async(null, null, function* () {");
    expect(code, REVIEW).toContain("return __async(this, null, function* () {");
  });

  it("esbuild and esbuild-wasm are pinned to the same exact version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(pkg.devDependencies.esbuild).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies["esbuild-wasm"]).toBe(pkg.devDependencies.esbuild);
    expect(esbuild.version, "the installed esbuild is not the pinned one: run npm ci").toBe(pkg.devDependencies.esbuild);
  });
});

describe("site lines survive compilation", () => {
  // Types, interfaces and multi-line calls are erased or reflowed by esbuild; the trace must still
  // carry the reader's lines.
  const source = `import { run, createTask, sleep, print, gather } from "asyncio";

interface Order {
  id: number;
  delay: number;
}

type Result = { id: number; ok: boolean };

class Kitchen {
  async cook(order: Order): Promise<Result> {
    print("cooking", order.id);
    await sleep(order.delay);
    return { id: order.id, ok: true };
  }
}

const serve = async (kitchen: Kitchen, order: Order) => {
  const result = await kitchen.cook(order);
  print(
    "served",
    result.id,
  );
  return result;
};

async function main() {
  const kitchen = new Kitchen();
  const orders: Order[] = [
    { id: 1, delay: 1 },
    { id: 2, delay: 2 },
  ];
  const task = createTask(serve(kitchen, orders[0]));
  await sleep(
    0.5,
  );
  const results = await gather(orders.slice(1).map((o) => serve(kitchen, o)));
  print("gathered", results.length);
  await task;
}

await run(main());
`;

  it("runs as expected", async () => {
    const r = await runTs(source);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toEqual(["cooking 1", "cooking 2", "served 1", "served 2", "gathered 1"]);
    expect(r.virtualEnd).toBe(2.5);
  });

  it("each task-suspended event carries the TypeScript line of the await it stopped at", async () => {
    const r = await runTs(source);
    const [main, t2, t3] = ["Task-1", "Task-2", "Task-3"].map((n) => taskId(r, n));
    const suspended = eventsOf(r.events, "task-suspended").map(({ t, task, line, on }) => ({ t, task, line, label: on.label }));
    expect(suspended).toEqual([
      { t: 0, task: main, line: exactLine(source, "  await sleep("), label: "sleep(0.5)" },
      // The await inside Kitchen.cook, run inline by `await kitchen.cook(order)`: the innermost await.
      { t: 0, task: t2, line: lineOf(source, "await sleep(order.delay)"), label: "sleep(1)" },
      { t: 0.5, task: main, line: lineOf(source, "await gather("), label: "gather(Task-3)" },
      { t: 0.5, task: t3, line: lineOf(source, "await sleep(order.delay)"), label: "sleep(2)" },
    ]);
  });

  it("task-resumed events carry the line the task resumes at (its function's line when it starts)", async () => {
    const r = await runTs(source);
    const resumed = eventsOf(r.events, "task-resumed")
      .filter((e) => e.task === taskId(r, "Task-1") || e.task === taskId(r, "Task-2"))
      .map(({ t, line, first }) => ({ t, line, first }));
    expect(resumed).toEqual([
      { t: 0, line: lineOf(source, "async function main()"), first: true },
      { t: 0, line: lineOf(source, "const serve = async"), first: true },
      { t: 0.5, line: exactLine(source, "  await sleep("), first: false },
      { t: 1, line: lineOf(source, "await sleep(order.delay)"), first: false },
      { t: 2.5, line: lineOf(source, "await gather("), first: false },
    ]);
  });

  it("print events carry the line of their print call, and task-created events the line of createTask", async () => {
    const r = await runTs(source);
    // The multi-line print("served", ...) call: its line is the one that opens the call.
    const servedLine = exactLine(source, "  print(");
    expect(servedLine).toBe(lineOf(source, '"served",') - 1);
    const prints = eventsOf(r.events, "print").map(({ text, line }) => ({ text, line }));
    expect(prints).toEqual([
      { text: "cooking 1", line: lineOf(source, 'print("cooking"') },
      { text: "cooking 2", line: lineOf(source, 'print("cooking"') },
      { text: "served 1", line: servedLine },
      { text: "served 2", line: servedLine },
      { text: "gathered 1", line: lineOf(source, 'print("gathered"') },
    ]);
    const created = eventsOf(r.events, "task-created").filter((e) => !e.internal).map(({ name, coro, line }) => ({ name, coro, line }));
    expect(created).toEqual([
      { name: "Task-1", coro: "main", line: lineOf(source, "await run(main())") },
      { name: "Task-2", coro: "serve", line: lineOf(source, "createTask(serve") },
      { name: "Task-3", coro: "serve", line: lineOf(source, "await gather(") },
    ]);
  });

  it("the compiled program's site table holds the reader's line of every await", async () => {
    const compiled = await compile(source);
    const lines = source.split("\n");
    for (const line of compiled.siteLines) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lines.length);
    }
    const awaitLines = lines.flatMap((text, i) => (/\bawait\b/.test(text) ? [i + 1] : []));
    expect(awaitLines).toHaveLength(6);
    for (const line of awaitLines) expect(compiled.siteLines).toContain(line);
  });
});

describe("wait labels stay short", () => {
  it("a gather of many awaitables names the first three and how many in all", async () => {
    const r = await runTs(`import { run, gather, sleep } from "asyncio";
async function main() {
  await gather([1, 2].map((n) => sleep(n)));
  await gather([1, 2, 3, 4, 5, 6].map((n) => sleep(n / 10)));
}
await run(main());
`);
    const labels = eventsOf(r.events, "task-suspended").map((e) => e.on.label).filter((l) => l?.startsWith("gather"));
    expect(labels).toEqual(["gather(Task-2, Task-3)", "gather(Task-4, Task-5, Task-6, … 6 in all)"]);
  });
});

describe("what esbuild lets through but JavaScript refuses", () => {
  it("a name imported twice is a compile error at the reader's line, not a crash", async () => {
    const source = `import { print } from "asyncio";\nimport { print } from "asyncio";\nprint("x");\n`;
    const error = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).problems).toEqual([expect.objectContaining({ line: 2, message: "Identifier 'print' has already been declared" })]);
  });
});
