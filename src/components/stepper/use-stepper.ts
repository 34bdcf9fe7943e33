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
  /** True while the reader drags the slider (a pointer is down on it): the step's state may follow a
   *  little behind the step then (PlaygroundIsland's deferred step), never after a click or a key. */
  dragging: boolean;
  /** The slider was pressed: dragging until the pointer is released anywhere. */
  startDrag: () => void;
  playing: boolean;
  togglePlay: () => void;
  speed: number;
  setSpeed: (stepsPerSecond: number) => void;
  /** The keys of the stepper and the diagram: ←/→, Home/End, PageUp/PageDown, space. */
  onKeyDown: (event: KeyboardEvent) => void;
}

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
  const [dragging, setDragging] = useState(false);
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

  const startDrag = useCallback(() => {
    setDragging(true);
    const end = () => {
      setDragging(false);
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
    };
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
  }, []);

  const go = useCallback((index: number) => setStep(Math.max(0, Math.min(index, last))), [last]);
  const togglePlay = useCallback(() => {
    if (!playing && step >= last) setStep(0);
    setPlaying(!playing);
  }, [playing, step, last]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
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
    [step, last, go, togglePlay],
  );

  // The same object while nothing in it changes: the views that take it re-render only then.
  return useMemo(
    () => ({ steps, step, go, dragging, startDrag, playing, togglePlay, speed, setSpeed, onKeyDown }),
    [steps, step, go, dragging, startDrag, playing, togglePlay, speed, onKeyDown],
  );
}
