// A run as a mermaid gantt chart: one section per lane of the timing diagram, one bar per state
// interval, in milliseconds of the run's clock. Text a reader can paste into anything that draws
// mermaid (a README, a course page), to keep or share a run outside the site.
import type { LaneState, Timeline } from "./timeline.ts";

// Mermaid's bar tags, so the states stay apart in its drawing as they do in ours.
const TAGS: Record<LaneState, string> = { running: "active, ", blocked: "crit, ", ready: "done, ", waiting: "" };

// A gantt line's text ends at its first colon, and # starts a comment: keep both out of names.
const clean = (text: string) => text.replace(/[:;#]/g, " ").replace(/\s+/g, " ").trim();

/** The timeline as mermaid gantt text (`dateFormat x`: milliseconds from the run's start). */
export function timelineToGantt(timeline: Timeline, title = "A run of the playground"): string {
  const lines = ["gantt", `  title ${clean(title)}`, "  dateFormat x", "  axisFormat %S.%L s"];
  let n = 0;
  for (const lane of timeline.lanes) {
    const bars = [...lane.intervals].filter((iv) => iv.to > iv.from || iv.state === "running" || iv.state === "blocked");
    if (!bars.length) continue;
    lines.push(`  section ${clean(lane.detail ? `${lane.name} (${lane.detail})` : lane.name) || "lane"}`);
    for (const iv of bars) {
      const from = Math.round(iv.from * 1000);
      const to = Math.max(from + 1, Math.round(iv.to * 1000));
      const text = clean(iv.label ? `${iv.state} ${iv.label}` : iv.state);
      lines.push(`  ${text} :${TAGS[iv.state]}b${++n}, ${from}, ${to}`);
    }
  }
  return lines.join("\n") + "\n";
}
