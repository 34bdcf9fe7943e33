// asyncio.gather (Lib/asyncio/tasks.py, CPython 3.14): run awaitables concurrently and collect their results in
// argument order. Like CPython's, it wraps coroutines in tasks at once (gather is not lazy).
import { _getRunningLoop, CancelledError, Coroutine, Future, futureAddToAwaitedBy, futureDiscardFromAwaitedBy, Task, type EventLoop } from "../core/index.ts";
import { coreOf, getEventLoop, loopCreateTask, type EventLoop as AbstractEventLoop } from "./events.ts";

/** Options of gather, named as in Python (return_exceptions → returnExceptions). */
export interface GatherOptions {
  returnExceptions?: boolean;
}

// A few children by name, then how many: a label of 160 task names helps no one.
function gatherLabel(children: readonly Future[]): string {
  const names = children.map((c) => c.waitInfo.label);
  return names.length <= 4 ? `gather(${names.join(", ")})` : `gather(${names.slice(0, 3).join(", ")}, … ${names.length} in all)`;
}

// _GatheringFuture: cancelling the gather cancels every child.
class GatheringFuture extends Future<unknown[]> {
  readonly children: Future[];
  cancelRequested = false;
  constructor(loop: EventLoop, children: Future[]) {
    super(loop);
    this.children = children;
    this.waitInfo = { what: "future", label: gatherLabel(children), tasks: children.flatMap((c) => (c instanceof Task ? [c.id] : [])) };
  }
  override toString(): string {
    return super.toString().replace(/^<Future/, "<_GatheringFuture");
  }
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    let cancelledAny = false;
    for (const child of this.children) if (child.cancel(message)) cancelledAny = true;
    if (cancelledAny) this.cancelRequested = true;
    return cancelledAny;
  }
}

/** asyncio.ensure_future: a future stays as it is, a coroutine becomes a task. */
export function ensureFuture(awaitable: unknown, loop?: EventLoop | AbstractEventLoop): Future {
  if (awaitable instanceof Future) return awaitable;
  // tasks._ensure_future: without a loop, events.get_event_loop() (the running one, else the one set).
  if (awaitable instanceof Coroutine) return loopCreateTask(coreOf(loop ?? getEventLoop()), awaitable);
  throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
}

/** gather([...aws], { returnExceptions }): a future of all results, in argument order. */
export function gather(awaitables: readonly unknown[], options: GatherOptions = {}): Future<unknown[]> {
  if (!Array.isArray(awaitables)) throw new TypeError("gather takes an array of awaitables: gather([task1, task2])");
  const returnExceptions = options.returnExceptions ?? false;
  if (!awaitables.length) {
    const outer = new Future<unknown[]>(coreOf(getEventLoop()));
    outer.setResult([]);
    return outer;
  }
  const children: Future[] = [];
  const seen = new Map<unknown, Future>();
  let loop: EventLoop | undefined;
  let nfuts = 0;
  let nfinished = 0;
  let outer: GatheringFuture | null = null;
  const running = _getRunningLoop()?.currentTask;
  const curTask = running instanceof Task ? running : null;

  const doneCallback = (fut: Future) => {
    nfinished++;
    if (curTask) futureDiscardFromAwaitedBy(fut, curTask);
    if (!outer || outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark the exception as retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut.makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== undefined) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results = children.map((child) => {
        if (child.cancelled()) return new CancelledError(child.cancelMessageOf() ?? "");
        const exc = child.exception();
        return exc !== undefined ? exc : child.result();
      });
      // CPython's results loop rebinds `fut`, so the error comes from the last child in argument order.
      if (outer.cancelRequested) outer.setException(children[children.length - 1].makeCancelledError());
      else outer.setResult(results);
    }
  };

  const doneFuts: Future[] = [];
  for (const arg of awaitables) {
    let fut = seen.get(arg);
    if (!fut) {
      fut = ensureFuture(arg, loop);
      loop ??= fut.loop;
      nfuts++;
      seen.set(arg, fut);
      if (fut.done()) doneFuts.push(fut);
      else {
        if (curTask) futureAddToAwaitedBy(fut, curTask);
        fut.addDoneCallback(doneCallback, { label: "gather: child done" });
      }
    }
    children.push(fut);
  }
  outer = new GatheringFuture(loop!, children);
  // 3.12+: children already done are counted now, not on a later pass (all done: the gather is too).
  for (const fut of doneFuts) doneCallback(fut);
  return outer;
}
