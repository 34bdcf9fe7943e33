// The name table: the module object a program gets for `import { ... } from "asyncio"`, named in
// the camelCase of the Python ↔ TypeScript page (src/content/docs/python-typescript.mdx). A name
// not listed here cannot be imported by a playground.
import {
  BaseExceptionGroup, BrokenBarrierError, CancelledError, currentTask, ExceptionGroup, Future, futureAddToAwaitedBy, futureDiscardFromAwaitedBy, InvalidStateError, QueueEmpty, QueueFull, QueueShutDown,
  RecursionError, RuntimeError, Task, TimeoutError, ValueError,
} from "../core/index.ts";
import { cpuCount, ProcessPool, runInExecutor, ThreadPool, toThread } from "../workers/index.ts";
import { decodeImage, httpGet, httpGetAsync } from "../io/index.ts";
import { blockingSleep, cpu, perfCounter, print, threadName } from "./builtins.ts";
import { ensureFuture, gather } from "./gather.ts";
import { captureCallGraph, formatCallGraph, FrameCallGraphEntry, FutureCallGraph, printCallGraph } from "./graph.ts";
import { Barrier, BoundedSemaphore, Condition, Event, Lock, Semaphore } from "./locks.ts";
import { LifoQueue, PriorityQueue, Queue } from "./queues.ts";
import { run, Runner } from "./runners.ts";
import { allTasks, createFuture, createTask, iscoroutine, isfuture, sleep } from "./tasks.ts";
import { TaskGroup } from "./task-group.ts";
import { shield, Timeout, timeout, timeoutAt, waitFor } from "./timeouts.ts";
import { createEagerTaskFactory, eagerTaskFactory, EventLoop, getEventLoop, getRunningLoop, Handle, newEventLoop, setEventLoop, TimerHandle } from "./events.ts";
import { ALL_COMPLETED, asCompleted, FIRST_COMPLETED, FIRST_EXCEPTION, wait } from "./wait.ts";

/** Every name a program may import from "asyncio", and what it is. */
export const asyncioModule = {
  // Running programs, tasks and futures
  run,
  Runner,
  createTask,
  sleep,
  blockingSleep,
  print,
  gather,
  createFuture,
  currentTask,
  allTasks,
  ensureFuture,
  isfuture,
  iscoroutine,
  Future,
  Task,
  // The loop
  getRunningLoop,
  getEventLoop,
  newEventLoop,
  setEventLoop,
  AbstractEventLoop: EventLoop,
  Handle,
  TimerHandle,
  eagerTaskFactory,
  createEagerTaskFactory,
  // Waiting for several things
  captureCallGraph,
  formatCallGraph,
  printCallGraph,
  FrameCallGraphEntry,
  FutureCallGraph,
  futureAddToAwaitedBy,
  futureDiscardFromAwaitedBy,
  wait,
  asCompleted,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  TaskGroup,
  // Synchronization and queues
  Semaphore,
  BoundedSemaphore,
  Lock,
  Event,
  Condition,
  Barrier,
  Queue,
  LifoQueue,
  PriorityQueue,
  // Timeouts
  timeout,
  timeoutAt,
  Timeout,
  waitFor,
  shield,
  // Exceptions
  CancelledError,
  InvalidStateError,
  TimeoutError,
  RuntimeError,
  RecursionError,
  ValueError,
  BaseExceptionGroup,
  ExceptionGroup,
  BrokenBarrierError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  // Threads, processes, the simulated network
  toThread,
  runInExecutor,
  ThreadPool,
  ProcessPool,
  cpu,
  cpuCount,
  threadName,
  perfCounter,
  httpGet,
  httpGetAsync,
  decodeImage,
};

/** The names a program may import from "asyncio". */
export const ASYNCIO_EXPORTS: readonly string[] = Object.keys(asyncioModule);
