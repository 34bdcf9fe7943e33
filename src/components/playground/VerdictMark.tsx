// The tick or cross beside a verdict ("Matches the lesson's expected output", "Goal met"), drawn as
// SVG rather than as the glyphs ✓ and ✗: ✗ is missing from many systems' first font, and the first
// one a page drew sent Chromium through its fallback fonts in the layout that drew it (a fresh
// browser on this machine: 47 ms for that character, 0.7 for a letter; 122 ms in one run).

// On a 12×12 grid, stroked.
const PATHS = { met: "M2 6.5l2.8 2.8L10 3.2", notMet: "M3 3l6 6M9 3l-6 6" };

export function VerdictMark({ met }: { met: boolean }) {
  return (
    <svg className="pg-verdict-mark" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" data-mark={met ? "met" : "not-met"}>
      <path d={met ? PATHS.met : PATHS.notMet} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
