// A pane's list in a scroll box of its own that draws only what the reader can scroll to: its first
// items, then more as the reader scrolls near the end (or, for a console, the start), up to
// PANE_ITEMS; the rest are counted under it. A step of a run with a thousand tasks then re-renders and
// lays out tens of items a pane instead of hundreds, and the stepper keeps its height as it steps.
import { useState, type ReactNode, type UIEvent } from "react";
import { countText } from "../count.ts";

/** Items a pane lists at most (a run of thousands of tasks would make every step slow): the rest are counted. */
export const PANE_ITEMS = 200;
/** Items drawn until the reader scrolls: about three boxes' worth (a box shows about seven), more
 *  being drawn as the reader nears the end. Every step of a drag lays out what is drawn: 40 a pane
 *  cost a 1,000-task run's scrub 8% more main-thread time a frame than 16. */
export const FIRST_ITEMS = 20;
/** Pixels from the box's end at which the next items are drawn (a few rows). */
const NEAR_END = 80;
/** Items beyond which a box may scroll (12rem holds about seven): it then takes the keyboard's focus,
 *  so that it can be scrolled without a pointer, named by its pane's title. */
const FITS = 6;

/** A scroll box's focus and name, once it may scroll (the stepper's keys leave it its own: use-stepper.ts). */
export const scrollBox = (items: number, labelledBy: string) => (items > FITS ? { tabIndex: 0, "aria-labelledby": labelledBy, "data-scroll-box": "" } : {});

/** How many items a scroll box draws (`limit`), growing as the reader scrolls towards its end, or its
 *  start for a `tail`: pass `onScroll` to the box. A tail's box is a reversed flex column (stepper.css),
 *  so it opens at its end, its scrollTop counts up from there (≤ 0), and earlier items drawn above
 *  leave the reader's place as it was. */
export function useDrawnItems(total: number, tail = false) {
  const [limit, setLimit] = useState(FIRST_ITEMS);
  const onScroll = (event: UIEvent<HTMLElement>) => {
    if (limit >= Math.min(total, PANE_ITEMS)) return;
    const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
    const toGo = tail ? scrollHeight - clientHeight + scrollTop : scrollHeight - clientHeight - scrollTop;
    if (toGo < NEAR_END) setLimit(Math.min(limit + FIRST_ITEMS, PANE_ITEMS));
  };
  return { limit, onScroll };
}

/** "… and N more …" under a list that shows `shown` of `of` items. */
export function More({ shown, of, what }: { shown: number; of: number; what: string }) {
  return of > shown ? (
    <p className="pg-pane-note" data-pane-more>
      … and {countText(of - shown)} more {what}
    </p>
  ) : null;
}

interface PaneListProps<T> {
  items: readonly T[];
  render: (item: T, index: number) => ReactNode;
  ordered?: boolean;
  className?: string;
  /** The list's data-* hook. */
  hook?: string;
  /** What the items are, for the note on those not drawn. */
  what: string;
  /** A console: its last items are drawn, and "The last N of M" said above them. */
  tail?: boolean;
  /** The id of the pane's title, which names the box. */
  labelledBy: string;
}

export function PaneList<T>({ items, render, ordered, className, hook, what, tail = false, labelledBy }: PaneListProps<T>) {
  const { limit, onScroll } = useDrawnItems(items.length, tail);
  const shown = Math.min(items.length, limit);
  const from = tail ? items.length - shown : 0;
  // The box that scrolls: the list itself, or a console's reversed column around it.
  const box = { onScroll, ...scrollBox(shown, labelledBy) };
  const List = ordered ? "ol" : "ul";
  const list = (
    <List className={tail ? className : `pg-pane-list ${className ?? ""}`} {...(tail ? {} : box)} start={ordered && from ? from + 1 : undefined} {...(hook ? { [hook]: "" } : {})}>
      {items.slice(from, from + shown).map((item, i) => render(item, from + i))}
    </List>
  );
  if (!tail)
    return (
      <>
        {list}
        <More shown={shown} of={items.length} what={what} />
      </>
    );
  return (
    <>
      {items.length > shown ? (
        <p className="pg-pane-note" data-pane-more>
          The last {countText(shown)} of {countText(items.length)} {what}
        </p>
      ) : null}
      <div className="pg-pane-list pg-pane-tail" {...box}>
        {list}
      </div>
    </>
  );
}
