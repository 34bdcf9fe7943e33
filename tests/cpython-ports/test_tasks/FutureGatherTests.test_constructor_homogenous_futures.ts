// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_homogenous_futures
// The test's loop is made here with newEventLoop; a turn of it is runUntilComplete(sleep(0)).
// (The white-box asserts on fut._loop are not ported.)
import { print, sleep, gather, newEventLoop } from "asyncio";

const otherLoop = newEventLoop();
const children = [otherLoop.createFuture(), otherLoop.createFuture(), otherLoop.createFuture()];
let fut = gather(children);
await otherLoop.runUntilComplete(sleep(0));
print("fut.done()", fut.done());
fut = gather(children);
await otherLoop.runUntilComplete(sleep(0));
print("fut.done()", fut.done());
otherLoop.close();
