// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_basics
import { run, print } from "asyncio";

async function main() {
  async function outer() {
    const a = await inner1();
    const b = await inner2();
    return a + b;
  }

  async function inner1() {
    return 42;
  }

  async function inner2() {
    return 1000;
  }

  const t = outer();
  print("result", await t);
}

await run(main());
