// A small icon drawn as SVG on a 12×12 grid, in the text's colour, rather than as a font's glyph:
// glyphs such as ⏮ or ✗ are missing from many systems' fonts, and a missing one sends the browser
// through its fallback fonts the first time it is drawn (✗: 47 ms of one layout, docs/PERFORMANCE.md).

/** `d`: the path, filled, or with `stroke` drawn as a 2-unit line. */
export function Icon({ d, stroke = false, className = "pg-icon", mark }: { d: string; stroke?: boolean; className?: string; mark?: string }) {
  const paint = stroke ? { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round" as const, strokeLinejoin: "round" as const } : { fill: "currentColor" };
  return (
    <svg className={className} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" data-mark={mark}>
      <path d={d} {...paint} />
    </svg>
  );
}
