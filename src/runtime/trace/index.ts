// The trace: the one contract between the runtime and the views (schema.ts), and the pure functions
// the views draw from it — console lines, the timing diagram's lanes, the per-function profile, and
// the stepper's steps. Depends on nothing but its schema: a saved trace is all a view needs.
export { TRACE_VERSION, type TraceEvent, type TraceEventKind, type EventOf, type UnstampedEvent, type RunResult, type WaitInfo } from "./schema.ts";
export { consoleLines, printedLines, ConsoleBuilder, type ConsoleLine } from "./console-lines.ts";
export { timelineToGantt } from "./gantt.ts";
export { deriveTimeline, TimelineBuilder, type Timeline, type Lane, type Interval, type LaneState } from "./timeline.ts";
export { Intervals } from "./intervals.ts";
export { deriveProfile, ProfileBuilder, dominantState, PROFILE_STATES, MAIN_PROGRAM, type ProfileRow, type ProfileState } from "./profile.ts";
export { Journal, JOURNAL_EVENTS } from "./journal.ts";
export { deriveSteps, stepState, deriveStepStates, stepAtTime, readyQueues, StepIndex, type StepList } from "./steps.ts";
export type { Step, StepState, ReadyItem, WaitingTask, DoneTask, PendingTimer, LoopActivity, LineMarker, WorkerLane, PoolQueue } from "./step-state.ts";
export { awaitTree, type AwaitForest, type AwaitList, type AwaitNode } from "./await-tree.ts";
export { TraceStore, decodeCompact, encodeCompact, COMPACT_FIELDS, type CompactTrace } from "./compact.ts";
export { packEvents, packStore, packedBuffers, unpackEvents, type PackedEvents } from "./packed.ts";
export { PackedEventList } from "./packed-list.ts";
export { lastAtMost, partitionPoint } from "./bisect.ts";
