// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_current_task_with_interleaving_tasks
// The test drives its own loop (run_until_complete) and checks current_task() is None outside any
// task; here main() runs the tasks, and only the checks inside them are ported.
import { run, print, createTask, currentTask, getRunningLoop, wait } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  const fut1 = loop.createFuture();
  const fut2 = loop.createFuture();

  async function coro1(loop) {
    print("coro1: current_task() is task1", currentTask() === task1);
    await fut1;
    print("coro1: current_task() is task1", currentTask() === task1);
    fut2.setResult(true);
  }

  async function coro2(loop) {
    print("coro2: current_task() is task2", currentTask() === task2);
    fut1.setResult(true);
    await fut2;
    print("coro2: current_task() is task2", currentTask() === task2);
  }

  const task1 = createTask(coro1(loop));
  const task2 = createTask(coro2(loop));

  await wait([task1, task2]);
  print("done");
}

await run(main());
