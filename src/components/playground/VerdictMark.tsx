// The tick or cross beside a verdict ("Matches the lesson's expected output", "Goal met"), drawn
// rather than set as the glyphs ✓ and ✗: ✗ is missing from many systems' first font, and the first
// one a page drew sent Chromium through its fallback fonts in the layout that drew it (a fresh
// browser on this machine: 47 ms for that character, 0.7 for a letter; 122 ms in one run).
import { Icon } from "../Icon.tsx";

// Stroked, on the icons' 12×12 grid.
const PATHS = { met: "M2 6.5l2.8 2.8L10 3.2", notMet: "M3 3l6 6M9 3l-6 6" };

export function VerdictMark({ met }: { met: boolean }) {
  return <Icon d={met ? PATHS.met : PATHS.notMet} stroke className="pg-verdict-mark" mark={met ? "met" : "not-met"} />;
}
