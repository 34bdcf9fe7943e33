// Hostile input for the compile + run pipeline: programs a reader could type or a link could carry,
// made by mutating real ones (the lessons' and the generator's) and by a few known runaways. Each is
// compiled and run with small limits; the runtime must never fail on its own account (compile
// throws only CompileError, runProgram always resolves) and every trace must be well formed
// (tests/support/trace-invariants.ts).
import * as esbuild from "esbuild";
import { CompileError, compileProgram, runProgram, ASYNCIO_EXPORTS, type Limits } from "../../src/runtime/program/index.ts";
import { nodeWorkerHost } from "../../src/runtime/node/index.ts";
import { traceProblems } from "../support/trace-invariants.ts";
import { generateProgram } from "./generate.ts";
import { Rng } from "./random.ts";

/** Small limits, so a runaway mutant ends in a fraction of a second. */
export const HOSTILE_LIMITS: Partial<Limits> = { maxSteps: 20_000, maxEvents: 60_000, maxPrintedLines: 2_000, maxTasks: 2_000, maxVirtualTime: 10_000, maxStretchSeconds: 0.2 };

/** Programs that try the limits on purpose (no memory bombs: one native call filling gigabytes is the browser watchdog's to stop). */
const RUNAWAYS = [
  `while (true) {}`,
  `import { print } from "asyncio";\nfor (let i = 0; ; i++) print(i);`,
  `import { run, sleep } from "asyncio";\nasync function main() { while (true) await sleep(1); }\nawait run(main());`,
  `import { run, sleep } from "asyncio";\nasync function main() { while (true) await sleep(0); }\nawait run(main());`,
  `import { run, createTask, sleep } from "asyncio";\nasync function f() { await sleep(1); }\nasync function main() { while (true) createTask(f()); }\nawait run(main());`,
  `function f(n: number): number { return f(n + 1); }\nf(0);`,
  `import { run, createFuture } from "asyncio";\nasync function main() { await createFuture(); }\nawait run(main());`,
  `import { run, print } from "asyncio";\nasync function main() { try { while (true) print("x"); } catch (e) { while (true) print("again"); } }\nawait run(main());`,
  `import { run, toThread } from "asyncio";\nfunction spin() { while (true) {} }\nasync function main() { await toThread(spin); }\nawait run(main());`,
  `import { run } from "asyncio";\nawait run(run as never);`,
  `import { run, sleep } from "asyncio";\nasync function main() { await run(main()); }\nawait run(main());`,
  `import { gather } from "asyncio";\nawait gather([1, 2, 3] as never);`,
  // JavaScript's own callbacks (program/timers.ts): a spin in a timer, a microtask that queues itself, an interval that prints.
  `import { run } from "asyncio";\nasync function main() { await new Promise(() => setTimeout(() => { while (true) {} }, 0)); }\nawait run(main());`,
  `import { run } from "asyncio";\nasync function main() { queueMicrotask(function again() { queueMicrotask(again); }); await new Promise(() => {}); }\nawait run(main());`,
  `import { print } from "asyncio";\nsetInterval(() => print("tick"), 0);\nawait new Promise((resolve) => setTimeout(resolve, 20));`,
];

const SNIPPETS = ["await sleep(0);", "while (true) {}", "throw new Error(\"mutant\");", "return;", "break;", "await 1;", "print(undefined, null, NaN, -0);", "createTask(sleep(-1));", "}", "{", "async () => {}", ";;;"];
const NUMBERS = ["0", "-1", "NaN", "1e9", "0.0001", "Infinity", "-0.5"];

/** A mutant of `source`: one or a few edits of the kinds a reader's typing makes. */
export function mutate(source: string, rng: Rng): string {
  let lines = source.split("\n");
  for (let edits = rng.int(1, 3); edits > 0; edits--) {
    const at = rng.int(0, Math.max(0, lines.length - 1));
    switch (rng.weighted({ drop: 3, duplicate: 2, swap: 2, snippet: 3, number: 3, rename: 2, truncate: 1, noise: 1 })) {
      case "drop":
        lines.splice(at, 1);
        break;
      case "duplicate":
        lines.splice(at, 0, lines[at] ?? "");
        break;
      case "swap": {
        const other = rng.int(0, lines.length - 1);
        [lines[at], lines[other]] = [lines[other], lines[at]];
        break;
      }
      case "snippet":
        lines.splice(at, 0, rng.pick(SNIPPETS));
        break;
      case "number":
        lines[at] = (lines[at] ?? "").replace(/\b\d+(\.\d+)?\b/, rng.pick(NUMBERS));
        break;
      case "rename":
        lines[at] = (lines[at] ?? "").replace(/\b(sleep|createTask|gather|print|run|blockingSleep|waitFor|shield)\b/, rng.pick(ASYNCIO_EXPORTS));
        break;
      case "truncate":
        lines = lines.slice(0, at + 1);
        lines[at] = (lines[at] ?? "").slice(0, rng.int(0, (lines[at] ?? "").length));
        break;
      case "noise":
        lines[at] = (lines[at] ?? "") + rng.pick(["(", ")", "`", "'", "await", "=>", "?.", "!"]);
        break;
    }
  }
  return lines.join("\n");
}

/** `count` hostile programs from `seed`: the runaways, then mutants of `originals` and of generated programs. */
export function hostilePrograms(seed: number, count: number, originals: readonly string[]): string[] {
  const rng = new Rng(seed);
  const programs = RUNAWAYS.slice(0, count);
  while (programs.length < count) {
    const original = rng.chance(0.5) && originals.length ? rng.pick(originals) : generateProgram(rng.int(1, 1_000_000)).ts;
    programs.push(mutate(original, rng));
  }
  return programs;
}

/** What went wrong with one hostile program: the runtime failed on its own, or its trace is malformed. */
export async function hostileProblems(source: string): Promise<string[]> {
  let program;
  try {
    program = await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS);
  } catch (error) {
    return error instanceof CompileError ? [] : [`the compiler failed on its own: ${String(error)}`];
  }
  try {
    const result = await runProgram(program, { workers: nodeWorkerHost, limits: HOSTILE_LIMITS });
    return traceProblems(result);
  } catch (error) {
    return [`runProgram rejected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
}
