// The code editor: Sandpack's CodeMirror editor only. Sandpack's preview, layout and "open in
// CodeSandbox" pieces are left out on purpose: they load code from CodeSandbox's servers.
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { SandpackProvider, SandpackCodeEditor } from "@codesandbox/sandpack-react";
import { python } from "@codemirror/lang-python";
import { setDiagnostics } from "@codemirror/lint";
import { EditorView, ViewPlugin } from "@codemirror/view";
import type { LineMarker } from "../../runtime/trace/index.ts";
import { diagnosticsOf, type EditorMark } from "./editor-marks.ts";
import { showStepMarks, stepMarks } from "./step-marks.ts";

/** The file each language is edited as (its extension picks the highlighting). */
const FILES = { typescript: "/main.ts", python: "/main.py" } as const;
// Sandpack highlights TypeScript itself; Python comes from CodeMirror's own package.
const LANGUAGES = [{ name: "python", extensions: ["py"], language: python() }];

// Sandpack's theme slots, pointed at Starlight's colours so the editor follows light and dark mode.
const SITE_THEME = {
  colors: {
    surface1: "var(--sl-color-black)",
    surface2: "var(--sl-color-gray-6)",
    surface3: "var(--sl-color-gray-5)",
    clickable: "var(--sl-color-gray-2)",
    base: "var(--sl-color-white)",
    disabled: "var(--sl-color-gray-4)",
    hover: "var(--sl-color-white)",
    accent: "var(--sl-color-accent)",
  },
  syntax: {
    plain: "var(--sl-color-white)",
    comment: { color: "var(--sl-color-gray-3)", fontStyle: "italic" as const },
    keyword: "var(--pg-syntax-keyword)",
    tag: "var(--pg-syntax-keyword)",
    punctuation: "var(--sl-color-gray-2)",
    definition: "var(--pg-syntax-definition)",
    property: "var(--pg-syntax-definition)",
    static: "var(--pg-syntax-static)",
    string: "var(--pg-syntax-string)",
  },
  font: { body: "var(--__sl-font)", mono: "var(--__sl-font-mono)", size: "0.875rem", lineHeight: "1.55" },
};

const NO_MARKS: readonly EditorMark[] = [];
const NO_STEP: readonly LineMarker[] = [];

// Every edit, reported as CodeMirror makes it: before the next key, so a Ctrl+Enter right after
// typing runs what was typed (Sandpack's own copy of the code follows a render later).
function useReportChanges(onChange: (code: string) => void) {
  const report = useRef(onChange);
  report.current = onChange;
  const [extensions] = useState(() => [EditorView.updateListener.of((update) => void (update.docChanged && report.current(update.state.doc.toString())))]);
  return extensions;
}

// Sandpack marks its editor as the panel of a file tab it does not draw (showTabs={false}), pointing
// aria-labelledby at nothing; the playground's own tab panel is the panel here. Sandpack may draw that
// element after this component's render (a render of its own): it is put right as it comes (axe found
// one, once, on a page whose editor came later than the effect). A later render of Sandpack's may set
// aria-labelledby again without the role (its id changed; the role, unchanged, is not set again): an
// element with either is put right.
function useNoStrayTabPanel(box: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    const putRight = () => {
      for (const panel of root.querySelectorAll(".sp-code-editor[role=tabpanel], .sp-code-editor[aria-labelledby]")) {
        panel.removeAttribute("role");
        panel.removeAttribute("aria-labelledby");
      }
    };
    putRight();
    const observer = new MutationObserver(putRight);
    observer.observe(root, { subtree: true, childList: true, attributeFilter: ["role", "aria-labelledby"] });
    return () => observer.disconnect();
  }, [box]);
}

// Sandpack's editor is one tab stop, a wrapper (role=textbox) that takes Enter before the code takes
// keys; in the code, Tab indents and Escape goes back to the wrapper. So Tab passes over the editor
// (no trap), and a reader who types there types into the code at once: a key that edits moves the
// focus in before the browser delivers the character.
function useTypeAtOnce(box: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const wrapper = event.target as HTMLElement;
      if (wrapper.getAttribute("role") !== "textbox" || event.ctrlKey || event.metaKey || event.altKey) return;
      const edits = event.key.length === 1 || event.key === "Backspace" || event.key === "Delete" || event.key.startsWith("Arrow");
      if (edits) wrapper.querySelector<HTMLElement>(".cm-content")?.focus();
    };
    el.addEventListener("keydown", onKeyDown, true);
    return () => el.removeEventListener("keydown", onKeyDown, true);
  }, [box]);
}

// Underline the marks in the editor, and show the stepper's marks of the step in view. Sandpack makes
// its CodeMirror view when the editor scrolls into sight (and makes it again on some changes of its
// own): a plugin hears of each view, and shows the marks there too. An empty list clears them.
function useMarks(marks: readonly EditorMark[], step: readonly LineMarker[]) {
  const view = useRef<EditorView | null>(null);
  const shown = useRef({ marks, step });
  shown.current = { marks, step };
  const showMarks = (target: EditorView, list: readonly EditorMark[]) => target.dispatch(setDiagnostics(target.state, diagnosticsOf(target.state.doc, list)));
  const [extensions] = useState(() => [
    stepMarks,
    ViewPlugin.define((created) => {
      view.current = created;
      // Not while the view is being made: a view takes no transaction then.
      queueMicrotask(() => {
        if (view.current !== created) return;
        showMarks(created, shown.current.marks);
        showStepMarks(created, shown.current.step);
      });
      return { destroy: () => void (view.current === created && (view.current = null)) };
    }),
  ]);
  useEffect(() => {
    if (view.current) showMarks(view.current, marks);
  }, [marks]);
  useEffect(() => {
    if (view.current) showStepMarks(view.current, step);
  }, [step]);
  return extensions;
}

/** The editor of a TypeScript program or its Python twin, starting from `code`; reports every edit
 *  through `onChange`, underlines `marks` (compile problems, the line of an uncaught error), and
 *  marks the lines of the stepper's step in view (`stepMarkers`: where each task runs or waits). */
export default function Editor({
  code,
  onChange,
  language = "typescript",
  marks = NO_MARKS,
  stepMarkers = NO_STEP,
}: {
  code: string;
  onChange: (code: string) => void;
  language?: keyof typeof FILES;
  marks?: readonly EditorMark[];
  stepMarkers?: readonly LineMarker[];
}) {
  const file = FILES[language];
  // Sandpack re-syncs whenever `files` changes: hand it the starting code once, then let it own the text.
  const [files] = useState(() => ({ [file]: { code } }));
  const box = useRef<HTMLDivElement>(null);
  useNoStrayTabPanel(box);
  useTypeAtOnce(box);
  const marking = useMarks(marks, stepMarkers);
  const reporting = useReportChanges(onChange);
  const [extensions] = useState(() => [...marking, ...reporting]);
  // Made once: new marks (a step of the stepper) go to CodeMirror through useMarks's effects, without
  // re-rendering Sandpack's editor and its highlighting.
  return useMemo(
    () => (
      <div ref={box}>
        <SandpackProvider files={files} options={{ activeFile: file, visibleFiles: [file], autorun: false }} theme={SITE_THEME} className="pg-sandpack">
          {/* Long lines wrap: beside the run, on a phone, nothing is cut off or needs a sideways scroll. */}
          <SandpackCodeEditor showTabs={false} showLineNumbers wrapContent showRunButton={false} additionalLanguages={LANGUAGES} extensions={extensions} />
        </SandpackProvider>
      </div>
    ),
    [files, file, extensions],
  );
}
