// The views of a run, from its trace (run-derivation.ts): a run of the page's runner was derived as its
// trace arrived; another lesson-sized trace is derived at once (so the server renders it); a long one
// is derived a slice at a time between frames, so the page never stops answering while it works.
import { useEffect, useMemo, useState } from "react";
import type { RunResult, TraceEvent } from "../../runtime/trace/index.ts";
import { Derivation, derivationOf, deriveRunViews, type RunViews } from "./run-derivation.ts";

export type { RunViews } from "./run-derivation.ts";

/** Traces up to this many events are derived at once (a few milliseconds); longer ones in slices. */
export const DERIVE_AT_ONCE = 4_000;
/** Milliseconds of deriving per slice: well under a frame, so input and painting go on. */
const SLICE_MS = 8;

// Give the page a turn (a message event comes after pending input and rendering, unlike a microtask).
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The views of `result`: at once for a run derived as its trace arrived, for a short trace, or when
 * `atOnce` (the build's own run, which the server draws); else null until the slices are done, with
 * progress (0–1). */
export function useRunViews(result: RunResult | null, atOnce = false): { views: RunViews | null; progress: number } {
  const events = result?.events;
  // Derived as it arrived: what is left (nothing, once every batch is in) is done at once.
  const fed = events && derivationOf(events);
  const small = !events || atOnce || !!fed || events.length <= DERIVE_AT_ONCE;
  const derivedAtOnce = useMemo(() => {
    if (!events || !small) return null;
    if (!fed) return deriveRunViews(events);
    fed.work();
    const views = fed.views();
    // For npm run bench: the views are derived; React draws them next.
    performance.mark("playground:derived");
    return views;
  }, [events, small, fed]);
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
