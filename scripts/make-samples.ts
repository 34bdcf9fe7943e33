// Make the sample photos the real-world lesson downloads: small landscapes drawn from a seed, saved
// as binary PPM files in public/samples/ (committed; run again only to change them):
//   node scripts/make-samples.ts
import { mkdirSync, writeFileSync } from "node:fs";

const SIZE = 256;
const COUNT = 8;
const OUT = new URL("../public/samples/", import.meta.url);

// A small deterministic PRNG (mulberry32), so the files are the same on every machine.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function landscape(seed: number): Uint8Array {
  const rand = random(seed);
  const pixels = new Uint8Array(SIZE * SIZE * 3);
  const sky = [80 + rand() * 80, 120 + rand() * 80, 200 + rand() * 55];
  const sun = { x: rand() * SIZE, y: 30 + rand() * 60, r: 14 + rand() * 16 };
  const hills = [0, 1, 2].map((i) => ({ base: 130 + i * 40 + rand() * 20, amp: 10 + rand() * 25, freq: 0.01 + rand() * 0.03, phase: rand() * 6.3, shade: 0.55 + i * 0.2 }));
  const green = [60 + rand() * 60, 110 + rand() * 60, 40 + rand() * 40];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const lift = y / SIZE;
      let colour = sky.map((c) => c * (0.7 + 0.3 * lift));
      if ((x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2) colour = [255, 225, 120];
      for (const hill of hills) {
        if (y > hill.base + hill.amp * Math.sin(x * hill.freq + hill.phase)) colour = green.map((c) => c * hill.shade);
      }
      const grain = (rand() - 0.5) * 18;
      const at = (y * SIZE + x) * 3;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.max(0, Math.min(255, Math.round(colour[c] + grain)));
    }
  }
  return pixels;
}

mkdirSync(OUT, { recursive: true });
for (let i = 1; i <= COUNT; i++) {
  const name = `photo-${String(i).padStart(2, "0")}.ppm`;
  const header = new TextEncoder().encode(`P6\n# Async, Animated sample ${i}\n${SIZE} ${SIZE}\n255\n`);
  const pixels = landscape(i * 7919);
  const file = new Uint8Array(header.length + pixels.length);
  file.set(header);
  file.set(pixels, header.length);
  writeFileSync(new URL(name, OUT), file);
  console.log(`public/samples/${name}: ${file.length} bytes`);
}
