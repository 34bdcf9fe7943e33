// The differential fuzzer: generate programs from seeds, run each on the runtime and under CPython,
// and shrink every divergence to a minimal TypeScript/Python pair. Used by scripts/fuzz.ts and by
// tests/unit/fuzz.test.ts.
import { compareAll, difference, kindOf, PythonServer, runTypeScript, type Outcome } from "./differential.ts";
import { generateProgram } from "./generate.ts";
import { programFeatures, renderProgram, type ProgramIR, type ProgramText } from "./ir.ts";
import { shrink } from "./shrink.ts";
import type { Feature } from "./generate.ts";

export { generateProgram, enabledFeatures } from "./generate.ts";

/** One program on which the runtime and CPython disagree. */
export interface Divergence {
  seed: number;
  /** How the generated program's outcomes differ. */
  difference: string;
  /** Features of the generated program. */
  features: string[];
  /** The shrunk pair (the generated one if it was not shrunk), its outcomes and their difference. */
  minimal: ProgramText & { tsOutcome: Outcome; pyOutcome: Outcome; difference: string; features: string[]; shrunk: boolean };
}

export interface FuzzOptions {
  seeds: readonly number[];
  /** Features not to generate (default: none; see known-divergences.ts). */
  exclude?: readonly Feature[];
  /** Shrink at most this many divergences (default: all). */
  maxShrink?: number;
  /** Python programs per request to the virtual_asyncio.py --serve process. */
  batchSize?: number;
  onProgress?: (done: number, total: number, divergent: number) => void;
  onShrink?: (seed: number, index: number, count: number) => void;
  /**
   * Also run the Python side twice more, with the tasks CPython cancels in set order (TaskGroup
   * abort, asyncio.run's shutdown) cancelled in creation order and in reverse (perturbed_asyncio.py):
   * a program whose output changes is the generator's fault (see generate.ts), reported apart.
   * A number checks only that many programs (the first ones).
   */
  checkOrder?: boolean | number;
}

export interface FuzzReport {
  programs: number;
  divergences: Divergence[];
  /** Features of the generated programs, with how many programs used each. */
  featureCounts: Map<string, number>;
  checkMs: number;
  shrinkMs: number;
  /** With checkOrder: programs whose CPython output depends on set order (generator bugs). */
  orderDependent: { seed: number; difference: string; py: string }[];
}

/** Run both sides on many programs; the index of the first whose difference has `kind`, or -1. */
async function firstDiverging(python: PythonServer, programs: ProgramText[], kind: string): Promise<number> {
  const pyOutcomes = python.run(programs.map((p) => p.py));
  const tsOutcomes: Outcome[] = [];
  for (const p of programs) tsOutcomes.push(await runTypeScript(p.ts));
  const py = await pyOutcomes;
  return tsOutcomes.findIndex((ts, i) => {
    const d = difference(ts, py[i]);
    return d !== null && kindOf(d) === kind;
  });
}

/** Shrink one diverging program and run the result on both sides again. */
export async function minimise(
  python: PythonServer,
  ir: ProgramIR,
  kind: string,
  stats?: { rounds: number; judged: number },
): Promise<Divergence["minimal"]> {
  const small = await shrink(ir, (programs) => firstDiverging(python, programs, kind), { stats });
  const text = renderProgram(small);
  const [ts, [py]] = await Promise.all([runTypeScript(text.ts), python.run([text.py])]);
  return { ...text, tsOutcome: ts, pyOutcome: py, difference: difference(ts, py) ?? "(no longer diverges)", features: programFeatures(small), shrunk: true };
}

/** Generate, compare and shrink. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const python = new PythonServer();
  try {
    return await fuzzWith(python, options);
  } finally {
    python.close();
  }
}

async function fuzzWith(python: PythonServer, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const programs = options.seeds.map((seed) => generateProgram(seed, { exclude: options.exclude }));
  const featureCounts = new Map<string, number>();
  for (const p of programs) for (const f of programFeatures(p.ir)) featureCounts.set(f, (featureCounts.get(f) ?? 0) + 1);
  const diverging: { index: number; ts: Outcome; py: Outcome; difference: string }[] = [];
  let done = 0;
  const checked = options.checkOrder === true ? programs.length : Number(options.checkOrder ?? 0);
  const reordered = checked
    ? Promise.all(
        (["forward", "reverse"] as const).map((order) => {
          const server = new PythonServer(order);
          const outcomes = server.run(programs.slice(0, checked).map((p) => p.py));
          server.close(); // it still answers what was sent
          return outcomes;
        }),
      )
    : null;
  reordered?.catch(() => {});
  const results = await compareAll(programs, python, {
    batchSize: options.batchSize,
    onResult: (index, c) => {
      done++;
      if (c.difference) diverging.push({ index, ts: c.ts, py: c.py, difference: c.difference });
      if (done % 50 === 0 || done === programs.length) options.onProgress?.(done, programs.length, diverging.length);
    },
  });
  const orderDependent: FuzzReport["orderDependent"] = [];
  if (reordered) {
    const [forward, reverse] = await reordered;
    forward.forEach((o, i) => {
      const d = difference(o, reverse[i], ["CPython (creation order)", "CPython (reverse order)"]);
      if (d) orderDependent.push({ seed: programs[i].seed, difference: d, py: programs[i].py });
    });
  }
  const checkMs = performance.now() - started;
  const shrinkStart = performance.now();
  const divergences: Divergence[] = [];
  const maxShrink = options.maxShrink ?? Infinity;
  for (const [n, d] of diverging.entries()) {
    const p = programs[d.index];
    const features = programFeatures(p.ir);
    // A program whose CPython output changes from run to run is the generator's fault, not the runtime's.
    const again = await python.run([p.py, p.py]);
    if (again.some((o) => difference(o, d.py) !== null)) features.unshift("NONDETERMINISTIC-IN-CPYTHON");
    let minimal: Divergence["minimal"];
    if (n < maxShrink) {
      options.onShrink?.(p.seed, n, Math.min(diverging.length, maxShrink));
      minimal = await minimise(python, p.ir, kindOf(d.difference));
    } else minimal = { ts: p.ts, py: p.py, tsOutcome: d.ts, pyOutcome: d.py, difference: d.difference, features, shrunk: false };
    divergences.push({ seed: p.seed, difference: d.difference, features, minimal });
  }
  return { programs: programs.length, divergences, featureCounts, checkMs, shrinkMs: performance.now() - shrinkStart, orderDependent };
}

const numbered = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((l, i) => `${String(i + 1).padStart(3)}  ${l}`)
    .join("\n");

const showOutcome = (o: Outcome) =>
  [
    ...o.stdout.map((l, i) => `  [${o.stamps[i]}] ${l}`),
    `  virtualEnd ${o.virtualEnd}${o.error ? `, error ${JSON.stringify(o.error)}` : ""}`,
  ].join("\n");

/** A divergence as text: the minimal pair side by side with both outputs. */
export function formatDivergence(d: Divergence): string {
  const m = d.minimal;
  return [
    `seed ${d.seed}: ${d.difference}`,
    `  features: ${d.features.join(", ")}`,
    m.shrunk ? `minimal pair (${m.ts.split("\n").length} lines): ${m.difference}` : "pair (not shrunk):",
    "--- TypeScript",
    numbered(m.ts),
    "--- Python",
    numbered(m.py),
    "--- runtime output",
    showOutcome(m.tsOutcome),
    "--- CPython output",
    showOutcome(m.pyOutcome),
  ].join("\n");
}
