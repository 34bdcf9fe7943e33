// asyncio.Queue (Lib/asyncio/queues.py): FIFO with an optional size limit; getters
// and putters wait in FIFO order; taskDone()/join() track unfinished work.
import { Coroutine, Future, pyRepr, QueueEmpty, QueueFull, ValueError } from "../core/index.ts";
import { Event } from "./locks.ts";
import { LoopBound } from "./mixins.ts";

// Queue._wakeup_next: wake the first waiter that is still waiting.
function wakeupNext(waiters: Future[]): void {
  while (waiters.length) {
    const waiter = waiters.shift()!;
    if (!waiter.done()) {
      waiter.setResult(undefined);
      break;
    }
  }
}

function removeIfPresent(waiters: Future[], fut: Future): void {
  const index = waiters.indexOf(fut);
  if (index >= 0) waiters.splice(index, 1);
}

/** asyncio.Queue(maxsize): put/get in FIFO order; maxsize 0 means unbounded. */
export class Queue<T = unknown> extends LoopBound {
  readonly maxsize: number;
  private readonly items: T[] = [];
  private readonly getters: Future[] = [];
  private readonly putters: Future[] = [];
  private unfinishedTasks = 0;
  private readonly finished: Event;

  constructor(maxsize = 0) {
    super();
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
    return new Coroutine(function* () {
      while (queue.full()) {
        const putter = new Future(queue.getLoop());
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
    return new Coroutine(function* () {
      while (queue.empty()) {
        const getter = new Future(queue.getLoop());
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

  /** Queue.__str__ (what print shows): <Queue maxsize=0 _queue=[1] _getters[1] tasks=1>. */
  toString(): string {
    let result = `maxsize=${pyRepr(this.maxsize)}`;
    if (this.items.length) result += ` _queue=${pyRepr(this.items)}`;
    if (this.getters.length) result += ` _getters[${this.getters.length}]`;
    if (this.putters.length) result += ` _putters[${this.putters.length}]`;
    if (this.unfinishedTasks) result += ` tasks=${this.unfinishedTasks}`;
    return `<Queue ${result}>`;
  }

  /** Wait until every item put has been marked done with taskDone(). */
  join(): Coroutine<void> {
    const queue = this;
    return new Coroutine(function* () {
      if (queue.unfinishedTasks > 0) yield queue.finished.wait();
    }, "Queue.join");
  }
}
