// The runtime's boundaries are enforced, not hoped for (tests/support/architecture.ts has the rules):
// the real tree keeps them, and each rule fails on a planted import that breaks it.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { architectureViolations, readSources, type SourceFile } from "../support/architecture.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const tree = readSources(ROOT, ["src", "scripts", "tests"]);

/** The violations of the tree with `planted` added, minus those of the tree alone. */
function newViolations(...planted: SourceFile[]): string[] {
  const before = new Set(architectureViolations(tree));
  return architectureViolations([...tree, ...planted]).filter((v) => !before.has(v));
}

describe("the runtime's architecture", () => {
  it("src/runtime is folders by concern, each with an index.ts", () => {
    const folders = new Set(tree.filter((f) => f.path.startsWith("src/runtime/")).map((f) => f.path.split("/")[2]));
    expect([...folders].sort()).toEqual(["asyncio", "core", "io", "node", "program", "trace", "workers"]);
    for (const folder of folders) expect(tree.some((f) => f.path === `src/runtime/${folder}/index.ts`), folder).toBe(true);
    expect(tree.filter((f) => /^src\/runtime\/[^/]+$/.test(f.path))).toEqual([]);
  });

  it("the tree keeps every rule", () => {
    expect(architectureViolations(tree)).toEqual([]);
  });

  it("fails when a component imports a runtime file other than a folder's index.ts", () => {
    const planted = { path: "src/components/timing/Planted.tsx", text: `import { EventLoop } from "../../runtime/core/loop.ts";\n` };
    expect(newViolations(planted)).toEqual(["src/components/timing/Planted.tsx imports src/runtime/core/loop.ts: outside the runtime, import a folder's index.ts"]);
  });

  it("fails when the runtime imports UI or framework code", () => {
    const react = { path: "src/runtime/core/planted.ts", text: `import { useState } from "react";\n` };
    const component = { path: "src/runtime/trace/planted.ts", text: `import type { Props } from "../../components/playground/PlaygroundIsland.tsx";\n` };
    const astro = { path: "src/runtime/program/planted.ts", text: `import { getCollection } from "astro:content";\n` };
    expect(newViolations(react)).toHaveLength(1);
    expect(newViolations(component)).toEqual(["src/runtime/trace/planted.ts imports src/components/playground/PlaygroundIsland.tsx: the runtime imports nothing from outside src/runtime"]);
    expect(newViolations(astro)).toHaveLength(1);
  });

  it("fails when trace/ imports from core/, or a dependency runs the wrong way", () => {
    const traceOnCore = { path: "src/runtime/trace/planted.ts", text: `import type { Session } from "../core/index.ts";\n` };
    expect(newViolations(traceOnCore)).toEqual(["src/runtime/trace/planted.ts imports core/: trace/ may import only itself"]);
    const coreOnAsyncio = { path: "src/runtime/core/planted.ts", text: `import { gather } from "../asyncio/index.ts";\n` };
    expect(newViolations(coreOnAsyncio)).toEqual(["src/runtime/core/planted.ts imports asyncio/: core/ may import only trace"]);
    const pastTheEntry = { path: "src/runtime/asyncio/planted.ts", text: `import { Gil } from "../workers/job-playback.ts";\n` };
    expect(newViolations(pastTheEntry)).toEqual(["src/runtime/asyncio/planted.ts imports src/runtime/workers/job-playback.ts: across folders, import src/runtime/workers/index.ts"]);
  });

  it("fails on an import cycle, a type-only one too", () => {
    const a = { path: "src/runtime/core/planted-a.ts", text: `import type { B } from "./planted-b.ts";\nexport type A = B;\n` };
    const b = { path: "src/runtime/core/planted-b.ts", text: `import type { A } from "./planted-a.ts";\nexport type B = A;\n` };
    expect(newViolations(a, b)).toEqual(["import cycle: src/runtime/core/planted-a.ts → src/runtime/core/planted-b.ts"]);
  });
});
