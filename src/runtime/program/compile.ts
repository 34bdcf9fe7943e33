// Compile a playground program (TypeScript) into JavaScript our scheduler can step.
// esbuild lowers `async`/`await` to generator functions wrapped by its `__async` helper; we give
// that helper our own implementation (a lazy Coroutine), wrap the program body in one generator so
// top-level `await` works, turn `import ... from "asyncio"` into a destructuring of the module
// object, and tag every await and every call of an asyncio function with a site id whose reader's
// line we look up once, here, through esbuild's source map. Output lines are kept 1:1 with
// esbuild's, so stack traces map through the same table.
import { Parser, type Node } from "acorn";
import { ancestor } from "acorn-walk";
import { TraceMap, originalPositionFor, eachMapping, LEAST_UPPER_BOUND } from "@jridgewell/trace-mapping";
import { lastAtMost } from "../trace/index.ts";

/** esbuild's `transform` (native or wasm): the only part of esbuild the compiler needs. */
export type Transform = (
  input: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; map: string }>;

/** A compiled program, ready for `runProgram`; plain data, so it can cross to a worker. */
export interface CompiledProgram {
  /** The body of `new Function("__rt", code)`. */
  code: string;
  /** The reader's line of each site id (await, asyncio call, coroutine start). */
  siteLines: number[];
  /** The reader's line for each line of `code` (index 0 is line 1), for stack traces. */
  lineMap: number[];
}

/** One problem in the reader's code, with a 1-based line and column. */
export interface CompileProblem {
  message: string;
  line: number;
  column: number;
  lineText?: string;
}

/** Thrown when a program does not compile; `problems` point into the reader's TypeScript. */
export class CompileError extends Error {
  override name = "CompileError";
  problems: CompileProblem[];
  constructor(problems: CompileProblem[]) {
    super(problems.map((p) => `Line ${p.line}, column ${p.column}: ${p.message}`).join("\n"));
    this.problems = problems;
  }
}

/** esbuild's settings for playground code; exported so tests can pin the helper's shape. */
export const ESBUILD_OPTIONS = {
  loader: "ts",
  format: "esm",
  target: "es2016",
  // Keep top-level `await`: esbuild then lowers it to `yield` like any other, and we wrap the body.
  supported: { "top-level-await": true },
  sourcemap: "external",
  sourcefile: "main.ts",
  // Keep imports the program never uses, so a wrong name or module is reported, not dropped.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
} as const;

// The program body is parsed as one function, so `export` inside it names nothing at "module" level:
// skip acorn's check for that (exports are stripped below), keep every other error.
const ProgramParser = Parser.extend(
  (Base) =>
    class extends (Base as any) {
      raiseRecoverable(pos: number, message: string) {
        if (!/^Export '/.test(message)) super.raiseRecoverable(pos, message);
      }
    } as unknown as typeof Parser,
);

// The program body becomes one generator run by `__rt.program`, given the globals that are the
// program's own (execute.ts: its console, timers and microtasks) in a scope around it, so that the
// program may declare the same names; the prefix stays on line 1.
const PREFIX = "return __rt.program(({ console, setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask }) => function* () {const { __at, __call, __tick } = __rt;";
const SUFFIX = "\n});";

/** Whether the program's code names `console` (a word in a string or a comment counts too). */
export function namesConsole(program: CompiledProgram): boolean {
  return program.code.includes("console", PREFIX.length);
}

// esbuild helpers we implement ourselves, on the scheduler (see execute.ts).
const OWN_HELPERS: Record<string, string> = {
  __async: "__rt.async",
  __callDispose: "__rt.callDispose",
  __using: "__rt.using",
  __forAwait: "__rt.forAwait",
  __asyncGenerator: "__rt.asyncGenerator",
  __await: "__rt.Await",
  __yieldStar: "__rt.yieldStar",
};

// esbuild helpers for async features the scheduler does not model yet (none today).
const UNSUPPORTED_HELPERS: Record<string, string> = {};

type AnyNode = Node & Record<string, any>;
interface Edit {
  start: number;
  end: number;
  text: string;
  depth: number;
}

/** Compile the reader's TypeScript; throws CompileError with line and column on bad input. */
export async function compileProgram(
  source: string,
  transform: Transform,
  asyncioExports: readonly string[],
): Promise<CompiledProgram> {
  let output: { code: string; map: string };
  try {
    output = await transform(source, ESBUILD_OPTIONS);
  } catch (error) {
    throw toCompileError(error);
  }
  const js = output.code;
  const tracer = new TraceMap(output.map);
  const lineStarts = computeLineStarts(js);
  const sourceLines = source.split("\n");

  // Offsets below are into `js`; the parsed text has PREFIX in front.
  const at = (offset: number) => originalOf(tracer, lineStarts, offset);
  const problemAt = (offset: number, message: string): CompileProblem => {
    const pos = at(offset) ?? { line: 1, column: 0 };
    return { message, line: pos.line, column: pos.column + 1, lineText: sourceLines[pos.line - 1] };
  };

  const shift = PREFIX.length;
  let ast: AnyNode;
  try {
    ast = ProgramParser.parse(PREFIX + js + SUFFIX, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowImportExportEverywhere: true,
      allowReturnOutsideFunction: true,
    }) as AnyNode;
  } catch (error) {
    // What esbuild lets through but JavaScript refuses (a name imported twice, say): the reader's
    // error, at the reader's line, without acorn's own "(line:column)" of the compiled text.
    const { pos, message } = error as { pos?: number; message?: string };
    if (pos === undefined) throw error;
    throw new CompileError([problemAt(Math.max(0, pos - shift), String(message).replace(/ \(\d+:\d+\)$/, ""))]);
  }
  const programFn = ast.body[0].argument.arguments[0].body as AnyNode;

  const edits: Edit[] = [];
  const problems: CompileProblem[] = [];
  const siteLines: number[] = [];
  const newSite = (offset: number) => {
    siteLines.push(at(offset)?.line ?? 0);
    return siteLines.length - 1;
  };
  const edit = (start: number, end: number, text: string, depth: number) =>
    edits.push({ start: start - shift, end: end - shift, text, depth });

  // 1. esbuild's helpers, declared at the top of the program body.
  let asyncHelper: string | undefined;
  let asyncGeneratorHelper: string | undefined;
  const unsupported = new Map<string, string>();
  const replacedHelpers: AnyNode[] = [];
  for (const stmt of programFn.body.body as AnyNode[]) {
    if (stmt.type !== "VariableDeclaration" || stmt.declarations.length !== 1) continue;
    const decl = stmt.declarations[0];
    const name: string = decl.id.name ?? "";
    const base = name.replace(/\d+$/, "");
    if (base in OWN_HELPERS && decl.init) {
      if (base === "__async") asyncHelper = name;
      if (base === "__asyncGenerator") asyncGeneratorHelper = name;
      const original = js.slice(decl.init.start - shift, decl.init.end - shift);
      replacedHelpers.push(decl.init);
      edit(decl.init.start, decl.init.end, OWN_HELPERS[base] + "\n".repeat(countNewlines(original)), 0);
    } else if (base in UNSUPPORTED_HELPERS) {
      unsupported.set(name, UNSUPPORTED_HELPERS[base]);
    }
  }

  // 2. Walk once, collecting what to rewrite; decisions need the whole picture (post-order walk).
  const asyncioLocals = new Set<string>();
  const asyncioNamespaces = new Set<string>();
  const yields: { node: AnyNode; fn: AnyNode | undefined; depth: number }[] = [];
  const calls: { node: AnyNode; depth: number }[] = [];
  const constructions: { node: AnyNode; depth: number }[] = [];
  const loops: { node: AnyNode; depth: number }[] = [];
  const loweredFns = new Set<AnyNode>([programFn]);
  const nearestFunction = (ancestors: AnyNode[]) =>
    [...ancestors].reverse().find((n, i) => i > 0 && /Function/.test(n.type));

  function loop(node: AnyNode, _state: unknown, ancestors: AnyNode[]) {
    loops.push({ node, depth: ancestors.length });
  }

  // An async function declaration, as esbuild lowers it, makes a new generator function at every
  // call: `function f(a) { return __async(this, null, function* () { BODY }); }`. Every coroutine's
  // generator then has a prototype and a hidden class of its own (10,000 tasks: 10,000 of each), and
  // stepping them cost ~5–10% more. Such a body becomes a generator declared once, beside f, in the
  // same scope, so that it sees the same names:
  //     function f(a) { return __async(this, arguments, f$body, site, "f"); } function* f$body(a) { BODY }
  // It gets f's arguments and `this`, as the inline one did: its own parameters when esbuild gave it
  // some (with `arguments`), else f's, which were plain names (esbuild keeps defaults and patterns
  // in the generator). Only when f's body is that return alone, f is a declaration in a block, and
  // its parameters are plain names or a rest name; methods, arrows and function expressions (super,
  // lexical this) keep the inline generator. The text stays on its lines: the line map still holds.
  function hoistBody(call: AnyNode, wrapper: AnyNode | undefined, ancestors: AnyNode[], site: number, name: string): boolean {
    const [thisArg, args, generator] = call.arguments as AnyNode[];
    if (wrapper?.type !== "FunctionDeclaration" || wrapper.async || wrapper.generator || !wrapper.id) return false;
    const parent = ancestors[ancestors.lastIndexOf(wrapper) - 1];
    if (parent?.type !== "BlockStatement") return false;
    const statements = wrapper.body.body as AnyNode[];
    if (statements.length !== 1 || statements[0].type !== "ReturnStatement" || statements[0].argument !== call) return false;
    if (thisArg.type !== "ThisExpression" || generator.async || generator.id) return false;
    const passesArguments = args.type === "Identifier" && args.name === "arguments";
    if (!passesArguments && !(args.type === "Literal" && args.value === null)) return false;
    const plain = (p: AnyNode) => p.type === "Identifier" || (p.type === "RestElement" && p.argument.type === "Identifier");
    if (!passesArguments && (generator.params.length || !(wrapper.params as AnyNode[]).every(plain))) return false;
    const header = js.slice(generator.start - shift, generator.body.start - shift);
    if (!header.startsWith("function*")) return false;
    const body = `${wrapper.id.name}$body${site}`;
    const keepLines = (start: number, end: number) => "\n".repeat(countNewlines(js.slice(start - shift, end - shift)));
    // `null, ` / `arguments, ` → the declared generator, and f ends with its return.
    edit(args.start, generator.start, `arguments, ${body}, ${site}, ${name}); } ${keepLines(args.start, generator.start)}`, ancestors.length);
    if (passesArguments) edit(generator.start + "function*".length, generator.start + "function*".length, ` ${body}`, ancestors.length);
    else {
      const params = (wrapper.params as AnyNode[]).map((p) => js.slice(p.start - shift, p.end - shift)).join(", ");
      edit(generator.start, generator.body.start, `function* ${body}(${params}) ${keepLines(generator.start, generator.body.start)}`, ancestors.length);
    }
    // `);` and f's closing brace, after the generator's.
    edit(generator.end, wrapper.end, keepLines(generator.end, wrapper.end), ancestors.length);
    return true;
  }

  ancestor(ast, {
    ImportDeclaration(node: AnyNode) {
      if (node.source.value !== "asyncio") {
        problems.push(problemAt(node.start - shift, `Playgrounds can import only from "asyncio", not "${node.source.value}".`));
        return;
      }
      const parts: string[] = [];
      for (const spec of node.specifiers as AnyNode[]) {
        if (spec.type === "ImportNamespaceSpecifier") {
          asyncioNamespaces.add(spec.local.name);
          edit(node.start, node.end, `const ${spec.local.name} = __rt.asyncio;`, 0);
          return;
        }
        if (spec.type === "ImportDefaultSpecifier") {
          problems.push(problemAt(spec.start - shift, `"asyncio" has no default export: write import { run } from "asyncio".`));
          return;
        }
        const imported = spec.imported.name ?? spec.imported.value;
        if (!asyncioExports.includes(imported)) {
          problems.push(problemAt(spec.start - shift, `"asyncio" has no export named '${imported}'.`));
          continue;
        }
        asyncioLocals.add(spec.local.name);
        parts.push(imported === spec.local.name ? imported : `${imported}: ${spec.local.name}`);
      }
      edit(node.start, node.end, parts.length ? `const { ${parts.join(", ")} } = __rt.asyncio;` : "", 0);
    },
    // A program exports nothing: `export` on a declaration is dropped, `export default` refused.
    ExportNamedDeclaration(node: AnyNode) {
      const isDefault = (node.specifiers as AnyNode[]).some((s) => (s.exported.name ?? s.exported.value) === "default");
      if (isDefault) problems.push(problemAt(node.start - shift, "A playground is a program, not a module: remove `export default`."));
      else if (node.source) problems.push(problemAt(node.start - shift, "A playground is a program, not a module: remove this `export ... from`."));
      else if (node.declaration) edit(node.start, node.declaration.start, "", 0);
      else edit(node.start, node.end, "", 0);
    },
    ExportDefaultDeclaration(node: AnyNode) {
      problems.push(problemAt(node.start - shift, "A playground is a program, not a module: remove `export default`."));
    },
    ExportAllDeclaration(node: AnyNode) {
      problems.push(problemAt(node.start - shift, "A playground is a program, not a module: remove this `export ... from`."));
    },
    YieldExpression(node: AnyNode, _state: unknown, ancestors: AnyNode[]) {
      yields.push({ node, fn: nearestFunction(ancestors), depth: ancestors.length });
    },
    NewExpression(node: AnyNode, _state: unknown, ancestors: AnyNode[]) {
      constructions.push({ node, depth: ancestors.length });
    },
    WhileStatement: loop,
    DoWhileStatement: loop,
    ForStatement: loop,
    ForInStatement: loop,
    ForOfStatement: loop,
    CallExpression(node: AnyNode, _state: unknown, ancestors: AnyNode[]) {
      const callee = node.callee;
      if (callee.type === "Identifier" && (callee.name === asyncHelper || callee.name === asyncGeneratorHelper)) {
        const generator = node.arguments[2];
        if (node.arguments.length !== 3 || generator?.type !== "FunctionExpression" || !generator.generator)
          throw new Error(`esbuild's ${callee.name} helper changed shape; update src/runtime/program/compile.ts`);
        loweredFns.add(generator);
        const wrapper = nearestFunction(ancestors);
        const site = newSite((wrapper ?? node).start - shift);
        const name = JSON.stringify(functionName(wrapper, ancestors));
        if (callee.name === asyncHelper && hoistBody(node, wrapper, ancestors, site, name)) return;
        edit(node.end - 1, node.end - 1, `, ${site}, ${name}`, ancestors.length);
        return;
      }
      if (callee.type === "Identifier" && unsupported.has(callee.name)) {
        problems.push(problemAt(node.start - shift, `${unsupported.get(callee.name)} are not supported in playgrounds yet.`));
        unsupported.delete(callee.name);
        return;
      }
      calls.push({ node, depth: ancestors.length });
    },
  });

  // 3. Tag each lowered `await` (a yield in a lowered generator) with its site.
  for (const { node, fn, depth } of yields) {
    if (!fn || !loweredFns.has(fn) || !node.argument) continue;
    const site = newSite(node.start - shift);
    edit(node.argument.start, node.argument.start, `__at(${site}, (`, depth);
    edit(node.argument.end, node.argument.end, "))", depth);
  }

  // 4. Calls of asyncio functions record their site after the arguments are evaluated.
  for (const { node, depth } of calls) {
    const callee = node.callee;
    const isAsyncioCall =
      (callee.type === "Identifier" && asyncioLocals.has(callee.name)) ||
      (callee.type === "MemberExpression" && callee.object.type === "Identifier" && asyncioNamespaces.has(callee.object.name));
    if (!isAsyncioCall || node.optional) continue;
    const site = newSite(node.start - shift);
    const gapEnd = node.arguments.length ? node.arguments[0].start : node.end;
    const gap = js.slice(callee.end - shift, gapEnd - shift);
    edit(callee.start, callee.start, `__call(${site}, `, depth + 1);
    edit(callee.end, gapEnd, gap.replace("(", node.arguments.length ? ", " : ""), depth + 1);
  }

  // 5. `new Semaphore(2)`, `new ProcessPool()`: the site is marked just before the object is made.
  for (const { node, depth } of constructions) {
    const callee = node.callee;
    const isAsyncioClass =
      (callee.type === "Identifier" && asyncioLocals.has(callee.name)) ||
      (callee.type === "MemberExpression" && callee.object.type === "Identifier" && asyncioNamespaces.has(callee.object.name));
    if (!isAsyncioClass) continue;
    const site = newSite(node.start - shift);
    edit(node.start, node.start, `(__at(${site}, 0), `, depth);
    edit(node.end, node.end, ")", depth);
  }

  // 6. Every loop body starts with __tick(site): a loop that never awaits is stopped with its line
  //    (Session.tick), and a long one keeps the run's heartbeat going.
  for (const { node, depth } of loops) {
    if (replacedHelpers.some((helper) => node.start >= helper.start && node.end <= helper.end)) continue;
    const site = newSite(node.start - shift);
    const body = node.body;
    if (body.type === "BlockStatement") edit(body.start + 1, body.start + 1, `__tick(${site});`, depth + 1);
    else {
      edit(body.start, body.start, `{__tick(${site});`, depth + 1);
      edit(body.end, body.end, "}", depth + 1);
    }
  }

  if (problems.length) throw new CompileError(problems.sort((a, b) => a.line - b.line || a.column - b.column));
  return { code: PREFIX + applyEdits(js, edits) + SUFFIX, siteLines, lineMap: buildLineMap(tracer, lineStarts.length) };
}

// Edits never overlap; zero-width insertions at one offset go outermost first.
function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start || a.end - b.end || a.depth - b.depth);
  let out = "";
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) throw new Error(`overlapping compiler edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

// The name Python would show for a coroutine: the function, method or variable that holds it.
function functionName(fn: AnyNode | undefined, ancestors: AnyNode[]): string {
  if (!fn) return "anonymous";
  if (fn.id?.name) return fn.id.name;
  const parent = ancestors[ancestors.lastIndexOf(fn) - 1];
  if (!parent) return "anonymous";
  if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if (parent.type === "AssignmentExpression" && parent.left.type === "Identifier") return parent.left.name;
  if ((parent.type === "MethodDefinition" || parent.type === "Property") && parent.key.type === "Identifier") {
    const owner = [...ancestors].reverse().find((n) => n.type === "ClassDeclaration" || n.type === "ClassExpression");
    return owner?.id?.name ? `${owner.id.name}.${parent.key.name}` : parent.key.name;
  }
  return "anonymous";
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function countNewlines(text: string): number {
  return computeLineStarts(text).length - 1;
}

// Offset in esbuild's output → 1-based line and 0-based column in the reader's TypeScript.
function originalOf(tracer: TraceMap, lineStarts: number[], offset: number) {
  const line = lastAtMost(lineStarts.length, (i) => lineStarts[i], offset);
  const generated = { line: line + 1, column: offset - lineStarts[line] };
  let found = originalPositionFor(tracer, generated);
  if (found.line == null) found = originalPositionFor(tracer, { ...generated, bias: LEAST_UPPER_BOUND });
  return found.line == null ? undefined : { line: found.line, column: found.column ?? 0 };
}

function buildLineMap(tracer: TraceMap, lineCount: number): number[] {
  const map: number[] = new Array(lineCount).fill(0);
  eachMapping(tracer, (m) => {
    if (m.originalLine && !map[m.generatedLine - 1]) map[m.generatedLine - 1] = m.originalLine;
  });
  return map;
}

function toCompileError(error: unknown): CompileError {
  const messages = (error as { errors?: any[] }).errors;
  if (!Array.isArray(messages)) return new CompileError([{ message: String(error), line: 1, column: 1 }]);
  return new CompileError(
    messages.map((m) => ({
      message: m.text,
      line: m.location?.line ?? 1,
      column: (m.location?.column ?? 0) + 1,
      lineText: m.location?.lineText,
    })),
  );
}
