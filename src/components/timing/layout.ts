// Geometry of the timing diagram, as a pure function of a timeline: where each lane, state bar and
// axis tick goes. The view only draws what this returns.
import { partitionPoint, type Intervals, type Lane, type LaneState, type Timeline } from "../../runtime/trace/index.ts";
import { countText } from "../count.ts";

export interface Bar {
  x: number;
  width: number;
  state: LaneState;
  from: number;
  to: number;
  label?: string;
  title: string;
  /** How many intervals this bar stands for, when neighbours too narrow to see were merged. */
  merged?: number;
}

export interface LaneRow {
  /** The timeline lane's id: "thread" or "task-<id>". */
  id: string;
  name: string;
  detail?: string;
  kind: Lane["kind"];
  y: number;
  bars: Bar[];
}

export interface DiagramLayout {
  width: number;
  height: number;
  laneHeight: number;
  labelWidth: number;
  axisY: number;
  ticks: { x: number; label: string; t: number }[];
  rows: LaneRow[];
  end: number;
  /** Many lanes: thinner lanes, no labels on the bars, and on the page a scrolling box. */
  compact: boolean;
  /** So many lanes or bars that only the lanes in the box's view are drawn. */
  virtual: boolean;
  /** Where virtual time `t` is on the x axis, and back (the stepper's cursor and clicks). */
  xOf: (t: number) => number;
  timeAt: (x: number) => number;
  /** The lane with this id (the stepper's task): looked up at every step, so not by a walk of 10,000 rows. */
  rowOf: (id: string) => LaneRow | undefined;
  /** How many lanes are tasks, and threads or processes of a pool (the diagram's accessible name). */
  taskLanes: number;
  workerLanes: number;
}

const NICE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 3600, 5000];
/** The tick steps, finest first: NICE_STEPS, then 1, 2 and 5 times each power of ten from 10,000 s on. */
function* tickSteps(): Generator<number> {
  yield* NICE_STEPS;
  for (let power = 10_000; ; power *= 10) yield* [power, 2 * power, 5 * power];
}
/** A tick label's width at 12px: a digit is 6.7–7.6 px in the usual sans-serif faces (Arial,
 *  DejaVu Sans), "s" about 6.5, "." and " " under 4; and the least room between two labels. */
const tickLabelWidth = (label: string) => [...label].reduce((w, c) => w + (c >= "0" && c <= "9" ? 7.2 : c === "s" ? 6.5 : 3.8), 0);
const TICK_GAP = 6;
const tickLabel = (t: number, step: number) => `${t.toFixed(String(step).split(".")[1]?.length ?? 0)} s`;
/** The finest step that keeps about six ticks across the box at any zoom, with room for each label
 *  (the widest is the last: "14286 s" did not fit in a phone's 230 px plot at ~6 ticks). */
function tickStep(end: number, plotWidth: number, zoom: number): number {
  for (const step of tickSteps()) {
    if (end / step > 6 * zoom) continue;
    const widest = tickLabelWidth(tickLabel(Math.floor(end / step + 1e-9) * step, step)) + TICK_GAP;
    // A step past the end draws one tick ("0 s"), which always has room.
    if ((step / end) * plotWidth >= widest || step > end) return step;
  }
  throw new Error("unreachable: the steps grow without bound");
}
/** Beyond this many lanes (a gather of 160 downloads), the diagram is drawn compact. */
export const COMPACT_AFTER = 24;
const LANE_HEIGHT = 28;
/** Room above the first lane for its labels (text sits above a waiting bar). */
const TOP = 8;
/** The narrowest time axis a diagram is laid out with, beside its lane names: a box narrower than
 *  both scrolls the diagram sideways (text never shrinks). With the names' usual room (150–160:
 *  "Task-12 · fetchData()") the drawing is then 320–330 units, which a phone's run column at 390 px
 *  (332) holds. A fixed 400 for the whole drawing hid a 2 s run's last half second at 1152–1240 px
 *  (the run column 355–397). */
export const MIN_PLOT_WIDTH = 150;
/** Room right of the plot: the last tick's label ("2.0 s") is centred on the plot's end. */
export const RIGHT_PAD = 20;
/** The strip under the lanes that holds the time axis's labels. */
export const AXIS_HEIGHT = 22;
const COMPACT_LANE_HEIGHT = 18;
/** Zero-time steps (code that ran without virtual time passing) still get a visible sliver. */
export const MIN_BAR_WIDTH = 3;
/** Beyond this many lanes only the lanes in view are drawn (a run of 10,000 tasks)… */
const VIRTUAL_AFTER = 400;
/** …or beyond this many bars in a compact diagram (100 tasks that sleep 280 times: 10,000 bars, each
 *  an SVG rect with its title, took the page hundreds of milliseconds to draw and lay out at once). */
const BARS_AT_ONCE = 2_000;

const STATE_WORDS: Record<LaneState, string> = {
  running: "running",
  ready: "ready (in the queue)",
  waiting: "waiting",
  blocked: "blocked",
};

// Room for lane names: "Task-12 · fetchData()" fits the default; long worker names
// ("ThreadPoolExecutor-0_0 · thread") widen it, up to a limit (12px text, about 6.8 units a letter).
/** The room lane names need, in SVG user units (at least `least`). */
export function labelRoom(timeline: Timeline, least: number): number {
  const widest = Math.max(0, ...timeline.lanes.map((l) => (l.name.length + (l.detail ? l.detail.length + 3 : 0)) * 6.8 + 14));
  return Math.min(240, Math.max(least, Math.ceil(widest)));
}

/** How to lay out a diagram; two diagrams drawn side by side share `axisEnd` and `minLabelWidth`. */
export interface LayoutOptions {
  /** The drawing's width, in SVG user units. */
  width?: number;
  laneHeight?: number;
  minLabelWidth?: number;
  /** Where the time axis ends, if later than the run's end (so two runs compare on one scale). */
  axisEnd?: number;
  /** How many times wider than `width` the time axis is drawn (the reader's zoom); the lane names'
   *  column keeps its size, and the drawing grows by the plot's extra width. */
  zoom?: number;
}

/** Lay out lanes on a virtual-seconds axis. */
export function layoutDiagram(timeline: Timeline, { width: fitWidth = 640, laneHeight: given, minLabelWidth = 150, axisEnd = 0, zoom = 1 }: LayoutOptions = {}): DiagramLayout {
  const compact = timeline.lanes.length > COMPACT_AFTER;
  const laneHeight = given ?? (compact ? COMPACT_LANE_HEIGHT : LANE_HEIGHT);
  const labelWidth = labelRoom(timeline, minLabelWidth);
  const end = Math.max(timeline.end, axisEnd) > 0 ? Math.max(timeline.end, axisEnd) : 1;
  const plotWidth = Math.max(MIN_PLOT_WIDTH, fitWidth - labelWidth - RIGHT_PAD) * zoom;
  const width = labelWidth + plotWidth + RIGHT_PAD;
  const step = tickStep(end, plotWidth, zoom);
  const x = (t: number) => labelWidth + (t / end) * plotWidth;
  const ticks: { x: number; label: string; t: number }[] = [];
  for (let i = 0; i * step <= end + 1e-9; i++) ticks.push({ x: x(i * step), label: tickLabel(i * step, step), t: i * step });
  const timeAt = (px: number) => Math.min(timeline.end, Math.max(0, ((px - labelWidth) / plotWidth) * end));

  let taskLanes = 0;
  let workerLanes = 0;
  const plot: Plot = { x, right: labelWidth + plotWidth, width: plotWidth };
  const rows: LaneRow[] = timeline.lanes.map((lane, index) => {
    if (lane.kind === "task") taskLanes++;
    if (lane.kind === "worker") workerLanes++;
    return new LazyRow(lane, (compact ? 0 : TOP) + index * laneHeight, plot);
  });
  const axisY = (compact ? 0 : TOP) + rows.length * laneHeight + 6;
  // Counted, not laid out: laying out every row's bars to count them took the largest trace's
  // diagram (100 lanes, 84,000 intervals) 25–70 ms in one task, for rows mostly never scrolled to.
  const virtual = compact && (rows.length > VIRTUAL_AFTER || timeline.lanes.reduce((n, lane) => n + barsAtMost(lane, plotWidth), 0) > BARS_AT_ONCE);
  let byId: Map<string, LaneRow> | undefined;
  const rowOf = (id: string) => (byId ??= new Map(rows.map((row) => [row.id, row]))).get(id);
  return { width, height: axisY + AXIS_HEIGHT, laneHeight, labelWidth, axisY, ticks, rows, end: timeline.end, compact, virtual, xOf: x, timeAt, rowOf, taskLanes, workerLanes };
}

/** The plot's geometry a row's bars are laid out in. */
interface Plot {
  x: (t: number) => number;
  right: number;
  width: number;
}

/** A row whose bars are laid out when first drawn: of 10,000 lanes, only those scrolled into view
 *  are. A class, with the getter on its prototype: an object literal with a getter of its own took
 *  the 10,000-task run's layout ~16 ms in the page's first run (V8 defines the accessor anew on each). */
class LazyRow implements LaneRow {
  readonly id: string;
  readonly name: string;
  readonly detail?: string;
  readonly kind: Lane["kind"];
  readonly y: number;
  private readonly lane: Lane;
  private readonly plot: Plot;
  private laid: Bar[] | undefined = undefined;
  constructor(lane: Lane, y: number, plot: Plot) {
    this.id = lane.id;
    this.name = lane.name;
    this.detail = lane.detail;
    this.kind = lane.kind;
    this.y = y;
    this.lane = lane;
    this.plot = plot;
  }
  get bars(): Bar[] {
    return (this.laid ??= laneBars(this.lane, this.plot.x, this.plot.right, this.plot.width));
  }
}

// A waiting or ready spell of no time is not drawn; running code of no time gets a sliver.
// Intervals are read by index and field (a lane keeps them in columns: no object made for each).
const drawn = (intervals: Intervals, i: number) => {
  const state = intervals.state(i);
  return intervals.to(i) > intervals.from(i) || state === "running" || state === "blocked";
};

/** When several states share one column they are drawn as the one that took most of its time; ties
 *  go to the state listed first (a zero-time run of code still shows). */
const STATE_RANK: LaneState[] = ["running", "blocked", "ready", "waiting"];

/** How many bars laneBars gives `lane` on a plot `plotWidth` wide: exactly, or, when it merges
 *  intervals into columns, at most (one per column and one more). */
export function barsAtMost(lane: Lane, plotWidth: number): number {
  const columns = plotWidth / MIN_BAR_WIDTH;
  let shown = 0;
  // Counted only until they are more than the columns: a dense lane's 200,000 are not read here.
  for (let i = 0; i < lane.intervals.length && shown <= columns; i++) if (drawn(lane.intervals, i)) shown++;
  return shown <= columns ? shown : Math.floor(columns) + 1;
}

/** A lane's bars, `x` mapping time to the axis and `right` its right end. A lane with room gets a bar
 *  per interval. A lane with more intervals than columns of MIN_BAR_WIDTH units (a task that slept in a
 *  loop 60,000 times) gets one bar per column: the intervals that start in it merged, drawn as the
 *  state that took most of its time, its title saying what it stands for. Only the bars drawn are
 *  built: a title per interval would cost more than the rest of the layout. */
function laneBars(lane: Lane, x: (t: number) => number, right: number, plotWidth: number): Bar[] {
  const intervals = lane.intervals;
  const widthOf = (i: number) => Math.max(x(intervals.to(i)) - x(intervals.from(i)), MIN_BAR_WIDTH);
  const xOf = (i: number) => Math.min(x(intervals.from(i)), right - widthOf(i));
  if (barsAtMost(lane, plotWidth) > plotWidth / MIN_BAR_WIDTH) return denseBars(lane, xOf, widthOf);
  const bars: Bar[] = [];
  for (let i = 0; i < intervals.length; i++) if (drawn(intervals, i)) bars.push(singleBar(lane, i, xOf(i), widthOf(i)));
  return bars;
}

/** Interval `i`'s own bar. */
function singleBar(lane: Lane, i: number, x: number, width: number): Bar {
  const { from, to, state, label } = lane.intervals.at(i)!;
  const what = () => (label ? ` ${state === "waiting" ? "on" : "in"} ${label}` : "");
  // The title is worded when drawn: most bars of 10,000 lanes are never in view.
  return {
    x, width, state, from, to, label,
    get title() {
      return `${lane.name} ${STATE_WORDS[state]}${what()}, ${from.toFixed(3)}–${to.toFixed(3)} s`;
    },
  };
}

/** A dense lane's bars, one per column of MIN_BAR_WIDTH units: a column starts at the first drawn
 *  interval at least that far right of the last column's start (a bar's x grows with its interval's
 *  start, so it is found by bisection), and its intervals are read once, for their time per state. A
 *  lane may have 200,000 intervals (a task that slept until the caps stopped it), drawn the first time
 *  in one render: placing each of them, then merging them, took a 59 ms task of the page. */
function denseBars(lane: Lane, xOf: (i: number) => number, widthOf: (i: number) => number): Bar[] {
  const intervals = lane.intervals;
  const n = intervals.length;
  const drawnFrom = (i: number) => {
    while (i < n && !drawn(intervals, i)) i++;
    return i;
  };
  const bars: Bar[] = [];
  for (let first = drawnFrom(0); first < n; ) {
    // The first interval whose bar starts a column's width further on, or none.
    const column = xOf(first);
    const next = drawnFrom(partitionPoint(first + 1, n, (i) => xOf(i) < column + MIN_BAR_WIDTH));
    bars.push(mergedBar(lane, first, next, xOf, widthOf));
    first = next;
  }
  return bars;
}

/** One bar for the drawn intervals in [first, end) (`first` drawn): as the interval's own bar when it
 *  is the only one, else merged, drawn as the state that took most of their time. */
function mergedBar(lane: Lane, first: number, end: number, xOf: (i: number) => number, widthOf: (i: number) => number): Bar {
  const intervals = lane.intervals;
  const time: Record<LaneState, number> = { running: 0, blocked: 0, ready: 0, waiting: 0 };
  const present = new Set<LaneState>();
  let count = 0;
  let last = first;
  for (let i = first; i < end; i++) {
    if (!drawn(intervals, i)) continue;
    const state = intervals.state(i);
    time[state] += intervals.to(i) - intervals.from(i);
    present.add(state);
    count++;
    last = i;
  }
  if (count === 1) return singleBar(lane, first, xOf(first), widthOf(first));
  const laneName = lane.name;
  const states = STATE_RANK.filter((s) => present.has(s));
  const state = states.reduce((best, s) => (time[s] > time[best] ? s : best), states[0]);
  const [from, to] = [intervals.from(first), intervals.to(last)];
  return {
    x: xOf(first),
    width: Math.max(xOf(last) + widthOf(last) - xOf(first), MIN_BAR_WIDTH),
    state,
    from,
    to,
    merged: count,
    // Worded when drawn, as singleBar's.
    get title() {
      const spent = states.map((s) => `${s} ${time[s].toFixed(3)} s`).join(", ");
      return `${laneName}: ${countText(count)} intervals, ${from.toFixed(3)}–${to.toFixed(3)} s (${spent})`;
    },
  };
}
