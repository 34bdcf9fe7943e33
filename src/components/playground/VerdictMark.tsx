// The tick or cross beside a verdict ("Matches the lesson's expected output", "Goal met"): an Icon,
// not the glyphs ✓ and ✗ (Icon.tsx says why).
import { Icon } from "../Icon.tsx";

// Stroked, on the icons' 12×12 grid.
const PATHS = { met: "M2 6.5l2.8 2.8L10 3.2", notMet: "M3 3l6 6M9 3l-6 6" };

export function VerdictMark({ met }: { met: boolean }) {
  return <Icon d={met ? PATHS.met : PATHS.notMet} stroke className="pg-verdict-mark" mark={met ? "met" : "not-met"} />;
}
