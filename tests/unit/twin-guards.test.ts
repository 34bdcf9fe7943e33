// Every Python twin that starts processes (ProcessPoolExecutor, multiprocessing) must keep its
// top-level work under `if __name__ == "__main__":`. On macOS and Windows (spawn) and on Linux from
// CPython 3.14 (forkserver), a new process imports the script to find its functions; without the
// guard that import runs `asyncio.run(main())` again in the worker, and the pool dies with
// BrokenProcessPool. Pyodide cannot start a process, so the check is structural: the twin is parsed
// with CPython's own `ast` module (in Pyodide), and outside function and class bodies only imports,
// definitions, assignments that call nothing but builtins such as range(), and the guard may appear. The harness runs every twin as
// `__main__` (tests/python/virtual_asyncio.py), so a guarded twin still runs in cpython.test.ts.
// Twins are found the way every lesson check finds them (tests/support/lesson-sources.ts).
import { describe, expect, it } from "vitest";
import { lessonsIn } from "../support/lesson-sources.ts";
import { runPython } from "../support/cpython.ts";

/** Twins written by another change under way; each is reported as skipped until it has its guard. */
const PENDING: ReadonlySet<string> = new Set<string>();

const CHECKER = String.raw`
import ast, json

PROCESS_NAMES = {"ProcessPoolExecutor", "multiprocessing"}
ALLOWED = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)

def uses_processes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in PROCESS_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr in PROCESS_NAMES:
            return True
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "multiprocessing" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "multiprocessing":
            return True
        if isinstance(node, ast.ImportFrom) and any(a.name in PROCESS_NAMES for a in node.names):
            return True
    return False

def is_main_guard(node):
    if not isinstance(node, ast.If) or node.orelse:
        return False
    test = node.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(consts) == 1

# Calls that only compute a value (URLS = [... for i in range(1, 9)]) may run at import time.
PURE_BUILTINS = {"range", "list", "tuple", "dict", "set", "frozenset", "len", "str", "int", "float", "bytes", "sorted", "enumerate", "zip"}

def is_constant_call(call):
    return isinstance(call.func, ast.Name) and call.func.id in PURE_BUILTINS

def check(source):
    tree = ast.parse(source)
    if not uses_processes(tree):
        return {"processes": False, "problems": []}
    problems = []
    guards = [node for node in tree.body if is_main_guard(node)]
    if not guards:
        problems.append('no top-level if __name__ == "__main__": guard')
    for node in tree.body:
        if isinstance(node, ALLOWED) or node in guards:
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # a docstring
        if any(isinstance(inner, ast.Await) or (isinstance(inner, ast.Call) and not is_constant_call(inner)) for inner in ast.walk(node)):
            problems.append(f"line {node.lineno}: {ast.unparse(node).splitlines()[0]} runs at import time, outside the guard")
    return {"processes": True, "problems": problems}

for source in json.loads(SOURCES):
    print(json.dumps(check(source)))
`;

interface Twin {
  where: string;
  python: string;
}

const twins: Twin[] = (await lessonsIn()).flatMap((lesson) =>
  lesson.playgrounds.filter((p) => p.python).map((p) => ({ where: `${lesson.file}#${p.id}`, python: p.python! })),
);
const program = `SOURCES = ${JSON.stringify(JSON.stringify(twins.map((t) => t.python)))}\n${CHECKER}`;
const result = await runPython(program);
if (result.error || result.stdout.length !== twins.length) {
  throw new Error(`the twin checker failed: ${result.error ?? `${result.stdout.length} results for ${twins.length} twins`}`);
}
const checked = twins.map((twin, i) => ({ ...twin, ...(JSON.parse(result.stdout[i]) as { processes: boolean; problems: string[] }) }));
const withProcesses = checked.filter((t) => t.processes);

describe("Python twins that start processes", () => {
  it("are found (example 6, the real-world lesson, the choosing chapter)", () => {
    expect(withProcesses.length).toBeGreaterThanOrEqual(5);
    expect(withProcesses.some((t) => t.where.includes("example-6-threads-and-processes"))).toBe(true);
  });

  for (const twin of withProcesses) {
    const pending = PENDING.has(twin.where) && twin.problems.length > 0;
    it.skipIf(pending)(`${twin.where} runs its work under if __name__ == "__main__":`, () => {
      expect(twin.problems).toEqual([]);
    });
  }
});

describe("the checker", () => {
  it("tells a guarded twin from an unguarded one", async () => {
    const body = "import asyncio\nfrom concurrent.futures import ProcessPoolExecutor\n\nasync def main():\n    with ProcessPoolExecutor() as pool:\n        pass\n\n";
    const sources = [
      `N = list(range(3))\n${body}if __name__ == "__main__":\n    asyncio.run(main())\n`,
      `${body}asyncio.run(main())\n`,
      `${body}result = asyncio.run(main())\nif __name__ == "__main__":\n    print(result)\n`,
      "import asyncio\nasyncio.run(asyncio.sleep(0))\n",
    ];
    const run = await runPython(`SOURCES = ${JSON.stringify(JSON.stringify(sources))}\n${CHECKER}`);
    const [guarded, unguarded, halfGuarded, noProcesses] = run.stdout.map((line) => JSON.parse(line));
    expect(guarded).toEqual({ processes: true, problems: [] });
    expect(unguarded.problems).toContain('no top-level if __name__ == "__main__": guard');
    expect(halfGuarded.problems).toEqual(["line 8: result = asyncio.run(main()) runs at import time, outside the guard"]);
    expect(noProcesses).toEqual({ processes: false, problems: [] });
  });

  it("runs the twins as __main__, so a guarded twin's program still runs", async () => {
    const run = await runPython('import asyncio\n\nasync def main():\n    print(__name__)\n\nif __name__ == "__main__":\n    asyncio.run(main())\n');
    expect(run.stdout).toEqual(["__main__"]);
  });
});
