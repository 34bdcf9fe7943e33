// How console.log shows what it is given: as Node's console does, by its util.format (`%s` and the
// others; Maps, Sets, cycles, NaN and undefined as JavaScript shows them), which node-inspect-extracted
// carries to the browser. An error shows as "Error: message" without its stack, whose frames are the
// runtime's and the compiled program's, not the reader's. The formatter is loaded only for a program
// that names `console` (runProgram awaits loadConsoleFormat first): imported at start-up, it took
// ~17 ms of every `npm run trace` on a slow machine, and most programs print with print.
import type * as NodeInspect from "node-inspect-extracted";
import { describeError } from "./errors.ts";

let inspector: typeof NodeInspect | null = null;

/** Load the formatter, once. */
export async function loadConsoleFormat(): Promise<void> {
  inspector ??= await import("node-inspect-extracted");
}

/** The line console.log(...args) writes. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  // Not loaded: a program that reached console without naming it (globalThis["con" + "sole"]).
  if (!inspector) return args.map((arg) => (arg instanceof Error ? describeError(arg) : String(arg))).join(" ");
  const { format, inspect } = inspector;
  return format(...args.map((arg) => (arg instanceof Error ? { [inspect.custom]: () => describeError(arg) } : arg)));
}

/** One value as console.dir shows it (util.inspect). */
export function inspectValue(value: unknown): string {
  return inspector ? inspector.inspect(value) : String(value);
}
