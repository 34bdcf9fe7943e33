// Programs a reader may type that run away or run large: the browser tests check that each ends with
// a message and leaves the page answering (tests/e2e/hardening.spec.ts), and `npm run bench` reports
// the page's longest main-thread task while each runs (scripts/bench-browser.ts).

/** A task that sleeps in a loop forever: stopped by a cap, blamed on line 6. */
export const SLEEP_FOREVER = `import { run, sleep, print } from "asyncio";\n\nasync function main() {\n  print("start");\n  while (true) {\n    await sleep(1);\n  }\n}\n\nawait run(main());\n`;

/** Prints without end: stopped by the print cap, blamed on line 3. */
export const PRINT_FOREVER = `import { print } from "asyncio";\n\nfor (let i = 0; ; i++) print(i);\n`;

/** 10,000 tasks that sleep 1.0–1.9 s: ends at 1.900 with 10,001 task lanes. */
export const TEN_THOUSAND_TASKS = `import { run, createTask, sleep, gather } from "asyncio";\n\nasync function nap(i: number) {\n  await sleep(1 + (i % 10) / 10);\n}\n\nasync function main() {\n  const tasks = [];\n  for (let i = 0; i < 10000; i++) tasks.push(createTask(nap(i)));\n  await gather(tasks);\n}\n\nawait run(main());\n`;

/** A loop that never pauses: stopped by the stretch cap, blamed on line 3. */
export const SPIN_FOREVER = `import { print } from "asyncio";\nprint("before");\nwhile (true) {}\n`;
