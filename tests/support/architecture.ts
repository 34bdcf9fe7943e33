// The runtime's architecture as rules a test checks (docs/ARCHITECTURE.md draws it):
//   - src/runtime is folders by concern; code outside a folder reaches it only through its index.ts;
//   - dependencies run one way: program → asyncio → workers → io → core → trace (the schema), and
//     node/ (Node's hosts) → workers, io; trace/ depends on nothing but itself;
//   - the runtime imports no UI or framework code (React, Astro, Sandpack, src/components);
//   - no import cycles among the runtime's modules, type-only imports included.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import ts from "typescript";

/** What each runtime folder may import from the other folders (always through their index.ts). */
export const ALLOWED: Record<string, readonly string[]> = {
  program: ["asyncio", "workers", "io", "core", "trace"],
  asyncio: ["workers", "io", "core", "trace"],
  workers: ["io", "core", "trace"],
  io: ["core", "trace"],
  core: ["trace"],
  trace: [],
  node: ["workers", "io"],
};

/** Packages the runtime may import: the compiler's parser and source maps, console.log's formatting
 *  (Node's util.inspect for the browser); Node's modules only in node/. */
const RUNTIME_PACKAGES = ["acorn", "acorn-walk", "@jridgewell/trace-mapping", "node-inspect-extracted"];

/** A source file: its path from the repository root (with "/") and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Every TypeScript, JavaScript and Astro file under `dirs` of `root`. */
export function readSources(root: string, dirs: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(m?[jt]sx?|astro)$/.test(name) && !name.endsWith(".d.mts")) files.push({ path: relative(root, full).split(sep).join("/"), text: readFileSync(full, "utf8") });
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files;
}

// Module specifiers a file imports, exports from, or imports dynamically (type-only ones included;
// not require(): the job worker's body, sent to workers as text, requires Node's modules there).
function specifiers(file: SourceFile): string[] {
  const text = file.path.endsWith(".astro") ? (/^---\n([\s\S]*?)\n---/.exec(file.text)?.[1] ?? "") : file.text;
  return ts.preProcessFile(text, true, false).importedFiles.map((f) => f.fileName);
}

const RUNTIME = "src/runtime/";
const folderOf = (path: string) => path.slice(RUNTIME.length).split("/")[0];

/** Every broken rule, one sentence each; empty when the tree keeps the architecture. */
export function architectureViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const inRuntime = file.path.startsWith(RUNTIME);
    const edges: string[] = [];
    for (const spec of specifiers(file)) {
      if (!spec.startsWith(".")) {
        if (!inRuntime) continue;
        const allowed = RUNTIME_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)) || (spec.startsWith("node:") && folderOf(file.path) === "node");
        if (!allowed) problems.push(`${file.path} imports "${spec}": the runtime may import only ${RUNTIME_PACKAGES.join(", ")} (and node: modules in node/)`);
        continue;
      }
      const target = normalize(join(dirname(file.path), spec)).split(sep).join("/");
      if (!target.startsWith(RUNTIME)) {
        if (inRuntime) problems.push(`${file.path} imports ${target}: the runtime imports nothing from outside src/runtime`);
        continue;
      }
      const targetFolder = folderOf(target);
      const isEntry = target === `${RUNTIME}${targetFolder}/index.ts`;
      if (!inRuntime) {
        if (!isEntry) problems.push(`${file.path} imports ${target}: outside the runtime, import a folder's index.ts`);
        continue;
      }
      edges.push(target);
      const folder = folderOf(file.path);
      if (folder === targetFolder) continue;
      if (!isEntry) problems.push(`${file.path} imports ${target}: across folders, import ${RUNTIME}${targetFolder}/index.ts`);
      if (!(ALLOWED[folder] ?? []).includes(targetFolder)) problems.push(`${file.path} imports ${targetFolder}/: ${folder}/ may import only ${(ALLOWED[folder] ?? []).join(", ") || "itself"}`);
    }
    if (inRuntime) graph.set(file.path, edges);
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle.join(" → ")}`);
  return problems;
}

// Strongly connected components of more than one module (or a module importing itself): Tarjan's algorithm.
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
