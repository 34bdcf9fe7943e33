// asyncio's synchronization primitives (Lib/asyncio/locks.py): Lock, Event, Semaphore,
// BoundedSemaphore. Waiters are futures in FIFO order; waking one sets its result, and the woken
// task runs on a later pass, as in CPython. `await using _ = await lock.acquire()` is `async with lock:`.
import { AEXIT, CancelledError, Coroutine, Future, makeAsyncDisposable, RuntimeError, ValueError } from "../core/index.ts";
import type { WaitInfo } from "../trace/index.ts";
import { LoopBound } from "./mixins.ts";

// deque.remove: drop the first occurrence.
function removeFirst<T>(items: T[], item: T): void {
  const index = items.indexOf(item);
  if (index >= 0) items.splice(index, 1);
}

/** What acquire() gives: leaving the `await using` block releases (_ContextManagerMixin.__aexit__). */
export class Held {
  private readonly releaser: { release(): void };
  constructor(releaser: { release(): void }) {
    this.releaser = releaser;
  }
  [AEXIT](): Coroutine<void> {
    const releaser = this.releaser;
    return new Coroutine(function* () {
      releaser.release();
    }, "__aexit__");
  }
}
makeAsyncDisposable(Held);

/** A primitive whose waiters are futures of its loop, labelled for the trace. */
abstract class Primitive extends LoopBound {
  // self._get_loop().create_future()
  protected waiter(what: WaitInfo["what"], label: string): Future<unknown> {
    const future = new Future(this.getLoop());
    future.waitInfo = { what, label };
    return future;
  }
}

/** asyncio.Lock: one holder at a time; waiters get it in FIFO order. */
export class Lock extends Primitive {
  private waiters: Future[] | null = null;
  private isLocked = false;

  /** Whether the lock is held. */
  locked(): boolean {
    return this.isLocked;
  }

  /** Wait until the lock is free, then hold it; `await using _ = await lock.acquire()`. */
  acquire(): Coroutine<Held> {
    const lock = this;
    return new Coroutine(function* () {
      if (!lock.isLocked && (lock.waiters === null || lock.waiters.every((w) => w.cancelled()))) {
        lock.isLocked = true;
        return new Held(lock);
      }
      lock.waiters ??= [];
      const fut = lock.waiter("lock", "Lock.acquire()");
      lock.waiters.push(fut);
      try {
        try {
          yield fut;
        } finally {
          removeFirst(lock.waiters, fut);
        }
      } catch (error) {
        if (error instanceof CancelledError && !lock.isLocked) lock.wakeUpFirst();
        throw error;
      }
      lock.isLocked = true;
      return new Held(lock);
    }, "Lock.acquire");
  }

  /** Free the lock and let the first waiter take it; RuntimeError if it is not held. */
  release(): void {
    if (!this.isLocked) throw new RuntimeError("Lock is not acquired.");
    this.isLocked = false;
    this.wakeUpFirst();
  }

  private wakeUpFirst(): void {
    const first = this.waiters?.[0];
    if (first && !first.done()) first.setResult(true);
  }

  toString(): string {
    return `<asyncio.locks.Lock object [${this.isLocked ? "locked" : "unlocked"}${this.waiters?.length ? `, waiters:${this.waiters.length}` : ""}]>`;
  }
}

/** asyncio.Event: tasks wait until it is set; set() wakes them all. */
export class Event extends Primitive {
  private readonly waiters: Future[] = [];
  private value = false;

  /** Whether the event is set. */
  isSet(): boolean {
    return this.value;
  }

  /** Set the event and wake every waiting task. */
  set(): void {
    if (this.value) return;
    this.value = true;
    for (const fut of this.waiters) if (!fut.done()) fut.setResult(true);
  }

  /** Unset the event. */
  clear(): void {
    this.value = false;
  }

  /** Event.__repr__ (without the address): <asyncio.locks.Event object [set, waiters:1]>. */
  toString(): string {
    return `<asyncio.locks.Event object [${this.value ? "set" : "unset"}${this.waiters.length ? `, waiters:${this.waiters.length}` : ""}]>`;
  }

  /** Wait until the event is set; gives true. */
  wait(): Coroutine<boolean> {
    const event = this;
    return new Coroutine(function* () {
      if (event.value) return true;
      const fut = event.waiter("event", "Event.wait()");
      event.waiters.push(fut);
      try {
        yield fut;
        return true;
      } finally {
        removeFirst(event.waiters, fut);
      }
    }, "Event.wait");
  }
}

/** asyncio.Semaphore: at most `value` holders at once; waiters get in FIFO order. */
export class Semaphore extends Primitive {
  /** The class's name for labels (a minified bundle renames classes, so not constructor.name). */
  protected readonly kind: string = "Semaphore";
  protected value: number;
  private waiters: Future[] | null = null;

  constructor(value = 1) {
    super();
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this.value = value;
  }

  /** Whether acquire() would have to wait. */
  locked(): boolean {
    return this.value === 0 || (this.waiters ?? []).some((w) => !w.cancelled());
  }

  /** Wait for a free slot and take it; `await using _ = await sem.acquire()`. */
  acquire(): Coroutine<Held> {
    const sem = this;
    return new Coroutine(function* () {
      if (!sem.locked()) {
        sem.value--;
        return new Held(sem);
      }
      sem.waiters ??= [];
      const fut = sem.waiter("semaphore", `${sem.kind}.acquire()`);
      sem.waiters.push(fut);
      try {
        try {
          yield fut;
        } finally {
          removeFirst(sem.waiters, fut);
        }
      } catch (error) {
        if (error instanceof CancelledError && !fut.cancelled()) {
          sem.value++;
          sem.wakeUpNext();
        }
        throw error;
      }
      if (sem.value > 0) sem.wakeUpNext();
      return new Held(sem);
    }, `${this.kind}.acquire`);
  }

  /** Give a slot back and wake the next waiter. */
  release(): void {
    this.value++;
    this.wakeUpNext();
  }

  /** Semaphore.__repr__ (without the address): <asyncio.locks.Semaphore object [unlocked, value:1]>. */
  toString(): string {
    const extra = this.locked() ? "locked" : `unlocked, value:${this.value}`;
    return `<asyncio.locks.${this.kind} object [${extra}${this.waiters?.length ? `, waiters:${this.waiters.length}` : ""}]>`;
  }

  private wakeUpNext(): void {
    for (const fut of this.waiters ?? []) {
      if (!fut.done()) {
        this.value--;
        fut.setResult(true);
        return;
      }
    }
  }
}

/** asyncio.BoundedSemaphore: releasing more than was acquired is a ValueError. */
export class BoundedSemaphore extends Semaphore {
  protected override readonly kind: string = "BoundedSemaphore";
  private readonly bound: number;
  constructor(value = 1) {
    super(value);
    this.bound = value;
  }
  override release(): void {
    if (this.value >= this.bound) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}
