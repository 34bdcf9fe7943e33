// The timing diagram: one lane per thread and task, each state drawn by shape and pattern as well as
// colour (Okabe–Ito palette), on a virtual-seconds axis. Pure: a trace in, an SVG out. Linked to the
// stepper when one is given: it marks the step's time, a click jumps the stepper to that point, and
// the diagram is one tab stop whose arrow keys move between the steps.
import { memo, startTransition, useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from "react";
import { stepAtTime, type Timeline } from "../../runtime/trace/index.ts";
import type { StepperModel } from "../stepper/use-stepper.ts";
import { AXIS_HEIGHT, RIGHT_PAD, layoutDiagram, type Bar, type DiagramLayout, type LayoutOptions } from "./layout.ts";
import { ZoomControls, useTimeZoom } from "./TimeZoom.tsx";
import { countText } from "../count.ts";

const LEGEND: { state: Bar["state"]; text: string }[] = [
  { state: "running", text: "running (solid)" },
  { state: "ready", text: "ready, in the queue (stripes)" },
  { state: "waiting", text: "waiting (thin bar)" },
  { state: "blocked", text: "blocked (cross-hatch)" },
];

/** Bars this wide or wider have rounded corners. Narrower, the rounding cannot be seen, and Chromium
 *  lays out and paints a rounded rect as a path, a plain one by its fast path: most bars of a dense
 *  lane are 3 units wide (MIN_BAR_WIDTH). */
const ROUNDED_FROM = 6;

/** A bar's height and top in its lane: in proportion to the lane, so compact lanes keep a waiting
 *  bar thinner than a running one. */
function barGeometry(state: Bar["state"], laneHeight: number): { y: number; height: number } {
  return state === "waiting" ? { y: laneHeight * 0.35, height: laneHeight * 0.3 } : { y: laneHeight * 0.15, height: laneHeight * 0.7 };
}

function barFill(state: Bar["state"], idPrefix: string): string {
  return state === "running" ? "var(--pg-running)" : state === "waiting" ? "var(--pg-waiting-fill)" : `url(#${idPrefix}-${state})`;
}

function BarShape({ bar, laneHeight, idPrefix }: { bar: Bar; laneHeight: number; idPrefix: string }) {
  const geometry = barGeometry(bar.state, laneHeight);
  const fill = barFill(bar.state, idPrefix);
  return (
    <rect
      className={`pg-bar pg-${bar.state}`}
      data-state={bar.state}
      data-from={bar.from.toFixed(3)}
      data-to={bar.to.toFixed(3)}
      data-label={bar.label}
      data-merged={bar.merged}
      x={bar.x}
      width={bar.width}
      rx={bar.width >= ROUNDED_FROM ? 2 : undefined}
      fill={fill}
      {...geometry}
    >
      <title>{bar.title}</title>
    </rect>
  );
}

/** A lane with more intervals than columns (layout.ts merges them, a bar a column): its bars drawn as
 *  one path per state. A rect with its title per bar made the largest trace's window of 45 lanes
 *  ~1,700 rounded rects (~5,200 nodes with their titles), which Chromium laid out in one task of
 *  40–60 ms on a slow machine. Each path
 *  says what its bars stand for; a click on the lane still steps to that time. */
function DenseBars({ bars, laneName, laneHeight, idPrefix }: { bars: Bar[]; laneName: string; laneHeight: number; idPrefix: string }) {
  const shapes = denseShapes(bars, laneHeight);
  return (
    <>
      {LEGEND.filter(({ state }) => shapes.has(state)).map(({ state }) => {
        const shape = shapes.get(state)!;
        return (
          <path key={state} className={`pg-bar pg-${state}`} data-state={state} data-bars={shape.bars} d={shape.d} fill={barFill(state, idPrefix)}>
            <title>{`${laneName}: ${state} most of the time in ${countText(shape.bars)} of its columns (${countText(shape.intervals)} intervals); click a point for its step`}</title>
          </path>
        );
      })}
    </>
  );
}

/** A dense lane's path per state, its bars and the intervals they stand for. */
type DenseShapes = Map<Bar["state"], { d: string; bars: number; intervals: number }>;

/** The shapes of a lane's bars, worked out once for each layout's lane (its bars, and the lane's
 *  height, are the layout's): a lane scrolled out of the box and back, as the box follows the
 *  stepper's lane from step to step, was worked out again each time (3.7 ms of a step of the largest
 *  trace, in a CPU profile). */
const denseShapesOf = new WeakMap<readonly Bar[], DenseShapes>();

function denseShapes(bars: readonly Bar[], laneHeight: number): DenseShapes {
  const known = denseShapesOf.get(bars);
  if (known) return known;
  const shapes: DenseShapes = new Map();
  for (const bar of bars) {
    const { y, height } = barGeometry(bar.state, laneHeight);
    let shape = shapes.get(bar.state);
    if (!shape) shapes.set(bar.state, (shape = { d: "", bars: 0, intervals: 0 }));
    shape.d += `M${round(bar.x)} ${round(y)}h${round(bar.width)}v${round(height)}h${round(-bar.width)}z`;
    shape.bars++;
    shape.intervals += bar.merged ?? 1;
  }
  denseShapesOf.set(bars, shapes);
  return shapes;
}

const round = (n: number) => Math.round(n * 100) / 100;

function Patterns({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      <pattern id={`${idPrefix}-ready`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="var(--pg-ready-bg)" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--pg-ready)" strokeWidth="3" />
      </pattern>
      <pattern id={`${idPrefix}-blocked`} patternUnits="userSpaceOnUse" width="6" height="6">
        <rect width="6" height="6" fill="var(--pg-blocked-bg)" />
        <path d="M0,0 L6,6 M6,0 L0,6" stroke="var(--pg-blocked)" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

// Colours and fonts for an SVG file on its own (the page supplies these from playground.css).
const STANDALONE_STYLE = `svg { --pg-running: #0072b2; --pg-ready: #e69f00; --pg-ready-bg: rgb(230 159 0 / 0.18);
  --pg-waiting: #56b4e9; --pg-waiting-fill: rgb(86 180 233 / 0.45); --pg-blocked: #d55e00; --pg-blocked-bg: rgb(213 94 0 / 0.22); }
text { font: 12px sans-serif; fill: #222; } .pg-tick line, .pg-lane-base { stroke: #ccc; stroke-dasharray: 2 3; }
.pg-tick text, .pg-lane-detail, .pg-bar-label { fill: #666; font-size: 12px; } .pg-running { stroke: var(--pg-running); }
.pg-ready { stroke: var(--pg-ready); } .pg-waiting { stroke: var(--pg-waiting); } .pg-blocked { stroke: var(--pg-blocked); }`;

/** The strip under a standalone diagram that holds its legend (a file has no page around it). */
const LEGEND_HEIGHT = 26;

function SvgLegend({ layout, idPrefix }: { layout: DiagramLayout; idPrefix: string }) {
  const step = Math.max(120, (layout.width - 12) / LEGEND.length);
  return (
    <g className="pg-svg-legend" data-legend transform={`translate(6 ${layout.height + 4})`}>
      {LEGEND.map(({ state, text }, i) => (
        <g key={state} transform={`translate(${i * step} 0)`}>
          <BarShape bar={{ x: 0, width: 18, state, from: 0, to: 0, title: text }} laneHeight={18} idPrefix={idPrefix} />
          <text x={24} y={13}>
            {text.split(" (")[0]}
          </text>
        </g>
      ))}
    </g>
  );
}

/** What hides the bars passing under a lane's name: its lane's height, and for the first and the last
 *  lane the margin above or below too (or the grid lines would show there). A few units up, too: a
 *  bar's label rises a little out of its lane. */
function LabelBackground({ layout, row }: { layout: DiagramLayout; row: DiagramLayout["rows"][number] }) {
  const top = row === layout.rows[0] ? -row.y : -3;
  const bottom = row === layout.rows.at(-1) ? layout.axisY - row.y : layout.laneHeight;
  return <rect className="pg-lane-label-bg" y={top} width={layout.labelWidth - 1} height={bottom - top} />;
}

/** A one-line description of the diagram, for its accessible name. */
function summaryOf({ taskLanes: tasks, workerLanes: workers, end }: DiagramLayout): string {
  const also = workers ? ` and ${workers} thread${workers === 1 ? "" : "s"} or process${workers === 1 ? "" : "es"}` : "";
  return `Timing diagram: ${tasks} task${tasks === 1 ? "" : "s"}${also} over ${end.toFixed(3)} seconds.`;
}

/** Where the stepper is: a line across every lane at its time, and a ring on its task's lane. */
function Cursor({ layout, t, lane }: { layout: DiagramLayout; t: number; lane?: string }) {
  const x = layout.xOf(t);
  const row = lane === undefined ? undefined : layout.rowOf(lane);
  return (
    <g className="pg-cursor" data-cursor data-t={t.toFixed(3)} aria-hidden="true">
      <line x1={x} x2={x} y1={0} y2={layout.axisY} />
      <path d={`M${x - 5},${layout.axisY} L${x + 5},${layout.axisY} L${x},${layout.axisY - 7} Z`} />
      {row ? <circle cx={x} cy={row.y + layout.laneHeight / 2} r={6} /> : null}
    </g>
  );
}

function TickLabel({ layout, tick }: { layout: DiagramLayout; tick: DiagramLayout["ticks"][number] }) {
  return (
    <text x={tick.x} y={layout.axisY + 14} textAnchor="middle">
      {tick.label}
    </text>
  );
}

/** The lanes in a scrolling box's view: indexes [first, end), of a window `slots` lanes tall (fewer
 *  only in a diagram of fewer lanes). */
interface RowsInView {
  first: number;
  end: number;
  slots: number;
}

interface LanesProps {
  layout: DiagramLayout;
  idPrefix: string;
  standalone: boolean;
  rowsInView?: RowsInView;
  /** The ticks' labels under the lanes (a scrolling diagram draws them in an axis of its own). */
  tickLabels: boolean;
}

/** The lanes to draw, each with its React key. A window of lanes in view keys each by its slot
 *  (index mod the window's full size) and draws them in slot order: as the window moves, a lane that
 *  leaves gives its element to the one that comes in (updated in place, its y a transform), where
 *  inserting a lane's group made the browser restyle every element of the diagram (a sibling rule of
 *  the page's, `* + *`, invalidates all that follows an inserted node). */
function keyedRows(rows: DiagramLayout["rows"], rowsInView: RowsInView | undefined): [string, DiagramLayout["rows"][number]][] {
  if (!rowsInView) return rows.map((row) => [row.name, row]);
  const { first, end, slots } = rowsInView;
  const keyed: [string, DiagramLayout["rows"][number]][] = [];
  for (let slot = 0; slot < slots; slot++) {
    // The lane of the window in this slot: the one whose index is slot, mod slots (if there is one).
    const index = first + ((((slot - first) % slots) + slots) % slots);
    if (index < Math.min(end, rows.length)) keyed.push([`slot-${slot}`, rows[index]]);
  }
  return keyed;
}

interface LaneProps {
  row: DiagramLayout["rows"][number];
  layout: DiagramLayout;
  idPrefix: string;
  standalone: boolean;
}

/** One lane and its bars: memoised too, so that a window of lanes that scrolls redraws only the lanes
 *  that come into it (stepping through the largest trace scrolled the box to each step's lane, and
 *  worked out the paths of all 45 dense lanes in view again: 3 ms a step). */
const Lane = memo(function Lane({ row, layout, idPrefix, standalone }: LaneProps) {
  return (
    <g data-lane={row.name} data-lane-kind={row.kind} transform={`translate(0 ${row.y})`}>
      <line className="pg-lane-base" x1={layout.labelWidth} x2={layout.width - RIGHT_PAD} y1={layout.laneHeight / 2} y2={layout.laneHeight / 2} />
      {row.bars.some((bar) => bar.merged !== undefined) ? (
        <DenseBars bars={row.bars} laneName={row.name} laneHeight={layout.laneHeight} idPrefix={idPrefix} />
      ) : (
        row.bars.map((bar, i) => <BarShape key={i} bar={bar} laneHeight={layout.laneHeight} idPrefix={idPrefix} />)
      )}
      {row.bars.map((bar, i) =>
        !layout.compact && bar.state === "waiting" && bar.label && bar.width > bar.label.length * 7 + 8 ? (
          <text key={`label-${i}`} className="pg-bar-label" x={bar.x + 4} y={layout.laneHeight / 2 - 6} aria-hidden="true">
            {bar.label.startsWith("idle") ? "idle" : bar.label}
          </text>
        ) : null,
      )}
      {/* Last, over the bars: in a box scrolled sideways the name rides along on its own background. */}
      <g className="pg-lane-label">
        {standalone ? null : <LabelBackground layout={layout} row={row} />}
        <text className="pg-lane-name" x={6} y={layout.laneHeight / 2 + 4}>
          {row.name}
          {row.detail ? <tspan className="pg-lane-detail"> · {row.detail}</tspan> : null}
        </text>
      </g>
    </g>
  );
});

/** The grid and every lane's bars: memoised, so that moving the stepper redraws only its cursor (a
 *  thousand-task diagram has hundreds of bars in view, and the cursor moves on every step). */
const Lanes = memo(function Lanes({ layout, idPrefix, standalone, rowsInView, tickLabels }: LanesProps) {
  return (
    <>
      {layout.ticks.map((tick) => (
        <g key={tick.label} className="pg-tick" data-tick={tick.t.toFixed(3)}>
          <line x1={tick.x} x2={tick.x} y1={0} y2={layout.axisY} />
          {tickLabels ? <TickLabel layout={layout} tick={tick} /> : null}
        </g>
      ))}
      {keyedRows(layout.rows, rowsInView).map(([key, row]) => (
        <Lane key={key} row={row} layout={layout} idPrefix={idPrefix} standalone={standalone} />
      ))}
    </>
  );
});

interface SvgProps {
  timeline: Timeline;
  idPrefix: string;
  standalone?: boolean;
  /** The stepper's time, and the lane of the task its step is about. */
  cursor?: { t: number; lane?: string };
  /** A click at virtual time `t` on `lane`; `tolerance` is a few pixels, in seconds. */
  onPick?: (t: number, lane: string | undefined, tolerance: number) => void;
  /** The layout, when the caller has it already. */
  layout?: DiagramLayout;
  /** Draw only these lanes (indexes [first, end)), the rest being out of view. */
  rowsInView?: RowsInView;
}

/** Just the SVG of a run's diagram, styled for use as a file of its own (the CLI's --svg). */
export function TimingDiagramSvg({ timeline, idPrefix, standalone = false, cursor, onPick, layout: given, rowsInView }: SvgProps) {
  const layout = useMemo(() => given ?? layoutDiagram(timeline), [given, timeline]);
  const summary = summaryOf(layout);
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    const scale = layout.width / box.width;
    const x = (event.clientX - box.left) * scale;
    const y = (event.clientY - box.top) * scale;
    const row = layout.rows.find((r) => y >= r.y && y < r.y + layout.laneHeight);
    onPick(layout.timeAt(x), row?.id, layout.timeAt(layout.labelWidth + 6 * scale) - layout.timeAt(layout.labelWidth));
  };
  // A compact diagram on the page scrolls in a box, its axis held at the box's bottom edge.
  const scrolls = layout.compact && !standalone;
  const lanes = (
    <svg
      onClick={onPick ? pick : undefined}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${layout.width} ${scrolls ? layout.axisY + 2 : layout.height + (standalone ? LEGEND_HEIGHT : 0)}`}
      role="img"
      aria-label={summary}
      className={layout.compact ? "pg-compact" : undefined}
      width={layout.width}
      height={standalone ? layout.height + LEGEND_HEIGHT : undefined}
    >
      {standalone ? <style>{STANDALONE_STYLE}</style> : null}
      <Patterns idPrefix={idPrefix} />
      <Lanes layout={layout} idPrefix={idPrefix} standalone={standalone} rowsInView={rowsInView} tickLabels={!scrolls} />
      {cursor ? <Cursor layout={layout} t={cursor.t} lane={cursor.lane} /> : null}
      {standalone ? <SvgLegend layout={layout} idPrefix={idPrefix} /> : null}
    </svg>
  );
  if (!scrolls) return lanes;
  return (
    <>
      {lanes}
      <svg className="pg-timing-axis pg-tick" viewBox={`0 ${layout.axisY} ${layout.width} ${AXIS_HEIGHT}`} width={layout.width} aria-hidden="true">
        {layout.ticks.map((tick) => (
          <TickLabel key={tick.label} layout={layout} tick={tick} />
        ))}
      </svg>
    </>
  );
}

/** What a scrolling box shows: its scroll offsets and inner size, in px. */
interface BoxView {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Call `listener` whenever the box scrolls or changes size; returns how to stop. */
function onScrollOrResize(el: HTMLElement, listener: () => void): () => void {
  el.addEventListener("scroll", listener, { passive: true });
  const resize = new ResizeObserver(listener);
  resize.observe(el);
  return () => {
    el.removeEventListener("scroll", listener);
    resize.disconnect();
  };
}

/** Where the box stands, kept from its scroll events and size changes. The effects that keep the
 *  stepper in sight read it here: reading the box itself just after a step has changed the page makes
 *  the browser lay out the whole page there and then, on every step (Chrome's trace of a 1,000-task
 *  run being scrubbed). Scrolling the box still does, but only when the lane or time leaves sight. */
function useBoxView(box: RefObject<HTMLDivElement | null>): RefObject<BoxView | null> {
  const view = useRef<BoxView | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => (view.current = { top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
    read();
    return onScrollOrResize(el, read);
  }, [box]);
  return view;
}

/** Keep the stepper's lane in sight in a scrolling diagram, scrolling the box only (never the page). */
function useLaneInSight(box: RefObject<HTMLDivElement | null>, view: RefObject<BoxView | null>, layout: DiagramLayout, lane: string | undefined) {
  useEffect(() => {
    const el = box.current;
    const at = view.current;
    const row = lane === undefined ? undefined : layout.rowOf(lane);
    if (!el || !at || !row) return;
    // The diagram is drawn at its size: one SVG unit is one CSS pixel.
    const top = row.y;
    const bottom = row.y + layout.laneHeight;
    const axis = AXIS_HEIGHT;
    // Noted at once (the scroll event comes later), so the next step sees where the box went.
    if (top < at.top || bottom > at.top + at.height - axis) return scrollInFrame(el, "scrollTop", (at.top = Math.max(0, top - at.height / 3)));
  }, [box, view, layout, lane]);
}

/** Scroll `el` in the coming animation frame, not at once; returns how to call it off. Set now, just
 *  after a step has changed the page, a scroll offset makes the browser lay out the whole page there
 *  and then (to clamp it), and the editor's measuring in the coming frame lays it out again with its
 *  new marks (CodeMirror's requestMeasure): in the frame, both come after every change of the step. */
function scrollInFrame(el: HTMLElement, axis: "scrollTop" | "scrollLeft", to: number): () => void {
  const frame = requestAnimationFrame(() => (el[axis] = to));
  return () => cancelAnimationFrame(frame);
}

/** Keep the stepper's time in sight in a diagram scrolled sideways (zoomed, or wider than its box):
 *  when the step moves, not when the zoom does (that keeps what the reader zoomed at). */
function useTimeInSight(box: RefObject<HTMLDivElement | null>, view: RefObject<BoxView | null>, layout: DiagramLayout, t: number | undefined) {
  const drawn = useRef(layout);
  drawn.current = layout;
  useEffect(() => {
    const el = box.current;
    const at = view.current;
    if (!el || !at || t === undefined) return;
    const { xOf, labelWidth } = drawn.current;
    const x = xOf(t);
    // The lane names cover the box's first labelWidth px.
    if (x < at.left + labelWidth || x > at.left + at.width - RIGHT_PAD) return scrollInFrame(el, "scrollLeft", (at.left = Math.max(0, x - labelWidth - (at.width - labelWidth) / 3)));
  }, [box, view, t]);
}

/** Lanes drawn beyond the box's edges, so a quick scroll shows no gap. */
const OVERSCAN_LANES = 10;

/** A diagram of many lanes (or bars: layout.ts) draws only those in its scrolling box's view (the server draws the first). */
function useRowsInView(box: RefObject<HTMLDivElement | null>, view: RefObject<BoxView | null>, layout: DiagramLayout): RowsInView | undefined {
  const { virtual } = layout;
  const [range, setRange] = useState<RowsInView>({ first: 0, end: 2 * OVERSCAN_LANES, slots: 2 * OVERSCAN_LANES });
  useEffect(() => {
    const el = box.current;
    if (!virtual || !el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const at = view.current;
      if (!at) return;
      const lane = layout.laneHeight;
      const top = Math.floor(at.top / lane) - OVERSCAN_LANES;
      const bottom = Math.ceil((at.top + at.height) / lane) + OVERSCAN_LANES;
      // As many lanes at the edges as between them (more below the top, more above the bottom), so
      // that the slots stay filled and leaving an edge inserts no lane.
      const slots = bottom - top;
      const first = Math.max(0, Math.min(top, layout.rows.length - slots));
      const end = Math.min(layout.rows.length, first + slots);
      // A transition: the lanes coming into view are rendered in slices between frames. Rendered at
      // once, a window grown from the first guess (20 lanes) to the box's full height (45: the largest
      // trace's ~1,700 bars) held the page for ~90 ms after the diagram was first painted.
      startTransition(() => setRange((old) => (old.first === first && old.end === end && old.slots === slots ? old : { first, end, slots })));
    };
    const schedule = () => (frame ||= requestAnimationFrame(measure));
    measure();
    const stop = onScrollOrResize(el, schedule);
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [box, view, layout, virtual]);
  return virtual ? range : undefined;
}

/** The link to a stepper: its model, and whether the page is hydrated (keys and clicks work). */
export interface DiagramLink {
  model: StepperModel;
  interactive: boolean;
}

/** What the fills mean: one line under a diagram (or under two drawn side by side). */
export function Legend({ idPrefix }: { idPrefix: string }) {
  return (
    <p className="pg-legend">
      {LEGEND.map(({ state, text }) => (
        <span key={state} className="pg-legend-item">
          <svg width="22" height="20" aria-hidden="true">
            <BarShape bar={{ x: 0, width: 22, state, from: 0, to: 0, title: text }} laneHeight={20} idPrefix={idPrefix} />
          </svg>
          {text}
        </span>
      ))}
    </p>
  );
}

interface TimingDiagramProps {
  timeline: Timeline;
  /** Keeps SVG pattern ids unique on the page. */
  idPrefix: string;
  link?: DiagramLink;
  /** Size and time scale (side-by-side diagrams share one). */
  layoutOptions?: LayoutOptions;
  /** False when the caller draws one legend for several diagrams. */
  legend?: boolean;
  /** Whose diagram ("Playground gather-demo"): tells its box from the page's other diagrams. */
  owner?: string;
}

/** The width of the diagram's box, once it is measured (until then, and without the page's scripts, unknown). */
function useBoxWidth(box: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);
  return width;
}

/** The diagram for one run, with its legend and, once the page runs, its zoom. */
export function TimingDiagram({ timeline, idPrefix, link, layoutOptions, legend = true, owner }: TimingDiagramProps) {
  const end = timeline.end;
  const figure = useRef<HTMLElement>(null);
  const boxWidth = useBoxWidth(figure);
  // Drawn at the box's own width, so text is as large as it is set (12px); narrower boxes scroll it.
  const { laneHeight, minLabelWidth, axisEnd } = layoutOptions ?? {};
  // Before the box is measured (the build's render, all that a page without scripts shows), at the
  // narrowest (0: layoutDiagram's least plot beside the names), which fits any box as wide: the
  // studio's run column at any width, a phone's at 390 px; layoutDiagram's default 640 hid the run's end.
  const width = layoutOptions?.width ?? boxWidth ?? 0;
  const [zoom, setZoom] = useState(1);
  const layout = useMemo(() => layoutDiagram(timeline, { width, laneHeight, minLabelWidth, axisEnd, zoom }), [timeline, width, laneHeight, minLabelWidth, axisEnd, zoom]);
  const summary = summaryOf(layout);
  const current = link?.model.steps.at(link.model.step);
  const cursor = current ? { t: current.t, lane: current.task === undefined ? undefined : `task-${current.task}` } : undefined;
  const onPick = link?.interactive
    ? (t: number, lane: string | undefined, tolerance: number) => {
        const task = lane?.startsWith("task-") ? Number(lane.slice(5)) : undefined;
        link.model.go(stepAtTime(link.model.steps, t, { task, tolerance }));
      }
    : undefined;
  const box = useRef<HTMLDivElement>(null);
  const zoomTo = useTimeZoom(box, layout, zoom, setZoom);
  const boxView = useBoxView(box);
  // While the reader sweeps through the steps (drags the slider, holds an arrow key) the diagram
  // holds still up and down as the cursor moves across it, and scrolls to the step's lane once the
  // slider or key is let go: following the lane of every step swept over jumped the box from lane to
  // lane on each frame, drawing a new window of lanes each time.
  useLaneInSight(box, boxView, layout, link?.model.sweeping ? undefined : cursor?.lane);
  useTimeInSight(box, boxView, layout, cursor?.t);
  const rowsInView = useRowsInView(box, boxView, layout);
  const svg = <TimingDiagramSvg timeline={timeline} idPrefix={idPrefix} cursor={cursor} onPick={onPick} layout={layout} rowsInView={rowsInView} />;
  const count = link?.model.steps.length ?? 0;
  const sliding = link?.interactive && current;
  const plot =
    sliding ? (
      // One tab stop: a slider over the stepper's steps, whose value is the step and its sentence.
      <div
        className="pg-timing-plot"
        role="slider"
        tabIndex={0}
        aria-label={`${summary} Arrow keys move between events; click a point to step there.`}
        aria-valuemin={1}
        aria-valuemax={count}
        aria-valuenow={link.model.step + 1}
        aria-valuetext={`Step ${link.model.step + 1} of ${count}, t=${current.t.toFixed(3)} s: ${current.narration}`}
        onKeyDown={link.model.onKeyDown}
        data-diagram-focus
      >
        {svg}
      </div>
    ) : (
      svg
    );
  const focusable = !sliding;
  return (
    <figure className="pg-timing" data-timing-diagram data-end={end.toFixed(3)} ref={figure}>
      {/* The zoom needs the page's scripts: without them there is no button that does nothing. */}
      {boxWidth === undefined ? null : <ZoomControls zoom={zoom} zoomTo={zoomTo} />}
      {/* A div in the same place either way: React keeps the one element, and the zoom's listeners on it.
          It scrolls (many lanes, zoomed, or drawn before the page's scripts measured its box), so it is
          a tab stop of its own unless the slider inside is one. */}
      <div
        className={layout.compact ? "pg-timing-scroll" : "pg-timing-wide"}
        ref={box}
        tabIndex={focusable ? 0 : undefined}
        role={focusable ? "region" : undefined}
        aria-label={focusable ? `${owner ? `${owner}: ` : ""}${summary}` : undefined}
      >
        {plot}
      </div>
      {legend ? (
        <figcaption>
          <Legend idPrefix={idPrefix} />
        </figcaption>
      ) : null}
    </figure>
  );
}
