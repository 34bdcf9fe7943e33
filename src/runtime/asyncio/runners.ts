// asyncio.run and asyncio.Runner (Lib/asyncio/runners.py, with BaseEventLoop.run_until_complete of
// base_events.py): a new loop runs main to the end; then the leftover tasks are cancelled and awaited, the loop's
// two shutdown steps run, and exceptions nobody retrieved are reported.
import {
  andThen, CancelledError, Coroutine, currentSession, describeChain, EXIT, Future, RuntimeError, takeAsyncGenerators, Task, withCleanup,
  type EventLoop, type MaybePromise,
} from "../core/index.ts";
import { finishLoop, newLoop, runUntilComplete, track, type LoopRun } from "./base-events.ts";
import { defaultExecutorIdle } from "../workers/index.ts";
import { gather } from "./gather.ts";
import { loopCreateTask, loopFace } from "./events.ts";

// asyncio.runners._cancel_all_tasks, then the two shutdown steps of Runner.close.
function closeLoop(loop: EventLoop): MaybePromise<void> {
  const session = loop.session;
  const toCancel = [...loop.tasks].filter((t) => !t.done()) as Task[];
  for (const task of toCancel) task.cancel();
  const cancelled: MaybePromise<unknown> = toCancel.length ? runUntilComplete(loop, gather(toCancel, { returnExceptions: true })) : undefined;
  return andThen(cancelled, () => {
    for (const task of toCancel) {
      if (task.cancelled() || task.exception() === undefined) continue;
      session.write(`unhandled exception during asyncio.run() shutdown\ntask: ${task}\n${describeChain(task.exception())}`, "stderr");
    }
    // Runner.close awaits loop.shutdown_asyncgens() and loop.shutdown_default_executor(), each a task:
    // they take task names and loop passes, so CPython's names stay in step. The second waits for
    // the default thread pool's jobs (asyncio.run waits for to_thread's threads).
    const shutdown = (name: string) =>
      runUntilComplete(
        loop,
        new Task(
          new Coroutine(function* () {
            if (name === "shutdown_asyncgens") yield* closeAsyncGenerators(loop);
            const idle = name === "shutdown_default_executor" ? defaultExecutorIdle(loop) : undefined;
            if (idle) yield idle;
          }, name, -1, session),
          { loop, internal: true },
        ),
      );
    return andThen(shutdown("shutdown_asyncgens"), () => andThen(shutdown("shutdown_default_executor"), () => undefined));
  });
}

// BaseEventLoop.shutdown_asyncgens: close the async generators left suspended, together.
function* closeAsyncGenerators(loop: EventLoop): Generator<unknown, void, unknown> {
  const agens = takeAsyncGenerators(loop);
  if (!agens.length) return;
  const results = (yield gather(agens.map((agen) => agen.aclose()), { returnExceptions: true })) as unknown[];
  results.forEach((result, i) => {
    if (result instanceof Error && !(result instanceof CancelledError))
      loop.session.write(`an error occurred during closing of asynchronous generator ${agens[i]}\n${describeChain(result)}`, "stderr");
  });
}

// Runner.run's check: a coroutine runs as it is; another awaitable (a future) is awaited by one.
function asCoroutine<T>(main: unknown): Coroutine<T> {
  if (main instanceof Coroutine) return main as Coroutine<T>;
  if (main instanceof Future)
    return new Coroutine(function* () {
      return (yield main) as T;
    }, "_wrap_awaitable");
  throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
}

/** What asyncio.run and asyncio.Runner take besides the coroutine. */
export interface RunnerOptions {
  /** Run the loop in debug mode (true) or not (false); not given: the loop's default, off. */
  debug?: boolean;
}

/** asyncio.run(main()): run the event loop until `main` is done; remaining tasks are cancelled.
 * `run(main(), { debug: true })` runs it in debug mode (asyncio.run(main(), debug=True)). */
export function run<T>(main: Coroutine<T>, options: RunnerOptions = {}): LoopRun<T> {
  const session = currentSession();
  if (session.runningLoop) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  // with Runner(debug=debug) as runner: return runner.run(main): the loop comes first, even for a main refused.
  const loop = newLoop(session);
  if (options.debug !== undefined) loop.debug = options.debug;
  const closeThen = (after: () => MaybePromise<T>) => andThen(closeLoop(loop), after);
  const body = (): MaybePromise<T> => {
    let result: MaybePromise<T>;
    // After a limit is hit nothing may run, not even the shutdown's cancellations.
    const failWith = (error: unknown) => (session.stopped ? Promise.reject(error) : closeThen(() => Promise.reject(error)));
    try {
      result = runUntilComplete(loop, new Task(asCoroutine<T>(main), { loop }));
    } catch (error) {
      return failWith(error);
    }
    if (result instanceof Promise) return result.then((value) => closeThen(() => value), failWith);
    return closeThen(() => result);
  };
  return track(session, () => withCleanup(body, () => finishLoop(loop)));
}

/** asyncio.Runner: several runs on one loop. `using runner = new Runner()`, then `await
 * runner.run(main())` as often as needed; leaving the block closes it (remaining tasks are
 * cancelled), or `await runner.close()`. */
export class Runner {
  private loop: EventLoop | null = null;
  private state: "created" | "initialized" | "closed" = "created";
  private readonly session = currentSession();
  private readonly debug: boolean | undefined;

  /** asyncio.Runner(debug=...): `new Runner({ debug: true })` runs its loop in debug mode. */
  constructor(options: RunnerOptions = {}) {
    this.debug = options.debug;
  }

  /** Runner.run(coro): run the loop until `coro` is done; tasks still pending stay for the next run. */
  run<T>(coro: Coroutine<T>): LoopRun<T> {
    if (this.session.runningLoop) throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    const loop = this.lazyInit();
    const task = loopCreateTask(loop, asCoroutine<T>(coro));
    return track(this.session, () => runUntilComplete(loop, task));
  }

  /** Runner.close(): cancel what is left, shut down, close the loop (again: nothing). */
  close(): LoopRun<void> {
    // A runner never used has nothing to close, and can still be used (Runner.close's first check).
    if (this.state !== "initialized") return track(this.session, () => undefined);
    const loop = this.loop!;
    this.loop = null;
    this.state = "closed";
    return track(this.session, () => withCleanup(() => (this.session.stopped ? undefined : closeLoop(loop)), () => finishLoop(loop)));
  }

  /** Runner.get_loop(): the loop the runs share. */
  getLoop(): unknown {
    return loopFace(this.lazyInit());
  }

  /** Leaving `using runner = new Runner()` closes it, as Runner.__exit__ does. */
  [EXIT](): void {
    void this.close();
  }

  // Runner._lazy_init
  private lazyInit(): EventLoop {
    if (this.state === "closed") throw new RuntimeError("Runner is closed");
    if (this.state === "created") {
      this.loop = newLoop(this.session);
      if (this.debug !== undefined) this.loop.debug = this.debug;
      this.state = "initialized";
    }
    return this.loop!;
  }
}
