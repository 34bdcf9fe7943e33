// asyncio's synchronization primitives (Lib/asyncio/locks.py): Lock, Event, Semaphore,
// BoundedSemaphore, Condition, Barrier. Waiters are futures in FIFO order; waking one sets its result, and the woken
// task runs on a later pass, as in CPython. `await using _ = await lock.acquire()` is `async with lock:`.
import { AEXIT, BrokenBarrierError, CancelledError, Coroutine, Future, makeAsyncDisposable, RuntimeError, ValueError } from "../core/index.ts";
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
        // Woken (the future set) but cancelled before taking the slot: give it back.
        if (error instanceof CancelledError && fut.done() && !fut.cancelled()) sem.value++;
        throw error;
      } finally {
        // Semaphore.acquire (3.13+): new waiters may have queued behind, for FIFO order; wake as
        // many as there are slots.
        while (sem.value > 0) if (!sem.wakeUpNext()) break;
      }
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

  /** Semaphore._wake_up_next: wake the first waiter that is not done; whether there was one. */
  private wakeUpNext(): boolean {
    for (const fut of this.waiters ?? []) {
      if (!fut.done()) {
        this.value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
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

/** asyncio.Condition: tasks wait (holding the lock) until another task notifies them. */
export class Condition extends Primitive {
  private readonly lock: Lock;
  private readonly waiters: Future[] = [];

  constructor(lock: Lock = new Lock()) {
    super();
    this.lock = lock;
  }

  /** Whether the underlying lock is held. */
  locked(): boolean {
    return this.lock.locked();
  }

  /** Take the underlying lock; `await using _ = await cond.acquire()` is `async with cond:`. */
  acquire(): Coroutine<Held> {
    return this.lock.acquire();
  }

  /** Release the underlying lock. */
  release(): void {
    this.lock.release();
  }

  /** Release the lock, wait until notified, take the lock again; gives true. */
  wait(): Coroutine<boolean> {
    const cond = this;
    return new Coroutine(function* () {
      if (!cond.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
      const fut = cond.waiter("lock", "Condition.wait()");
      cond.release();
      try {
        try {
          cond.waiters.push(fut);
          try {
            yield fut;
            return true;
          } finally {
            removeFirst(cond.waiters, fut);
          }
        } finally {
          // Must re-acquire the lock even if the wait is cancelled.
          let err: unknown = null;
          for (;;) {
            try {
              yield cond.acquire();
              break;
            } catch (error) {
              if (!(error instanceof CancelledError)) throw error;
              err = error;
            }
          }
          if (err !== null) throw err;
        }
      } catch (error) {
        // Woken but failing: wake another waiter instead (a "spurious wakeup" is allowed).
        cond.notifyWaiters(1);
        throw error;
      }
    }, "Condition.wait");
  }

  /** wait() until predicate() is true; gives predicate()'s last value. */
  waitFor<T>(predicate: () => T): Coroutine<T> {
    const cond = this;
    return new Coroutine(function* () {
      let result = predicate();
      while (!result) {
        yield cond.wait();
        result = predicate();
      }
      return result;
    }, "Condition.wait_for");
  }

  /** Wake up to n waiting tasks (the lock must be held). */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this.notifyWaiters(n);
  }

  /** Wake every waiting task (the lock must be held). */
  notifyAll(): void {
    this.notify(this.waiters.length);
  }

  // Condition._notify
  private notifyWaiters(n: number): void {
    let idx = 0;
    for (const fut of this.waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }

  toString(): string {
    return `<asyncio.locks.Condition object [${this.locked() ? "locked" : "unlocked"}${this.waiters.length ? `, waiters:${this.waiters.length}` : ""}]>`;
  }
}

type BarrierState = "filling" | "draining" | "resetting" | "broken";

/** asyncio.Barrier(parties): tasks wait until `parties` of them have arrived, then all go on. */
export class Barrier extends LoopBound {
  private readonly cond = new Condition();
  private readonly nParties: number;
  private state: BarrierState = "filling";
  private count = 0;

  constructor(parties: number) {
    super();
    if (parties < 1) throw new ValueError("parties must be >= 1");
    this.nParties = parties;
  }

  /** Wait until `parties` tasks wait; gives this task's arrival index, 0 to parties - 1. */
  wait(): Coroutine<number> {
    const barrier = this;
    return new Coroutine(function* () {
      yield barrier.cond.acquire();
      try {
        yield* barrier.block();
        try {
          const index = barrier.count++;
          if (index + 1 === barrier.nParties) barrier.release();
          else yield* barrier.waitFilled();
          return index;
        } finally {
          barrier.count--;
          barrier.exit();
        }
      } finally {
        barrier.cond.release();
      }
    }, "Barrier.wait");
  }

  /** Back to the empty state; tasks waiting get BrokenBarrierError. */
  reset(): Coroutine<void> {
    const barrier = this;
    return new Coroutine(function* () {
      yield barrier.cond.acquire();
      try {
        if (barrier.count > 0) barrier.state = "resetting";
        else barrier.state = "filling";
        barrier.cond.notifyAll();
      } finally {
        barrier.cond.release();
      }
    }, "Barrier.reset");
  }

  /** Break the barrier: waiting tasks, and any that come later, get BrokenBarrierError. */
  abort(): Coroutine<void> {
    const barrier = this;
    return new Coroutine(function* () {
      yield barrier.cond.acquire();
      try {
        barrier.state = "broken";
        barrier.cond.notifyAll();
      } finally {
        barrier.cond.release();
      }
    }, "Barrier.abort");
  }

  /** How many tasks it takes to pass. */
  get parties(): number {
    return this.nParties;
  }

  /** How many tasks wait at it now (Barrier.n_waiting). */
  get nWaiting(): number {
    return this.state === "filling" ? this.count : 0;
  }

  /** Whether it is broken. */
  get broken(): boolean {
    return this.state === "broken";
  }

  // Barrier._block: wait while the barrier drains or resets.
  private *block(): Generator<unknown, void, unknown> {
    yield this.cond.waitFor(() => this.state !== "draining" && this.state !== "resetting");
    if (this.state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  // Barrier._release: the last one in lets everyone out.
  private release(): void {
    this.state = "draining";
    this.cond.notifyAll();
  }

  // Barrier._wait
  private *waitFilled(): Generator<unknown, void, unknown> {
    yield this.cond.waitFor(() => this.state !== "filling");
    if (this.state === "broken" || this.state === "resetting") throw new BrokenBarrierError("Abort or reset of barrier");
  }

  // Barrier._exit
  private exit(): void {
    if (this.count === 0) {
      if (this.state === "resetting" || this.state === "draining") this.state = "filling";
      this.cond.notifyAll();
    }
  }

  toString(): string {
    return `<asyncio.locks.Barrier object [${this.state}${this.broken ? "" : `, waiters:${this.nWaiting}/${this.parties}`}]>`;
  }
}
