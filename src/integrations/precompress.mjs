// After a build, write a .br and a .gz copy beside every text or wasm file worth compressing, so a
// static server sends the compressed bytes without compressing on every request (scripts/serve.ts
// does; most hosts compress on their own). The compiler, esbuild.wasm, is 14 MB as is and about
// 3 MB in brotli. Quality 5 keeps the build quick (the gain beyond it is small for the time it costs).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What is worth compressing: text and wasm, not images or already-compressed archives. */
export const COMPRESSIBLE = /\.(wasm|m?js|css|html|svg|json|xml|txt|map|py|ppm)$/;
const SMALLEST = 1024;

/** Write the .br and .gz copies of every compressible file under `dir`; returns how many files. */
export function precompress(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) count += precompress(path);
    else if (COMPRESSIBLE.test(entry.name) && statSync(path).size >= SMALLEST) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 6 }));
      count++;
    }
  }
  return count;
}

/** The Astro integration: precompress the output once the build is done. */
export function precompressed() {
  return {
    name: "async-animated:precompress",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const count = precompress(fileURLToPath(dir));
        logger.info(`${count} files precompressed (.br, .gz)`);
      },
    },
  };
}
