// Pyodide (CPython 3.14 in WebAssembly, the npm package pinned in package.json) served by the site
// itself, never a CDN: the Python playgrounds load it from <base>pyodide/<version>/ on their first
// Python run. The folder is named by version, so a host may cache it for good. `astro dev` serves
// the files from node_modules; a build copies them into the output (and precompress.mjs, which runs
// after, writes their .br/.gz copies).
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
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
              "import.meta.env.PYTHON_SITE_FILES": JSON.stringify(pythonSiteFiles(config.publicDir)),
            },
            plugins: [
              {
                name: "async-animated:pyodide-dev-files",
                configureServer(server) {
                  server.middlewares.use((req, res, next) => {
                    const name = req.url?.startsWith(path) ? req.url.slice(path.length).split("?")[0] : null;
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
      "astro:build:done": ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), "pyodide", PYODIDE_VERSION);
        mkdirSync(out, { recursive: true });
        for (const name of PYODIDE_FILES) copyFileSync(join(PACKAGE_DIR, name), join(out, name));
        const bytes = PYODIDE_FILES.reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
        logger.info(`Pyodide ${PYODIDE_VERSION} copied to pyodide/${PYODIDE_VERSION}/ (${(bytes / 1e6).toFixed(1)} MB before compression)`);
      },
    },
  };
}
