// Shrink a diverging program: remove statements (with everything that depends on them) while the
// two sides still disagree, greedily, until no single removal keeps the divergence.
//
// Removals keep the generator's guarantees (see generate.ts): a statement marked essential goes only
// with its enclosing statement, a removed definition takes every use of it along, and a program in
// which some created task is no longer awaited is never tried (its leftover tasks would be cancelled
// at shutdown in an order CPython leaves to a WeakSet).
import { children, reachableFunctions, renderProgram, walk, type Func, type ProgramIR, type ProgramText, type Stmt } from "./ir.ts";

/** A local name (r1, t2, e3, tg4, ...): functions and globals have no digits at the end. */
const isLocal = (name: string) => /\d$/.test(name);

/** Whether every local is defined and every created task still awaited, in every reachable function. */
export function isValid(ir: ProgramIR): boolean {
  const reachable = reachableFunctions(ir);
  for (const f of ir.funcs) {
    if (!reachable.has(f.name)) continue;
    const defs = new Set<string>();
    const used: string[] = [];
    const tasks: string[] = [];
    const awaited = new Set<string>();
    walk(f.body, (s) => {
      s.defs?.forEach((d) => defs.add(d));
      s.uses?.forEach((u) => isLocal(u) && used.push(u));
      if (s.kind === "line") {
        if (s.task) tasks.push(s.task);
        s.awaits?.forEach((a) => awaited.add(a));
      }
    });
    if (used.some((u) => !defs.has(u))) return false;
    if (tasks.some((t) => !awaited.has(t))) return false;
  }
  return true;
}

/**
 * Whether the shrinker may remove `s` on its own: not essential, and holding nothing essential
 * (a queue consumer's loop inside a try would go with the try) unless it is a group, the unit that
 * brings its essential parts (puts, consumers, ev.set()) together.
 */
function removable(s: Stmt): boolean {
  return !s.essential && (s.kind === "group" || !subtree(s).slice(1).some((x) => x.essential));
}

function subtree(s: Stmt): Stmt[] {
  const all: Stmt[] = [s];
  for (const list of children(s)) walk(list, (x) => all.push(x));
  return all;
}

function rewrite(list: Stmt[], edit: (s: Stmt) => Stmt[] | undefined): Stmt[] {
  const out: Stmt[] = [];
  for (const s of list) {
    const replaced = edit(s);
    if (replaced) out.push(...replaced);
    else out.push(rewriteInside(s, edit));
  }
  return out;
}

function rewriteInside(s: Stmt, edit: (s: Stmt) => Stmt[] | undefined): Stmt {
  switch (s.kind) {
    case "line":
      return s;
    case "block":
    case "group":
      return { ...s, body: rewrite(s.body, edit) };
    case "try":
      return {
        ...s,
        body: rewrite(s.body, edit),
        handlers: s.handlers.map((h) => ({ ...h, body: rewrite(h.body, edit) })),
        final: s.final && rewrite(s.final, edit),
      };
  }
}

/**
 * Remove `roots` from `f`, and (transitively) every statement that uses a name they define; null if
 * that would take along a statement the shrinker may not remove.
 */
function removeWithDependents(f: Func, roots: Stmt[], replace: Map<Stmt, Stmt[]> = new Map()): Func | null {
  const removed = new Set<Stmt>();
  const defs = new Set<string>();
  const add = (s: Stmt) => {
    for (const x of subtree(s)) {
      if (removed.has(x)) continue;
      removed.add(x);
      x.defs?.forEach((d) => defs.add(d));
    }
  };
  roots.forEach(add);
  let blocked = false;
  for (let changed = true; changed && !blocked; ) {
    changed = false;
    walk(f.body, (s) => {
      if (!removed.has(s) && s.uses?.some((u) => defs.has(u))) {
        if (!removable(s)) blocked = true;
        add(s);
        changed = true;
      }
    });
  }
  if (blocked) return null;
  const body = rewrite(f.body, (s) => {
    const r = replace.get(s);
    if (r) return rewrite(r, (x) => (removed.has(x) ? [] : undefined));
    return removed.has(s) ? [] : undefined;
  });
  return { ...f, body };
}

/** Every program one removal away from `ir`, biggest removals first. */
export function candidates(ir: ProgramIR): ProgramIR[] {
  const out: { size: number; ir: ProgramIR | null }[] = [];
  const reachable = reachableFunctions(ir);
  ir.funcs.forEach((f, fi) => {
    if (!reachable.has(f.name)) return;
    const withFunc = (nf: Func | null): ProgramIR | null => (nf ? { ...ir, funcs: ir.funcs.map((g, gi) => (gi === fi ? nf : g)) } : null);
    // Many statements of one list at once: all that may go, or either half of them.
    const lists: Stmt[][] = [f.body];
    walk(f.body, (s) => lists.push(...children(s)));
    for (const list of lists) {
      const free = list.filter(removable);
      const half = Math.ceil(free.length / 2);
      const sets = free.length >= 2 ? [free] : [];
      if (free.length >= 4) sets.push(free.slice(0, half), free.slice(half));
      for (const set of sets) out.push({ size: set.reduce((n, s) => n + subtree(s).length, 0), ir: withFunc(removeWithDependents(f, set)) });
    }
    walk(f.body, (s) => {
      const size = subtree(s).length;
      // A simpler form of the same line (a gather with one awaitable fewer).
      if (s.kind === "line")
        for (const v of s.variants ?? []) out.push({ size: 1, ir: withFunc({ ...f, body: rewrite(f.body, (x) => (x === s ? [v] : undefined)) }) });
      if (removable(s)) out.push({ size, ir: withFunc(removeWithDependents(f, [s])) });
      // Unwrap: keep the body, drop the frame (a loop, a lock region, a timeout, a try/finally).
      if ((s.kind === "block" && !s.essential) || (s.kind === "try" && !s.handlers.length)) {
        const inner = s.kind === "try" ? [...s.body, ...(s.final ?? [])] : s.body;
        // The frame's own names (a loop variable, a task group) go, with what uses them.
        const frame: Stmt = { ...s, kind: "line", ts: "", py: "", uses: [] } as Stmt;
        const nf = removeWithDependents({ ...f, body: rewrite(f.body, (x) => (x === s ? [frame, ...inner] : undefined)) }, [frame]);
        out.push({ size: 1, ir: withFunc(nf) });
      }
      // Drop a finally clause that has handlers beside it.
      if (s.kind === "try" && s.handlers.length && s.final)
        out.push({ size: s.final.length, ir: withFunc({ ...f, body: rewrite(f.body, (x) => (x === s ? [{ ...s, final: undefined }] : undefined)) }) });
    });
  });
  if (ir.prelude?.length) out.push({ size: ir.prelude.length, ir: { ...ir, prelude: [] } });
  if (ir.epilogue?.length) out.push({ size: ir.epilogue.length, ir: { ...ir, epilogue: [] } });
  if (ir.printRunResult) out.push({ size: 1, ir: { ...ir, printRunResult: false } });
  out.sort((a, b) => b.size - a.size);
  return out.flatMap((c) => (c.ir ? [c.ir] : []));
}

/** Judge a list of program texts: the index of the first that still diverges, or -1. */
export type Judge = (programs: ProgramText[]) => Promise<number>;

/** Greedy shrinking: keep the first candidate that still diverges, until none does. */
export async function shrink(
  ir: ProgramIR,
  judge: Judge,
  options: { chunk?: number; maxRounds?: number; stats?: { rounds: number; judged: number } } = {},
): Promise<ProgramIR> {
  const chunk = options.chunk ?? 24;
  const stats = options.stats ?? { rounds: 0, judged: 0 };
  let current = ir;
  let currentText = renderProgram(ir);
  for (let round = 0; round < (options.maxRounds ?? 500); round++) {
    const seen = new Set<string>([currentText.ts + "\0" + currentText.py]);
    const pool: { ir: ProgramIR; text: ProgramText }[] = [];
    for (const c of candidates(current)) {
      if (!isValid(c)) continue;
      const text = renderProgram(c);
      const key = text.ts + "\0" + text.py;
      if (seen.has(key)) continue;
      seen.add(key);
      pool.push({ ir: c, text });
    }
    let next: (typeof pool)[number] | null = null;
    for (let start = 0; start < pool.length && !next; start += chunk) {
      const slice = pool.slice(start, start + chunk);
      stats.judged += slice.length;
      const hit = await judge(slice.map((p) => p.text));
      if (hit >= 0) next = slice[hit];
    }
    if (!next) break;
    stats.rounds++;
    current = next.ir;
    currentText = next.text;
  }
  return current;
}
