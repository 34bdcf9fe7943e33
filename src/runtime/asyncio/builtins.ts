// What a program gets from Python's builtins, time and threading modules besides asyncio: print,
// time.sleep (blockingSleep), declared CPU work (cpu), time.perf_counter, the thread's name.
import { blockThread, currentSession, formatPrintArgs, pyRepr, runningTaskId } from "../core/index.ts";

/** Python's print(*args): one console line, stamped with the run's time. */
export function print(...args: unknown[]): void {
  currentSession().write(formatPrintArgs(args), "stdout", runningTaskId());
}

/** Python's time.sleep(s): hold the thread (and the loop on it) for `seconds`. */
export function blockingSleep(seconds: number): void {
  blockThread(`blockingSleep(${pyRepr(seconds)})`, seconds, "sleep");
}

/** Declared CPU work: compute for `seconds`, holding the thread (in a worker: that lane). */
export function cpu(seconds: number): void {
  blockThread(`cpu(${pyRepr(seconds)})`, seconds, "cpu");
}

/** time.perf_counter(): seconds on the run's clock (virtual, or real in real-time mode). */
export function perfCounter(): number {
  return currentSession().now;
}

/** threading.current_thread().name: "MainThread" here; a worker's lane name inside a job. */
export function threadName(): string {
  return "MainThread";
}
