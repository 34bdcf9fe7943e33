// How console.log shows what it is given: as Node's console does, by its util.format (`%s` and the
// others; Maps, Sets, cycles, NaN and undefined as JavaScript shows them), which node-inspect-extracted
// carries to the browser. An error shows as "Error: message" without its stack, whose frames are the
// runtime's and the compiled program's, not the reader's.
import { format, inspect } from "node-inspect-extracted";
import { describeError } from "./errors.ts";

/** The line console.log(...args) writes. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  return format(...args.map((arg) => (arg instanceof Error ? { [inspect.custom]: () => describeError(arg) } : arg)));
}
