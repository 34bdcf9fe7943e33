// asyncio.mixins._LoopBoundMixin (Lib/asyncio/mixins.py): a primitive made outside any loop binds to
// the loop that first needs it, and refuses every other loop.
import { getRunningLoop, RuntimeError, type EventLoop } from "../core/index.ts";

/** A synchronization primitive that belongs to one event loop (_LoopBoundMixin). */
export abstract class LoopBound {
  private boundLoop: EventLoop | null = null;

  /** _LoopBoundMixin._get_loop: the running loop, once it is known to be this primitive's. */
  protected getLoop(): EventLoop {
    const loop = getRunningLoop();
    this.boundLoop ??= loop;
    if (loop !== this.boundLoop) throw new RuntimeError(`${this} is bound to a different event loop`);
    return loop;
  }
}
