// The asyncio module a program imports: run, tasks, gather, TaskGroup, the locks and queues,
// timeouts, and (from workers/ and io/) threads, processes and the simulated network. The name
// table (module.ts) says what a program may import; the classes and functions are usable alone.
export { asyncioModule, ASYNCIO_EXPORTS } from "./module.ts";
export { run, Runner, type RunnerOptions } from "./runners.ts";
export { LoopRun, unobservedFailures } from "./base-events.ts";
export { createTask, createFuture, sleep, allTasks, isfuture, iscoroutine } from "./tasks.ts";
export { EventLoop, Handle, TimerHandle, getRunningLoop, getEventLoop, newEventLoop, setEventLoop, loopFace, loopCreateTask, eagerTaskFactory, createEagerTaskFactory, type TaskFactory, type TaskKwargs } from "./events.ts";
export { wait, asCompleted, AsCompleted, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, type WaitOptions } from "./wait.ts";
export { print, blockingSleep, cpu, perfCounter, threadName } from "./builtins.ts";
export { gather, ensureFuture, type GatherOptions } from "./gather.ts";
export { TaskGroup } from "./task-group.ts";
export { Lock, Event, Semaphore, BoundedSemaphore, Condition, Barrier, Held } from "./locks.ts";
export { Queue, LifoQueue, PriorityQueue } from "./queues.ts";
export { Timeout, timeout, timeoutAt, waitFor, shield } from "./timeouts.ts";
export { captureCallGraph, formatCallGraph, printCallGraph, FrameCallGraphEntry, FutureCallGraph, type Frame, type CallGraphOptions } from "./graph.ts";
