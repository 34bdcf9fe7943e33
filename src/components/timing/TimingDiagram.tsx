// The timing diagram: one lane per thread and task, each state drawn by shape and pattern as well as
// colour (Okabe–Ito palette), on a virtual-seconds axis. Pure: a trace in, an SVG out.
import { deriveTimeline } from "../../runtime/timeline.ts";
import type { TraceEvent } from "../../runtime/trace.ts";
import { layoutDiagram, type Bar } from "./layout.ts";

const LEGEND: { state: Bar["state"]; text: string }[] = [
  { state: "running", text: "running (solid)" },
  { state: "ready", text: "ready, in the queue (stripes)" },
  { state: "waiting", text: "waiting (thin bar)" },
  { state: "blocked", text: "blocked (cross-hatch)" },
];

function BarShape({ bar, laneHeight, idPrefix }: { bar: Bar; laneHeight: number; idPrefix: string }) {
  const full = { y: 4, height: laneHeight - 8 };
  const thin = { y: laneHeight / 2 - 4, height: 8 };
  const geometry = bar.state === "waiting" ? thin : full;
  const fill =
    bar.state === "running" ? "var(--pg-running)" : bar.state === "waiting" ? "var(--pg-waiting-fill)" : `url(#${idPrefix}-${bar.state})`;
  return (
    <rect
      className={`pg-bar pg-${bar.state}`}
      data-state={bar.state}
      data-from={bar.from.toFixed(3)}
      data-to={bar.to.toFixed(3)}
      x={bar.x}
      width={bar.width}
      rx={2}
      fill={fill}
      {...geometry}
    >
      <title>{bar.title}</title>
    </rect>
  );
}

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
.pg-tick text, .pg-lane-detail, .pg-bar-label { fill: #666; font-size: 10px; } .pg-running { stroke: var(--pg-running); }
.pg-ready { stroke: var(--pg-ready); } .pg-waiting { stroke: var(--pg-waiting); } .pg-blocked { stroke: var(--pg-blocked); }`;

/** Just the SVG of a run's diagram, styled for use as a file of its own (the CLI's --svg). */
export function TimingDiagramSvg({ events, idPrefix, standalone = false }: { events: readonly TraceEvent[]; idPrefix: string; standalone?: boolean }) {
  const layout = layoutDiagram(deriveTimeline(events));
  const tasks = layout.rows.filter((r) => r.kind === "task").length;
  const summary = `Timing diagram: ${tasks} task${tasks === 1 ? "" : "s"} over ${layout.end.toFixed(3)} virtual seconds.`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={summary}
      width={standalone ? layout.width : "100%"}
      height={standalone ? layout.height : undefined}
    >
      {standalone ? <style>{STANDALONE_STYLE}</style> : null}
      <Patterns idPrefix={idPrefix} />
        {layout.ticks.map((tick) => (
          <g key={tick.label} className="pg-tick">
            <line x1={tick.x} x2={tick.x} y1={0} y2={layout.axisY} />
            <text x={tick.x} y={layout.axisY + 14} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.rows.map((row) => (
          <g key={row.name} data-lane={row.name} data-lane-kind={row.kind} transform={`translate(0 ${row.y})`}>
            <text className="pg-lane-name" x={6} y={layout.laneHeight / 2 + 4}>
              {row.name}
              {row.detail ? <tspan className="pg-lane-detail"> · {row.detail}</tspan> : null}
            </text>
            <line className="pg-lane-base" x1={layout.labelWidth} x2={layout.width - 12} y1={layout.laneHeight / 2} y2={layout.laneHeight / 2} />
            {row.bars.map((bar, i) => (
              <BarShape key={i} bar={bar} laneHeight={layout.laneHeight} idPrefix={idPrefix} />
            ))}
            {row.bars.map((bar, i) =>
              bar.state === "waiting" && bar.label && bar.width > bar.label.length * 6.5 + 8 ? (
                <text key={`label-${i}`} className="pg-bar-label" x={bar.x + 4} y={layout.laneHeight / 2 - 7} aria-hidden="true">
                  {bar.label.startsWith("idle") ? "idle" : bar.label}
                </text>
              ) : null,
            )}
          </g>
        ))}
    </svg>
  );
}

/** The diagram for one run, with its legend; `idPrefix` keeps SVG pattern ids unique on the page. */
export function TimingDiagram({ events, idPrefix }: { events: readonly TraceEvent[]; idPrefix: string }) {
  const end = events.length ? events[events.length - 1].t : 0;
  return (
    <figure className="pg-timing" data-timing-diagram data-end={end.toFixed(3)}>
      <TimingDiagramSvg events={events} idPrefix={idPrefix} />
      <figcaption className="pg-legend">
        {LEGEND.map(({ state, text }) => (
          <span key={state} className="pg-legend-item">
            <svg width="22" height="20" aria-hidden="true">
              <BarShape bar={{ x: 0, width: 22, state, from: 0, to: 0, title: text }} laneHeight={20} idPrefix={idPrefix} />
            </svg>
            {text}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
