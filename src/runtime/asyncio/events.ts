// The event loop as a program sees it (Lib/asyncio/events.py and base_events.py): getRunningLoop()
// gives the running loop with Python's methods (time, call_soon, call_later, call_at, create_future,
// create_task, run_in_executor), and callbacks come back as Handle / TimerHandle. The loop itself is
// core's EventLoop; this is its public face, one per loop.
import {
  _getRunningLoop, Coroutine, currentSession, Future, getRunningLoop as coreRunningLoop, pyRepr, RuntimeError, setPublicLoop, Task,
  type EventLoop as CoreLoop, type Handle as CoreHandle, type TaskOptions, type TimerHandle as CoreTimerHandle,
} from "../core/index.ts";
import { runInExecutor, type Pool } from "../workers/index.ts";
import { finishLoop, newLoop, runUntilComplete, track, type LoopRun } from "./base-events.ts";

type Callback = (...args: never[]) => unknown;

/** What create_task passes on to the task (or to the loop's task factory): name, eager_start. */
export interface TaskKwargs {
  name?: string;
  /** Run the task's first step at once, inside create_task (Python 3.12+'s eager_start). */
  eagerStart?: boolean;
}

/** loop.set_task_factory's argument: makes the task for loop.create_task. */
export type TaskFactory = <T>(loop: EventLoop, coro: Coroutine<T>, options: TaskKwargs) => Task<T>;

const factories = new WeakMap<CoreLoop, TaskFactory>();

/** BaseEventLoop.create_task: the loop's task factory if it has one, else a Task (started at once
 * with eagerStart, if the loop runs). Every way of making a task from a coroutine comes here. */
export function loopCreateTask<T>(loop: CoreLoop, coro: Coroutine<T>, options: TaskKwargs = {}): Task<T> {
  if (loop.closed) throw new RuntimeError("Event loop is closed");
  const factory = factories.get(loop);
  if (factory) return factory(loopFace(loop), coro, options);
  return new Task(coro, { loop, name: options.name, eager: options.eagerStart === true && _getRunningLoop() === loop });
}

/** asyncio.Handle: a callback in the loop's ready queue. */
export class Handle {
  protected readonly inner: CoreHandle;
  constructor(inner: CoreHandle) {
    this.inner = inner;
  }
  /** Handle.cancel: the callback will not run. */
  cancel(): void {
    this.inner.cancel();
  }
  /** Handle.cancelled */
  cancelled(): boolean {
    return this.inner.cancelled;
  }
}

/** asyncio.TimerHandle: a callback due at a time of the loop's clock. */
export class TimerHandle extends Handle {
  /** TimerHandle.when: the loop time the callback is due at. */
  when(): number {
    return (this.inner as CoreTimerHandle).when;
  }
}

// BaseEventLoop._check_callback
function checkCallback(callback: unknown, method: string): asserts callback is Callback {
  if (typeof callback !== "function") throw new TypeError(`a callable object was expected by ${method}(), got ${pyRepr(callback)}`);
}

const nameOf = (callback: Callback) => callback.name || "<lambda>";

/** The running event loop (asyncio.AbstractEventLoop's methods that fit a playground). */
export class EventLoop {
  private readonly loop: CoreLoop;
  constructor(loop: CoreLoop) {
    this.loop = loop;
  }

  /** loop.time(): the loop's clock, in seconds. */
  time(): number {
    return this.loop.time();
  }

  /** loop.call_soon(callback, *args): run `callback(...args)` on the loop's next pass. */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    checkCallback(callback, "call_soon");
    this.checkClosed();
    const call = `${nameOf(callback)}()`;
    return new Handle(this.loop.callSoon(() => void callback(...args), { label: call, callback: call }));
  }

  /** loop.call_soon_threadsafe(callback, *args): call_soon that also wakes the loop's selector
   * (the self-pipe), as a thread would; on the loop itself it costs one more handle. */
  callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    checkCallback(callback, "call_soon_threadsafe");
    this.checkClosed();
    const call = `${nameOf(callback)}()`;
    return new Handle(this.loop.callSoon(() => void callback(...args), { label: call, callback: call, threadsafe: true }));
  }

  /** loop.call_later(delay, callback, *args): run `callback(...args)` `delay` seconds from now. */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (delay == null) throw new TypeError("delay must not be None");
    return this.callAt(this.time() + delay, callback, ...args);
  }

  /** loop.call_at(when, callback, *args): run `callback(...args)` when the loop's clock reaches `when`. */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (when == null) throw new TypeError("when cannot be None");
    checkCallback(callback, "call_at");
    this.checkClosed();
    const call = `${nameOf(callback)}()`;
    const timer = this.loop.callAt(when, () => void callback(...args), { label: `${call} at ${pyRepr(when)}`, callback: call });
    return new TimerHandle(timer);
  }

  /** loop.create_future() */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>(this.loop);
  }

  /** loop.create_task(coro, name=..., eager_start=...) */
  createTask<T>(coro: Coroutine<T>, options: TaskKwargs = {}): Task<T> {
    return loopCreateTask(this.loop, coro, options);
  }

  /** loop.set_task_factory(factory): how create_task makes tasks from now on (null: as Task does). */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") throw new TypeError("task factory must be a callable or None");
    if (factory === null) factories.delete(this.loop);
    else factories.set(this.loop, factory);
  }

  /** loop.get_task_factory() */
  getTaskFactory(): TaskFactory | null {
    return factories.get(this.loop) ?? null;
  }

  /** loop.run_in_executor(executor, fn, *args): `fn(...args)` in a pool (null: the default thread pool). */
  runInExecutor(executor: Pool | null, fn: unknown, ...args: unknown[]): Future<unknown> {
    this.checkClosed();
    return runInExecutor(executor, fn, ...args);
  }

  /** loop.run_until_complete(aw): run the loop until `aw` is done; await it for the result (a loop
   * of the program's own, from newEventLoop; run() and Runner do this for theirs). */
  runUntilComplete<T>(awaitable: Coroutine<T> | Future<T>): LoopRun<T> {
    this.checkClosed();
    if (this.isRunning()) throw new RuntimeError("This event loop is already running");
    if (this.loop.session.runningLoop) throw new RuntimeError("Cannot run the event loop while another loop is running");
    const future = awaitable instanceof Future ? awaitable : loopCreateTask(this.loop, awaitable);
    return track(this.loop.session, () => runUntilComplete(this.loop, future));
  }

  /** loop.close(): the loop can run no more; a task still pending never ends (Python says so when
   * it destroys the task: "Task was destroyed but it is pending!"). */
  close(): void {
    if (this.isRunning()) throw new RuntimeError("Cannot close a running event loop");
    if (this.loop.closed) return;
    for (const task of this.loop.tasks)
      if (task instanceof Task && !task.done()) this.loop.session.write(`Task was destroyed but it is pending!\ntask: ${task}`, "stderr");
    finishLoop(this.loop);
  }

  /** loop.is_running() */
  isRunning(): boolean {
    return _getRunningLoop() === this.loop;
  }

  /** loop.is_closed() */
  isClosed(): boolean {
    return this.loop.closed;
  }

  /** loop.get_debug(): whether debug mode is on (run(main(), { debug: true }), setDebug). */
  getDebug(): boolean {
    return this.loop.debug;
  }

  /** loop.set_debug(enabled): in debug mode a callback (a task's step) that holds the loop for
   * slowCallbackDuration seconds or more is logged: "Executing <Task …> took 1.000 seconds". */
  setDebug(enabled: boolean): void {
    this.loop.debug = enabled;
    // BaseEventLoop.set_debug: a running loop switches its coroutine-origin tracking in a callback,
    // queued with call_soon_threadsafe (so one more handle, and the self-pipe's _read_from_self).
    if (this.isRunning()) {
      const label = "_set_coroutine_origin_tracking()";
      this.loop.callSoon(() => undefined, { label, callback: label, threadsafe: true });
    }
  }

  /** loop.slow_callback_duration: the seconds (0.1 by default) from which debug mode logs a callback. */
  get slowCallbackDuration(): number {
    return this.loop.slowCallbackDuration;
  }
  set slowCallbackDuration(seconds: number) {
    this.loop.slowCallbackDuration = seconds;
  }

  // BaseEventLoop._check_closed
  private checkClosed(): void {
    if (this.loop.closed) throw new RuntimeError("Event loop is closed");
  }

  toString(): string {
    return `<_UnixSelectorEventLoop running=${this.isRunning() ? "True" : "False"} closed=${this.isClosed() ? "True" : "False"} debug=${this.getDebug() ? "True" : "False"}>`;
  }
}

const faces = new WeakMap<CoreLoop, EventLoop>();
const cores = new WeakMap<EventLoop, CoreLoop>();

/** The public face of a core loop: always the same object for the same loop. */
export function loopFace(loop: CoreLoop): EventLoop {
  let face = faces.get(loop);
  if (!face) {
    face = new EventLoop(loop);
    faces.set(loop, face);
    cores.set(face, loop);
  }
  return face;
}

/** Core's loop for a loop a program passes (its public face), or for core's own. */
export function coreOf(loop: unknown): CoreLoop {
  return loop instanceof EventLoop ? cores.get(loop)! : (loop as CoreLoop);
}

/** asyncio.create_eager_task_factory(ctor): a task factory whose tasks start at once, made by
 * `new ctor(coro, { loop, name, eager })` (a Task or a subclass of it). */
export function createEagerTaskFactory(ctor: new <T>(coro: Coroutine<T>, options: TaskOptions) => Task<T>): TaskFactory {
  return <T>(loop: EventLoop, coro: Coroutine<T>, { eagerStart = true, ...options }: TaskKwargs = {}) =>
    new ctor(coro, { ...options, loop: cores.get(loop)!, eager: eagerStart && _getRunningLoop() === cores.get(loop) });
}

/** asyncio.eager_task_factory: loop.setTaskFactory(eagerTaskFactory) starts every new task at once. */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory(Task);

/** asyncio.get_running_loop(): the running loop; RuntimeError "no running event loop" outside one. */
export function getRunningLoop(): EventLoop {
  return loopFace(coreRunningLoop());
}

// The loop set_event_loop made current, per program (the policy's thread-local loop).
const currentLoops = new WeakMap<object, CoreLoop | null>();

/** asyncio.get_event_loop(): the running loop; outside one, the loop setEventLoop made current
 * (3.14: RuntimeError if there is none). */
export function getEventLoop(): EventLoop {
  const loop = _getRunningLoop() ?? currentLoops.get(currentSession()) ?? null;
  if (!loop) throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
  return loopFace(loop);
}

/** asyncio.new_event_loop(): a loop of the program's own: run it with loop.runUntilComplete(aw), then loop.close(). */
export function newEventLoop(): EventLoop {
  return loopFace(newLoop());
}

/** asyncio.set_event_loop(loop): make `loop` (or none: null) what getEventLoop() gives outside a running loop. */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) throw new TypeError(`loop must be an instance of AbstractEventLoop or None, not '${typeof loop}'`);
  currentLoops.set(currentSession(), loop === null ? null : coreOf(loop));
}

// Future.get_loop() gives the loop as the program sees loops (this face of core's), and a face
// passed for a loop (Future(loop=...), Task(coro, loop=...), ensure_future(aw, loop=...)) is its loop.
setPublicLoop(loopFace, coreOf);
