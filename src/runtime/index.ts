// The runtime's public surface: one export per line. Everything else is internal.
export { compileProgram, CompileError, ESBUILD_OPTIONS, type CompiledProgram, type CompileProblem, type Transform } from "./compile.ts";
export { runProgram, ASYNCIO_EXPORTS, type RunOptions } from "./execute.ts";
export { TRACE_VERSION, type TraceEvent, type TraceEventKind, type EventOf, type RunResult, type WaitInfo } from "./trace.ts";
export { DEFAULT_LIMITS, type Limits } from "./session.ts";
export { consoleLines, printedLines, type ConsoleLine } from "./console-lines.ts";
export { deriveTimeline, type Timeline, type Lane, type Interval, type LaneState } from "./timeline.ts";
export { deriveSteps, stepState, deriveStepStates, stepAtTime, readyQueues, type Step, type StepState, type ReadyItem, type WaitingTask, type DoneTask, type PendingTimer, type LoopActivity, type LineMarker } from "./steps.ts";
