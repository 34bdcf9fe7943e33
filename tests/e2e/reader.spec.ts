// A reader's view at a phone's size (390×844) and a laptop's (1280×800): every text of a timing
// diagram is drawn at 12 CSS px or more (the diagram scrolls sideways rather than shrinking), nothing
// in a playground runs out of its box where it cannot be scrolled to, and the keyboard alone gets a
// reader from the editor to Run and back, with focus kept on Run, and a mouse press on Run leaves the
// caret in the editor (a tap does not). Zoomed, a diagram scrolls sideways with its lane names in
// view; the editor underlines where the code went wrong.
import type { Page } from "@playwright/test";
import { test, expect, hydrated, playground, runPlayground, typeCode } from "./support.ts";

const PAGES = ["/", "/lessons/example-3-create-task/", "/lessons/example-7-gather-and-taskgroup/", "/lessons/real-world-images/"];
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/** The page's timing-diagram texts drawn below 12 CSS px, each with its size. */
function smallDiagramTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>(":is([data-timing-diagram], [data-home-diagram]) svg text")].flatMap((text) => {
      const svg = text.ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.getBoundingClientRect().width);
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      return px < 11.99 ? [`"${text.textContent}" at ${px.toFixed(1)} px`] : [];
    }),
  );
}

/** Wait until every playground on the page has hydrated (its Run button works). */
async function hydrateAll(page: Page): Promise<void> {
  for (const pg of await page.locator("[data-playground]").all()) {
    await pg.scrollIntoViewIfNeeded();
    await expect(pg.locator("button.pg-run")).toBeEnabled();
  }
}

for (const size of SIZES)
  for (const path of PAGES)
    test(`${path} at ${size.width}×${size.height}: diagram text at 12 px or more, nothing out of reach`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(path);
      await hydrateAll(page);
      expect(await smallDiagramTexts(page), "diagram texts below 12 px").toEqual([]);
      // Whatever pokes out of a playground's box must sit in something that scrolls.
      const outOfReach = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("[data-playground]")].flatMap((pg) => {
          const box = pg.getBoundingClientRect();
          return [...pg.querySelectorAll<HTMLElement>("*")].flatMap((el) => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || (r.left >= box.left - 1 && r.right <= box.right + 1)) return [];
            for (let up = el.parentElement; up && up !== pg; up = up.parentElement) {
              const overflow = getComputedStyle(up).overflowX;
              if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return [];
            }
            return [`${pg.dataset.playground}: <${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> spans ${r.left.toFixed(0)}–${r.right.toFixed(0)}, the box ${box.left.toFixed(0)}–${box.right.toFixed(0)}`];
          });
        }),
      );
      expect(outOfReach.slice(0, 10), "elements past the playground's edge, in nothing that scrolls").toEqual([]);
    });

test("keyboard only: Tab to the editor and type at once, Escape then Shift+Tab back to Run (above the code), Enter runs and focus stays on Run", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.locator(".cm-content")).toBeVisible();
  // From the language tabs, Tab passes the buttons to the editor (one tab stop), where typing goes
  // into the code at once.
  await pg.getByRole("tab", { name: "TypeScript" }).focus();
  const editor = pg.locator('[role="textbox"]').first();
  for (let i = 0; i < 8 && !(await editor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(editor).toBeFocused();
  await page.keyboard.type("  ");
  await expect(pg.locator(".cm-content")).toBeFocused();
  await expect(pg.locator(".cm-line").first()).toHaveText(/^\s+import/);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type('\nprint("typed");');
  await expect(pg.locator(".cm-content")).toContainText('print("typed");');
  await page.keyboard.press("Escape");
  const run = pg.getByRole("button", { name: "Run", exact: true });
  for (let i = 0; i < 8 && !(await run.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(run).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pg).toHaveAttribute("data-status", "done");
  await expect(run).toBeFocused();
  await expect(pg.locator("[data-console-line]").last()).toHaveText("typed");
  // The status line (a live region) said "Running…", and now how the run ended; an error is said too.
  const status = pg.getByRole("status").filter({ has: page.locator(".pg-sr-only") });
  await expect(status).toHaveText("Done: ended at 2.000 s of virtual time.");
  for (let i = 0; i < 8 && !(await editor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type('\nthrow new Error("boom");');
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(pg).toHaveAttribute("data-status", "error");
  await expect(status).toHaveText(/^The program stopped: .*boom \(line \d+\)\.$/);
});

/** Type a line at the end of example 3's code, press Run with `press`, and wait for the line's output. */
async function editAndRun(page: Page, press: "click" | "tap") {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await hydrated(pg);
  await pg.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type('\nprint("one");');
  const run = pg.getByRole("button", { name: "Run", exact: true });
  await run[press]();
  await expect(pg.locator("[data-console-line]").last()).toHaveText("one");
  return { pg, run };
}

test("a mouse press on Run leaves the caret in the editor: typing goes on where it stopped", async ({ page }) => {
  const { pg } = await editAndRun(page, "click");
  await expect(pg.locator(".cm-content")).toBeFocused();
  await page.keyboard.type('\nprint("two");');
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(pg.locator("[data-console-line]").last()).toHaveText("two");
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true });
  test("a tap on Run takes the focus from the editor (a phone's keyboard closes over the output)", async ({ page }) => {
    const { run } = await editAndRun(page, "tap");
    await expect(run).toBeFocused();
  });
});

test("the home page's title is not doubled; search finds lesson code but not the playgrounds' controls", async ({ page }) => {
  await page.goto("/");
  expect(await page.title()).toBe("Async, Animated — see how asyncio works");
  await page.getByRole("button", { name: "Search" }).first().click();
  const input = page.locator("dialog input[type='search'], .pagefind-ui__search-input").first();
  // Code is indexed: a call that appears only in the programs.
  await input.fill("createTask");
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible();
  // Pagefind leaves out what is marked data-pagefind-ignore="all": every playground's controls,
  // hints, status and output (the console, the diagram, the stepper) are.
  await page.goto("/lessons/example-3-create-task/");
  const parts = page.locator("[data-playground] :is(.pg-toolbar, .pg-tools, .pg-output, .pg-hint, .pg-status, .pg-nojs)");
  expect(await parts.count()).toBeGreaterThan(5);
  expect(await parts.evaluateAll((els) => els.filter((el) => el.getAttribute("data-pagefind-ignore") !== "all").map((el) => el.className))).toEqual([]);
});

test("without JavaScript: no dead buttons, a note says why, and the Python twin is there to read", async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto("/lessons/example-3-create-task/");
  const pg = playground(noJs, "create-task");
  await expect(pg.getByRole("button", { name: "Run", exact: true })).toBeHidden();
  await expect(pg.getByRole("tab")).toHaveCount(0);
  await expect(pg.locator("[data-nojs-note]")).toBeVisible();
  await pg.locator("[data-twin-static] summary").click();
  await expect(pg.locator("[data-twin-static] pre")).toContainText("asyncio.create_task(fetch_data(1))");
  await context.close();
  // With JavaScript, the note is gone and the controls are there.
  await page.goto("/lessons/example-3-create-task/");
  const live = playground(page, "create-task");
  await live.scrollIntoViewIfNeeded();
  await expect(live.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  await expect(live.locator("[data-nojs-note]")).toBeHidden();
});

test("Reset can be undone: the edit comes back", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pg.scrollIntoViewIfNeeded();
  await typeCode(page, pg, 'import { print } from "asyncio";\nprint("mine");\n');
  await pg.getByRole("button", { name: "Reset" }).click();
  await expect(pg.locator(".cm-content")).toContainText("createTask(fetchData(1))");
  await pg.getByRole("button", { name: "Undo reset" }).click();
  await expect(pg.locator(".cm-content")).toContainText('print("mine");');
  await expect(pg.locator("[data-reset-notice]")).toHaveCount(0);
});

test("between 1152 and 1280 px, where the studio's run column is narrowest, the diagram fits its box: the run's end in sight", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pg.scrollIntoViewIfNeeded();
  await expect(pg.locator("button.pg-run")).toBeEnabled();
  const box = pg.locator("[data-timing-diagram] .pg-timing-wide");
  for (const width of [1152, 1200, 1240]) {
    await page.setViewportSize({ width, height: 800 });
    // Laid out again at the box's width once it is measured (a ResizeObserver, a frame later).
    await expect.poll(() => box.evaluate((el) => el.scrollWidth - el.clientWidth), { message: `at ${width} px the diagram overflows its box by` }).toBe(0);
    expect(await box.evaluate((el) => el.clientWidth), `at ${width} px the run column is narrower than at 1280`).toBeLessThan(416);
  }
});

for (const size of SIZES)
  test(`at ${size.width}×${size.height}, the timing diagram zooms on its time axis: wider than its box, scrolled sideways with the lane names in view, its text at 12 px or more; Fit puts it back`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/lessons/example-3-create-task/");
    const pg = playground(page, "create-task");
    await pg.scrollIntoViewIfNeeded();
    await expect(pg.locator("button.pg-run")).toBeEnabled();
    const diagram = pg.locator("[data-timing-diagram]");
    const box = diagram.locator(".pg-timing-wide");
    const svgWidth = () => box.locator("svg").first().evaluate((svg) => svg.getBoundingClientRect().width);
    const fit = await svgWidth();
    // At ×1.0 it fits its box: the run's end is in sight without scrolling sideways.
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const zoomIn = diagram.getByRole("button", { name: "Zoom in" });
    for (let i = 0; i < 3; i++) await zoomIn.click();
    await expect(diagram.locator(".pg-zoom")).toHaveAttribute("data-zoom", "8.00");
    const { client, scroll } = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(await svgWidth()).toBeGreaterThan(2 * client);
    expect(scroll).toBeGreaterThan(client);
    // Scrolled to the end, each lane's name is still at the box's left edge, and on top.
    await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // The names follow on the scroll event, a frame later.
    const namesOutOfSight = () =>
      box.locator(".pg-lane-name").evaluateAll((texts) =>
        texts.flatMap((text) => {
          const box = text.closest(".pg-timing-wide")!.getBoundingClientRect();
          const r = text.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
          const inBox = r.left >= box.left && r.left < box.left + 12;
          const onTop = hit === text || text.contains(hit);
          return inBox && onTop ? [] : [`${text.textContent} at ${r.left.toFixed(0)} (box ${box.left.toFixed(0)}), ${onTop ? "on top" : "covered"}`];
        }),
      );
    await expect(box.locator(".pg-lane-name")).not.toHaveCount(0);
    // Whether a name is on top is asked of the point where it is drawn: the box must be in the window.
    await box.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await expect.poll(namesOutOfSight, { message: "lane names after scrolling right" }).toEqual([]);
    expect(await smallDiagramTexts(page), "diagram texts below 12 px").toEqual([]);
    // Ctrl+wheel over the diagram zooms it (out, here), not the page.
    const inView = (await box.boundingBox())!;
    await page.mouse.move(inView.x + inView.width / 2, inView.y + 20);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, 300);
    await page.keyboard.up("Control");
    await expect.poll(async () => Number(await diagram.locator(".pg-zoom").getAttribute("data-zoom"))).toBeLessThan(8);
    await diagram.getByRole("button", { name: "Fit" }).click();
    await expect(diagram.locator(".pg-zoom")).toHaveAttribute("data-zoom", "1.00");
    expect(await svgWidth()).toBeCloseTo(fit, 0);
  });

for (const size of SIZES)
  test(`at ${size.width}×${size.height}, the time axis's labels never overlap: a run of milliseconds, and one of eight hours`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/lessons/example-3-create-task/");
    const pg = playground(page, "create-task");
    // The labels as Chromium draws them (its own font), left and right edge each, in order.
    const labels = () =>
      pg.locator("[data-timing-diagram] .pg-tick text").evaluateAll((texts) =>
        texts.map((text) => {
          const r = text.getBoundingClientRect();
          return { text: text.textContent ?? "", left: r.left, right: r.right };
        }),
      );
    for (const [seconds, last] of [
      ["0.03", /^0\.030? s$/],
      ["28571", /^2\d000 s$/],
    ] as const) {
      await typeCode(page, pg, `import { run, sleep } from "asyncio";\nawait run(sleep(${seconds}));\n`);
      expect(await runPlayground(pg)).toBe("done");
      await expect(pg.locator("[data-timing-diagram] .pg-tick text").last()).toHaveText(last);
      const drawn = await labels();
      expect(drawn.length, `${seconds} s: ticks`).toBeGreaterThanOrEqual(3);
      const overlaps = drawn.slice(1).flatMap((label, i) => (label.left < drawn[i].right + 2 ? [`"${drawn[i].text}" and "${label.text}"`] : []));
      expect(overlaps, `${seconds} s: labels closer than 2 px`).toEqual([]);
    }
  });

test("the editor underlines a compile error at its spot (and keeps it there through edits) until the code compiles, and marks the line an uncaught error came from", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await pg.scrollIntoViewIfNeeded();
  await typeCode(page, pg, 'import { print } from "asyncio";\nconst x = ;\nprint(x);\n');
  expect(await runPlayground(pg)).toBe("error");
  // The message is read out by the alert under the editor; the underline shows the spot.
  await expect(pg.locator("[data-compile-problem]").first()).toContainText("Line 2, column 11");
  await expect(pg.locator(".cm-content .cm-lintRange-error")).toHaveText(";");
  // An edit above it moves the underline along with the code.
  await pg.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Enter");
  await expect(pg.locator(".cm-line").nth(2)).toHaveText("const x = ;");
  await expect(pg.locator(".cm-content .cm-lintRange-error")).toHaveText(";");
  await typeCode(page, pg, 'import { print } from "asyncio";\nprint("a");\nthrow new Error("boom");\n');
  expect(await runPlayground(pg)).toBe("error");
  await expect(pg.locator(".cm-content .cm-lintRange-error")).toHaveText('throw new Error("boom");');
  await typeCode(page, pg, 'import { print } from "asyncio";\nprint("fine");\n');
  expect(await runPlayground(pg)).toBe("done");
  await expect(pg.locator(".cm-content .cm-lintRange-error")).toHaveCount(0);
});

for (const size of SIZES)
  test(`at ${size.width}×${size.height}, the studio: ${size.width > 1000 ? "code beside its run, the playground as wide as the main pane, no contents column" : "code, then its run, stacked"}; Expand fills the window and Escape closes it`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/lessons/example-3-create-task/");
    const pg = playground(page, "create-task");
    await pg.scrollIntoViewIfNeeded();
    await expect(pg.locator("button.pg-run")).toBeEnabled();
    const box = async (selector: string) => (await pg.locator(selector).first().boundingBox())!;
    const [code, diagram, whole] = [await box(".pg-code"), await box("[data-timing-diagram]"), (await pg.boundingBox())!];
    if (size.width > 1000) {
      expect(diagram.x, "the diagram starts right of the code").toBeGreaterThanOrEqual(code.x + code.width);
      expect(diagram.y, "and beside it, not below it").toBeLessThan(code.y + code.height);
      // Nearly all of the main pane (the window less the 300 px sidebar).
      expect(whole.width).toBeGreaterThan((size.width - 300) * 0.9);
      await expect(page.locator("starlight-toc")).toHaveCount(0);
      // The code stays in view beside the stepper, which marks the editor's lines: no second copy.
      await pg.locator("[data-stepper] [data-step-button=last]").scrollIntoViewIfNeeded();
      await expect(pg.locator(".pg-code .cm-content")).toBeInViewport();
      await expect(pg.locator(".pg-step-code")).toBeHidden();
    } else {
      expect(diagram.y, "the diagram comes after the code").toBeGreaterThanOrEqual(code.y + code.height);
      // Stacked, the editor is far above the stepper: the stepper shows the code it steps through.
      await expect(pg.locator(".pg-step-code")).toBeVisible();
    }
    const expand = pg.locator("[data-expand]");
    await expand.click();
    await expect(pg).toHaveClass(/pg-expanded/);
    const full = (await pg.boundingBox())!;
    expect([full.x, full.y, full.width, full.height]).toEqual([0, 0, size.width, size.height]);
    // On top of the page: the middle of the window is the playground's.
    expect(await page.evaluate(() => !!document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest("[data-playground]"))).toBe(true);
    await expect(expand).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Escape");
    await expect(pg).not.toHaveClass(/pg-expanded/);
    await expect(expand).toBeFocused();
  });

test("Ctrl+Enter right after typing runs what was typed, keys and all", async ({ page }) => {
  await page.goto("/lessons/example-3-create-task/");
  const pg = playground(page, "create-task");
  await runPlayground(pg);
  for (const word of ["first", "second", "third"]) {
    await pg.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+End");
    // Typed and run in one go: no pause for the page to re-render between the last key and the run.
    await page.keyboard.insertText(`\nprint("${word}");`);
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(pg.locator("[data-console-line]").last()).toHaveText(word);
    await expect(pg.locator("[data-stale]")).toHaveCount(0);
  }
});
