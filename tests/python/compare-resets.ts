// Evidence for how virtual_asyncio.reset() makes each program start as in a fresh CPython: run a
// corpus (the fuzzer's programs and every lesson's Python twin) three ways and compare every result
// (stdout, stamps, end, stderr, error; addresses masked):
//   A. reset(): asyncio's modules and classes as imported, and a fresh instance of the C module
//      _asyncio bound into them (what the tests use), all programs in one interpreter;
//   B. re-importing asyncio, concurrent.futures and the harness before each program (no _asyncio
//      swap), in the same interpreter;
//   C. a new Pyodide per program (the first `--fresh N` programs only: a load takes seconds).
// Prints the cost per program of A and B, and every program whose results differ.
//   node tests/python/compare-resets.ts [--count N] [--fresh N]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectPlaygrounds } from "../../src/integrations/playground-blocks.mjs";
import { generateProgram } from "../fuzz/generate.ts";
import { loadHarness } from "../support/pyodide-load.ts";

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};

const DOCS = fileURLToPath(new URL("../../src/content/docs", import.meta.url));
const twins: string[] = [];
for (const dir of ["lessons", "reference"]) {
  for (const file of readdirSync(join(DOCS, dir)).filter((f) => f.endsWith(".mdx"))) {
    const playgrounds = (await collectPlaygrounds(readFileSync(join(DOCS, dir, file), "utf8"), file)) as { python?: string; clock?: string }[];
    for (const pg of playgrounds) if (pg.python && pg.clock !== "real") twins.push(pg.python);
  }
}
const corpus = [...twins, ...Array.from({ length: option("count", 300) }, (_, i) => generateProgram(i + 1).py)];

const RUN = `
import gc, json, re, sys, time
import virtual_asyncio
gc.collect()
gc.freeze()  # as the runner's worker thread does

def masked(result):
    return re.sub(r"0x[0-9a-f]+", "0x…", json.dumps(result))

def run_reset(source):
    return masked(virtual_asyncio.run_program(source))

def run_alone(source):  # the first program of a new interpreter: nothing to reset
    virtual_asyncio._restore_asyncio = virtual_asyncio._fresh_c_asyncio = lambda: None
    return run_reset(source)

def run_reimported(source):
    global virtual_asyncio
    for name in list(sys.modules):
        if name.split(".")[0] in ("asyncio", "_asyncio", "concurrent", "virtual_asyncio", "virtual_threads"):
            del sys.modules[name]
    import virtual_asyncio
    virtual_asyncio._restore_asyncio = virtual_asyncio._fresh_c_asyncio = lambda: None  # fresh already
    return masked(virtual_asyncio.run_program(source))
`;

const { py, version } = await loadHarness();
py.runPython(RUN);
const runReset = py.globals.get("run_reset") as (s: string) => string;
const runReimported = py.globals.get("run_reimported") as (s: string) => string;

function timed(run: (s: string) => string): { results: string[]; msPerProgram: number } {
  const started = performance.now();
  const results = corpus.map((source) => run(source));
  return { results, msPerProgram: (performance.now() - started) / corpus.length };
}

console.log(`CPython ${version} (Pyodide); ${corpus.length} programs (${twins.length} lesson twins)`);
const a = timed(runReset);
const b = timed(runReimported);
console.log(`A. fresh _asyncio (reset): ${a.msPerProgram.toFixed(1)} ms per program, run included`);
console.log(`B. re-import asyncio:      ${b.msPerProgram.toFixed(1)} ms per program, run included`);
let differ = 0;
corpus.forEach((source, i) => {
  if (a.results[i] === b.results[i]) return;
  differ++;
  console.log(`\nA and B differ on program ${i}:\n${source}\nA: ${a.results[i]}\nB: ${b.results[i]}`);
});
console.log(`A vs B: ${corpus.length - differ} programs alike, ${differ} differ`);

const fresh = Math.min(option("fresh", 10), corpus.length);
let freshDiffer = 0;
for (let i = 0; i < fresh; i++) {
  const instance = await loadHarness();
  instance.py.runPython(RUN);
  const alone = (instance.py.globals.get("run_alone") as (s: string) => string)(corpus[i]);
  if (alone !== a.results[i]) {
    freshDiffer++;
    console.log(`\nA and a new Pyodide differ on program ${i}:\n${corpus[i]}\nA: ${a.results[i]}\nC: ${alone}`);
  }
}
console.log(`A vs C (a new Pyodide each): ${fresh - freshDiffer} programs alike, ${freshDiffer} differ`);
process.exit(differ || freshDiffer ? 1 : 0);
