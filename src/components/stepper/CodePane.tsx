// The program as the run saw it, with the running task's line highlighted and a marker, in words, at
// the line where each other task waits, will resume, or blocks the thread.
import { useEffect, useRef } from "react";
import type { LineMarker } from "../../runtime/trace/index.ts";

const MARK: Record<LineMarker["state"], { symbol: string; word: string }> = {
  running: { symbol: "▶", word: "runs" },
  blocked: { symbol: "■", word: "blocks the thread" },
  waiting: { symbol: "‖", word: "waits" },
  ready: { symbol: "↻", word: "ready to resume" },
};
const PRIORITY: LineMarker["state"][] = ["running", "blocked", "ready", "waiting"];

/** The code pane: one row per line, `data-current-line` on the line that runs now. */
export function CodePane({ code, markers, titleId }: { code: string; markers: readonly LineMarker[]; titleId: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const lines = code.replace(/\n$/, "").split("\n");
  const byLine = new Map<number, LineMarker[]>();
  for (const m of markers) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  const current = markers.find((m) => m.state === "running" || m.state === "blocked")?.line;

  // Keep the running line in view by scrolling the pane itself, never the page.
  useEffect(() => {
    const pre = ref.current;
    const line = pre?.querySelector<HTMLElement>("[data-current-line]");
    if (!pre || !line) return;
    const top = line.offsetTop;
    if (top < pre.scrollTop || top + line.offsetHeight > pre.scrollTop + pre.clientHeight) pre.scrollTop = Math.max(0, top - pre.clientHeight / 3);
  }, [current, code]);

  return (
    <pre className="pg-step-code" ref={ref} tabIndex={0} role="group" aria-labelledby={titleId}>
      <code>
        {lines.map((text, i) => {
          const n = i + 1;
          const marks = byLine.get(n) ?? [];
          const state = PRIORITY.find((s) => marks.some((m) => m.state === s));
          return (
            <span key={n} className={`pg-code-line${state ? ` pg-line-${state}` : ""}`} data-line={n} data-current-line={n === current ? "" : undefined}>
              <span className="pg-line-no" aria-hidden="true">
                {n}
              </span>
              <span className="pg-line-text">{text || " "}</span>
              {marks.map((m) => (
                <span key={`${m.name}-${m.state}`} className={`pg-mark pg-mark-${m.state}`} data-marker={m.state}>
                  <span aria-hidden="true">{MARK[m.state].symbol} </span>
                  {m.name} {MARK[m.state].word}
                </span>
              ))}
              {"\n"}
            </span>
          );
        })}
      </code>
    </pre>
  );
}
