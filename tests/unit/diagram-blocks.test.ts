// The <Diagram> plugin: a lesson's ```mermaid fence becomes the component's props, the import is
// added for the lesson, and authoring mistakes fail with a message that says what to fix.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { diagramBlocks } from "../../src/integrations/diagram-blocks.mjs";
import { LESSONS_DIR, mdxFiles } from "../support/lesson-sources.ts";

// mdxToJs is typed "maybe async" once plugins are given; awaiting covers both.
const compile = async (source: string) => (await mdxToJs(source, { mdastPlugins: [diagramBlocks()], fileURL: new URL("file:///lessons/a-lesson.mdx") })).code;
const IMPORT = 'import Diagram from "/src/components/diagrams/Diagram.astro";';

const MERMAID = `stateDiagram-v2
  accDescr: A future starts "pending".
  [*] --> pending`;

const lesson = (inside: string, attributes = ' title="The states of a future"') => `Some prose.

<Diagram${attributes}>

${inside}

</Diagram>
`;

describe("a lesson with a diagram", () => {
  it("passes the fence's text and the title as props, and imports the component", async () => {
    const code = await compile(lesson("```mermaid\n" + MERMAID + "\n```"));
    expect(code).toContain(IMPORT);
    expect(code).toContain(`title: "The states of a future"`);
    expect(code).toContain(`code: ${JSON.stringify(MERMAID)}`);
  });

  it("handles several diagrams on one page, importing once", async () => {
    const code = await compile(lesson("```mermaid\nflowchart TD\n  a --> b\n```") + lesson("```mermaid\nflowchart LR\n  c --> d\n```", ' title="Second"'));
    expect(code.split(IMPORT)).toHaveLength(2);
    expect(code).toContain(`code: "flowchart TD\\n  a --> b"`);
    expect(code).toContain(`code: "flowchart LR\\n  c --> d"`);
  });
});

describe("a lesson without a diagram", () => {
  it("is left alone: no import", async () => {
    expect(await compile("Just prose, and a `Playground`.\n")).not.toContain("Diagram.astro");
  });
});

describe("authoring mistakes", () => {
  it("a missing title", async () => {
    await expect(compile(lesson("```mermaid\nflowchart TD\n```", ""))).rejects.toThrow(/needs a title="…"/);
  });
  it("a title that is an expression, not text", async () => {
    await expect(compile(lesson("```mermaid\nflowchart TD\n```", " title={name}"))).rejects.toThrow(/needs a title="…"/);
  });
  it("a fence in another language", async () => {
    await expect(compile(lesson("```ts\nconst x = 1;\n```"))).rejects.toThrow(/exactly one ```mermaid code fence/);
  });
  it("two fences, or prose beside the fence", async () => {
    await expect(compile(lesson("```mermaid\nflowchart TD\n```\n\n```mermaid\nflowchart LR\n```"))).rejects.toThrow(/exactly one/);
    await expect(compile(lesson("A caption.\n\n```mermaid\nflowchart TD\n```"))).rejects.toThrow(/exactly one/);
  });
  it("names the file in the message", async () => {
    await expect(compile(lesson("```ts\nx\n```"))).rejects.toThrow(/a-lesson\.mdx/);
  });
});

describe("the site's lessons", () => {
  const withDiagrams = mdxFiles(LESSONS_DIR)
    .filter((path) => readFileSync(path, "utf8").includes("<Diagram"))
    .map((path) => relative(LESSONS_DIR, path));

  it("have diagrams", () => {
    expect(withDiagrams.length).toBeGreaterThan(0);
  });
  it.each(withDiagrams)("%s: every diagram is well formed and described (accDescr)", async (file) => {
    const source = readFileSync(join(LESSONS_DIR, file), "utf8");
    const code = await compile(source);
    // The compiled JSX: _jsx(Diagram, { title: "…", code: "…" }), both JSON-style string literals.
    const diagrams = [...code.matchAll(/_jsx\(Diagram, \{\s*title: ("(?:[^"\\]|\\.)*"),\s*code: ("(?:[^"\\]|\\.)*")/g)];
    const fences = diagrams.map((m) => JSON.parse(m[2]) as string);
    expect(fences.length).toBe(source.split("<Diagram").length - 1);
    for (const fence of fences) expect(fence).toMatch(/^\s*accDescr: \S/m);
  });
});
