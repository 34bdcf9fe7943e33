// `npm run trace`'s runtime: src/runtime's modules as one bundle, made by esbuild and kept in
// node_modules/.cache/async-animated/, as Python keeps .pyc files. Imported whole it loads in ~10 ms,
// where its 62 TypeScript modules took 27–41 (Node type-strips each at every start). It is made again
// whenever a source it was made from reads differently (a SHA-256 of each, taken of the very bytes
// esbuild bundled), so an edit is never run stale. Plain JavaScript, as trace.mjs: nothing to strip.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "async-animated");
const ENTRY = `export * from "./src/runtime/program/index.ts";
export { nodeNetworkHost, nodeWorkerHost } from "./src/runtime/node/index.ts";
`;

const digest = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Whether every source the bundle was made from still reads as it did. */
function fresh(manifest) {
  try {
    return Object.entries(manifest.sources).every(([file, hash]) => digest(readFileSync(join(ROOT, file))) === hash);
  } catch {
    return false; // a source gone, or no manifest
  }
}

/** Bundle the runtime into `cache`; returns the bundle's path. Packages stay imports (`acorn`):
 *  their versions are npm's to keep, and only our sources are hashed. */
async function build(esbuild, cache) {
  const sources = {};
  const hashSources = {
    name: "hash-sources",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const contents = readFileSync(args.path);
        sources[relative(ROOT, args.path)] = digest(contents);
        return { contents, loader: "ts" };
      });
    },
  };
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: "ts", sourcefile: "trace-runtime.ts" },
    bundle: true, platform: "node", format: "esm", target: "node20", packages: "external",
    write: false, outfile: "trace-runtime.mjs", plugins: [hashSources], logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const bundle = `trace-runtime-${digest(code).slice(0, 16)}.mjs`;
  mkdirSync(cache, { recursive: true });
  // Written aside, then renamed: another trace process may be reading or making the same files.
  const put = (name, data) => {
    const aside = join(cache, `${name}.${process.pid}.tmp`);
    writeFileSync(aside, data);
    renameSync(aside, join(cache, name));
  };
  put(bundle, code);
  const previous = readManifest(cache);
  put("trace-runtime.json", JSON.stringify({ bundle, sources }, null, 1));
  if (previous?.bundle && previous.bundle !== bundle) rmSync(join(cache, previous.bundle), { force: true });
  return join(cache, bundle);
}

function readManifest(cache) {
  try {
    return JSON.parse(readFileSync(join(cache, "trace-runtime.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** The runtime's exports (program/index.ts's and the Node hosts): from the cached bundle while it
 *  is fresh, else bundled first with `esbuild` (the module, or a promise of it). `cache` is for tests:
 *  inside the repository, where the bundle's imports of packages resolve. */
export async function loadRuntime(esbuild, cache = CACHE) {
  const manifest = readManifest(cache);
  const cached = manifest && join(cache, manifest.bundle);
  if (cached && existsSync(cached) && fresh(manifest)) return import(pathToFileURL(cached).href);
  let bundle;
  try {
    bundle = await build(await esbuild, cache);
  } catch {
    // No bundle (a source that does not compile, a cache it cannot write): the sources themselves,
    // whose errors Node reports as it would without a bundle.
    const [program, hosts] = await Promise.all([import("../src/runtime/program/index.ts"), import("../src/runtime/node/index.ts")]);
    return { ...program, ...hosts };
  }
  return import(pathToFileURL(bundle).href);
}
