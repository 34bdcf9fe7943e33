// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_heterogenous_futures
// The test's two loops are made here with newEventLoop, and neither runs.
import { print, gather, newEventLoop, ValueError } from "asyncio";

const oneLoop = newEventLoop();
const otherLoop = newEventLoop();
const fut1 = oneLoop.createFuture();
const fut2 = otherLoop.createFuture();
try {
  gather([fut1, fut2]);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  print("raised", e.name, e.message);
}
oneLoop.close();
otherLoop.close();
