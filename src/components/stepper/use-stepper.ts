// The stepper's position and autoplay, shared by the stepper's controls, the timing diagram and the
// event log, so a click or a key in any of them moves the same step.
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from "react";
import type { StepList } from "../../runtime/trace/index.ts";

/** Autoplay speeds, in steps per second. */
export const SPEEDS = [
  { value: 1, label: "Slow (1 step/s)" },
  { value: 2, label: "Normal (2 steps/s)" },
  { value: 4, label: "Fast (4 steps/s)" },
  { value: 10, label: "Very fast (10 steps/s)" },
] as const;

export interface StepperModel {
  steps: StepList;
  /** The current step, 0-based, always within the steps. */
  step: number;
  go: (index: number) => void;
  /** True while the reader sweeps through the steps: drags the slider (a pointer is down on it) or
   *  holds down a key that moves the step (its repeats). The step's state may follow a little behind
   *  the step then (PlaygroundIsland's deferred step) and the diagram holds its lanes still; never
   *  after a click or a single key press. */
  sweeping: boolean;
  /** The slider was pressed: sweeping until the pointer is released anywhere. */
  startDrag: () => void;
  playing: boolean;
  togglePlay: () => void;
  speed: number;
  setSpeed: (stepsPerSecond: number) => void;
  /** The keys of the stepper and the diagram: ←/→, Home/End, PageUp/PageDown, space. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/** Keys that move the step one or ten at a time (the slider's also ↑ and ↓): held down, they sweep
 *  through the steps. */
const STEP_KEYS = new Set(["ArrowLeft", "ArrowRight", "PageUp", "PageDown"]);
const SLIDER_KEYS = new Set([...STEP_KEYS, "ArrowUp", "ArrowDown"]);

/** Which keys a focused element keeps for itself (typing, a select's arrows, a button's space). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // A range input moves itself with arrows, Home and End (its onChange moves the step).
  if (target instanceof HTMLInputElement) return target.type !== "range" || key !== " ";
  if (["BUTTON", "A", "SUMMARY"].includes(target.tagName)) return key === " " || key === "Enter";
  // A focused scroll box (a pane's list, the code) scrolls with ↑/↓, PageUp/PageDown, Home/End and space.
  if (target.hasAttribute("data-scroll-box")) return key !== "ArrowLeft" && key !== "ArrowRight";
  return false;
}

/** Step state for one run's steps; resets to the first step when the steps change (a new run). */
export function useStepper(steps: StepList): StepperModel {
  const [rawStep, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(SPEEDS[1].value);
  const [sweeping, setSweeping] = useState(false);
  const last = Math.max(0, steps.length - 1);
  const step = Math.min(rawStep, last);

  useEffect(() => {
    setStep(0);
    setPlaying(false);
  }, [steps]);

  useEffect(() => {
    if (!playing) return;
    if (step >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setStep((s) => Math.min(s + 1, last)), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playing, step, last, speed]);

  // Sweeping until one of `ends` happens on the window (the pointer released, the key let go).
  const sweepUntil = useCallback((ends: readonly string[]) => {
    setSweeping(true);
    const end = () => {
      setSweeping(false);
      for (const name of ends) window.removeEventListener(name, end);
    };
    for (const name of ends) window.addEventListener(name, end);
  }, []);
  const startDrag = useCallback(() => sweepUntil(["pointerup", "pointercancel"]), [sweepUntil]);

  const go = useCallback((index: number) => setStep(Math.max(0, Math.min(index, last))), [last]);
  const togglePlay = useCallback(() => {
    if (!playing && step >= last) setStep(0);
    setPlaying(!playing);
  }, [playing, step, last]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // A key held down to move the step (the slider's own keys too): a sweep, until it is let go.
      const onSlider = event.target instanceof HTMLInputElement && event.target.type === "range";
      const owned = ownsKey(event.target, event.key);
      if (event.repeat && !sweeping && (onSlider ? SLIDER_KEYS.has(event.key) : STEP_KEYS.has(event.key) && !owned)) sweepUntil(["keyup", "blur"]);
      if (owned) return;
      const moves: Record<string, number> = { ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last, PageUp: step - 10, PageDown: step + 10 };
      if (event.key in moves) {
        event.preventDefault();
        setPlaying(false);
        go(moves[event.key]);
      } else if (event.key === " ") {
        event.preventDefault();
        togglePlay();
      }
    },
    [step, last, go, togglePlay, sweeping, sweepUntil],
  );

  // The same object while nothing in it changes: the views that take it re-render only then.
  return useMemo(
    () => ({ steps, step, go, sweeping, startDrag, playing, togglePlay, speed, setSpeed, onKeyDown }),
    [steps, step, go, sweeping, startDrag, playing, togglePlay, speed, onKeyDown],
  );
}
