// Small parts of a playground: code shown as text (before the editor loads, the Python twin, without
// JavaScript), the list of compile problems, and how its run buttons take a mouse press.
import type { KeyboardEvent, MouseEvent, PointerEvent } from "react";
import type { CompileProblem } from "../../runtime/program/index.ts";

/** Code as a focusable block of text. */
export function StaticCode({ code, label }: { code: string; label: string }) {
  return (
    <pre className="pg-static-code" role="group" aria-label={label} tabIndex={0}>
      <code>{code}</code>
    </pre>
  );
}

/** What pressed last: a mouse, a pen or a finger (a pointerdown comes before its mousedown). */
let pressedWith = "";

/** Props of a button that runs the code (Run, Both): a mouse press leaves the caret in the editor
 *  where the reader was typing, as an editor's toolbar does, so they can go on editing, or press
 *  Ctrl+Enter, without clicking back into the code. A tap still takes the focus, which closes a
 *  phone's on-screen keyboard over the output; the keyboard's Tab and Enter are as ever. `onPress`
 *  is called as a pointer presses the button, before the click that releases it. */
export function runButtonPresses(onPress: () => void) {
  return {
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      pressedWith = event.pointerType;
      onPress();
    },
    onMouseDown: (event: MouseEvent<HTMLButtonElement>) => {
      const editing = document.activeElement?.closest(".cm-editor");
      if (pressedWith === "mouse" && editing && event.currentTarget.closest("[data-playground]")?.contains(editing)) event.preventDefault();
    },
  };
}

/** What the compiler found, each with its line, column and a caret under the spot. */
export function Problems({ problems }: { problems: CompileProblem[] }) {
  return (
    <div className="pg-problems" data-compile-error role="alert">
      <p className="pg-problems-title">The code does not compile:</p>
      {problems.map((p, i) => (
        <div key={i}>
          <p data-compile-problem>
            Line {p.line}, column {p.column}: {p.message}
          </p>
          {p.lineText !== undefined ? <pre aria-hidden="true">{`${p.lineText}\n${" ".repeat(Math.max(0, p.column - 1))}^`}</pre> : null}
        </div>
      ))}
    </div>
  );
}

export type Tab = "ts" | "python";
const TAB_NAMES: Record<Tab, string> = { ts: "TypeScript", python: "Python" };

/** The program's languages as tabs (the WAI-ARIA tabs pattern: one tab stop, arrow keys, Home and
 *  End move between them and select). `panel` is the id of the panel they control. Until the island
 *  is `interactive` (hydrated) they are disabled, as its buttons are: a click then would be lost. */
export function LanguageTabs({ tabs, selected, onSelect, panel, interactive }: { tabs: Tab[]; selected: Tab; onSelect: (tab: Tab) => void; panel: string; interactive: boolean }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(selected);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    onSelect(tab);
    event.currentTarget.querySelector<HTMLElement>(`[data-tab="${tab}"]`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Program" className="pg-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          role="tab"
          type="button"
          id={`${panel}-${tab}`}
          data-tab={tab}
          aria-selected={tab === selected}
          aria-controls={panel}
          tabIndex={tab === selected ? 0 : -1}
          disabled={!interactive}
          onClick={() => onSelect(tab)}
        >
          {TAB_NAMES[tab]}
        </button>
      ))}
    </div>
  );
}
