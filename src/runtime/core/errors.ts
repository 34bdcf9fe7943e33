// The exception classes of the playground's `asyncio` module, named as Python names them.

/** Raised inside a task at its await point when the task is cancelled (asyncio.CancelledError). */
export class CancelledError extends Error {
  override name = "CancelledError";
  /** Python's exception args: CancelledError() and CancelledError('') print differently. */
  readonly args: unknown[];
  constructor(...args: [message?: string]) {
    super(args[0] ?? "");
    this.args = args;
  }
}

/** Raised when a future's result is asked for in the wrong state (asyncio.InvalidStateError). */
export class InvalidStateError extends Error {
  override name = "InvalidStateError";
}

/** Raised when a timeout expires (Python's builtin TimeoutError). */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** Python's RuntimeError: misuse of the loop, such as awaiting a coroutine twice. */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}

/** Python's RecursionError: awaits nested deeper than Python's recursion limit (sys.getrecursionlimit()). */
export class RecursionError extends RuntimeError {
  override name = "RecursionError";
}

/** Python's ValueError: an argument of the right type but a wrong value. */
export class ValueError extends Error {
  override name = "ValueError";
}

/** Python's BaseExceptionGroup: several exceptions raised together; ExceptionGroup is the one programs meet. */
export class BaseExceptionGroup extends Error {
  override name = "BaseExceptionGroup";
  /** The exceptions, in the order they happened. */
  readonly exceptions: unknown[];
  /** Python's exception args, so it prints as ExceptionGroup('message', [...]) does. */
  readonly args: unknown[];
  constructor(message: string, exceptions: unknown[]) {
    // Python's str(group) names how many it holds.
    super(`${message} (${exceptions.length} sub-exception${exceptions.length === 1 ? "" : "s"})`);
    this.exceptions = exceptions;
    this.args = [message, exceptions];
  }
}

/** Several exceptions raised together, as a TaskGroup raises its tasks' failures (ExceptionGroup). */
export class ExceptionGroup extends BaseExceptionGroup {
  override name = "ExceptionGroup";
}

/** asyncio.QueueEmpty: get_nowait() on an empty queue. */
export class QueueEmpty extends Error {
  override name = "QueueEmpty";
}

/** asyncio.QueueFull: put_nowait() on a full queue. */
export class QueueFull extends Error {
  override name = "QueueFull";
}

/** asyncio.QueueShutDown: put() on a queue that was shut down, or get() on one shut down and empty. */
export class QueueShutDown extends Error {
  override name = "QueueShutDown";
}

/** asyncio.BrokenBarrierError: a Barrier was reset or aborted while tasks waited at it. */
export class BrokenBarrierError extends RuntimeError {
  override name = "BrokenBarrierError";
}

/** Every task waits and nothing can wake them: CPython would hang forever; we stop and say so. */
export class Deadlock extends Error {
  override name = "Deadlock";
}

/** A program ran past one of the runtime's limits (steps or virtual time); not catchable as a normal error. */
export class LimitExceeded extends Error {
  override name = "LimitExceeded";
}

/** The "Type: message" line Python prints for an exception, used in the console and the trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return `Uncaught ${typeof error}: ${String(error)}`;
}

/** Python's traceback text without its frames: the exception, after the causes it was raised from
 * (JavaScript's `cause`, Python's `raise ... from`), oldest first, joined as Python joins them. */
export function describeChain(error: unknown): string {
  const chain: unknown[] = [error];
  for (let e = error; e instanceof Error && e.cause instanceof Error && !chain.includes(e.cause); e = e.cause) chain.unshift(e.cause);
  return chain.map(describeError).join("\n\nThe above exception was the direct cause of the following exception:\n\n");
}

const BY_NAME: Record<string, new (message: string) => Error> = {
  CancelledError, InvalidStateError, TimeoutError, RuntimeError, RecursionError, ValueError, QueueEmpty, QueueFull, QueueShutDown, BrokenBarrierError,
  Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError,
};

/** An exception of the class called `name` (one of ours or a JavaScript built-in), else an Error with that name. */
export function errorNamed(name: string, message: string): Error {
  const Class = BY_NAME[name];
  if (Class) return new Class(message);
  const error = new Error(message);
  error.name = name;
  return error;
}
