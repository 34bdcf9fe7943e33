// A program's console: JavaScript's, writing into the run's console as Node's console writes
// (core/console-format.ts): log, info, debug and dir to stdout; warn, error, trace and a failed assert
// to stderr; count, group and time as Node keeps them. time, timeLog and timeEnd read the run's
// clock, as perfCounter does: on the virtual clock, `await sleep(1)` between time and timeEnd shows
// 1.000s, where the real clock would show a few milliseconds. A label count or time does not know is
// warned about on stderr, as Node warns. No stack for trace: its frames would be the runtime's.
import { formatConsoleArgs, inspectValue, type Session } from "../core/index.ts";

export function programConsole(session: Session) {
  let indent = "";
  const write = (stream: "stdout" | "stderr", text: string) => session.write(indent ? text.replace(/^/gm, indent) : text, stream);
  const out = (...args: unknown[]) => write("stdout", formatConsoleArgs(args));
  const err = (...args: unknown[]) => write("stderr", formatConsoleArgs(args));
  const counts = new Map<string, number>();
  const started = new Map<string, number>();
  // The time since console.time(label), or a warning (and undefined) for a label never started.
  const elapsed = (label: string, method: string) => {
    const since = started.get(label);
    if (since === undefined) write("stderr", `Warning: No such label '${label}' for console.${method}()`);
    return since === undefined ? undefined : formatTime((session.now - since) * 1000);
  };
  const group = (...args: unknown[]) => {
    if (args.length) out(...args);
    indent += "  ";
  };
  return {
    log: out,
    info: out,
    debug: out,
    warn: err,
    error: err,
    dir: (value: unknown) => write("stdout", inspectValue(value)),
    trace: (...args: unknown[]) => write("stderr", `Trace${args.length ? `: ${formatConsoleArgs(args)}` : ""}`),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) write("stderr", `Assertion failed${args.length ? `: ${formatConsoleArgs(args)}` : ""}`);
    },
    count: (label: unknown = "default") => {
      const name = String(label);
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      write("stdout", `${name}: ${count}`);
    },
    countReset: (label: unknown = "default") => {
      if (!counts.delete(String(label))) write("stderr", `Warning: Count for '${String(label)}' does not exist`);
    },
    group,
    groupCollapsed: group,
    groupEnd: () => void (indent = indent.slice(2)),
    time: (label: unknown = "default") => {
      const name = String(label);
      if (started.has(name)) write("stderr", `Warning: Label '${name}' already exists for console.time()`);
      else started.set(name, session.now);
    },
    timeLog: (label: unknown = "default", ...args: unknown[]) => {
      const name = String(label);
      const time = elapsed(name, "timeLog");
      if (time !== undefined) write("stdout", `${name}: ${time}${args.length ? ` ${formatConsoleArgs(args)}` : ""}`);
    },
    timeEnd: (label: unknown = "default") => {
      const name = String(label);
      const time = elapsed(name, "timeEnd");
      if (time === undefined) return;
      write("stdout", `${name}: ${time}`);
      started.delete(name);
    },
  };
}

/** Milliseconds as Node's console.timeEnd shows them (lib/internal/util/debuglog.js's formatTime). */
export function formatTime(ms: number): string {
  let [hours, minutes, seconds] = [0, 0, 0];
  if (ms >= 1000) {
    if (ms >= 60_000) {
      if (ms >= 3_600_000) {
        hours = Math.floor(ms / 3_600_000);
        ms %= 3_600_000;
      }
      minutes = Math.floor(ms / 60_000);
      ms %= 60_000;
    }
    seconds = ms / 1000;
  }
  if (hours || minutes) {
    const [whole, fraction] = seconds.toFixed(3).split(".");
    const pad = (n: number | string) => String(n).padStart(2, "0");
    return `${hours ? `${hours}:${pad(minutes)}` : minutes}:${pad(whole)}.${fraction} (${hours ? "h:m" : ""}m:ss.mmm)`;
  }
  if (seconds) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
