// CPython's own asyncio tests (Lib/test/test_asyncio of CPython 3.14), ported to pairs of programs
// in tests/cpython-ports/<module>/<test>.py and .ts: each prints what the CPython test asserts. The
// Python program runs under CPython 3.14 (Pyodide, one load for the whole file, through the shared
// runner of tests/support/cpython.ts), its TypeScript twin on the runtime; the runtime must print
// CPython's lines, at CPython's virtual times, and end when CPython ends. The expected output is
// always CPython's own, never written down by hand.
// A port that cannot run yet says why on a line of its .py file, `# skip: <reason>` (a name the
// runtime lacks, a known divergence): it is registered as skipped, and needs no .ts twin.
// tests/cpython-ports/README.md lists every port and every test that was not ported, with why.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runTs } from "../support/run-ts.ts";
import { runPython, stdoutStamps } from "../support/cpython.ts";

const ROOT = fileURLToPath(new URL("../cpython-ports/", import.meta.url));

interface Port {
  module: string;
  name: string;
  python: string;
  typescript: string | null;
  /** Why it is not run yet, from its `# skip: …` line. */
  skip: string | null;
}

function findPorts(): Port[] {
  const ports: Port[] = [];
  for (const module of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, module);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".py")) continue;
      const name = file.slice(0, -3);
      const python = readFileSync(join(dir, file), "utf8");
      const tsFile = join(dir, `${name}.ts`);
      const typescript = existsSync(tsFile) ? readFileSync(tsFile, "utf8") : null;
      const skip = /^# skip: (.+)$/m.exec(python)?.[1] ?? null;
      ports.push({ module, name, python, typescript, skip });
    }
  }
  return ports;
}

const ports = findPorts();
/** Virtual times compared to the nanosecond (both sides add the same floats, but need not round alike). */
const rounded = (times: number[]) => times.map((t) => Math.round(t * 1e9) / 1e9);

// A file is named after the test method, or Class.test_method where a module's classes share names.
const named = (port: Port) => (port.name.includes(".") ? port.name.replace(".", "\\.") : `\\w+\\.${port.name}`);

it("finds the ports, each opening with the CPython test it ports", () => {
  expect(ports.filter((p) => !p.skip).length).toBeGreaterThanOrEqual(170);
  for (const port of ports) {
    expect(port.python, `${port.module}/${port.name}.py`).toMatch(new RegExp(`^# Port of CPython 3\\.14 Lib/test/test_asyncio/${port.module}\\.py, ${named(port)}\\b`));
    if (port.typescript !== null) expect(port.typescript, `${port.module}/${port.name}.ts`).toMatch(new RegExp(`^// Port of CPython 3\\.14 Lib/test/test_asyncio/${port.module}\\.py, ${named(port)}\\b`));
    else expect(port.skip, `${port.module}/${port.name}: no .ts twin and no "# skip:" line`).toBeTruthy();
  }
});

it("has a Python program for every TypeScript twin, and the README names every port", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const module of new Set(ports.map((p) => p.module))) {
    for (const file of readdirSync(join(ROOT, module)).filter((f) => f.endsWith(".ts")))
      expect(existsSync(join(ROOT, module, file.replace(/\.ts$/, ".py"))), `${module}/${file}: no .py program`).toBe(true);
  }
  for (const port of ports) {
    const test = /^# Port of CPython 3\.14 \S+, (\S+)/.exec(port.python)![1];
    expect(readme, `README.md does not list ${port.module}: ${test}`).toContain(`\`${test}\``);
  }
});

for (const module of [...new Set(ports.map((p) => p.module))]) {
  describe(module, () => {
    for (const port of ports.filter((p) => p.module === module)) {
      if (port.skip) {
        it.skip(`${port.name} (${port.skip})`, () => {});
        continue;
      }
      it(port.name, async () => {
        const where = `${module}/${port.name}`;
        const [py, ts] = await Promise.all([runPython(port.python), runTs(port.typescript!)]);
        expect(py.error, `${where}.py under CPython`).toBeNull();
        expect(py.stdout.length, `${where}.py prints what the test asserts`).toBeGreaterThan(0);
        expect(ts.error?.message, `${where}.ts on the runtime`).toBeUndefined();
        expect(ts.stdout, `${where}: printed lines`).toEqual(py.stdout);
        expect(rounded(stdoutStamps(ts)), `${where}: the virtual time of each line`).toEqual(rounded(py.stamps));
        expect(ts.virtualEnd, `${where}: virtual end`).toBeCloseTo(py.virtualEnd, 9);
        // A "never awaited" warning the runtime writes, CPython writes too (CPython names the coroutine
        // by its qualified name, and its stderr holds more: tracebacks, source lines).
        for (const line of ts.stderr) {
          const name = /RuntimeWarning: coroutine '([\w.]+)' was never awaited/.exec(line)?.[1];
          if (name) expect(py.stderr.some((l) => /never awaited/.test(l) && l.includes(name)), `${where}: CPython does not warn "${line}"\n${py.stderr.join("\n")}`).toBe(true);
        }
      });
    }
  });
}
