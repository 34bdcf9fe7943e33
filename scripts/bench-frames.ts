// The in-page timers of bench-browser.ts's big traces (issue 17): how long a run takes to show, from
// the click to its new diagram painted, split at its trace arriving, and how much work each frame
// does while the reader scrubs the stepper. Timed inside the page, from its own clock and the
// playground's own marks: Playwright's round trips are not the page's.
import type { Page } from "@playwright/test";

/** One Run, in ms: the click → the run's whole trace arrived ("playground:ran", browser-runner.ts;
 *  the page derives the views from each batch as it arrives, run-derivation.ts) → the views derived
 *  ("playground:derived", use-run-views.ts) → the new views in the DOM ("playground:drawn", as React
 *  commits them) → that frame painted ("playground:painted": the first task after the frame's
 *  animation-frame callbacks, where Chromium styles, lays out and paints). total: ran → painted. */
export interface PaintTimes {
  run: number;
  derive: number;
  render: number;
  paint: number;
  total: number;
}

/** Click Run on playground `id` (code already typed) and time it to its new views painted. */
export async function paintAfterRun(page: Page, id: string): Promise<PaintTimes> {
  const at = await page.evaluate(
    (id) =>
      new Promise<Record<"clicked" | "ran" | "derived" | "drawn" | "painted", number>>((resolve, reject) => {
        const names = ["ran", "derived", "drawn", "painted"] as const;
        for (const name of names) performance.clearMarks(`playground:${name}`);
        const mark = (name: string) => performance.getEntriesByName(`playground:${name}`).at(-1)?.startTime;
        const timeout = setTimeout(() => reject(new Error("the run was not drawn within 3 minutes")), 180_000);
        const clicked = performance.now();
        // Marks are observed a little after they are made: their times are their own.
        const observer = new PerformanceObserver(() => {
          const painted = mark("painted");
          if (painted === undefined) return;
          observer.disconnect();
          clearTimeout(timeout);
          const drawn = mark("drawn")!;
          resolve({ clicked, ran: mark("ran") ?? NaN, derived: mark("derived") ?? drawn, drawn, painted });
        });
        observer.observe({ type: "mark" });
        // Clicked from the page itself: Playwright's own locator work would count as the page's.
        document.querySelector<HTMLButtonElement>(`[data-playground="${id}"] button.pg-run`)!.click();
      }),
    id,
  );
  // Let the page settle (the diagram measures its box, lanes in view) before the next Run.
  await page.waitForTimeout(500);
  return { run: at.ran - at.clicked, derive: at.derived - at.ran, render: at.drawn - at.derived, paint: at.painted - at.drawn, total: at.painted - at.ran };
}

/** The frames of one scrub, in ms: each frame's work (from its animation-frame callback, where the
 *  scrub moves the stepper, to the end of that frame's rendering), the gaps between frames, and
 *  Chromium's long animation frames (50 ms or more) meanwhile. */
export interface FrameTimes {
  work: number[];
  gaps: number[];
  longFrames: number[];
}

/** How the reader scrubs: "drag" the stepper's slider to the end and back, one input event a frame
 *  between a pointer's press on the slider and its release (as a pointer drag sends them); "step":
 *  → held down on the diagram, one repeat (one step) a frame, from the middle of the run; "back":
 *  ← held the same way; "press": → pressed anew each frame, from the middle (each step's state
 *  drawn at once); "end": one press of End on the diagram, from where the stepper is. */
export type Scrub = "drag" | "step" | "back" | "press" | "end";

/** Scrub playground `id`'s stepper for `frames` frames through its real handlers: the slider's input
 *  event (its onChange), or a keydown on the diagram (use-stepper.ts's onKeyDown). */
export async function scrubFrames(page: Page, id: string, how: Scrub, frames: number): Promise<FrameTimes> {
  return page.evaluate(
    ({ id, how, frames }) =>
      new Promise<FrameTimes>((resolve) => {
        const pg = document.querySelector(`[data-playground="${id}"]`)!;
        const slider = pg.querySelector<HTMLInputElement>("[data-stepper] input[type=range]")!;
        const diagram = pg.querySelector<HTMLElement>("[data-diagram-focus]")!;
        const last = Number(slider.max);
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
        // As the browser moves a range input: its value, then an input event (React's onChange).
        const slideTo = (step: number) => {
          setValue.call(slider, String(step));
          slider.dispatchEvent(new Event("input", { bubbles: true }));
        };
        // A key held down: its first keydown, then repeats (one a frame), and a keyup at the end.
        const press = (key: string, repeat: boolean) => diagram.dispatchEvent(new KeyboardEvent("keydown", { key, repeat, bubbles: true, cancelable: true }));
        const key = how === "end" ? "End" : how === "back" ? "ArrowLeft" : "ArrowRight";
        const move = (frame: number) => {
          if (how === "drag") slideTo(Math.round(last * (1 - Math.abs(1 - (2 * (frame + 1)) / frames))));
          else press(key, (how === "step" || how === "back") && frame > 0);
        };
        // The reader looks at what they scrub, and it has the focus: the slider (a press on it focuses
        // it), or the diagram they press keys on (keys go to the focused element). The focus left in
        // the editor, where the program was typed, is no reader's: the editor marks the step's lines,
        // and focused it did a little more work a frame (a 1,000-task run's drags, 3 page loads each,
        // interleaved: median 10.6–11.0 ms a frame, 9.6–9.9 with the slider focused; the first drag
        // after a run, 11.0–12.3 and 10.6–11.5).
        (how === "drag" ? slider : pg.querySelector("[data-timing-diagram]")!).scrollIntoView({ block: "center" });
        (how === "drag" ? slider : diagram).focus({ preventScroll: true });
        if (how === "step" || how === "back" || how === "press") slideTo(Math.floor(last / 2));

        const times: FrameTimes = { work: [], gaps: [], longFrames: [] };
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => times.longFrames.push(e.duration)));
        observer.observe({ type: "long-animation-frame" });
        let frame = 0;
        let previous: number | undefined;
        const tick = (now: number) => {
          if (previous !== undefined) times.gaps.push(now - previous);
          previous = now;
          if (frame === frames) {
            if (how === "drag") slider.dispatchEvent(new PointerEvent("pointerup", { bubbles: true }));
            else diagram.dispatchEvent(new KeyboardEvent("keyup", { key, bubbles: true }));
            // The last frame's long-animation-frame entry comes a little later.
            setTimeout(() => {
              observer.disconnect();
              resolve(times);
            }, 200);
            return;
          }
          // Asked first, so that this frame's rendering work is not counted in the next one's.
          requestAnimationFrame(tick);
          const start = performance.now();
          move(frame++);
          const after = new MessageChannel();
          after.port1.onmessage = () => times.work.push(performance.now() - start);
          after.port2.postMessage(null);
        };
        if (how === "drag") slider.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
        // A few quiet frames first (after the jump to the middle).
        setTimeout(() => requestAnimationFrame(tick), 300);
      }),
    { id, how, frames },
  );
}

/** A frame's work, at most, at 60 frames a second (the budget of issue 17's scrubs). */
export const FRAME_BUDGET_MS = 16;

/** A scrub's figures: frames timed, work per frame (median, p95, max), how many frames' work reached
 *  the budget, and frames that came late. */
export function frameStats(times: FrameTimes): { frames: number; median: number; p95: number; max: number; over: number; late: number } {
  const sorted = [...times.work].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  // At 60 frames a second a frame follows the last within 16.7 ms; 25 ms or more means one was dropped.
  return { frames: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, over: sorted.filter((work) => work >= FRAME_BUDGET_MS).length, late: times.gaps.filter((gap) => gap >= 25).length };
}
