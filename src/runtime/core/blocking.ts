// A blocking call on the program's own thread (Python's time.sleep, a synchronous download, CPU
// work): the thread, and the event loop on it, is held, so nothing else on the loop runs meanwhile.
import { ValueError } from "./errors.ts";
import { pyRepr } from "./python-format.ts";
import { currentSession } from "./session.ts";
import { runningTaskId } from "./task.ts";

/** Hold the program's thread for `seconds`, sleeping or computing, and record it as `label`. */
export function blockThread(label: string, seconds: number, work: "sleep" | "cpu"): void {
  if (typeof seconds !== "number" || Number.isNaN(seconds)) throw new TypeError(`${label.split("(")[0]}() takes a number of seconds, got ${pyRepr(seconds)}`);
  if (seconds < 0) throw new ValueError("sleep length must be non-negative");
  const session = currentSession();
  const task = runningTaskId();
  session.emit({ kind: "blocking-start", until: session.now + seconds, task, line: session.currentLine(), label, work: work === "cpu" ? "cpu" : undefined });
  session.hold(seconds, work);
  session.emit({ kind: "blocking-end", task });
}
