// What the views draw from a run: its console lines, timeline, profile and steps, derived from the
// trace in one pass. A lesson-sized trace is derived at once (so the server renders it); a long one
// is derived a slice at a time between frames, so the page never stops answering while it works.
import { useEffect, useMemo, useState } from "react";
import {
  ConsoleBuilder, ProfileBuilder, StepIndex, TimelineBuilder,
  type ConsoleLine, type ProfileRow, type RunResult, type StepList, type Timeline, type TraceEvent,
} from "../../runtime/trace/index.ts";

/** The views' data for one run. */
export interface RunViews {
  console: ConsoleLine[];
  timeline: Timeline;
  profile: ProfileRow[];
  steps: StepList;
}

/** Traces up to this many events are derived at once (a few milliseconds); longer ones in slices. */
export const DERIVE_AT_ONCE = 4_000;
/** Milliseconds of deriving per slice: well under a frame, so input and painting go on. */
const SLICE_MS = 8;

// Every derivation reads the trace once, in order, side by side.
class Derivation {
  private readonly console = new ConsoleBuilder();
  private readonly timeline = new TimelineBuilder();
  private readonly profile = new ProfileBuilder();
  private readonly steps: StepIndex;
  private next = 0;
  private readonly events: readonly TraceEvent[];
  constructor(events: readonly TraceEvent[]) {
    this.events = events;
    this.steps = new StepIndex(events);
  }
  /** Derive up to `until` (a deadline from performance.now()); true once the whole trace is done. */
  work(until = Infinity): boolean {
    const { events } = this;
    while (this.next < events.length) {
      const e = events[this.next++];
      this.console.add(e);
      this.timeline.add(e);
      this.profile.add(e);
      this.steps.add(e);
      if ((this.next & 255) === 0 && performance.now() > until) return false;
    }
    return true;
  }
  get progress(): number {
    return this.events.length ? this.next / this.events.length : 1;
  }
  views(): RunViews {
    return { console: this.console.lines, timeline: this.timeline.finish(), profile: this.profile.finish(), steps: this.steps.finish() };
  }
}

/** Every view's data for a trace, at once. */
export function deriveRunViews(events: readonly TraceEvent[]): RunViews {
  const derivation = new Derivation(events);
  derivation.work();
  return derivation.views();
}

// Give the page a turn (a message event comes after pending input and rendering, unlike a microtask).
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The views of `result`: at once for a short trace (or when `atOnce`: the build's own run, which the
 * server draws); else null until the slices are done, with progress (0–1). */
export function useRunViews(result: RunResult | null, atOnce = false): { views: RunViews | null; progress: number } {
  const events = result?.events;
  const small = !events || atOnce || events.length <= DERIVE_AT_ONCE;
  const derivedAtOnce = useMemo(() => (events && small ? deriveRunViews(events) : null), [events, small]);
  const [sliced, setSliced] = useState<{ events: readonly TraceEvent[]; views: RunViews | null; progress: number } | null>(null);

  useEffect(() => {
    if (!events || small) return;
    let cancelled = false;
    const derivation = new Derivation(events);
    setSliced({ events, views: null, progress: 0 });
    void (async () => {
      let shown = performance.now();
      while (!derivation.work(performance.now() + SLICE_MS)) {
        if (performance.now() - shown > 100) {
          shown = performance.now();
          setSliced({ events, views: null, progress: derivation.progress });
        }
        await yieldToPage();
        if (cancelled) return;
      }
      const views = derivation.views();
      // For npm run bench: the views are derived; React draws them next.
      performance.mark("playground:derived");
      if (!cancelled) setSliced({ events, views, progress: 1 });
    })();
    return () => {
      cancelled = true;
    };
  }, [events, small]);

  if (!events) return { views: null, progress: 1 };
  if (small) return { views: derivedAtOnce, progress: 1 };
  return sliced?.events === events ? { views: sliced.views, progress: sliced.progress } : { views: null, progress: 0 };
}
