// BaseEventLoop's run_until_complete and close (Lib/asyncio/base_events.py), shared by run(), Runner
// and a loop a program makes itself (newEventLoop): what a run gives the program (LoopRun), a new
// loop, running it until a future is done, and closing it.
import { andThen, currentSession, describeChain, EventLoop, RuntimeError, withCleanup, type Future, type MaybePromise, type Session, type Task } from "../core/index.ts";

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

const runsOf = new WeakMap<Session, LoopRun<unknown>[]>();

/** Runs of `session` that failed while the program never awaited them (their error would be lost). */
export function unobservedFailures(session: Session): unknown[] {
  return (runsOf.get(session) ?? []).filter((r) => r.failure && !r.observed).map((r) => r.failure!.error);
}

// BaseEventLoop.run_until_complete: run passes until `future` is done, then give its result.
export function runUntilComplete<T>(loop: EventLoop, future: Future<T>): MaybePromise<T> {
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
}

// A run's outcome, as the program awaits it; one that fails unawaited is reported at the end.
export function track<T>(session: Session, outcome: () => MaybePromise<T>): LoopRun<T> {
  let result: MaybePromise<T>;
  try {
    result = outcome();
  } catch (error) {
    result = Promise.reject(error);
  }
  const handle = new LoopRun<T>(result);
  runsOf.set(session, [...(runsOf.get(session) ?? []), handle as LoopRun<unknown>]);
  return handle;
}

/** A new loop of the program's (new_event_loop, Runner._lazy_init). */
export function newLoop(session: Session = currentSession()): EventLoop {
  const loop = new EventLoop(session);
  session.emit({ kind: "loop-start", loop: loop.id });
  return loop;
}

function reportLostExceptions(loop: EventLoop): void {
  for (const task of loop.tasks as Set<Task>) {
    if (task.logTraceback) loop.session.write(`Task exception was never retrieved\nfuture: ${task}\n${describeChain(task.exception())}`, "stderr");
  }
}

/** loop.close(): no more callbacks; exceptions nobody retrieved are reported. */
export function finishLoop(loop: EventLoop): void {
  const session = loop.session;
  loop.closed = true;
  // After a limit stopped the program, its tasks were left as they were: nothing to report.
  if (!session.stopped) reportLostExceptions(loop);
  session.record({ kind: "loop-end", loop: loop.id });
}
