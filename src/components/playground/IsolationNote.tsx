// A real-clock playground measures real time. Its worker threads sleep (blockingSleep, httpGet) with
// Atomics.wait, which needs SharedArrayBuffer, which browsers give only to cross-origin isolated pages
// (the COOP/COEP headers; GitHub Pages cannot send them). Elsewhere a sleeping thread spins a core
// instead, and takes it from the work being measured: say so rather than show misleading figures
// silently. Checked after hydration: the build cannot know the host the page will be served from.
import { useEffect, useState } from "react";

/** A short note under a real-clock playground when the page is not cross-origin isolated. */
export function IsolationNote() {
  const [isolated, setIsolated] = useState(true);
  useEffect(() => setIsolated(globalThis.crossOriginIsolated === true), []);
  if (isolated) return null;
  return (
    <p className="pg-isolation-note" role="note" data-isolation-note>
      Timings here can mislead: this site's host does not send the cross-origin isolation headers
      (COOP/COEP), so a thread that sleeps or waits for the network spins a CPU core instead of
      sleeping, and slows the work being measured. Compare runs on this page with each other, not with
      the lesson's figures.
    </p>
  );
}
