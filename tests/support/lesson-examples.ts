// The programs of lesson examples 1–5 (src/content/docs/lessons/example-1 … example-5), written independently of the MDX pages so
// the runtime's own tests pin what each chapter teaches. Shared by examples.test.ts and timeline.test.ts.

// fetchData, as every example defines it; `pause` is the line that waits.
const fetchData = (pause: string) => `
async function fetchData(param: number): Promise<string> {
  print("Do something with " + param + "...");
  ${pause}
  print("Done with " + param);
  return "Result of " + param;
}
`;

/** Example 1: the synchronous baseline: plain functions, blockingSleep, no event loop. */
export const EXAMPLE_1 = `import { blockingSleep, print } from "asyncio";

function fetchData(param: number): string {
  print("Do something with " + param + "...");
  blockingSleep(param);
  print("Done with " + param);
  return "Result of " + param;
}

function main(): void {
  const result1 = fetchData(1);
  print("Fetch 1 fully completed");
  const result2 = fetchData(2);
  print("Fetch 2 fully completed");
  print(result1, result2);
}

main();
`;

/** Example 2: both coroutine objects made first, then awaited one by one. */
export const EXAMPLE_2 = `import { run, sleep, print } from "asyncio";
${fetchData("await sleep(param);")}
async function main() {
  const coro1 = fetchData(1);
  const coro2 = fetchData(2);
  print("Both coroutine objects made");
  const result1 = await coro1;
  print("Task 1 fully completed");
  const result2 = await coro2;
  print("Task 2 fully completed");
  print(result1, result2);
}

await run(main());
`;

/** Example 3: both coroutines wrapped in createTask before awaiting. */
export const EXAMPLE_3 = `import { run, createTask, sleep, print } from "asyncio";
${fetchData("await sleep(param);")}
async function main() {
  const task1 = createTask(fetchData(1));
  const task2 = createTask(fetchData(2));
  const result1 = await task1;
  print("Task 1 fully completed");
  const result2 = await task2;
  print("Task 2 fully completed");
  print(result1, result2);
}

await run(main());
`;

/** Example 4: the tasks of example 3, but task 2 is awaited first. */
export const EXAMPLE_4_AWAIT_TASK_2_FIRST = `import { run, createTask, sleep, print } from "asyncio";
${fetchData("await sleep(param);")}
async function main() {
  const task1 = createTask(fetchData(1));
  const task2 = createTask(fetchData(2));
  const result2 = await task2;
  print("Task 2 fully completed");
  const result1 = await task1;
  print("Task 1 fully completed");
  print(result1, result2);
}

await run(main());
`;

/** Example 4, variant: main awaits sleep(2.5) instead of the tasks, then collects the results. */
export const EXAMPLE_4_SLEEP_INSTEAD = `import { run, createTask, sleep, print } from "asyncio";
${fetchData("await sleep(param);")}
async function main() {
  const task1 = createTask(fetchData(1));
  const task2 = createTask(fetchData(2));
  const nothing = await sleep(2.5);
  print("The sleep gave:", nothing);
  const result1 = await task1;
  const result2 = await task2;
  print(result1, result2);
}

await run(main());
`;

/** Example 5: the tasks of example 3, but fetchData blocks with blockingSleep. */
export const EXAMPLE_5 = `import { run, createTask, blockingSleep, print } from "asyncio";
${fetchData("blockingSleep(param);")}
async function main() {
  const task1 = createTask(fetchData(1));
  const task2 = createTask(fetchData(2));
  const result1 = await task1;
  print("Task 1 fully completed");
  const result2 = await task2;
  print("Task 2 fully completed");
  print(result1, result2);
}

await run(main());
`;
