// The core: one program run (Session: clock, trace recorder, limits) and the event loop with its
// futures, tasks and coroutines, as CPython's base_events / events / futures / tasks are. It knows
// nothing of the asyncio module's primitives, of workers or of views; it records the trace schema.
export { Session, currentSession, DEFAULT_LIMITS, BROWSER_LIMITS, holdFor, type Limits, type SessionOptions } from "./session.ts";
export { EventLoop, Handle, TimerHandle, getRunningLoop, _getRunningLoop, type HandleInfo } from "./loop.ts";
export { Future, futureAddToAwaitedBy, futureDiscardFromAwaitedBy, setPublicLoop, type FutureState } from "./future.ts";
export { Task, currentTask, runningTaskId, type TaskOptions } from "./task.ts";
export { Coroutine, BARE_YIELD, RETURNED, type StepResult, type CoroutineFrame } from "./coroutine.ts";
export { blockThread } from "./blocking.ts";
export { CancelledError, InvalidStateError, TimeoutError, RuntimeError, RecursionError, ValueError, BaseExceptionGroup, ExceptionGroup, QueueEmpty, QueueFull, QueueShutDown, BrokenBarrierError, Deadlock, LimitExceeded, describeError, describeChain, errorNamed } from "./errors.ts";
export { heappush, heappop, heapify, type Less } from "./heapq.ts";
export { pyLess, pyEquals } from "./python-order.ts";
export { pyRepr, pyStr, pyFloat, shortRepr, formatPrintArgs } from "./python-format.ts";
export { formatConsoleArgs, inspectValue, loadConsoleFormat } from "./console-format.ts";
export { forAwait } from "./for-await.ts";
export { Await, AsyncGenerator, asyncGenerator, yieldStar, takeAsyncGenerators } from "./async-generator.ts";
export { AEXIT, ENTER, EXIT, ASYNC_DISPOSE, makeAsyncDisposable, callDispose, using, type ContextManager, type AsyncContextManager } from "./dispose.ts";
export { andThen, withCleanup, isThenable, type MaybePromise } from "./maybe-async.ts";
