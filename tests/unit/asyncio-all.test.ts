// Every name of CPython 3.14's asyncio.__all__ (read from Pyodide, the tests' reference CPython) is
// either provided by the playground's "asyncio" module, or listed on the reference page in its
// "Not provided" table with the reason. Names map as the module names them: snake_case becomes
// camelCase (get_running_loop → getRunningLoop), classes and CONSTANTS keep their names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { ROOT } from "../support/lesson-sources.ts";
import { runPython } from "../support/cpython.ts";

const API_PAGE = "src/content/docs/reference/asyncio-api.mdx";

/** The module's name for a Python name: snake_case → camelCase; classes and constants as they are. */
function tsName(python: string): string {
  if (/^_?[A-Z]/.test(python)) return python;
  return python.replace(/(?<=[a-z0-9])_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The "Not provided" table: each backticked `asyncio.name` of a row's first cell, with the row's reason. */
function notProvided(page: string): Map<string, string> {
  const start = page.indexOf("\n## Not provided");
  if (start < 0) throw new Error(`${API_PAGE}: no "## Not provided" section`);
  const next = page.indexOf("\n## ", start + 1);
  const section = page.slice(start, next < 0 ? undefined : next);
  const reasons = new Map<string, string>();
  for (const row of section.split("\n").filter((l) => /^\|\s*`/.test(l))) {
    const [names, reason] = row.split("|").slice(1, 3).map((cell) => cell.trim());
    for (const [, name] of names.matchAll(/`asyncio\.(\w+)`/g)) reasons.set(name, reason);
  }
  return reasons;
}

const page = readFileSync(`${ROOT}/${API_PAGE}`, "utf8");
const listed = notProvided(page);
const python = await runPython("import asyncio\nprint(' '.join(asyncio.__all__))\n");
const all = python.stdout[0]?.split(" ") ?? [];
const provided = new Set(ASYNCIO_EXPORTS);

describe("CPython 3.14's asyncio.__all__", () => {
  it("is read from Pyodide", () => {
    expect(python.error).toBeNull();
    expect(all).toContain("create_task");
    expect(all.length).toBeGreaterThan(80);
  });

  it("maps names as the module does", () => {
    expect(tsName("get_running_loop")).toBe("getRunningLoop");
    expect(tsName("_get_running_loop")).toBe("_getRunningLoop");
    expect(tsName("FIRST_COMPLETED")).toBe("FIRST_COMPLETED");
    expect(tsName("TaskGroup")).toBe("TaskGroup");
  });

  it.each(all)("%s is provided, or listed as not provided with a reason", (name) => {
    if (provided.has(tsName(name))) {
      expect(listed.has(name), `${name} is provided, yet listed under "Not provided" on ${API_PAGE}`).toBe(false);
      return;
    }
    expect(listed.has(name), `asyncio.${name}: neither provided as ${tsName(name)} nor listed under "Not provided" on ${API_PAGE}`).toBe(true);
    expect(listed.get(name)!.length, `asyncio.${name}: no reason given`).toBeGreaterThan(10);
  });

  it("lists under \"Not provided\" only names of asyncio.__all__", () => {
    for (const name of listed.keys()) expect(all, `asyncio.${name} is not in asyncio.__all__`).toContain(name);
  });
});
