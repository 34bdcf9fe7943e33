// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_empty_sequence_use_global_loop
// The test's loop is set with asyncio.set_event_loop and not running when gather() is called. (The
// white-box assert on fut._loop is not ported.)
import { print, sleep, gather, newEventLoop, setEventLoop, Future } from "asyncio";

// Deprecated in 3.10, undeprecated in 3.12
const oneLoop = newEventLoop();
setEventLoop(oneLoop);
const fut = gather([]);
print("isinstance Future", fut instanceof Future);
await oneLoop.runUntilComplete(sleep(0));
print("fut.done()", fut.done(), "fut.result()", fut.result());
setEventLoop(null);
oneLoop.close();
