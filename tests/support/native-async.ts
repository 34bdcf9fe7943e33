// The same playground program run by Node's own async/await: the reference the runtime's eager
// model (model="eager", JavaScript's async calls) is checked against. Promises, async functions and
// their microtask order are Node's; only time is ours: a virtual clock whose timers fire one at a
// time, in time order and then in the order they were set (as setTimeout's do), each once every
// microtask has run. The program imports a small "asyncio" of plain JavaScript: run awaits its
// promise while the clock moves, sleep is a timer, createTask is the promise itself (a call has
// already started it), gather is Promise.all (or allSettled with returnExceptions), blockingSleep
// moves the clock at once, and print formats as the playground's console does.
import * as esbuild from "esbuild";
import { formatPrintArgs } from "../../src/runtime/core/index.ts";

/** What a native run prints, when, and how it ends: the parts the eager model must agree on. */
export interface NativeOutcome {
  stdout: string[];
  stamps: number[];
  virtualEnd: number;
  error: string | null;
}

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/** Run a playground program (TypeScript importing "asyncio") on Node's own async/await. */
export async function runNative(source: string): Promise<NativeOutcome> {
  let now = 0;
  let order = 0;
  const timers: Timer[] = [];
  const stdout: string[] = [];
  const stamps: number[] = [];
  const later = (seconds: number, fire: () => void) => timers.push({ at: now + Math.max(0, seconds), order: order++, fire });
  const describe = (error: unknown) => (error instanceof Error ? (error.message ? `${error.name}: ${error.message}` : error.name) : String(error));

  const asyncio = {
    print: (...args: unknown[]) => {
      for (const line of formatPrintArgs(args).split("\n")) {
        stdout.push(line);
        stamps.push(now);
      }
    },
    sleep: <T>(seconds: number, result?: T) => new Promise<T | undefined>((resolve) => later(seconds, () => resolve(result))),
    blockingSleep: (seconds: number) => {
      now += seconds;
    },
    // A task's failure is its own to report (asyncio logs it); Node would call it unhandled.
    createTask: <T>(task: Promise<T>) => (task.catch(() => undefined), task),
    // return_exceptions: each failure becomes its result, as in `Promise.all(tasks.map((t) => t.catch((e) => e)))`.
    gather: (tasks: Promise<unknown>[], options: { returnExceptions?: boolean } = {}) =>
      Promise.all(options.returnExceptions ? tasks.map((t) => t.catch((e: unknown) => e)) : tasks),
    // Await the promise while time moves: all microtasks first (setImmediate comes after them), then the next timer.
    run: async <T>(main: Promise<T>) => {
      let settled = false;
      main.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (settled || !timers.length) break;
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift()!;
        now = Math.max(now, next.at);
        next.fire();
      }
      if (!settled) throw new Error("Deadlock: every promise is waiting and no timer can settle one");
      return main;
    },
  };

  const { code } = await esbuild.transform(source, { loader: "ts", format: "esm", target: "esnext" });
  // The imports become a destructuring of the shim; the body runs in an async function (top-level await).
  const body = code.replace(/import\s*\{([^}]*)\}\s*from\s*["']asyncio["'];?/g, (_, names: string) => `const {${names}} = __asyncio;`);
  let error: string | null = null;
  try {
    await new Function("__asyncio", `return (async () => {\n${body}\n})();`)(asyncio);
  } catch (caught) {
    error = describe(caught);
  }
  return { stdout, stamps, virtualEnd: now, error };
}
