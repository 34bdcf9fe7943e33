// The playground's `asyncio` module: the functions a program imports, bound to one Session.
// Each mirrors the Python function of the same name (see DESIGN.md's table).
import { EventLoop } from "./loop.ts";
import { Future } from "./future.ts";
import { Task } from "./task.ts";
import { Coroutine, BARE_YIELD } from "./coroutine.ts";
import { gather, type GatherOptions } from "./gather.ts";
import { CancelledError, ExceptionGroup, InvalidStateError, QueueEmpty, QueueFull, RuntimeError, TimeoutError, ValueError, describeError } from "./errors.ts";
import { defineLocks } from "./locks.ts";
import { defineQueue } from "./queues.ts";
import { defineTimeouts } from "./timeouts.ts";
import { defineTaskGroup } from "./task-group.ts";
import { defineExecutors } from "./executors.ts";
import { defineNetwork, type NetworkHost } from "./network.ts";
import { decodeImage } from "./images.ts";
import type { WorkerHost } from "./worker-host.ts";
import { andThen, withCleanup, type MaybePromise } from "./maybe-async.ts";
import { formatPrintArgs, pyRepr } from "./python-format.ts";
import type { Session } from "./session.ts";

/** The names a program may import from "asyncio". */
export const ASYNCIO_EXPORTS = [
  "run",
  "createTask",
  "sleep",
  "blockingSleep",
  "print",
  "gather",
  "createFuture",
  "currentTask",
  "TaskGroup",
  "Semaphore",
  "BoundedSemaphore",
  "Lock",
  "Event",
  "Queue",
  "timeout",
  "waitFor",
  "shield",
  "CancelledError",
  "InvalidStateError",
  "TimeoutError",
  "ExceptionGroup",
  "QueueEmpty",
  "QueueFull",
  "toThread",
  "runInExecutor",
  "ThreadPool",
  "ProcessPool",
  "cpu",
  "cpuCount",
  "threadName",
  "perfCounter",
  "httpGet",
  "httpGetAsync",
  "decodeImage",
] as const;

/** What `run(main())` returns: await it for main's result (or its exception). */
export class LoopRun<T> implements PromiseLike<T> {
  /** Whether the program awaited (or chained) this run, so a failure was seen. */
  observed = false;
  failure: { error: unknown } | null = null;
  private readonly promise: Promise<T>;
  constructor(outcome: MaybePromise<T>) {
    this.promise = Promise.resolve(outcome);
    this.promise.catch((error) => (this.failure = { error }));
  }
  then<A = T, B = never>(onResult?: ((value: T) => A | PromiseLike<A>) | null, onError?: ((error: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.observed = true;
    return this.promise.then(onResult, onError);
  }
}

/** Build the module object for one program run. */
export function createAsyncio(session: Session, workers?: WorkerHost, network?: NetworkHost) {
  const runs: LoopRun<unknown>[] = [];

  // The task running now, for the trace (print and blockingSleep may also run outside any loop).
  const currentTaskId = () => {
    const task = session.runningLoop?.currentTask;
    return task instanceof Task ? task.id : undefined;
  };
  const locks = defineLocks(session);
  const { Queue } = defineQueue(session, locks.Event);
  const { timeout, waitFor, shield } = defineTimeouts(session);
  const { TaskGroup } = defineTaskGroup(session);
  const { defaultExecutorIdle, terminateAll, ...executors } = defineExecutors(session, workers, network?.base);

  // The loop's thread held by a blocking call: nothing else on the loop runs meanwhile.
  const hold = (label: string, seconds: number, work: "sleep" | "cpu") => {
    if (typeof seconds !== "number" || Number.isNaN(seconds)) throw new TypeError(`${label.split("(")[0]}() takes a number of seconds, got ${pyRepr(seconds)}`);
    if (seconds < 0) throw new ValueError("sleep length must be non-negative");
    const taskId = currentTaskId();
    session.emit({ kind: "blocking-start", until: session.now + seconds, task: taskId, line: session.currentLine(), label, work: work === "cpu" ? "cpu" : undefined });
    session.hold(seconds, work);
    session.emit({ kind: "blocking-end", task: taskId });
  };

  // BaseEventLoop.run_until_complete: run passes until `future` is done, then give its result.
  const runUntilComplete = <T>(loop: EventLoop, future: Future<T>): MaybePromise<T> => {
    const stopWhenDone = (f: Future<T>) => {
      if (!f.cancelled()) f.exception();
      loop.stop();
    };
    future.addDoneCallback(stopWhenDone, { label: "stop the loop" });
    const ran = withCleanup(() => loop.runForever(), () => future.removeDoneCallback(stopWhenDone));
    return andThen(ran, () => {
      if (!future.done()) throw new RuntimeError("Event loop stopped before Future completed.");
      return future.result();
    });
  };

  // asyncio.runners._cancel_all_tasks, then the two shutdown steps of Runner.close.
  const closeLoop = (loop: EventLoop): MaybePromise<void> => {
    const toCancel = [...loop.tasks].filter((t) => !t.done()) as Task[];
    for (const task of toCancel) task.cancel();
    const cancelled: MaybePromise<unknown> = toCancel.length
      ? runUntilComplete(loop, gather(session, toCancel, { returnExceptions: true }))
      : undefined;
    return andThen(cancelled, () => {
      for (const task of toCancel) {
        if (task.cancelled() || task.exception() === undefined) continue;
        session.write(`unhandled exception during asyncio.run() shutdown\ntask: ${task}\n${describeError(task.exception())}`, "stderr");
      }
      // Runner.close awaits loop.shutdown_asyncgens() and loop.shutdown_default_executor(), each a task:
      // they take task names and loop passes, so CPython's names stay in step. The second waits for
      // the default thread pool's jobs (asyncio.run waits for to_thread's threads).
      const shutdown = (name: string) =>
        runUntilComplete(loop, new Task(loop, new Coroutine(session, function* () {
          const idle = name === "shutdown_default_executor" ? defaultExecutorIdle(loop) : undefined;
          if (idle) yield idle;
        }, name), { internal: true }));
      return andThen(shutdown("shutdown_asyncgens"), () => andThen(shutdown("shutdown_default_executor"), () => undefined));
    });
  };

  const reportLostExceptions = (loop: EventLoop) => {
    for (const task of loop.tasks as Set<Task>) {
      if (task.logTraceback)
        session.write(`Task exception was never retrieved\nfuture: ${task}\n${describeError(task.exception())}`, "stderr");
    }
  };

  return {
    /** asyncio.run(main()): run the event loop until `main` is done; remaining tasks are cancelled. */
    run<T>(main: Coroutine<T>): LoopRun<T> {
      if (session.runningLoop) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
      if (!(main instanceof Coroutine)) throw new ValueError(`a coroutine was expected, got ${pyRepr(main)}`);
      const loop = new EventLoop(session);
      session.emit({ kind: "loop-start", loop: loop.id });
      const mainTask = new Task(loop, main);
      const closeThen = (after: () => MaybePromise<T>) => andThen(closeLoop(loop), after);
      const body = (): MaybePromise<T> => {
        let result: MaybePromise<T>;
        // After a limit is hit nothing may run, not even the shutdown's cancellations.
        const failWith = (error: unknown) => (session.stopped ? Promise.reject(error) : closeThen(() => Promise.reject(error)));
        try {
          result = runUntilComplete(loop, mainTask);
        } catch (error) {
          return failWith(error);
        }
        if (result instanceof Promise) return result.then((value) => closeThen(() => value), failWith);
        return closeThen(() => result);
      };
      const finish = () => {
        loop.closed = true;
        reportLostExceptions(loop);
        session.emit({ kind: "loop-end", loop: loop.id });
      };
      let outcome: MaybePromise<T>;
      try {
        outcome = withCleanup(body, finish);
      } catch (error) {
        outcome = Promise.reject(error);
      }
      const handle = new LoopRun<T>(outcome);
      runs.push(handle as LoopRun<unknown>);
      return handle;
    },

    /** asyncio.create_task(coro, name=...): schedule a coroutine to run soon, as a task. */
    createTask<T>(coro: Coroutine<T>, options: { name?: string } = {}): Task<T> {
      return new Task(session.loop(), coro, { name: options.name });
    },

    /** await asyncio.sleep(delay, result): suspend this task for `delay` virtual seconds. */
    sleep<T = undefined>(delay: number, result?: T): Coroutine<T | undefined> {
      if (typeof delay !== "number" || Number.isNaN(delay)) throw new TypeError(`sleep() takes a number of seconds, got ${pyRepr(delay)}`);
      return new Coroutine(
        session,
        function* () {
          if (delay <= 0) {
            yield BARE_YIELD;
            return result;
          }
          const loop = session.loop();
          const future = new Future<T | undefined>(loop);
          future.waitInfo = { what: "sleep", label: `sleep(${pyRepr(delay)})`, until: loop.time() + delay };
          const task = loop.currentTask instanceof Task ? loop.currentTask : undefined;
          const timer = loop.callLater(delay, () => !future.done() && future.setResult(result), {
            label: `sleep(${pyRepr(delay)}) timer${task ? ` of ${task.name}` : ""}`,
            task: task?.id,
          });
          try {
            return (yield future) as T | undefined;
          } finally {
            timer.cancel();
          }
        },
        "sleep",
      );
    },

    /** Python's time.sleep(s): hold the thread (and the loop on it) for `seconds`. */
    blockingSleep(seconds: number): void {
      hold(`blockingSleep(${pyRepr(seconds)})`, seconds, "sleep");
    },

    /** Declared CPU work: compute for `seconds`, holding the thread (in a worker: that lane). */
    cpu(seconds: number): void {
      hold(`cpu(${pyRepr(seconds)})`, seconds, "cpu");
    },

    /** time.perf_counter(): seconds on the run's clock (virtual, or real in real-time mode). */
    perfCounter(): number {
      return session.now;
    },

    decodeImage,
    ...defineNetwork(session, network, hold),

    /** threading.current_thread().name: "MainThread" here; a worker's lane name inside a job. */
    threadName(): string {
      return "MainThread";
    },

    /** Python's print(*args): one console line, stamped with the virtual time. */
    print(...args: unknown[]): void {
      session.write(formatPrintArgs(args), "stdout", currentTaskId());
    },

    /** asyncio.gather(*aws, return_exceptions=...): results in argument order. */
    gather(awaitables: readonly unknown[], options?: GatherOptions): Future<unknown[]> {
      return gather(session, awaitables, options);
    },

    /** loop.create_future(): a pending future on the running loop. */
    createFuture<T = unknown>(): Future<T> {
      return new Future<T>(session.loop());
    },

    /** asyncio.current_task(): the task running now (null between steps); RuntimeError outside a loop. */
    currentTask(): Task | null {
      const task = session.loop().currentTask;
      return task instanceof Task ? task : null;
    },

    TaskGroup,
    ...locks,
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

    ...executors,

    /** Stop every thread and process worker of the run. */
    terminateWorkers: terminateAll,

    /** Runs that failed while the program never awaited them (their error would be lost). */
    unobservedFailures(): unknown[] {
      return runs.filter((r) => r.failure && !r.observed).map((r) => r.failure!.error);
    },
  };
}

/** The module object a program gets for `import ... from "asyncio"`. */
export type AsyncioModule = ReturnType<typeof createAsyncio>;
