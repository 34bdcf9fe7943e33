// `npm run trace`'s entry (scripts/trace.ts is the program), in plain JavaScript so that Node's
// compile cache is on before any TypeScript is loaded: it keeps the type-stripped, compiled form of
// trace.ts and the runtime's modules from one run to the next, as Python keeps .pyc files. Given a
// .ts entry, Node strips its types at every start, before its first line could turn the cache on,
// and starting the stripper took ~50 ms of a run's ~600 (10,000 tasks × 10 sleeps, this machine).
import { enableCompileCache } from "node:module";

enableCompileCache?.();
await import("./trace.ts");
