// The reader's zoom on a timing diagram's time axis, as plain numbers: how far each control zooms,
// and where to scroll so that the moment the reader zoomed at stays where it was on screen.
import type { DiagramLayout } from "./layout.ts";

/** 1 fits the box; beyond 32 a second of a long run would be thousands of pixels wide for nothing. */
export const MAX_ZOOM = 32;

export const clampZoom = (zoom: number): number => Math.min(MAX_ZOOM, Math.max(1, zoom));

/** The + and − buttons: twice or half as wide. */
export const zoomStep = (zoom: number, direction: 1 | -1): number => clampZoom(zoom * 2 ** direction);

/** Ctrl+wheel (and a trackpad's pinch, which Chromium reports as one): smooth, so that a pinch's
 *  many small events zoom gradually; a mouse wheel's notch (deltaY ±100) is about ×1.4. */
export const wheelZoom = (zoom: number, deltaY: number): number => clampZoom(zoom * Math.exp(-deltaY / 300));

/** How the zoom reads beside the buttons. */
export const zoomLabel = (zoom: number): string => `×${zoom < 10 ? zoom.toFixed(1) : Math.round(zoom)}`;

/** A moment on the time axis, held at `offset` CSS px from the scrolling box's left edge. */
export interface ZoomAnchor {
  t: number;
  offset: number;
}

/** The moment under `offset` px of a box scrolled to `scrollLeft` (the diagram is drawn at 1 unit a px). */
export const anchorAt = (layout: DiagramLayout, scrollLeft: number, offset: number): ZoomAnchor => ({ t: layout.timeAt(scrollLeft + offset), offset });

/** Where to scroll a box so the anchored moment is back under its offset in the new layout. */
export const scrollFor = (layout: DiagramLayout, anchor: ZoomAnchor): number => Math.max(0, layout.xOf(anchor.t) - anchor.offset);
