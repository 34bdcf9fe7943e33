// What axe-core reports on the site that the site does not fix, each with why. The accessibility
// test (tests/e2e/accessibility.spec.ts) fails on any other violation or "needs review" item.

interface Known {
  /** The axe rule. */
  rule: string;
  /** Where: a pattern of the node's selector (undefined: anywhere). */
  at?: RegExp;
  /** "violation" or "needs review" (undefined: both). */
  kind?: "violation" | "needs review";
  why: string;
}

/** Rules the every-page test does not run: color-contrast costs minutes on pages of diagrams, whose
 *  SVG text it cannot judge anyway; it runs on a whole chapter page in tests/e2e/stepper.spec.ts. */
export const RULES_NOT_ON_EVERY_PAGE = ["color-contrast"];

export const KNOWN_AXE_FINDINGS: Known[] = [
  {
    rule: "label-content-name-mismatch",
    at: /^button\[data-open-modal/,
    why: "Starlight's search button: its name is \"Search\", its visible text adds the shortcut \"Ctrl K\" (Starlight's markup)",
  },
  {
    rule: "landmark-unique",
    at: /(^|> )pre\[data-language/,
    why: "Starlight's code blocks (Expressive Code) make each scrolling <pre> a region without a name of its own (Starlight's markup)",
  },
  {
    rule: "color-contrast",
    kind: "needs review",
    why: "axe could not determine the background (SVG text, text beside or over other boxes, gradients): not a measured failure, but not checked either. The test reports how many on each page; the colours are Starlight's text colours on its backgrounds",
  },
];

/** The known finding that covers `rule` of this kind at the node `selector`, if any. */
export function knownFinding(rule: string, kind: "violation" | "needs review", selector: string): Known | undefined {
  return KNOWN_AXE_FINDINGS.find((known) => known.rule === rule && (known.kind ?? kind) === kind && (known.at?.test(selector) ?? true));
}
