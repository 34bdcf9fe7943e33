// `npm run trace`'s entry (scripts/trace.ts is the program), in plain JavaScript so that Node's
// compile cache is on before any TypeScript is loaded: it keeps the compiled form of trace.ts and of
// the runtime's bundle (runtime-bundle.mjs) from one run to the next, as Python keeps .pyc files. Given a
// .ts entry, Node strips its types at every start, before its first line could turn the cache on,
// and starting the stripper took ~50 ms of a run's ~600 (10,000 tasks × 10 sleeps, this machine).
// package.json starts it with V8's young generation at 8 MB a semi-space from the start (flags V8
// reads only as a process starts): Node's starts at 1 MB and grows to 16, and on the way its early
// collections moved the run's young objects to the old generation, to be marked and compacted there.
// 10,000 tasks × 10 sleeps, 14 runs each, interleaved: whole process 371 → 339 ms, CPU 508 → 474,
// the run's RSS growth 67 → 50 MB. `node scripts/trace.mjs` without them runs the same, slower.
import { enableCompileCache } from "node:module";

enableCompileCache?.();
await import("./trace.ts");
