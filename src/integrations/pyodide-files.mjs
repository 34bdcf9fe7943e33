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
// type, so the worker unzips it itself), and named by what it is made from. Once made, it is kept
// in node_modules/.cache/async-animated/ and a later build (npm test builds twice) or dev server
// takes it from there.
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
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

/** The standard library's modules the harness imports (src/python/*.py, at their top level):
 *  imported before the snapshot is taken. One it misses is imported on the run that needs it, as
 *  without a snapshot. tests/unit/pyodide-snapshot-cache.test.ts checks it against the files. */
export const SNAPSHOT_IMPORTS = [
  "asyncio", "builtins", "collections", "concurrent.futures", "concurrent.futures.thread", "contextvars", "functools", "gc",
  "heapq", "importlib.util", "inspect", "io", "itertools", "json", "linecache", "logging", "math", "os", "pickle", "sys",
  "threading", "time", "traceback", "types", "warnings",
];
/** What the browser's own start would give Python, where Node's start differs (sys.executable and
 *  "_" name the script that made the snapshot; LANG follows the machine). */
const SNAPSHOT_START = { env: { LANG: "en_US.UTF-8", _: "./this.program" }, _sysExecutable: "/home/pyodide/this.program" };
function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
/** The snapshot's file name, from what it is made of and how (the folder already names Pyodide's
 *  version): hosts may keep the files of a version's folder for good. */
export const SNAPSHOT_FILE = `snapshot-${shortHash(JSON.stringify([SNAPSHOT_IMPORTS, SNAPSHOT_START, makeSnapshot.toString()]))}.bin.gz`;

/** Start Pyodide in Node, import SNAPSHOT_IMPORTS, and return the gzipped memory snapshot. */
export async function makeSnapshot() {
  const { loadPyodide } = await import("pyodide");
  const py = await loadPyodide({ ...SNAPSHOT_START, indexURL: `${PACKAGE_DIR}/`, _makeSnapshot: true, stdout: () => undefined, stderr: () => undefined });
  py.runPython(`import ${SNAPSHOT_IMPORTS.join(", ")}`);
  return gzipSync(py.makeMemorySnapshot(), { level: 9 });
}

/** Where the snapshot is kept between builds: beside Pyodide's package (in node_modules/, so a fresh
 *  install starts without it), in a folder named by Pyodide's version. */
export const SNAPSHOT_CACHE = join(dirname(PACKAGE_DIR), ".cache", "async-animated", `pyodide-${PYODIDE_VERSION}`, SNAPSHOT_FILE);

/** The gzipped snapshot, taken from the cache `file` if it is there, else made by `make` and stored
 *  there (written under a temporary name, then renamed, so a killed build leaves no half file). The
 *  cache never fails it: one it cannot read or write, the snapshot is made as without it.
 *  @returns {Promise<{ bytes: Buffer, cached: boolean, cacheError?: unknown }>} */
export async function cachedSnapshot(file = SNAPSHOT_CACHE, make = makeSnapshot) {
  try {
    const bytes = readFileSync(file);
    if (bytes.length > 18 && bytes[0] === 0x1f && bytes[1] === 0x8b) return { bytes, cached: true };
  } catch {
    // Not there yet (or unreadable): made below.
  }
  const bytes = await make();
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    return { bytes, cached: false };
  } catch (cacheError) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    return { bytes, cached: false, cacheError };
  }
}

/** What the dev server serves the snapshot with: `get()` on the first request, its promise kept for
 *  the next ones; one that fails is logged and forgotten, so the next request tries again.
 *  @param {{ info(message: string): void, error(message: string): void }} logger */
export function snapshotOnDemand(logger, get = cachedSnapshot) {
  /** @type {Promise<Buffer> | null} */
  let pending = null;
  return () =>
    (pending ??= get().then(
      ({ bytes, cached }) => {
        logger.info(`Pyodide's memory snapshot ${cached ? "taken from the cache" : "made"}: ${SNAPSHOT_FILE}`);
        return bytes;
      },
      (error) => {
        pending = null;
        logger.error(`Pyodide's memory snapshot could not be made (the next request tries again): ${error?.stack ?? error}`);
        throw error;
      },
    ));
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
      "astro:config:setup": ({ config, updateConfig, logger }) => {
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
                  const snapshot = snapshotOnDemand(logger);
                  server.middlewares.use((req, res, next) => {
                    const name = req.url?.startsWith(path) ? req.url.slice(path.length).split("?")[0] : null;
                    if (name === SNAPSHOT_FILE) {
                      return void snapshot().then((bytes) => res.setHeader("Content-Type", "application/gzip").end(bytes), next);
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
        const { bytes: snapshot, cached, cacheError } = await cachedSnapshot();
        writeFileSync(join(out, SNAPSHOT_FILE), snapshot);
        const how = cached ? "taken from the cache" : cacheError ? `made (not cached: ${cacheError})` : "made (and cached)";
        logger.info(`its memory snapshot ${how}: ${SNAPSHOT_FILE} (${(snapshot.length / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      },
    },
  };
}
