// Pyodide's memory snapshot (src/integrations/pyodide-files.mjs): the modules imported before it is
// taken are the ones the harness imports; a build takes it from the cache when an earlier one made
// it; the dev server tries again after a failure.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedSnapshot, SNAPSHOT_CACHE, SNAPSHOT_FILE, SNAPSHOT_IMPORTS, snapshotOnDemand } from "../../src/integrations/pyodide-files.mjs";

const PYTHON_DIR = "src/python";

/** The modules a Python file imports at its top level (`import a.b, c as d`, `from a.b import c`),
 *  its strings of three quotes (docstrings) left out; relative imports are the package's own. */
function topLevelImports(source: string): string[] {
  const code = source.replace(/("""|''')[\s\S]*?\1/g, "");
  const modules: string[] = [];
  for (const line of code.split("\n")) {
    const from = /^from\s+(\w[\w.]*)\s+import\b/.exec(line);
    if (from) modules.push(from[1]);
    const plain = /^import\s+([^#]+)/.exec(line);
    if (plain) for (const part of plain[1].split(",")) modules.push(part.trim().split(/\s+as\s+/)[0]);
  }
  return modules;
}

describe("SNAPSHOT_IMPORTS", () => {
  it("is the standard library's modules the harness's Python files import at their top level", () => {
    const files = readdirSync(PYTHON_DIR).filter((name) => name.endsWith(".py"));
    const own = new Set(files.map((name) => name.slice(0, -3)));
    const imported = new Set(files.flatMap((name) => topLevelImports(readFileSync(join(PYTHON_DIR, name), "utf8"))));
    const stdlib = [...imported].filter((module) => !own.has(module.split(".")[0]) && module !== "__future__");
    expect(stdlib.sort()).toEqual([...SNAPSHOT_IMPORTS].sort());
  });

  it("reads a file's top-level imports, not those in docstrings or indented blocks", () => {
    const source = `"""A module.\n\nimport not_this\n"""\nimport a.b, c as d  # note\nfrom e.f import (g,\n    h)\nfrom . import own\nif True:\n    import nor_this\n`;
    expect(topLevelImports(source)).toEqual(["a.b", "c", "e.f"]);
  });
});

describe("cachedSnapshot", () => {
  let dir: string;
  let file: string;
  const snapshot = gzipSync(Buffer.from("a memory snapshot"));
  let made = 0;
  const make = async () => {
    made++;
    return snapshot;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "snapshot-cache-"));
    file = join(dir, "pyodide-1.2.3", SNAPSHOT_FILE);
    made = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is kept under node_modules/.cache/async-animated/, by Pyodide's version, under the snapshot's name", () => {
    expect(SNAPSHOT_CACHE).toMatch(/[/\\]node_modules[/\\]\.cache[/\\]async-animated[/\\]pyodide-\d+\.\d+\.\d+[/\\]snapshot-[0-9a-f]{10}\.bin\.gz$/);
    expect(SNAPSHOT_CACHE.endsWith(SNAPSHOT_FILE)).toBe(true);
  });

  it("makes the snapshot once, stores it without leaving a temporary file, and takes it from the cache after", async () => {
    expect(await cachedSnapshot(file, make)).toEqual({ bytes: snapshot, cached: false });
    expect(readdirSync(join(dir, "pyodide-1.2.3"))).toEqual([SNAPSHOT_FILE]);
    const again = await cachedSnapshot(file, make);
    expect(again.cached).toBe(true);
    expect(Buffer.compare(again.bytes, snapshot)).toBe(0);
    expect(made).toBe(1);
  });

  it("makes it again over a cached file that is not a gzip file (empty)", async () => {
    mkdirSync(join(dir, "pyodide-1.2.3"));
    writeFileSync(file, "");
    expect((await cachedSnapshot(file, make)).cached).toBe(false);
    expect(Buffer.compare(readFileSync(file), snapshot)).toBe(0);
  });

  it("makes it as without a cache when the cache cannot be written, and says why", async () => {
    writeFileSync(join(dir, "pyodide-1.2.3"), "a file where the cache's folder would be");
    const result = await cachedSnapshot(file, make);
    expect(result.bytes).toBe(snapshot);
    expect(result.cached).toBe(false);
    expect(String(result.cacheError)).toMatch(/EEXIST|ENOTDIR/);
    expect(made).toBe(1);
  });

  it("fails as making the snapshot fails, storing nothing", async () => {
    await expect(cachedSnapshot(file, () => Promise.reject(new Error("no Pyodide")))).rejects.toThrow("no Pyodide");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("snapshotOnDemand (the dev server)", () => {
  it("gets the snapshot once for every request, and after a failure, logged once, tries again on the next request", async () => {
    const logged: string[] = [];
    const logger = { info: (message: string) => logged.push(`info: ${message}`), error: (message: string) => logged.push(`error: ${message.split("\n")[0]}`) };
    const bytes = Buffer.from("snapshot");
    const outcomes = [new Error("first attempt fails"), { bytes, cached: false }];
    let calls = 0;
    const snapshot = snapshotOnDemand(logger, async () => {
      const outcome = outcomes[calls++];
      if (outcome instanceof Error) throw outcome;
      return outcome;
    });
    const failed = await Promise.allSettled([snapshot(), snapshot()]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await snapshot()).toBe(bytes);
    expect(await snapshot()).toBe(bytes);
    expect(calls).toBe(2);
    expect(logged).toEqual([
      "error: Pyodide's memory snapshot could not be made (the next request tries again): Error: first attempt fails",
      `info: Pyodide's memory snapshot made: ${SNAPSHOT_FILE}`,
    ]);
  });
});
