// A program: compile the reader's TypeScript into steppable generators (compile.ts, esbuild + acorn)
// and run it on a fresh session with the asyncio module (execute.ts), giving its trace.
export { compileProgram, CompileError, ESBUILD_OPTIONS, type CompiledProgram, type CompileProblem, type Transform } from "./compile.ts";
export { runProgram, compactTrace, eventBatches, packedBatches, resultHead, selectEvents, traceBytes, type RunOptions } from "./execute.ts";
export { ASYNCIO_EXPORTS } from "../asyncio/index.ts";
export { DEFAULT_LIMITS, BROWSER_LIMITS, type Limits } from "../core/index.ts";
