// The lessons' concept diagrams (<Diagram> + mermaid): each is drawn in the browser from the source
// the page ships, carries an accessible name, and stays legible when the reader switches theme.
import { test, expect, axe } from "./support.ts";
import type { Locator, Page } from "@playwright/test";

const DIAGRAMS = [
  {
    path: "/lessons/terms/",
    title: "One turn of the event loop",
    labels: ["Run the ready callbacks, first in, first out", "The task runs until it awaits something not done", "If nothing is ready, wait for the next timer or I/O event", "Move the due timers to the ready queue", "back to the loop"],
  },
  {
    path: "/lessons/terms/",
    title: "The states of a future",
    labels: ["pending", "finished, with a result", "finished, with an exception", "cancelled", "setResult(value)", "cancel()"],
  },
  {
    path: "/lessons/example-2-awaiting-coroutines/",
    title: "What await x does inside a task",
    labels: ["What is x?", "Run its body here, in the same task, like a call", "The task suspends; the loop runs other tasks", "each await in the body"],
  },
  {
    path: "/lessons/choosing-async-threads-processes/",
    title: "Choosing between asyncio, threads and processes",
    labels: ["Where does the time go?", "Do your libraries have async versions?", "asyncio", "threads", "processes", "no, they block"],
  },
];

// Follow the system's light scheme first (Starlight's "auto"), then switch as a reader would.
test.use({ colorScheme: "light" });

function diagram(page: Page, title: string): Locator {
  return page.locator(`figure[data-diagram][data-title="${title}"]`);
}

async function switchTheme(page: Page, theme: "dark" | "light"): Promise<void> {
  await page.locator("starlight-theme-select select").filter({ visible: true }).first().selectOption(theme);
}

interface Legibility {
  /** The lowest WCAG contrast ratio between a label's text and what is painted behind it. */
  text: number;
  /** The label with that ratio. */
  label: string;
  /** The highest contrast between a node's fill and the page: low when the drawing follows the theme. */
  surface: number;
}

/**
 * Measures the drawing in the page: each label against its own background, the node shape around
 * it, or else the page; and each node's fill against the page (a drawing left in the other theme's
 * colours stays legible, label by label, but shows as glaring or murky panels).
 */
function legibility(svg: Locator): Promise<Legibility> {
  return svg.evaluate((root) => {
    const rgba = (css: string): number[] => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = "1"] = m[1].split(/[ ,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const over = (top: number[], under: number[]) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3])).concat(1);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    let page = [255, 255, 255, 1];
    for (let el: Element | null = root.parentElement; el; el = el.parentElement) {
      const bg = rgba(getComputedStyle(el).backgroundColor);
      if (bg[3] > 0) {
        page = over(bg, [255, 255, 255, 1]);
        break;
      }
    }
    const shapeFill = (node: Element): number[] | undefined => {
      for (const shape of node.querySelectorAll("rect, path, polygon, circle, ellipse")) {
        if (shape.closest(".label")) continue;
        const fill = rgba(getComputedStyle(shape).fill);
        if (fill[3] > 0) return fill;
      }
      return undefined;
    };
    const backdrop = (text: Element): number[] => {
      const layers: number[][] = [];
      for (let el: Element | null = text; el && el !== root; el = el.parentElement) {
        if (el.namespaceURI === "http://www.w3.org/1999/xhtml") {
          const bg = rgba(getComputedStyle(el).backgroundColor);
          if (bg[3] > 0) layers.push(bg);
        } else if (el.classList.contains("node")) {
          const fill = shapeFill(el);
          if (fill) layers.push(fill);
        }
      }
      return layers.reverse().reduce((under, top) => over(top, under), page);
    };
    let surface = 1;
    for (const node of root.querySelectorAll(".node")) {
      if (!node.textContent?.trim()) continue; // a state diagram's start and end dots, not surfaces
      const fill = shapeFill(node);
      if (fill) surface = Math.max(surface, contrast(over(fill, page), page));
    }
    let lowest = { ratio: Infinity, label: "" };
    for (const el of root.querySelectorAll("*")) {
      if (["style", "desc", "title"].includes(el.localName)) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();
      if (!own) continue;
      const style = getComputedStyle(el);
      const color = rgba(el.namespaceURI === "http://www.w3.org/2000/svg" ? style.fill : style.color);
      const under = backdrop(el);
      const ratio = contrast(over(color, under), under);
      if (ratio < lowest.ratio) lowest = { ratio, label: own };
    }
    return { text: lowest.ratio, label: lowest.label, surface };
  });
}

/** Serious or critical axe findings inside one figure. */
async function axeProblems(page: Page, title: string): Promise<string[]> {
  const results = await axe(page).include(`figure[data-title="${title}"]`).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const { path, title, labels } of DIAGRAMS) {
  test(`"${title}" is drawn, named, and legible in light and dark`, async ({ page }) => {
    await page.goto(path);
    const figure = diagram(page, title);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute("data-rendered-theme", "light");

    const svg = figure.locator(".diagram-svg svg");
    await expect(svg).toBeVisible();
    await expect(figure.locator(".diagram-source")).toBeHidden();
    await expect(svg).toHaveAccessibleName(title);
    await expect(svg).toHaveAccessibleDescription(/\w{4,}/);
    for (const label of labels) await expect(svg.getByText(label, { exact: true }), label).toBeVisible();

    const light = await legibility(svg);
    expect(light.text, `light theme, label "${light.label}"`).toBeGreaterThanOrEqual(4.5);
    expect(light.surface, "light theme, node fills against the page").toBeLessThan(3);
    expect(await axeProblems(page, title)).toEqual([]);
    const lightId = await svg.getAttribute("id");

    await switchTheme(page, "dark");
    await expect(figure).toHaveAttribute("data-rendered-theme", "dark");
    await expect(svg).not.toHaveAttribute("id", lightId!);
    await expect(svg).toHaveAccessibleName(title);
    for (const label of labels) await expect(svg.getByText(label, { exact: true }), label).toBeVisible();
    const dark = await legibility(svg);
    expect(dark.text, `dark theme, label "${dark.label}"`).toBeGreaterThanOrEqual(4.5);
    expect(dark.surface, "dark theme, node fills against the page").toBeLessThan(3);
    expect(await axeProblems(page, title)).toEqual([]);

    // The diagram fits the content column: wider than the column, it scrolls inside the figure.
    const [fig, column] = await Promise.all([figure.boundingBox(), page.locator(".sl-markdown-content").boundingBox()]);
    expect(fig!.x + fig!.width).toBeLessThanOrEqual(column!.x + column!.width + 1);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a diagram wider than the column scrolls inside its figure, from the keyboard too", async ({ page }) => {
    await page.goto("/lessons/terms/");
    const figure = diagram(page, "The states of a future");
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute("data-rendered-theme", "light");
    const holder = figure.locator(".diagram-svg");
    // Labels stay at least 3/4 of their size; the rest of the drawing is a scroll away.
    const [svgBox, holderBox] = await Promise.all([holder.locator("svg").boundingBox(), holder.boundingBox()]);
    expect(svgBox!.width).toBeGreaterThan(holderBox!.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expect(holder).toHaveAttribute("tabindex", "0");
    await holder.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => holder.evaluate((h) => h.scrollLeft)).toBeGreaterThan(0);
    expect(await axeProblems(page, "The states of a future")).toEqual([]);
  });
});

test("without JavaScript, every diagram is there in words (its description), with its caption", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  for (const { path, title } of DIAGRAMS) {
    await page.goto(path);
    const figure = diagram(page, title);
    const source = (await figure.locator("pre.diagram-source").textContent()) ?? "";
    const words = /accDescr:\s*(.+)/.exec(source)?.[1];
    expect(words, `${title}: its source describes it (accDescr)`).toBeTruthy();
    await expect(figure.locator("[data-diagram-words]")).toHaveText(words!);
    await expect(figure.locator("pre.diagram-source")).toBeHidden();
    await expect(figure.locator("figcaption")).toHaveText(title);
  }
  await context.close();
});

test("mermaid loads only where a diagram is, with the dagre layout and never ELK", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
  await page.goto("/lessons/example-1-synchronous/");
  await page.waitForLoadState("networkidle");
  expect(scripts.filter((s) => /mermaid/.test(s))).toEqual([]);

  await page.goto("/lessons/choosing-async-threads-processes/");
  const figure = page.locator("figure[data-diagram]");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-rendered-theme", "light");
  expect(scripts.some((s) => /mermaid\.core/.test(s))).toBe(true);
  expect(scripts.filter((s) => /\/elk[-.]/.test(s))).toEqual([]);
});
