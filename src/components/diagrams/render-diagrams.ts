// Draws the page's <Diagram> figures with mermaid, in the browser. Mermaid measures text with a
// real DOM, which the build does not have (only a browser would give one, and a reader's clone may
// have none), so the page ships each diagram's source as text and this script swaps in the SVG.
// Mermaid bakes colours into the SVG, so a theme switch redraws every figure already drawn.
import type { Mermaid, MermaidConfig } from "mermaid";

let mermaid: Promise<Mermaid> | undefined;
/** Mermaid, fetched on first use: its chunks are large, and only pages with a diagram load them. */
function loadMermaid(): Promise<Mermaid> {
  return (mermaid ??= import("mermaid").then((m) => m.default));
}

type Theme = "light" | "dark";
const currentTheme = (): Theme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

/** A CSS colour (custom properties included) resolved to rgb(), the form mermaid's colour maths parses. */
function resolveColor(probe: HTMLElement, css: string): string {
  probe.style.color = css;
  return getComputedStyle(probe).color;
}

/** Mermaid's "base" theme fed with Starlight's colours, so diagrams match the page in either theme. */
function mermaidConfig(theme: Theme): MermaidConfig {
  const probe = document.body.appendChild(document.createElement("span"));
  const c = (name: string) => resolveColor(probe, `var(${name})`);
  // Starlight's grey scale flips with the theme: "white" is always the strongest text colour and
  // gray-6 a faint surface, so one mapping is legible on both backgrounds.
  const themeVariables = {
    darkMode: theme === "dark",
    fontSize: "15px",
    background: c("--sl-color-bg"),
    primaryColor: c("--sl-color-accent-low"),
    primaryTextColor: c("--sl-color-white"),
    primaryBorderColor: c("--sl-color-accent"),
    secondaryColor: c("--sl-color-gray-6"),
    secondaryTextColor: c("--sl-color-white"),
    secondaryBorderColor: c("--sl-color-gray-3"),
    tertiaryColor: c("--sl-color-gray-6"),
    tertiaryTextColor: c("--sl-color-white"),
    tertiaryBorderColor: c("--sl-color-gray-4"),
    lineColor: c("--sl-color-gray-3"),
    textColor: c("--sl-color-white"),
    noteBkgColor: c("--sl-color-gray-6"),
    noteTextColor: c("--sl-color-white"),
    noteBorderColor: c("--sl-color-gray-4"),
    edgeLabelBackground: c("--sl-color-bg"),
  };
  probe.remove();
  return {
    startOnLoad: false,
    // dagre: mermaid 12 defaults to ELK, a 1.5 MB chunk these small diagrams do not need.
    layout: "dagre",
    // The flat look: mermaid 12's default "neo" look adds drop shadows that glow on a dark page.
    look: "classic",
    theme: "base",
    themeVariables,
    fontFamily: getComputedStyle(document.body).fontFamily,
    // Mermaid wraps labels at 120px by default, which breaks even short phrases onto three lines.
    flowchart: { wrappingWidth: 180, nodeSpacing: 40, rankSpacing: 40 },
    state: { wrappingWidth: 180, nodeSpacing: 40, rankSpacing: 40 },
    securityLevel: "strict",
  };
}

const MIN_SCALE = 0.75;
let renders = 0;
/** Draws one figure in the given theme, replacing its source text (kept, hidden, for no-JS readers). */
async function draw(figure: HTMLElement, theme: Theme): Promise<void> {
  const m = await loadMermaid();
  m.initialize(mermaidConfig(theme));
  const source = figure.querySelector<HTMLElement>(".diagram-source")!;
  const holder = figure.querySelector<HTMLElement>(".diagram-svg")!;
  const { svg } = await m.render(`mermaid-svg-${++renders}`, source.textContent ?? "");
  holder.innerHTML = svg;
  const drawing = holder.querySelector("svg")!;
  // The caption names the figure; the SVG itself needs the name too, since mermaid only adds one
  // when the source has an accTitle line.
  drawing.setAttribute("aria-label", figure.dataset.title ?? "");
  // Mermaid lets the SVG shrink to any width; below 3/4 of its natural size the labels get too
  // small to read, so a narrow screen scrolls the figure sideways instead.
  drawing.style.minWidth = `${Math.round(drawing.viewBox.baseVal.width * MIN_SCALE)}px`;
  holder.hidden = false;
  source.hidden = true;
  figure.dataset.renderedTheme = theme;
  keyboardScrollable(holder);
}

const watched = new WeakSet<HTMLElement>();
/** Makes a drawing wider than the column a tab stop, so it can be scrolled from the keyboard. */
function keyboardScrollable(holder: HTMLElement): void {
  // Only while it overflows: a tab stop that does nothing is noise. Re-checked on every resize.
  const update = () => {
    if (holder.scrollWidth > holder.clientWidth) holder.tabIndex = 0;
    else holder.removeAttribute("tabindex");
  };
  if (watched.has(holder)) return update();
  watched.add(holder);
  new ResizeObserver(update).observe(holder);
}

/** Draws each diagram as it nears the viewport, and redraws the drawn ones when the theme changes. */
export function renderDiagramsWhenVisible(): void {
  const figures = [...document.querySelectorAll<HTMLElement>("figure[data-diagram]")];
  if (!figures.length) return;
  const drawn = new Set<HTMLElement>();
  // One drawing at a time: mermaid's configuration is global, so a theme switch in the middle of
  // a render must wait for it rather than change its colours halfway.
  let queue = Promise.resolve();
  const schedule = (figure: HTMLElement) => {
    queue = queue
      .then(() => (figure.dataset.renderedTheme === currentTheme() ? undefined : draw(figure, currentTheme())))
      .catch((error: unknown) => {
        figure.dataset.renderedTheme = "error";
        console.error(`Diagram "${figure.dataset.title}" could not be drawn:`, error);
      });
  };
  const visible = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        visible.unobserve(entry.target);
        drawn.add(entry.target as HTMLElement);
        schedule(entry.target as HTMLElement);
      }
    },
    { rootMargin: "400px 0px" },
  );
  for (const figure of figures) visible.observe(figure);
  new MutationObserver(() => drawn.forEach(schedule)).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
