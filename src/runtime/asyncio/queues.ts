// asyncio.Queue (Lib/asyncio/queues.py): FIFO with an optional size limit; getters
// and putters wait in FIFO order; taskDone()/join() track unfinished work; shutdown() ends it.
// LifoQueue and PriorityQueue change only where items go and which comes out (_put, _get).
import { Coroutine, Future, heappop, heappush, pyLess, pyRepr, QueueEmpty, QueueFull, QueueShutDown, ValueError } from "../core/index.ts";
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
  protected readonly items: T[] = [];
  private readonly getters: Future[] = [];
  private readonly putters: Future[] = [];
  private unfinishedTasks = 0;
  private readonly finished: Event;
  private isShutdown = false;
  /** The class's name, for its repr (a minified bundle renames classes, so not constructor.name). */
  protected readonly kind: string = "Queue";

  constructor(maxsize = 0) {
    super();
    this.maxsize = maxsize;
    this.finished = new Event();
    this.finished.set();
  }

  /** Queue._put: where a new item goes (FIFO: at the end). */
  protected putItem(item: T): void {
    this.items.push(item);
  }

  /** Queue._get: which item comes out (FIFO: the first). */
  protected getItem(): T {
    return this.items.shift()!;
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
        if (queue.isShutdown) throw new QueueShutDown();
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
    if (this.isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this.putItem(item);
    this.unfinishedTasks++;
    this.finished.clear();
    wakeupNext(this.getters);
  }

  /** Take the first item, waiting while the queue is empty. */
  get(): Coroutine<T> {
    const queue = this;
    return new Coroutine(function* () {
      while (queue.empty()) {
        if (queue.isShutdown) throw new QueueShutDown();
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
    if (this.empty()) {
      if (this.isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this.getItem();
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
    return new Coroutine(function* () {
      if (queue.unfinishedTasks > 0) yield queue.finished.wait();
    }, "Queue.join");
  }

  /** Shut the queue down: put() raises QueueShutDown from now on, and get() once the queue is
   * empty (at once if `immediate`, which drops the items left). Waiting tasks wake to see it. */
  shutdown(immediate = false): void {
    this.isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this.getItem();
        if (this.unfinishedTasks > 0) this.unfinishedTasks--;
      }
      if (this.unfinishedTasks === 0) this.finished.set();
    }
    // Every getter and putter re-checks, to raise QueueShutDown.
    for (const waiters of [this.getters, this.putters]) {
      while (waiters.length) {
        const waiter = waiters.shift()!;
        if (!waiter.done()) waiter.setResult(undefined);
      }
    }
  }

  /** Queue.__str__ (what print shows): <Queue maxsize=0 _queue=[1] _getters[1] tasks=1 shutdown>. */
  toString(): string {
    let result = `maxsize=${pyRepr(this.maxsize)}`;
    if (this.items.length) result += ` _queue=${pyRepr(this.items)}`;
    if (this.getters.length) result += ` _getters[${this.getters.length}]`;
    if (this.putters.length) result += ` _putters[${this.putters.length}]`;
    if (this.unfinishedTasks) result += ` tasks=${this.unfinishedTasks}`;
    if (this.isShutdown) result += " shutdown";
    return `<${this.kind} ${result}>`;
  }
}

/** asyncio.LifoQueue: the last item put is the first taken. */
export class LifoQueue<T = unknown> extends Queue<T> {
  protected override readonly kind: string = "LifoQueue";
  protected override getItem(): T {
    return this.items.pop()!;
  }
}

/** asyncio.PriorityQueue: the smallest item first, ordered as Python orders them ([priority, data]
 * arrays compare element by element, as tuples do). */
export class PriorityQueue<T = unknown> extends Queue<T> {
  protected override readonly kind: string = "PriorityQueue";
  protected override putItem(item: T): void {
    heappush(this.items, item, pyLess);
  }
  protected override getItem(): T {
    return heappop(this.items, pyLess);
  }
}
