// asyncio.Queue (Lib/asyncio/queues.py, CPython 3.11): FIFO with an optional size limit; getters
// and putters wait in FIFO order; taskDone()/join() track unfinished work.
import { Coroutine } from "./coroutine.ts";
import { Future } from "./future.ts";
import { QueueEmpty, QueueFull, ValueError } from "./errors.ts";
import type { Session } from "./session.ts";
import type { defineLocks } from "./locks.ts";

type EventClass = ReturnType<typeof defineLocks>["Event"];

/** The Queue class, bound to one program run. */
export function defineQueue(session: Session, Event: EventClass) {
  // Queue._wakeup_next: wake the first waiter that is still waiting.
  const wakeupNext = (waiters: Future[]) => {
    while (waiters.length) {
      const waiter = waiters.shift()!;
      if (!waiter.done()) {
        waiter.setResult(undefined);
        break;
      }
    }
  };
  const removeIfPresent = (waiters: Future[], fut: Future) => {
    const index = waiters.indexOf(fut);
    if (index >= 0) waiters.splice(index, 1);
  };

  /** asyncio.Queue(maxsize): put/get in FIFO order; maxsize 0 means unbounded. */
  class Queue<T = unknown> {
    readonly maxsize: number;
    private readonly items: T[] = [];
    private readonly getters: Future[] = [];
    private readonly putters: Future[] = [];
    private unfinishedTasks = 0;
    private readonly finished: InstanceType<EventClass>;

    constructor(maxsize = 0) {
      this.maxsize = maxsize;
      this.finished = new Event();
      this.finished.set();
    }

    /** Number of items in the queue. */
    qsize(): number {
      return this.items.length;
    }

    /** Whether the queue is empty. */
    empty(): boolean {
      return this.items.length === 0;
    }

    /** Whether the queue holds maxsize items. */
    full(): boolean {
      return this.maxsize > 0 && this.items.length >= this.maxsize;
    }

    /** Put an item, waiting while the queue is full. */
    put(item: T): Coroutine<void> {
      const queue = this;
      return new Coroutine(session, function* () {
        while (queue.full()) {
          const putter = new Future(session.loop());
          putter.waitInfo = { what: "queue", label: "Queue.put()" };
          queue.putters.push(putter);
          try {
            yield putter;
          } catch (error) {
            putter.cancel();
            removeIfPresent(queue.putters, putter);
            if (!queue.full() && !putter.cancelled()) wakeupNext(queue.putters);
            throw error;
          }
        }
        queue.putNowait(item);
      }, "Queue.put");
    }

    /** Put an item now; QueueFull if there is no room. */
    putNowait(item: T): void {
      if (this.full()) throw new QueueFull();
      this.items.push(item);
      this.unfinishedTasks++;
      this.finished.clear();
      wakeupNext(this.getters);
    }

    /** Take the first item, waiting while the queue is empty. */
    get(): Coroutine<T> {
      const queue = this;
      return new Coroutine(session, function* () {
        while (queue.empty()) {
          const getter = new Future(session.loop());
          getter.waitInfo = { what: "queue", label: "Queue.get()" };
          queue.getters.push(getter);
          try {
            yield getter;
          } catch (error) {
            getter.cancel();
            removeIfPresent(queue.getters, getter);
            if (!queue.empty() && !getter.cancelled()) wakeupNext(queue.getters);
            throw error;
          }
        }
        return queue.getNowait();
      }, "Queue.get");
    }

    /** Take the first item now; QueueEmpty if there is none. */
    getNowait(): T {
      if (this.empty()) throw new QueueEmpty();
      const item = this.items.shift()!;
      wakeupNext(this.putters);
      return item;
    }

    /** Mark one item taken earlier as fully processed. */
    taskDone(): void {
      if (this.unfinishedTasks <= 0) throw new ValueError("task_done() called too many times");
      this.unfinishedTasks--;
      if (this.unfinishedTasks === 0) this.finished.set();
    }

    /** Wait until every item put has been marked done with taskDone(). */
    join(): Coroutine<void> {
      const queue = this;
      return new Coroutine(session, function* () {
        if (queue.unfinishedTasks > 0) yield queue.finished.wait();
      }, "Queue.join");
    }
  }

  return { Queue };
}
