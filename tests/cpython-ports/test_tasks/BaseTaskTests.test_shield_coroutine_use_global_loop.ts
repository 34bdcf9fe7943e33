// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_coroutine_use_global_loop
// The test's loop is set with asyncio.set_event_loop and not running when shield() is called. (The
// white-box assert on outer._loop is not ported.)
import { print, shield, newEventLoop, setEventLoop } from "asyncio";

// Deprecated in 3.10, undeprecated in 3.12
async function coro() {
  return 42;
}

const loop = newEventLoop();
setEventLoop(loop);
const outer = shield(coro());
const res = await loop.runUntilComplete(outer);
print("res", res);
setEventLoop(null);
loop.close();
