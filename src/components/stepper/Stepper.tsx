// The event-loop stepper: walk through a run one event at a time, forwards and backwards, and see the
// loop, its FIFO ready queue, the waiting tasks, the timers, the clock, the console and the code at
// each step, with one sentence saying what happened. A pure view of the step's state (stepState, which
// the playground works out: its editor marks the same lines) and the stepper model; the server renders
// step 0, so the page reads without JavaScript.
import type { StepState } from "../../runtime/trace/index.ts";
import { Icon } from "../Icon.tsx";
import { CodePane } from "./CodePane.tsx";
import { StepperPanes } from "./StepperPanes.tsx";
import { SPEEDS, type StepperModel } from "./use-stepper.ts";
import "./stepper.css";

interface StepperProps {
  /** The run at the step in view. */
  state: StepState;
  /** The source the trace came from (for the code pane). */
  code: string;
  /** The editor holds that source and marks the step's lines: on a wide screen, where the editor is in
   *  view beside the stepper, the stepper's own copy of the code is left out (playground.css). */
  codeInEditor: boolean;
  model: StepperModel;
  idPrefix: string;
  /** False until the island is hydrated: the controls are shown but do nothing yet. */
  interactive: boolean;
  /** Names this stepper among the others on the page (the playground's id). */
  name: string;
}

// Button icons (Icon.tsx: SVG, as font glyphs such as ⏮ are missing on many systems).
const ICONS = {
  first: "M1 1h2v10H1z M11 1v10L4 6z",
  back: "M10 1v10L3 6z",
  play: "M3 1v10l8-5z",
  pause: "M2 1h3v10H2z M7 1h3v10H7z",
  forward: "M2 1v10l7-5z",
  last: "M9 1h2v10H9z M1 1v10l7-5z",
};

function Controls({ model, interactive, count, idPrefix, t }: { model: StepperModel; interactive: boolean; count: number; idPrefix: string; t: number }) {
  const { step, go, playing, togglePlay, speed, setSpeed } = model;
  const atStart = step === 0;
  const atEnd = step >= count - 1;
  // aria-disabled rather than disabled at either end, so a keyboard user's focus stays on the button.
  const button = (label: string, icon: keyof typeof ICONS, to: number, off: boolean, iconAfter = false) => (
    <button type="button" disabled={!interactive} aria-disabled={off || undefined} onClick={() => !off && go(to)} data-step-button={label.toLowerCase()}>
      {iconAfter ? null : <Icon d={ICONS[icon]} />}
      {label}
      {iconAfter ? <Icon d={ICONS[icon]} /> : null}
    </button>
  );
  return (
    <div className="pg-step-controls">
      <div className="pg-step-buttons" role="group" aria-label="Step controls">
        {button("First", "first", 0, atStart)}
        {button("Back", "back", step - 1, atStart)}
        <button type="button" className="pg-play" disabled={!interactive} onClick={togglePlay} data-step-button="play">
          <Icon d={ICONS[playing ? "pause" : "play"]} />
          {playing ? "Pause" : "Play"}
        </button>
        {button("Forward", "forward", step + 1, atEnd, true)}
        {button("Last", "last", count - 1, atEnd, true)}
        <label className="pg-speed">
          Speed{" "}
          <select value={speed} disabled={!interactive} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="pg-scrub">
        <label htmlFor={`${idPrefix}-scrub`} className="pg-scrub-label">
          Step <strong>{step + 1}</strong> of {count} · t = {t.toFixed(3)} s
        </label>
        <input
          id={`${idPrefix}-scrub`}
          type="range"
          min={0}
          max={Math.max(0, count - 1)}
          value={step}
          disabled={!interactive}
          aria-valuetext={`Step ${step + 1} of ${count}, t=${t.toFixed(3)} s`}
          onChange={(e) => go(Number(e.target.value))}
          onPointerDown={model.startDrag}
        />
      </div>
    </div>
  );
}

/** The stepper for one run: `data-stepper`, with `data-step` (0-based) and `data-step-count`. */
export function Stepper({ state, code, codeInEditor, model, idPrefix, interactive, name }: StepperProps) {
  const count = model.steps.length;
  return (
    <section
      className={codeInEditor ? "pg-stepper pg-stepper-code-in-editor" : "pg-stepper"}
      data-stepper
      data-step={model.step}
      data-step-count={count}
      data-playing={model.playing || undefined}
      aria-label={`The event loop, step by step: ${name}`}
      onKeyDown={interactive ? model.onKeyDown : undefined}
    >
      <div className="pg-stepper-head">
        <p className="pg-stepper-title" id={`${idPrefix}-stepper-title`}>
          The event loop, step by step
        </p>
        <p className="pg-stepper-keys">Keys, with focus here or on the diagram: ← → step, Home / End, space plays or pauses.</p>
      </div>
      <Controls model={model} interactive={interactive} count={count} idPrefix={idPrefix} t={state.t} />
      <div className="pg-stepper-body">
        <div className="pg-pane pg-pane-code" role="group" aria-labelledby={`${idPrefix}-code-title`}>
          <p className="pg-pane-title" id={`${idPrefix}-code-title`}>
            Code{state.activity.state === "task" ? ` · ${state.activity.name} at line ${state.activity.line ?? "?"}` : ""}
            {codeInEditor ? <span className="pg-code-in-editor-note"> (marked in the editor)</span> : null}
          </p>
          <CodePane code={code} markers={state.markers} titleId={`${idPrefix}-code-title`} />
        </div>
        <StepperPanes state={state} idPrefix={idPrefix} run={model.steps} sweeping={model.sweeping} />
      </div>
      <div className="pg-narration" aria-live={model.playing ? "off" : "polite"}>
        <p data-narration>{state.narration}</p>
      </div>
    </section>
  );
}
