// `npm start` and the browser tests' server: the built site (OUT_DIR, "dist" by default) under its
// base path (BASE_PATH, "/" by default) on PORT (4321), as a static host would serve it, plus:
//   - the precompressed .br/.gz copies the build writes (src/integrations/precompress.mjs), so the
//     14 MB compiler (esbuild.wasm) travels as about 3 MB;
//   - the cross-origin isolation headers (COOP/COEP) the real-clock lessons want (README, "Deploy");
//   - long caching for the hashed assets under _astro/ (the browser keeps the compiled wasm too).
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sirv from "sirv";
import { normalizeBase } from "../src/integrations/deployment.mjs";

const dir = process.env.OUT_DIR || "dist";
const base = normalizeBase(process.env.BASE_PATH);
const port = Number(process.env.PORT || 4321);
if (!existsSync(dir)) {
  console.error(`No build in ${dir}/: run npm run build first.`);
  process.exit(1);
}

const files = sirv(dir, {
  brotli: true,
  gzip: true,
  etag: true,
  setHeaders(res, pathname) {
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Embedder-Policy", "require-corp");
    // Hashed assets, and Pyodide in a folder named by its version, never change under their names.
    if (pathname.startsWith("/_astro/") || pathname.startsWith("/pyodide/")) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  },
});
const notFound = join(dir, "404.html");

createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === base.slice(0, -1)) return void res.writeHead(301, { Location: base }).end();
  if (!url.startsWith(base)) return void res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: the site is served under ${base}`);
  req.url = `/${url.slice(base.length)}`;
  files(req, res, () => {
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(existsSync(notFound) ? readFileSync(notFound) : "Not found");
  });
}).listen(port, () => console.log(`Serving ${dir}/ at http://localhost:${port}${base}`));
