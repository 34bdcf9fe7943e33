// axe-core on every page of the site (the embed pages repeat their chapters' playgrounds), with each
// kind of playground on the page hydrated: no violation and no "needs review" item may come from the
// site's own markup. What the site does not fix is listed, with why, in one place
// (tests/support/axe-known.ts); how many such items each page has is noted on the test's report.
import { test, expect, hydrated, axe } from "./support.ts";
import { ROOT_SITE, builtPages, isEmbedPage, siteTag } from "../support/built-site.ts";
import { RULES_NOT_ON_EVERY_PAGE, knownFinding } from "../support/axe-known.ts";

// One page per test, each in its own page: spread over the workers (in one, the file took 7 min).
test.describe.configure({ mode: "parallel" });

const pages = builtPages(ROOT_SITE).filter((page) => !isEmbedPage(page, ROOT_SITE));

// The kinds of playground, each drawn by components of its own: the first of each kind on a page is
// hydrated (it hydrates when it comes into view); the others of its kind, made by the same components,
// are checked as the page first shows them. (Hydrating all 40 of the reference page took minutes.)
const KINDS = [
  "[data-playground]",
  "[data-exercise]",
  '[data-playground][data-clock="real"]',
  '[data-playground]:has([data-run-side="compare"])',
  '[data-playground]:has([data-no-twin])',
];

for (const { path } of pages)
  test(`${path}: axe finds nothing of the site's own`, siteTag(ROOT_SITE), async ({ page }) => {
    test.slow();
    await page.goto(path);
    for (const kind of KINDS) {
      const pg = page.locator(kind).first();
      if (await pg.count()) await hydrated(pg);
    }
    const results = await axe(page).disableRules(RULES_NOT_ON_EVERY_PAGE).analyze();
    const findings = [...results.violations.map((rule) => ({ rule, kind: "violation" as const })), ...results.incomplete.map((rule) => ({ rule, kind: "needs review" as const }))].flatMap(({ rule, kind }) =>
      rule.nodes.map((node) => ({ kind, rule: rule.id, at: node.target.join(" "), text: `${kind} ${rule.id} (${rule.impact ?? "no impact"}): ${rule.help}\n    ${node.target.join(" ")}\n    ${node.failureSummary ?? ""}` })),
    );
    const known = findings.filter((f) => knownFinding(f.rule, f.kind, f.at));
    test.info().annotations.push({ type: "known axe findings", description: `${known.length}` });
    const own = findings.filter((f) => !knownFinding(f.rule, f.kind, f.at)).map((f) => f.text);
    expect(own, own.join("\n")).toEqual([]);
  });
