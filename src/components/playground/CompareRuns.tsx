// Two runs side by side: one program under asyncio's lazy coroutines and under JavaScript's eager
// async calls (a playground with compare="…"), or a run the reader pinned and the one after their
// edit. The consoles stand in two columns; the diagrams, one above the other at full width, share one
// time scale and label column, so their lengths compare at a glance. Each run's parts sit in one
// element (data-run-side) that the grid sees through.
import { useMemo } from "react";
import type { RunResult } from "../../runtime/trace/index.ts";
import { Console } from "../console/Console.tsx";
import { labelRoom } from "../timing/layout.ts";
import { Legend, TimingDiagram, type DiagramLink } from "../timing/TimingDiagram.tsx";
import type { Expectation } from "./expectation.ts";
import { RunSummary } from "./RunSummary.tsx";
import type { RunViews } from "./use-run-views.ts";

export type Model = "lazy" | "eager";

/** How each model is named to the reader. */
export const MODEL_NAMES: Record<Model, string> = {
  lazy: "Lazy: asyncio's coroutines",
  eager: "Eager: JavaScript's async calls",
};

/** One of the two runs: what names it, its result and what the lesson declares for it. */
export interface CompareSide {
  /** "lazy" / "eager", or "pinned" / "current". */
  key: string;
  /** Its heading, e.g. "Lazy: asyncio's coroutines" or "Pinned run". */
  label: string;
  /** The model it ran under, when the two runs differ by model. */
  model?: Model;
  result: RunResult;
  expectation: Expectation;
  /** What the views draw of it. */
  views: RunViews;
}

/** The two runs in two columns (one above the other on a narrow screen); `stepped` is linked to the stepper. */
export function CompareRuns({ sides, stepped, link, idPrefix, clock = "virtual" }: { sides: readonly CompareSide[]; stepped: number; link: DiagramLink; idPrefix: string; clock?: "virtual" | "real" }) {
  const layoutOptions = useMemo(() => {
    const timelines = sides.map((s) => s.views.timeline);
    return {
      axisEnd: Math.max(...timelines.map((t) => t.end)),
      minLabelWidth: Math.max(...timelines.map((t) => labelRoom(t, 130))),
    };
  }, [sides]);
  return (
    <div className="pg-compare" role="group" aria-label={sides.map((s) => s.label).join(" and ")}>
      <div className="pg-compare-sides">
        {sides.map((side, i) => (
          <div
            key={side.key}
            className="pg-compare-side"
            data-run-side={i === 0 ? "primary" : "compare"}
            data-run-key={side.key}
            data-model={side.model}
            data-virtual-end={side.result.virtualEnd.toFixed(3)}
            data-expected-stdout={side.expectation.stdout ? JSON.stringify(side.expectation.stdout) : undefined}
            data-expected-end={side.expectation.virtualEnd === null ? undefined : side.expectation.virtualEnd.toFixed(3)}
          >
            <p className="pg-compare-heading">{side.label}</p>
            <Console lines={side.views.console} />
            <RunSummary result={side.result} expectation={side.expectation} clock={clock} />
            <div className="pg-compare-diagram">
              <p className="pg-compare-heading">{side.label}</p>
              <TimingDiagram
                timeline={side.views.timeline}
                idPrefix={`${idPrefix}-${side.key}`}
                link={i === stepped ? link : undefined}
                layoutOptions={layoutOptions}
                legend={false}
                owner={`${idPrefix.replace(/^pg-/, "Playground ")}, ${side.label}`}
              />
            </div>
          </div>
        ))}
      </div>
      <Legend idPrefix={`${idPrefix}-${sides[0].key}`} />
    </div>
  );
}

/** Which run the stepper below steps through. */
export function SteppedRunPicker({ sides, stepped, onPick, interactive }: { sides: readonly CompareSide[]; stepped: number; onPick: (index: number) => void; interactive: boolean }) {
  return (
    <div className="pg-compare-pick" role="group" aria-label="Which run the stepper shows">
      <span>Step through:</span>
      {sides.map((side, i) => (
        <button key={side.key} type="button" aria-pressed={i === stepped} disabled={!interactive} onClick={() => onPick(i)} data-pick-run={side.key}>
          {side.label}
        </button>
      ))}
    </div>
  );
}
