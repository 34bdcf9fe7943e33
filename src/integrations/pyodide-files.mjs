// Pyodide (CPython 3.14 in WebAssembly, the npm package pinned in package.json) served by the site
// itself, never a CDN: the Python playgrounds load it from <base>pyodide/<version>/ on their first
// Python run. The folder is named by version, so a host may cache it for good. `astro dev` serves
// the files from node_modules; a build copies them into the output (and precompress.mjs, which runs
// after, writes their .br/.gz copies).
//
// Beside them, a memory snapshot of the interpreter once started, with the modules the harness
// imports already imported (Pyodide's makeMemorySnapshot / loadPyodide's _loadSnapshot): starting
// from it takes ~1 s in Chromium instead of ~3.5 s. It is made in Node when the site is built (or on
// the dev server's first request for it), gzipped (31 → ~6 MB; hosts do not compress an unknown
// type, so the worker unzips it itself), and named by what it is made from.
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve("pyodide/package.json"));
/** The Pyodide version, e.g. "314.0.8" (the folder's name on the site). */
export const PYODIDE_VERSION = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")).version;
/** What loadPyodide fetches: the loader, the interpreter, the standard library, the package lock. */
export const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const TYPES = { ".mjs": "text/javascript", ".wasm": "application/wasm", ".zip": "application/zip", ".json": "application/json" };

/** The site's path to the Pyodide folder, under `base` ("/" or "/sub/"). */
export const pyodidePath = (base) => `${base}pyodide/${PYODIDE_VERSION}/`;

/** The standard library's modules the harness imports (src/python/*.py): imported before the
 *  snapshot is taken. One it misses is imported on the run that needs it, as without a snapshot. */
export const SNAPSHOT_IMPORTS = [
  "asyncio", "builtins", "collections", "concurrent.futures", "concurrent.futures.thread", "contextvars", "functools", "gc",
  "heapq", "importlib.util", "inspect", "io", "itertools", "json", "linecache", "logging", "math", "os", "pickle", "sys",
  "threading", "time", "traceback", "types", "warnings",
];
/** What the browser's own start would give Python, where Node's start differs (sys.executable and
 *  "_" name the script that made the snapshot; LANG follows the machine). */
const SNAPSHOT_START = { env: { LANG: "en_US.UTF-8", _: "./this.program" }, _sysExecutable: "/home/pyodide/this.program" };
/** The snapshot's file name, from what it is made of (the folder already names Pyodide's version). */
export const SNAPSHOT_FILE = `snapshot-${createHash("sha256").update(JSON.stringify([SNAPSHOT_IMPORTS, SNAPSHOT_START])).digest("hex").slice(0, 10)}.bin.gz`;

/** Start Pyodide in Node, import SNAPSHOT_IMPORTS, and return the gzipped memory snapshot. */
export async function makeSnapshot() {
  const { loadPyodide } = await import("pyodide");
  const py = await loadPyodide({ ...SNAPSHOT_START, indexURL: `${PACKAGE_DIR}/`, _makeSnapshot: true, stdout: () => undefined, stderr: () => undefined });
  py.runPython(`import ${SNAPSHOT_IMPORTS.join(", ")}`);
  return gzipSync(py.makeMemorySnapshot(), { level: 9 });
}

/** The site's files a Python twin may open (open(f"public{path}"), as the simulated network's
 *  twins do): public/samples/, relative to public/. */
function pythonSiteFiles(publicDir) {
  const samples = join(fileURLToPath(publicDir), "samples");
  return existsSync(samples) ? readdirSync(samples).map((name) => `samples/${name}`) : [];
}

/** @param {{ base: string }} options */
export function pyodideFiles({ base }) {
  const path = pyodidePath(base);
  return {
    name: "async-animated:pyodide-files",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              "import.meta.env.PYODIDE_PATH": JSON.stringify(path),
              "import.meta.env.PYODIDE_SNAPSHOT": JSON.stringify(`${path}${SNAPSHOT_FILE}`),
              "import.meta.env.PYTHON_SITE_FILES": JSON.stringify(pythonSiteFiles(config.publicDir)),
            },
            plugins: [
              {
                name: "async-animated:pyodide-dev-files",
                configureServer(server) {
                  let snapshot = null;
                  server.middlewares.use((req, res, next) => {
                    const name = req.url?.startsWith(path) ? req.url.slice(path.length).split("?")[0] : null;
                    if (name === SNAPSHOT_FILE) {
                      snapshot ??= makeSnapshot();
                      return void snapshot.then((bytes) => res.setHeader("Content-Type", "application/gzip").end(bytes), next);
                    }
                    if (!name || !PYODIDE_FILES.includes(name)) return next();
                    const file = join(PACKAGE_DIR, name);
                    res.setHeader("Content-Type", TYPES[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream");
                    res.setHeader("Content-Length", statSync(file).size);
                    createReadStream(file).pipe(res);
                  });
                },
              },
            ],
          },
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), "pyodide", PYODIDE_VERSION);
        mkdirSync(out, { recursive: true });
        for (const name of PYODIDE_FILES) copyFileSync(join(PACKAGE_DIR, name), join(out, name));
        const bytes = PYODIDE_FILES.reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
        logger.info(`Pyodide ${PYODIDE_VERSION} copied to pyodide/${PYODIDE_VERSION}/ (${(bytes / 1e6).toFixed(1)} MB before compression)`);
        const started = performance.now();
        const snapshot = await makeSnapshot();
        writeFileSync(join(out, SNAPSHOT_FILE), snapshot);
        logger.info(`its memory snapshot made: ${SNAPSHOT_FILE} (${(snapshot.length / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      },
    },
  };
}
