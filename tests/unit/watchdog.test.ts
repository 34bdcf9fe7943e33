// The playground's watchdog (src/components/playground/watchdog.ts) on a fake clock: silence is called
// after the limit, each sign of life starts the wait again, and a timer the page ran late (the page
// was held up, not the worker) does not count.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchdog } from "../../src/components/playground/watchdog.ts";

describe("watchdog", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] }));
  afterEach(() => vi.useRealTimers());

  it("calls a silence after the limit, and not before", () => {
    const silent = vi.fn();
    watchdog(5, silent).heard();
    vi.advanceTimersByTime(4999);
    expect(silent).not.toHaveBeenCalled();
    // The limit, then one more turn of the task queue for a message that may be waiting in it.
    vi.advanceTimersByTime(2);
    expect(silent).toHaveBeenCalledTimes(1);
  });

  it("starts the wait again on each sign of life, and stops", () => {
    const silent = vi.fn();
    const dog = watchdog(5, silent);
    dog.heard();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4000);
      dog.heard();
    }
    expect(silent).not.toHaveBeenCalled();
    dog.stop();
    vi.advanceTimersByTime(60_000);
    expect(silent).not.toHaveBeenCalled();
  });

  it("takes a longer window for the next sign of life when told (a worker loading its script), then its own again", () => {
    const silent = vi.fn();
    const dog = watchdog(5, silent);
    dog.heard(30);
    vi.advanceTimersByTime(29_000);
    expect(silent).not.toHaveBeenCalled();
    dog.heard();
    vi.advanceTimersByTime(5001);
    expect(silent).toHaveBeenCalledTimes(1);
    expect(silent).toHaveBeenCalledWith(5);
    dog.heard(30);
    vi.advanceTimersByTime(30_001);
    expect(silent).toHaveBeenLastCalledWith(30);
  });

  it("waits again when its timer ran more than a second late: the page was held up", () => {
    const silent = vi.fn();
    watchdog(5, silent).heard();
    // The page's thread is held for 8 s: the clock moves, no timer runs until it is free.
    vi.setSystemTime(Date.now() + 8000);
    vi.advanceTimersByTime(5000);
    expect(silent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5002);
    expect(silent).toHaveBeenCalledTimes(1);
  });
});
