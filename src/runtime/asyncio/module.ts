// The name table: the module object a program gets for `import { ... } from "asyncio"`, named in
// the camelCase of the Python ↔ TypeScript page (src/content/docs/python-typescript.mdx). A name
// not listed here cannot be imported by a playground.
import { CancelledError, currentTask, ExceptionGroup, InvalidStateError, QueueEmpty, QueueFull, TimeoutError } from "../core/index.ts";
import { cpuCount, ProcessPool, runInExecutor, ThreadPool, toThread } from "../workers/index.ts";
import { decodeImage, httpGet, httpGetAsync } from "../io/index.ts";
import { blockingSleep, cpu, perfCounter, print, threadName } from "./builtins.ts";
import { gather } from "./gather.ts";
import { BoundedSemaphore, Event, Lock, Semaphore } from "./locks.ts";
import { Queue } from "./queues.ts";
import { run } from "./runners.ts";
import { createFuture, createTask, sleep } from "./tasks.ts";
import { TaskGroup } from "./task-group.ts";
import { shield, timeout, waitFor } from "./timeouts.ts";

/** Every name a program may import from "asyncio", and what it is. */
export const asyncioModule = {
  run,
  createTask,
  sleep,
  blockingSleep,
  print,
  gather,
  createFuture,
  currentTask,
  TaskGroup,
  Semaphore,
  BoundedSemaphore,
  Lock,
  Event,
  Queue,
  timeout,
  waitFor,
  shield,
  CancelledError,
  InvalidStateError,
  TimeoutError,
  ExceptionGroup,
  QueueEmpty,
  QueueFull,
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
