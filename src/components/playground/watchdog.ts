// A watchdog for a worker that should keep showing signs of life: `heard()` on each message; after
// `seconds` of real time without one, `onSilent` runs. On a busy machine the page's own timers run
// late, and a worker's message can wait in the queue behind the timer: so a timer that fires late
// (the page was held up, not the worker) waits again, and a silence is called only after one more
// turn of the page's task queue has brought no message.
export interface Watchdog {
  /** A sign of life: the next silence is called after `seconds` (the watchdog's own by default). */
  heard(seconds?: number): void;
  stop(): void;
}

/** How late (ms) the timer may fire and still count: later, the page was held up. */
const LATE_MS = 1000;

/** `onSilent` is told how long the silence was (the limit then in force). */
export function watchdog(seconds: number, onSilent: (seconds: number) => void): Watchdog {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastHeard = 0;
  const arm = (limit: number) => {
    const due = performance.now() + limit * 1000;
    timer = setTimeout(() => {
      if (performance.now() - due > LATE_MS) return arm(limit);
      const before = lastHeard;
      timer = setTimeout(() => (lastHeard === before ? onSilent(limit) : undefined), 0);
    }, limit * 1000);
  };
  return {
    heard(limit = seconds) {
      lastHeard = performance.now();
      clearTimeout(timer);
      arm(limit);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
