// JavaScript's own timers and microtasks in a program: setTimeout, setInterval, their clears and
// queueMicrotask, as the program sees them. Their callbacks run outside the asyncio loop, on the real
// clock (asyncio-api.mdx: a real promise is outside I/O), but as the program's own code: asyncio's
// functions and print find the run, a runaway loop in one is stopped like any other (and so is a
// microtask that queues itself for ever: each callback is a step), and an error thrown in one is
// written to stderr as the loop writes one from its callbacks (base_events.py's default exception
// handler: "Exception in callback …"), where JavaScript would have thrown it out of the run's reach
// (the page's runner failed, `npm run trace` crashed). Timers still set when the program ends are
// cleared, and stderr says their callbacks never ran.
import { describeChain, LimitExceeded, type Session } from "../core/index.ts";

type Callback = (...args: unknown[]) => void;
type TimerId = ReturnType<typeof globalThis.setTimeout>;

/** The program's timer functions, and `end()` to clear what is left once it has ended. */
export interface ProgramTimers {
  setTimeout: (callback: Callback, ms?: number, ...args: unknown[]) => TimerId;
  setInterval: (callback: Callback, ms?: number, ...args: unknown[]) => TimerId;
  clearTimeout: (id?: TimerId) => void;
  clearInterval: (id?: TimerId) => void;
  queueMicrotask: (callback: () => void) => void;
  end: () => void;
}

/** `lineOf(error)`: the reader's line an error was thrown at, if its stack shows it. */
export function programTimers(session: Session, lineOf: (error: unknown) => number | undefined): ProgramTimers {
  // Each timer still set, by its id: whether it repeats.
  const set = new Map<TimerId, "setTimeout" | "setInterval">();
  let ended = false;
  // Any timer, as JavaScript's clearTimeout clears one set by globalThis.setTimeout too.
  const clear = (id?: TimerId) => {
    if (id === undefined) return;
    set.delete(id);
    globalThis.clearTimeout(id);
  };

  // One call of a callback, as a stretch of the program's code. Each counts as a step of the
  // program: a microtask that queues itself again never lets the page's runner go on, and the step
  // cap stops it.
  const call = (kind: string, callback: Callback, args: unknown[]) => {
    if (ended) return;
    try {
      session.countStep();
      session.enter(() => callback(...args));
    } catch (error) {
      // A limit hit in the callback (the print cap, a runaway loop) stops the run at its next step;
      // once stopped, the run writes nothing more.
      if (error instanceof LimitExceeded || session.stopped) return;
      const line = lineOf(error);
      session.write(`Exception in callback ${kind}(…)\n${describeChain(error)}${line ? ` (line ${line})` : ""}`, "stderr");
    }
  };
  const later = (kind: "setTimeout" | "setInterval", callback: Callback, ms: number | undefined, args: unknown[]): TimerId => {
    if (typeof callback !== "function") throw new TypeError(`${kind} takes a function (strings of code are not run)`);
    const repeats = kind === "setInterval";
    const id: TimerId = (repeats ? globalThis.setInterval : globalThis.setTimeout)(() => {
      if (!repeats) set.delete(id);
      // A run stopped by a limit ends at its next step; its interval stops here.
      if (session.stopped) return clear(id);
      call(kind, callback, args);
    }, ms);
    set.set(id, kind);
    return id;
  };

  return {
    setTimeout: (callback, ms, ...args) => later("setTimeout", callback, ms, args),
    setInterval: (callback, ms, ...args) => later("setInterval", callback, ms, args),
    clearTimeout: clear,
    clearInterval: clear,
    queueMicrotask: (callback) => {
      if (typeof callback !== "function") throw new TypeError("queueMicrotask takes a function");
      globalThis.queueMicrotask(() => call("queueMicrotask", callback, []));
    },
    end: () => {
      ended = true;
      const left = { setTimeout: 0, setInterval: 0 };
      for (const [id, kind] of set) {
        left[kind]++;
        globalThis.clearTimeout(id);
      }
      set.clear();
      if (left.setTimeout) session.writeFinal(`RuntimeWarning: ${count(left.setTimeout, "setTimeout callback")} never ran: the program ended first. JavaScript's timers wait on the real clock, outside the asyncio loop; to wait on the loop, await sleep(…)`);
      if (left.setInterval) session.writeFinal(`RuntimeWarning: ${count(left.setInterval, "setInterval timer")} still set when the program ended ${left.setInterval === 1 ? "was" : "were"} cleared`);
    },
  };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
