// Programs a reader may type that run away or run large: the browser tests check that each ends with
// a message and leaves the page answering (tests/e2e/hardening.spec.ts), and `npm run bench` reports
// the page's longest main-thread task while each runs (scripts/bench-browser.ts).

/** A task that sleeps in a loop forever: stopped by a cap, blamed on line 6. */
export const SLEEP_FOREVER = `import { run, sleep, print } from "asyncio";\n\nasync function main() {\n  print("start");\n  while (true) {\n    await sleep(1);\n  }\n}\n\nawait run(main());\n`;

/** Prints without end: stopped by the print cap, blamed on line 3. */
export const PRINT_FOREVER = `import { print } from "asyncio";\n\nfor (let i = 0; ; i++) print(i);\n`;

/** 10,000 tasks that sleep 1.0–1.9 s: ends at 1.900 with 10,001 task lanes. */
export const TEN_THOUSAND_TASKS = `import { run, createTask, sleep, gather } from "asyncio";\n\nasync function nap(i: number) {\n  await sleep(1 + (i % 10) / 10);\n}\n\nasync function main() {\n  const tasks = [];\n  for (let i = 0; i < 10000; i++) tasks.push(createTask(nap(i)));\n  await gather(tasks);\n}\n\nawait run(main());\n`;

/** 1,000 tasks that each sleep 5 times (0.10–0.19 s): ends at 0.950 with 1,001 task lanes and about
 *  35,000 steps; `npm run bench` paints its diagram and scrubs its stepper. */
export const THOUSAND_TASKS = `import { run, createTask, sleep, gather } from "asyncio";\n\nasync function worker(i: number) {\n  for (let n = 0; n < 5; n++) await sleep(0.1 + (i % 10) / 100);\n}\n\nasync function main() {\n  const tasks = [];\n  for (let i = 0; i < 1000; i++) tasks.push(createTask(worker(i)));\n  await gather(tasks);\n}\n\nawait run(main());\n`;

/** As many steps as a run in the browser may have: 100 tasks that each sleep 280 times end at
 *  28.000 with about 197,000 events (the event cap, BROWSER_LIMITS.maxEvents, is 200,000) and about
 *  168,000 steps; `npm run bench` times the stepper on it. */
export const LARGEST_TRACE = `import { run, createTask, sleep, gather } from "asyncio";\n\nasync function worker(i: number) {\n  for (let n = 0; n < 280; n++) await sleep(0.01 * (1 + (i % 10)));\n}\n\nasync function main() {\n  const tasks = [];\n  for (let i = 0; i < 100; i++) tasks.push(createTask(worker(i)));\n  await gather(tasks);\n}\n\nawait run(main());\n`;

/** A loop that never pauses: stopped by the stretch cap, blamed on line 3. */
export const SPIN_FOREVER = `import { print } from "asyncio";\nprint("before");\nwhile (true) {}\n`;
