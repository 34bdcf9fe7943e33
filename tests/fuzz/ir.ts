// The fuzzer's program representation: a tree of statements, each carrying its TypeScript and its
// Python text side by side, rendered line for line (a TypeScript line that has no Python twin, such
// as a closing brace, becomes a blank Python line). The shrinker (shrink.ts) removes statements
// from this tree; the bookkeeping fields below say what may be removed without making a program
// that is wrong, or whose output is legitimately unordered in CPython.
import { ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";

/** An exception class a handler catches. */
export type ErrorClass = "Boom" | "CancelledError" | "TimeoutError" | "ExceptionGroup" | "QueueEmpty" | "QueueFull";

interface StmtBase {
  /** Local names this statement defines (statements that use them go when it goes). */
  defs?: string[];
  /** Names it uses: locals (ending in a digit), functions and globals. */
  uses?: string[];
  /** The shrinker never removes it on its own (only with its enclosing statement). */
  essential?: boolean;
}

/** One line in each language. */
export interface Line extends StmtBase {
  kind: "line";
  ts: string;
  py: string;
  /** The local task it creates: some statement must still await it (see `awaits`). */
  task?: string;
  /** The tasks whose outcome it awaits (await t, gather([t]), shield(t)). */
  awaits?: string[];
  /** Assigns this module global in main: rendered only if another statement uses the global. */
  global?: string;
  /** Simpler forms of this line the shrinker may try instead. */
  variants?: Line[];
}

/** A compound statement: a header line ending in `{` / `:`, a body, and a closing `}`. */
export interface Block extends StmtBase {
  kind: "block";
  ts: string;
  py: string;
  body: Stmt[];
}

/** `except Cls as v:` ↔ a branch of `catch (v)`. */
export interface Handler {
  cls: ErrorClass;
  body: Stmt[];
  /** Ends with `raise` / `throw v`. */
  rethrow: boolean;
}

/** try / except... / finally. */
export interface Try extends StmtBase {
  kind: "try";
  /** The caught exception's name (unique in its function). */
  v: string;
  body: Stmt[];
  handlers: Handler[];
  final?: Stmt[];
}

/** Statements that belong together: removed as one, rendered in place without a line of their own. */
export interface Group extends StmtBase {
  kind: "group";
  body: Stmt[];
}

export type Stmt = Line | Block | Try | Group;

/** `async function name(tag: string)` ↔ `async def name(tag):`; main takes no parameter. */
export interface Func {
  name: string;
  body: Stmt[];
  /** Extra parameters after `tag`, in each language ("d: number" ↔ "d"). */
  extraParams?: { ts: string; py: string };
  /** Features its body uses (for reports). */
  features?: string[];
}

/** A whole program: module globals, then functions; main is the last function. */
export interface ProgramIR {
  seed: number;
  globals: string[];
  funcs: Func[];
  /** The top level prints what run(main()) returns. */
  printRunResult?: boolean;
  /** Top-level lines before run(main()), and after it (a second run). */
  prelude?: Line[];
  epilogue?: Line[];
}

/** The TypeScript (playground) and Python texts of a program. */
export interface ProgramText {
  ts: string;
  py: string;
}

const PY_ERROR: Record<ErrorClass, string> = {
  Boom: "Boom",
  CancelledError: "asyncio.CancelledError",
  TimeoutError: "TimeoutError",
  ExceptionGroup: "ExceptionGroup",
  QueueEmpty: "asyncio.QueueEmpty",
  QueueFull: "asyncio.QueueFull",
};


/** Render a program in both languages, leaving out functions main never reaches and unused globals. */
export function renderProgram(ir: ProgramIR): ProgramText {
  const reachable = reachableFunctions(ir);
  const funcs = ir.funcs.filter((f) => reachable.has(f.name));
  const usedGlobals = new Set<string>();
  for (const f of funcs) walk(f.body, (s) => s.kind !== "line" || !s.global ? s.uses?.forEach((u) => usedGlobals.add(u)) : undefined);
  const globals = ir.globals.filter((g) => usedGlobals.has(g));

  const body: { ts: string[]; py: string[] } = { ts: [], py: [] };
  const emit = (ts: string, py: string) => (body.ts.push(ts), body.py.push(py));
  emit("", "");
  emit("class Boom extends Error {", "class Boom(Exception):");
  emit('  override name = "Boom";', "    pass");
  emit("}", "");
  for (const g of globals) emit(`let ${g}: any = null;`, `${g} = None`);
  for (const f of funcs) {
    emit("", "");
    const more = f.extraParams ? { ts: `, ${f.extraParams.ts}`, py: `, ${f.extraParams.py}` } : { ts: "", py: "" };
    emit(f.name === "main" ? "async function main() {" : `async function ${f.name}(tag: string${more.ts}) {`, f.name === "main" ? "async def main():" : `async def ${f.name}(tag${more.py}):`);
    renderBody(f.body, 1, 1, body, usedGlobals);
    emit("}", "");
  }
  emit("", "");
  for (const l of ir.prelude ?? []) emit(l.ts, l.py);
  if (ir.printRunResult) emit(`print("run gave", await run(main()));`, `print("run gave", asyncio.run(main()))`);
  else emit("await run(main());", "asyncio.run(main())");
  for (const l of ir.epilogue ?? []) emit(l.ts, l.py);

  const code = body.ts.join("\n").replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const imports = ASYNCIO_EXPORTS.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
  if (!imports.includes("run")) imports.unshift("run");
  const ts = [`import { ${imports.join(", ")} } from "asyncio";`, ...body.ts].join("\n") + "\n";
  const py = ["import asyncio, time", ...body.py].join("\n") + "\n";
  return { ts, py };
}

function renderBody(stmts: Stmt[], tsDepth: number, pyDepth: number, out: { ts: string[]; py: string[] }, globals: Set<string>): void {
  const visible = stmts.filter((s) => !(s.kind === "line" && s.global && !globals.has(s.global)));
  if (!visible.some(hasLines)) {
    out.ts.push(`${"  ".repeat(tsDepth)}// pass`);
    out.py.push(`${"    ".repeat(pyDepth)}pass`);
  }
  for (const s of visible) renderStmt(s, tsDepth, pyDepth, out, globals);
}

function hasLines(s: Stmt): boolean {
  return s.kind === "group" ? s.body.some(hasLines) : true;
}

function renderStmt(s: Stmt, tsDepth: number, pyDepth: number, out: { ts: string[]; py: string[] }, globals: Set<string>): void {
  const ti = "  ".repeat(tsDepth);
  const pi = "    ".repeat(pyDepth);
  const emit = (ts: string, py: string) => (out.ts.push(ts ? ti + ts : ""), out.py.push(py ? pi + py : ""));
  switch (s.kind) {
    case "line":
      emit(s.ts, s.py);
      return;
    case "group":
      for (const inner of s.body) renderStmt(inner, tsDepth, pyDepth, out, globals);
      return;
    case "block":
      emit(s.ts, s.py);
      renderBody(s.body, tsDepth + 1, pyDepth + 1, out, globals);
      emit("}", "");
      return;
    case "try": {
      emit("try {", "try:");
      renderBody(s.body, tsDepth + 1, pyDepth + 1, out, globals);
      const v = s.v;
      const handlerBody = (h: Handler, tsD: number) => {
        renderBody(h.body, tsD, pyDepth + 1, out, globals);
        if (h.rethrow) {
          out.ts.push(`${"  ".repeat(tsD)}throw ${v};`);
          out.py.push(`${"    ".repeat(pyDepth + 1)}raise`);
        }
      };
      if (s.handlers.length === 1) {
        const h = s.handlers[0];
        emit(`} catch (${v}) { if (!(${v} instanceof ${h.cls})) throw ${v};`, `except ${PY_ERROR[h.cls]} as ${v}:`);
        handlerBody(h, tsDepth + 1);
      } else if (s.handlers.length > 1) {
        emit(`} catch (${v}) {`, "");
        s.handlers.forEach((h, i) => {
          out.ts.push(`${ti}  ${i ? "} else " : ""}if (${v} instanceof ${h.cls}) {`);
          out.py.push(`${pi}except ${PY_ERROR[h.cls]} as ${v}:`);
          handlerBody(h, tsDepth + 2);
        });
        out.ts.push(`${ti}  } else throw ${v};`);
        out.py.push("");
      }
      if (s.final) {
        emit("} finally {", "finally:");
        renderBody(s.final, tsDepth + 1, pyDepth + 1, out, globals);
      } else if (!s.handlers.length) {
        emit("} finally {", "finally:");
        renderBody([], tsDepth + 1, pyDepth + 1, out, globals);
      }
      emit("}", "");
      return;
    }
  }
}

/** Call `fn` on every statement, depth first, handlers and finally blocks included. */
export function walk(stmts: Stmt[], fn: (s: Stmt) => void): void {
  for (const s of stmts) {
    fn(s);
    for (const child of children(s)) walk(child, fn);
  }
}

/** The statement lists directly inside `s`. */
export function children(s: Stmt): Stmt[][] {
  if (s.kind === "line") return [];
  if (s.kind === "try") return [s.body, ...s.handlers.map((h) => h.body), ...(s.final ? [s.final] : [])];
  return [s.body];
}

/** The features a program uses: those of the functions main reaches. */
export function programFeatures(ir: ProgramIR): string[] {
  const reachable = reachableFunctions(ir);
  return [...new Set(ir.funcs.filter((f) => reachable.has(f.name)).flatMap((f) => f.features ?? []))].sort();
}

/** Names of the functions reachable from main through the statements' `uses`. */
export function reachableFunctions(ir: ProgramIR): Set<string> {
  const byName = new Map(ir.funcs.map((f) => [f.name, f]));
  const seen = new Set<string>(["main"]);
  const queue = ["main"];
  for (const l of ir.epilogue ?? []) for (const u of l.uses ?? []) if (byName.has(u) && !seen.has(u)) (seen.add(u), queue.push(u));
  while (queue.length) {
    const f = byName.get(queue.pop()!);
    if (!f) continue;
    walk(f.body, (s) => {
      for (const u of s.uses ?? []) if (byName.has(u) && !seen.has(u)) (seen.add(u), queue.push(u));
    });
  }
  return seen;
}
