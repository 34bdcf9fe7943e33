// The reader's zoom on a timing diagram's time axis, in the page: the −, + and Fit buttons, Ctrl+wheel
// over the diagram, a scroll that keeps the moment zoomed at where it was, and the lane names held at
// the scrolling box's left edge (the box sets --pg-names-x to its scroll; playground.css moves them).
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import type { DiagramLayout } from "./layout.ts";
import { MAX_ZOOM, anchorAt, scrollFor, wheelZoom, zoomLabel, zoomStep, type ZoomAnchor } from "./zoom.ts";

/** Zoom to a level, keeping the moment under `offset` px of the box (its middle by default) in place. */
export type ZoomTo = (zoom: number, offset?: number) => void;

/** The zoom's effects on the scrolling `box` that holds a diagram drawn with `layout` at `zoom`. */
export function useTimeZoom(box: RefObject<HTMLElement | null>, layout: DiagramLayout, zoom: number, setZoom: (zoom: number) => void): ZoomTo {
  // Wheel events come faster than renders: each builds on the zoom asked for last, from the moment
  // anchored first, until the new layout is drawn.
  const drawn = useRef(layout);
  drawn.current = layout;
  const wanted = useRef(zoom);
  const anchor = useRef<ZoomAnchor | null>(null);
  const zoomTo = useCallback<ZoomTo>(
    (next, offset) => {
      const el = box.current;
      if (!el || next === wanted.current) return;
      anchor.current ??= anchorAt(drawn.current, el.scrollLeft, offset ?? el.clientWidth / 2);
      wanted.current = next;
      setZoom(next);
    },
    [box, setZoom],
  );

  // Before the paint, so the diagram never shows at the new width but the old scroll. Only after a
  // zoom: reading the scroll of a box just redrawn lays the page out there and then (for a big
  // diagram, tens of milliseconds inside React's commit), and a scroll of the browser's own (one
  // clamped to a narrower diagram) reaches holdNames below as a scroll event.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !anchor.current) return;
    el.scrollLeft = scrollFor(layout, anchor.current);
    anchor.current = null;
    el.style.setProperty("--pg-names-x", `${el.scrollLeft}px`);
  }, [box, layout]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const holdNames = () => el.style.setProperty("--pg-names-x", `${el.scrollLeft}px`);
    // Not passive: Ctrl+wheel over the diagram zooms the diagram, not the page.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      zoomTo(wheelZoom(wanted.current, event.deltaY), event.clientX - el.getBoundingClientRect().left);
    };
    el.addEventListener("scroll", holdNames, { passive: true });
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      el.removeEventListener("scroll", holdNames);
      el.removeEventListener("wheel", onWheel);
    };
  }, [box, zoomTo]);
  return zoomTo;
}

/** The zoom's buttons. At a limit a button is aria-disabled, not disabled, so it keeps the focus. */
export function ZoomControls({ zoom, zoomTo }: { zoom: number; zoomTo: ZoomTo }) {
  return (
    <div className="pg-zoom" role="group" aria-label="Zoom the time axis (or Ctrl+wheel over the diagram)" data-zoom={zoom.toFixed(2)}>
      {/* The name is the button's own (hidden) text: a name that is not the visible "−" is a mismatch to axe. */}
      <button type="button" aria-disabled={zoom <= 1 || undefined} onClick={() => zoomTo(zoomStep(zoom, -1))}>
        <span aria-hidden="true">−</span>
        <span className="pg-sr-only">Zoom out</span>
      </button>
      <span className="pg-zoom-level">{zoomLabel(zoom)}</span>
      <button type="button" aria-disabled={zoom >= MAX_ZOOM || undefined} onClick={() => zoomTo(zoomStep(zoom, 1))}>
        <span aria-hidden="true">+</span>
        <span className="pg-sr-only">Zoom in</span>
      </button>
      <button type="button" aria-disabled={zoom === 1 || undefined} onClick={() => zoomTo(1)}>
        Fit
      </button>
    </div>
  );
}
