// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, SleepTests.test_sleep_zero
import { print, sleep, newEventLoop, setEventLoop } from "asyncio";

const loop = newEventLoop();
setEventLoop(loop);

let result = 0;

function incResult(num) {
  result += num;
}

async function coro() {
  loop.callSoon(incResult, 1);
  print("result", result);
  const num = await sleep(0, 10);
  print("result", result); // inc'ed by call_soon
  incResult(num); // num should be 11
}

await loop.runUntilComplete(coro());
print("result", result);
setEventLoop(null);
loop.close();
