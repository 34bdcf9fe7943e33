// The program as the run saw it, with the running task's line highlighted and a marker, in words, at
// the line where each other task waits, will resume, or blocks the thread.
import { memo, useEffect, useRef } from "react";
import type { LineMarker } from "../../runtime/trace/index.ts";
import { currentLine, markWords, markedLines } from "./line-marks.ts";

/** The code pane: one row per line, `data-current-line` on the line that runs now. Memoised, as the
 *  panes are: it changes with the step it shows, not with the stepper's controls. */
export const CodePane = memo(function CodePane({ code, markers, titleId }: { code: string; markers: readonly LineMarker[]; titleId: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const lines = code.replace(/\n$/, "").split("\n");
  const byLine = markedLines(markers);
  const current = currentLine(markers);

  // Whether the pane is drawn at all (beside the editor it is not: playground.css), from its size as
  // last laid out: reading a hidden pane's lines would still make the browser lay out the page at once,
  // on every step (profiled while scrubbing a 1,000-task run).
  const shown = useRef(true);
  useEffect(() => {
    const pre = ref.current;
    if (!pre) return;
    const observer = new ResizeObserver(([entry]) => (shown.current = entry.contentRect.height > 0));
    observer.observe(pre);
    return () => observer.disconnect();
  }, []);

  // Keep the running line in view by scrolling the pane itself, never the page.
  useEffect(() => {
    const pre = ref.current;
    const line = pre?.querySelector<HTMLElement>("[data-current-line]");
    if (!pre || !line || !shown.current) return;
    const top = line.offsetTop;
    if (top < pre.scrollTop || top + line.offsetHeight > pre.scrollTop + pre.clientHeight) pre.scrollTop = Math.max(0, top - pre.clientHeight / 3);
  }, [current, code]);

  return (
    <pre className="pg-step-code" ref={ref} tabIndex={0} role="group" aria-labelledby={titleId} data-scroll-box>
      <code>
        {lines.map((text, i) => {
          const n = i + 1;
          const { state, marks } = byLine.get(n) ?? { state: undefined, marks: [] };
          return (
            <span key={n} className={`pg-code-line${state ? ` pg-line-${state}` : ""}`} data-line={n} data-current-line={n === current ? "" : undefined}>
              <span className="pg-line-no" aria-hidden="true">
                {n}
              </span>
              <span className="pg-line-text">{text || " "}</span>
              {marks.map((m) => (
                <span key={`${m.name}-${m.state}`} className={`pg-mark pg-mark-${m.state}`} data-marker={m.state}>
                  {markWords(m)}
                </span>
              ))}
              {"\n"}
            </span>
          );
        })}
      </code>
    </pre>
  );
});
