// The reference pages must keep up with the code they describe:
//   - reference/asyncio-api.mdx exercises every name the playground's "asyncio" module exports;
//   - reference/trace-format.mdx documents every event kind of trace.ts with every field, the
//     common fields, the RunResult fields, WaitInfo and its `what` values, and the current version.
// The schema is read from trace.ts's source text, so adding a kind or a field fails here until the
// page says what it means. (The playgrounds' outputs are checked by cpython.test.ts.)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PlaygroundBlock } from "../../src/integrations/playground-blocks.mjs";
import { ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { TRACE_VERSION } from "../../src/runtime/trace/index.ts";
import { lessonAt } from "../support/lesson-sources.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}/${path}`, "utf8");

const API_PAGE = "src/content/docs/reference/asyncio-api.mdx";
const TRACE_PAGE = "src/content/docs/reference/trace-format.mdx";

type Playground = PlaygroundBlock;

// --- The schema, from trace.ts's source text ---

interface Field {
  name: string;
  optional: boolean;
}

/** `name: type;` / `name?: type;` members, one per line, of the braces after `header`. */
function interfaceFields(source: string, header: RegExp): Field[] {
  const match = new RegExp(`${header.source}\\s*\\{([\\s\\S]*?)\\n\\}`).exec(source);
  if (!match) throw new Error(`trace.ts: no ${header.source}`);
  return [...match[1].matchAll(/^\s*(\w+)(\??):/gm)].map((m) => ({ name: m[1], optional: m[2] === "?" }));
}

/** The kinds of the TraceEvent union with their own fields: `| Event<"kind", { a: T; b?: U }>`. */
function eventKinds(source: string): { kind: string; fields: Field[] }[] {
  const union = /export type TraceEvent =([\s\S]*?);\n/.exec(source);
  if (!union) throw new Error("trace.ts: no `export type TraceEvent =` union");
  return [...union[1].matchAll(/^\s*\|\s*Event<"([\w-]+)",\s*\{(.*)\}>/gm)].map((m) => ({
    kind: m[1],
    fields: m[2]
      .split(";")
      .map((part) => /^\s*(\w+)(\??):/.exec(part))
      .filter((f): f is RegExpExecArray => f !== null)
      .map((f) => ({ name: f[1], optional: f[2] === "?" })),
  }));
}

const traceSource = read("src/runtime/trace/schema.ts");
const kinds = eventKinds(traceSource);
const commonFields = interfaceFields(traceSource, /interface EventBase<[^>]*>/);
const runResultFields = interfaceFields(traceSource, /export interface RunResult/);
const waitInfoFields = interfaceFields(traceSource, /export interface WaitInfo/);
const whatValues = [.../what:([^;]*);/.exec(traceSource)![1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);

// --- The page, cut into sections by heading ---

interface Section {
  heading: string;
  level: number;
  body: string;
}

/** Each heading with the text under it, up to the next heading of the same or a higher level. */
function sections(markdown: string): Section[] {
  const lines = markdown.split("\n");
  const found: Section[] = [];
  let inFence = false;
  const headings: { index: number; level: number; text: string }[] = [];
  lines.forEach((line, index) => {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const h = !inFence && /^(#{2,6})\s+(.*)$/.exec(line);
    if (h) headings.push({ index, level: h[1].length, text: h[2].trim() });
  });
  headings.forEach((h, i) => {
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    found.push({ heading: h.text, level: h.level, body: lines.slice(h.index + 1, next?.index ?? lines.length).join("\n") });
  });
  return found;
}

const tracePage = read(TRACE_PAGE);
const traceSections = sections(tracePage);
const section = (heading: string) => traceSections.find((s) => s.heading === heading);
const names = (body: string, name: string) => body.includes(`\`${name}\``);

const { playgrounds } = await lessonAt(API_PAGE);

describe("reference/asyncio-api.mdx", () => {
  /** The names a playground imports from "asyncio". */
  const imported = (pg: Playground) =>
    [...pg.code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']asyncio["']/g)].flatMap((m) =>
      m[1].split(",").map((n) => n.trim()).filter(Boolean),
    );

  it("has playgrounds, each with a kebab-case id, a Python twin and an expected output", () => {
    expect(playgrounds.length).toBeGreaterThanOrEqual(ASYNCIO_EXPORTS.length / 2);
    for (const pg of playgrounds) {
      expect(pg.id, `a playground without a kebab-case id`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(pg.python, `${pg.id}: no \`\`\`python twin`).toBeTruthy();
      expect(pg.expected, `${pg.id}: no \`\`\`output`).toBeTruthy();
      expect(pg.end, `${pg.id}: end is not given with 3 decimals`).toMatch(/^\d+\.\d{3}$/);
    }
  });

  it.each([...ASYNCIO_EXPORTS])("imports and uses %s in some playground", (name) => {
    const uses = new RegExp(`\\b${name}\\b`, "g");
    const users = playgrounds.filter((pg) => imported(pg).includes(name) && (pg.code.match(uses) ?? []).length >= 2);
    expect(users.map((pg) => pg.id), `no playground on ${API_PAGE} imports ${name} and uses it`).not.toEqual([]);
  });

  it("imports nothing the module does not export", () => {
    const exported = new Set<string>(ASYNCIO_EXPORTS);
    for (const pg of playgrounds) for (const name of imported(pg)) expect(exported.has(name), `${pg.id} imports ${name}`).toBe(true);
  });
});

describe("reference/trace-format.mdx", () => {
  it("reads the schema from trace.ts", () => {
    expect(kinds.length).toBeGreaterThanOrEqual(10);
    expect(commonFields.map((f) => f.name)).toEqual(expect.arrayContaining(["kind", "seq", "t"]));
    expect(runResultFields.map((f) => f.name)).toContain("events");
    expect(waitInfoFields.map((f) => f.name)).toContain("what");
    expect(whatValues).toContain("sleep");
  });

  it("states the current TRACE_VERSION", () => {
    expect(tracePage).toContain(`TRACE_VERSION = ${TRACE_VERSION}`);
  });

  it("names every common field of an event", () => {
    const common = section("Common fields");
    expect(common, "no `## Common fields` section").toBeDefined();
    for (const f of commonFields) expect(names(common!.body, f.name), `common field ${f.name}`).toBe(true);
  });

  it("names every field of RunResult", () => {
    const result = section("RunResult");
    expect(result, "no `## RunResult` section").toBeDefined();
    for (const f of runResultFields) expect(names(result!.body, f.name), `RunResult.${f.name}`).toBe(true);
  });

  it.each(kinds)("documents `$kind` and each of its fields", ({ kind, fields }) => {
    const s = section(`\`${kind}\``);
    expect(s, `no heading \`${kind}\` on ${TRACE_PAGE}`).toBeDefined();
    for (const f of fields) expect(names(s!.body, f.name), `${kind}: field ${f.name} not named in its section`).toBe(true);
  });

  it.each(kinds)("gives `$kind` JSON examples that are valid events of that kind", ({ kind, fields }) => {
    const body = section(`\`${kind}\``)?.body ?? "";
    const examples = [...body.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((m) => m[1].split("\n").filter((l) => l.trim()));
    expect(examples.length, `${kind}: no JSON example`).toBeGreaterThan(0);
    const allowed = new Set([...commonFields, ...fields].map((f) => f.name));
    const required = [...commonFields, ...fields].filter((f) => !f.optional).map((f) => f.name);
    for (const text of examples) {
      const event = JSON.parse(text) as Record<string, unknown>;
      expect(event.kind).toBe(kind);
      for (const key of Object.keys(event)) expect(allowed.has(key), `${kind} example has unknown field ${key}`).toBe(true);
      for (const key of required) expect(event, `${kind} example lacks ${key}`).toHaveProperty(key);
    }
  });

  it("has no heading for an event kind that does not exist", () => {
    const events = section("Events");
    expect(events, "no `## Events` section").toBeDefined();
    const known = new Set(kinds.map((k) => k.kind));
    const documented = sections(events!.body)
      .filter((s) => /^`[a-z-]+`$/.test(s.heading))
      .map((s) => s.heading.slice(1, -1));
    expect(documented.length).toBeGreaterThan(0);
    for (const kind of documented) expect(known.has(kind), `heading \`${kind}\` is not a TraceEvent kind`).toBe(true);
  });

  it("documents WaitInfo: every field and every `what` value", () => {
    const wait = section("WaitInfo");
    expect(wait, "no `## WaitInfo` section").toBeDefined();
    for (const f of waitInfoFields) expect(names(wait!.body, f.name), `WaitInfo.${f.name}`).toBe(true);
    for (const what of whatValues) expect(names(wait!.body, `"${what}"`), `WaitInfo what "${what}"`).toBe(true);
  });
});
