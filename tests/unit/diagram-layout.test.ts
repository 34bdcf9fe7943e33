// The timing diagram's geometry for runs too big to draw bar by bar: a lane of 60,000 sleeps is drawn
// in at most one bar per column, every interval accounted for, and a lesson-sized lane keeps each bar.
// Zoomed, the time axis is wider (the names' column is not), bars are merged at the zoomed width, the
// ticks keep their spacing, and the moment zoomed at stays under the pointer.
import { describe, expect, it } from "vitest";
import { barsAtMost, layoutDiagram, MIN_BAR_WIDTH, MIN_PLOT_WIDTH, RIGHT_PAD } from "../../src/components/timing/layout.ts";
import { anchorAt, clampZoom, MAX_ZOOM, scrollFor, wheelZoom, zoomStep } from "../../src/components/timing/zoom.ts";
import { Intervals, type Interval, type Lane, type Timeline } from "../../src/runtime/trace/index.ts";

/** A task that runs for no time, then sleeps one second, `n` times (a `while (true) await sleep(1)`). */
function sleeper(n: number): Lane {
  const intervals: Interval[] = [];
  for (let i = 0; i < n; i++) {
    intervals.push({ from: i, to: i, state: "running", seq: 2 * i });
    intervals.push({ from: i, to: i + 1, state: "waiting", label: "sleep(1)", seq: 2 * i + 1 });
  }
  return { id: "task-1", kind: "task", name: "Task-1", detail: "main()", intervals: Intervals.of(intervals) };
}

describe("layoutDiagram's width", () => {
  const named = (name: string, detail: string): Timeline => ({ lanes: [{ ...sleeper(2), name, detail }], end: 2 });

  it("is the box's, for any box with room for the names and the least time axis", () => {
    for (const width of [332, 355, 416, 640]) {
      const layout = layoutDiagram(named("Task-1", "main()"), { width });
      expect(layout.width).toBe(width);
      expect(layout.width - layout.labelWidth - RIGHT_PAD).toBeGreaterThanOrEqual(MIN_PLOT_WIDTH);
    }
  });

  it("at its narrowest (before the box is measured) fits a phone's run column at 390 px (332) with the usual names", () => {
    const layout = layoutDiagram(named("Task-12", "fetchData()"), { width: 0 });
    expect(layout.width - layout.labelWidth - RIGHT_PAD).toBe(MIN_PLOT_WIDTH);
    expect(layout.width).toBeLessThanOrEqual(332);
  });

  it("keeps the least time axis beside long names, wider than a narrow box (which scrolls it)", () => {
    const layout = layoutDiagram(named("ThreadPoolExecutor-0_0", "thread"), { width: 332 });
    expect(layout.labelWidth).toBeGreaterThan(150);
    expect(layout.width - layout.labelWidth - RIGHT_PAD).toBe(MIN_PLOT_WIDTH);
    expect(layout.width).toBeGreaterThan(332);
    // Zoomed, the least axis is what grows.
    const zoomed = layoutDiagram(named("ThreadPoolExecutor-0_0", "thread"), { width: 332, zoom: 4 });
    expect(zoomed.width - zoomed.labelWidth - RIGHT_PAD).toBe(4 * MIN_PLOT_WIDTH);
  });
});

describe("layoutDiagram for long runs", () => {
  it("draws a lane of 60,000 sleeps in no more bars than columns, covering the whole run", () => {
    const timeline: Timeline = { lanes: [sleeper(60_000)], end: 60_000 };
    const layout = layoutDiagram(timeline, { width: 640 });
    const { bars } = layout.rows[0];
    const plotWidth = 640 - layout.labelWidth - RIGHT_PAD;
    expect(bars.length).toBeLessThanOrEqual(Math.ceil(plotWidth / MIN_BAR_WIDTH) + 1);
    // Every interval is in exactly one bar, and the bars follow each other from 0 to the end.
    expect(bars.reduce((sum, bar) => sum + (bar.merged ?? 1), 0)).toBe(120_000);
    expect(bars[0].from).toBe(0);
    expect(bars.at(-1)!.to).toBe(60_000);
    for (let i = 1; i < bars.length; i++) expect(bars[i].from).toBe(bars[i - 1].to);
    // Each column is almost all sleeping: drawn as waiting, its title saying what it stands for.
    expect(new Set(bars.map((b) => b.state))).toEqual(new Set(["waiting"]));
    expect(bars[1].title).toMatch(/^Task-1: [\d,]+ intervals, [\d.]+–[\d.]+ s \(running 0\.000 s, waiting [\d.]+ s\)$/);
  });

  it("keeps every bar of a lane that has room for them", () => {
    const timeline: Timeline = { lanes: [sleeper(3)], end: 3 };
    const { bars } = layoutDiagram(timeline).rows[0];
    expect(bars.map((b) => [b.state, b.from, b.to, b.merged])).toEqual([
      ["running", 0, 0, undefined],
      ["waiting", 0, 1, undefined],
      ["running", 1, 1, undefined],
      ["waiting", 1, 2, undefined],
      ["running", 2, 2, undefined],
      ["waiting", 2, 3, undefined],
    ]);
  });

  it("draws a column of mostly running time as running", () => {
    const intervals: Interval[] = [];
    for (let i = 0; i < 5_000; i++) {
      intervals.push({ from: i, to: i + 0.9, state: "running", seq: 2 * i });
      intervals.push({ from: i + 0.9, to: i + 1, state: "ready", seq: 2 * i + 1 });
    }
    const busy: Lane = { id: "task-1", kind: "task", name: "Task-1", intervals: Intervals.of(intervals) };
    const { bars } = layoutDiagram({ lanes: [busy], end: 5_000 }).rows[0];
    expect(bars.length).toBeLessThan(300);
    expect(new Set(bars.map((b) => b.state))).toEqual(new Set(["running"]));
  });

  it("merges a lane of mixed states and zero-time steps column by column: each drawn interval in one bar, in order, each column's bar the state that took most of its time", () => {
    // 40,000 intervals of every state, a third of them taking no time (waiting or ready for no time
    // is not drawn), at a fixed seed.
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const states = ["running", "ready", "waiting", "blocked"] as const;
    const intervals: Interval[] = [];
    let t = 0;
    for (let i = 0; i < 40_000; i++) {
      const spent = random() < 1 / 3 ? 0 : random();
      intervals.push({ from: t, to: t + spent, state: states[Math.floor(random() * 4)], seq: i });
      t += spent;
    }
    const drawnOnes = intervals.filter((iv) => iv.to > iv.from || iv.state === "running" || iv.state === "blocked");
    const layout = layoutDiagram({ lanes: [{ id: "task-1", kind: "task", name: "Task-1", intervals: Intervals.of(intervals) }], end: t }, { width: 900 });
    const { bars } = layout.rows[0];
    expect(bars.length).toBeLessThanOrEqual(Math.ceil((900 - layout.labelWidth - RIGHT_PAD) / MIN_BAR_WIDTH) + 1);
    // The bars take the drawn intervals in order, each once: bar k's first is the one after bar k-1's last.
    let next = 0;
    for (const bar of bars) {
      const group = drawnOnes.slice(next, next + (bar.merged ?? 1));
      expect([bar.from, bar.to]).toEqual([group[0].from, group.at(-1)!.to]);
      if (bar.merged !== undefined) {
        const time = (state: string) => group.filter((iv) => iv.state === state).reduce((sum, iv) => sum + iv.to - iv.from, 0);
        const most = Math.max(...states.map(time));
        expect(time(bar.state)).toBeCloseTo(most, 9);
      } else expect(bar.state).toBe(group[0].state);
      next += group.length;
    }
    expect(next).toBe(drawnOnes.length);
    // Columns: a bar starts at least MIN_BAR_WIDTH right of the one before.
    for (let k = 1; k < bars.length; k++) expect(bars[k].x).toBeGreaterThanOrEqual(bars[k - 1].x + MIN_BAR_WIDTH - 1e-9);
  });
});

describe("which diagrams draw only the lanes in view", () => {
  // `lanes` tasks that each sleep `sleeps` times, at different paces (bars of various widths).
  const sleepers = (lanes: number, sleeps: number): Timeline => ({
    lanes: Array.from({ length: lanes }, (_, i) => ({ ...sleeper(sleeps), id: `task-${i}`, name: `Task-${i}` })),
    end: sleeps,
  });

  it("counts its task lanes and its pools' thread or process lanes (not the main thread's, nor a pool's queue)", () => {
    const lane = (id: string, kind: Lane["kind"]): Lane => ({ id, kind, name: id, intervals: Intervals.of([{ from: 0, to: 1, state: "running", seq: 0 }]) });
    const layout = layoutDiagram({ lanes: [lane("thread", "thread"), lane("task-1", "task"), lane("task-2", "task"), lane("worker-1", "worker"), lane("queue-1", "queue")], end: 1 });
    expect([layout.taskLanes, layout.workerLanes]).toEqual([2, 1]);
    expect(layout.rowOf("worker-1")?.y).toBe(layout.rows[3].y);
    expect(layout.rowOf("task-9")).toBeUndefined();
  });

  it("a lesson's gather of 160 downloads draws every lane: few bars each", () => {
    const layout = layoutDiagram(sleepers(160, 1), { width: 900 });
    expect(layout.compact).toBe(true);
    expect(layout.virtual).toBe(false);
  });

  it("10,000 lanes, or 100 lanes of hundreds of bars each, draw only the lanes in view", () => {
    expect(layoutDiagram(sleepers(10_000, 1), { width: 900 }).virtual).toBe(true);
    const dense = layoutDiagram(sleepers(100, 280), { width: 900 });
    expect(dense.rows.reduce((n, row) => n + row.bars.length, 0)).toBeGreaterThan(10_000);
    expect(dense.virtual).toBe(true);
  });

  it("counts the bars without laying them out: exactly, or at most, where a lane's intervals merge into columns", () => {
    for (const [lanes, sleeps] of [[3, 5], [160, 1], [100, 280], [2, 60_000]]) {
      const timeline = sleepers(lanes, sleeps);
      const layout = layoutDiagram(timeline, { width: 900 });
      const plotWidth = layout.width - layout.labelWidth - RIGHT_PAD;
      timeline.lanes.forEach((lane, i) => {
        const bars = layout.rows[i].bars.length;
        const counted = barsAtMost(lane, plotWidth);
        if (layout.rows[i].bars.some((b) => b.merged)) expect(counted).toBeGreaterThanOrEqual(bars);
        else expect(counted).toBe(bars);
      });
    }
  });

  it("a few lanes are never virtual, however many bars: the page draws them in a box that does not scroll", () => {
    const layout = layoutDiagram(sleepers(3, 60_000), { width: 900 });
    expect(layout.compact).toBe(false);
    expect(layout.virtual).toBe(false);
  });
});

describe("layoutDiagram zoomed", () => {
  const timeline: Timeline = { lanes: [sleeper(60_000)], end: 60_000 };

  it("widens the time axis by the zoom, not the lane names' column", () => {
    const short: Timeline = { lanes: [sleeper(3)], end: 3 };
    const fit = layoutDiagram(short, { width: 640 });
    const zoomed = layoutDiagram(short, { width: 640, zoom: 4 });
    expect(zoomed.labelWidth).toBe(fit.labelWidth);
    expect(zoomed.width - zoomed.labelWidth - RIGHT_PAD).toBeCloseTo(4 * (640 - fit.labelWidth - RIGHT_PAD));
    expect(zoomed.xOf(0)).toBe(fit.xOf(0));
    expect(zoomed.timeAt(zoomed.xOf(1.234))).toBeCloseTo(1.234);
  });

  it("merges bars by the zoomed width's columns: more bars, every interval still counted once", () => {
    const counts = [1, 4, 32].map((zoom) => {
      const layout = layoutDiagram(timeline, { width: 640, zoom });
      const { bars } = layout.rows[0];
      const plotWidth = layout.width - layout.labelWidth - RIGHT_PAD;
      expect(bars.length).toBeLessThanOrEqual(Math.ceil(plotWidth / MIN_BAR_WIDTH) + 1);
      expect(bars.reduce((sum, bar) => sum + (bar.merged ?? 1), 0)).toBe(120_000);
      expect(bars.at(-1)!.to).toBe(60_000);
      return bars.length;
    });
    expect(counts[1]).toBeGreaterThan(3 * counts[0]);
    expect(counts[2]).toBeGreaterThan(counts[1]);
  });

  it("keeps the ticks about as far apart as at fit, so their labels stay readable", () => {
    const short: Timeline = { lanes: [sleeper(3)], end: 3 };
    for (const zoom of [1, 2, 5, 16, MAX_ZOOM]) {
      const { ticks } = layoutDiagram(short, { width: 640, zoom });
      const gaps = ticks.slice(1).map((tick, i) => tick.x - ticks[i].x);
      // "0.25 s" is about 40 px wide at 12px.
      expect(Math.min(...gaps), `zoom ${zoom}`).toBeGreaterThanOrEqual(45);
      expect(ticks.length, `zoom ${zoom}`).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("the time axis's ticks", () => {
  /** A label's width in Arial at 12px (the narrowest of the usual faces): a digit 6.67 px, "s" 6, "." and " " 3.33. */
  const arialWidth = (label: string) => [...label].reduce((w, c) => w + (/\d/.test(c) ? 6.67 : c === "s" ? 6 : 3.33), 0);
  /** 1, 2, 2.5 or 5 times a power of ten, or an hour. */
  const round = (step: number) => step === 3600 || /^(1|2|25|5)0*$/.test(String(step).replace(/^0\.0*/, "").replace(".", ""));

  it("are round steps whose labels have room, from a phone's plot to a wide one, for runs of milliseconds to days", () => {
    for (const end of [0.003, 0.01, 0.03, 0.3, 1.5, 3, 7, 60, 3000, 28_571, 100_000, 1_000_000])
      for (const width of [0, 332, 400, 640, 1280])
        for (const zoom of [1, 4]) {
          const where = `end ${end} s, width ${width}, zoom ${zoom}`;
          const { ticks } = layoutDiagram({ lanes: [sleeper(1)], end }, { width, zoom });
          expect(ticks.length, where).toBeGreaterThanOrEqual(2);
          expect(ticks.length, where).toBeLessThanOrEqual(6 * zoom + 1);
          const step = ticks[1].t;
          expect(round(step), `${where}: step ${step}`).toBe(true);
          ticks.forEach((tick, i) => expect(tick.t, where).toBeCloseTo(i * step, 9));
          for (let i = 1; i < ticks.length; i++) {
            // Centred on their ticks: two labels' half widths, and 2 px between them.
            const room = (arialWidth(ticks[i - 1].label) + arialWidth(ticks[i].label)) / 2 + 2;
            expect(ticks[i].x - ticks[i - 1].x, `${where}: "${ticks[i - 1].label}" and "${ticks[i].label}"`).toBeGreaterThanOrEqual(room);
          }
        }
  });
});

describe("the zoom's steps and anchor", () => {
  it("stays between fit and MAX_ZOOM", () => {
    expect(zoomStep(1, -1)).toBe(1);
    expect(zoomStep(1, 1)).toBe(2);
    expect(zoomStep(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(clampZoom(0.2)).toBe(1);
    expect(wheelZoom(2, -100)).toBeGreaterThan(2);
    expect(wheelZoom(2, 100)).toBeLessThan(2);
    expect(wheelZoom(1, 500)).toBe(1);
  });

  it("scrolls so the moment under the pointer stays under it", () => {
    const short: Timeline = { lanes: [sleeper(3)], end: 3 };
    const fit = layoutDiagram(short, { width: 640 });
    const anchor = anchorAt(fit, 0, 400);
    const zoomed = layoutDiagram(short, { width: 640, zoom: 8 });
    const scrollLeft = scrollFor(zoomed, anchor);
    expect(zoomed.timeAt(scrollLeft + 400)).toBeCloseTo(anchor.t);
    // At the start of the run there is nothing to the left to scroll to.
    expect(scrollFor(zoomed, { t: 0, offset: 400 })).toBe(0);
  });
});
