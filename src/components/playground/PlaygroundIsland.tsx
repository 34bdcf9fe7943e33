// One playground: editor (loaded lazily), Python twin, Run / Reset, console, timing diagram, and the
// event-loop stepper under it (linked to the diagram), with the event log as the diagram's text.
// Server-rendered with the build's own run of the lesson code, so the page reads without
// JavaScript; hydrated when it scrolls into view; the editor itself loads after that.
// An exercise is this same playground with a goal and a solution (ExerciseParts.tsx): it shows the
// goal, says after each run whether the run met it, and can put the solution in the editor.
// A playground with `compare` runs its program under both models and shows the runs side by side
// (CompareRuns.tsx); its stepper steps through the run the reader picks.
import { lazy, memo, Suspense, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CompiledProgram, CompileProblem } from "../../runtime/program/index.ts";
import { stepState, type LineMarker, type RunResult, type StepList } from "../../runtime/trace/index.ts";
import { Console } from "../console/Console.tsx";
import { Stepper } from "../stepper/Stepper.tsx";
import { useStepper } from "../stepper/use-stepper.ts";
import { EventLog } from "../timing/EventLog.tsx";
import { Profile } from "../profile/Profile.tsx";
import { TimingDiagram } from "../timing/TimingDiagram.tsx";
import type { Expectation } from "./expectation.ts";
import { RunSummary } from "./RunSummary.tsx";
import { IsolationNote } from "./IsolationNote.tsx";
import { CompareRuns, MODEL_NAMES, SteppedRunPicker, type CompareSide, type Model } from "./CompareRuns.tsx";
import { PlaygroundTools } from "../share/PlaygroundTools.tsx";
import { anchorOf, linkedCode, withoutLinkedCode } from "../share/links.ts";
import { checkGoal, type GoalCheck } from "./goal.ts";
import { ExerciseGoal, ExerciseSolution, ExerciseVerdict, type ExerciseSpec } from "./ExerciseParts.tsx";
import { runButtonPresses, LanguageTabs, Problems, StaticCode, type Tab } from "./PlaygroundParts.tsx";
import { bothVerdict } from "./both-verdict.ts";
import { compileAhead, keepCompiled, runPainted, warmUp } from "./browser-runner.ts";
import { usePlaygroundRun } from "./use-playground-run.ts";
import { useRunViews, type RunViews } from "./use-run-views.ts";
import { useSavedCode } from "./use-saved-code.ts";
import { landedRun, type ShippedRun } from "./shipped-run.ts";
import { errorMark, problemMarks } from "./editor-marks.ts";
import { lineMap, markersOnLines } from "./line-map.ts";
import "./playground.css";

// Memoised: the island re-renders as a long run is drawn (its progress), the editor need not.
const Editor = lazy(() => import("./Editor.tsx").then((module) => ({ default: memo(module.default) })));

const NO_STEPS: StepList = [];
/** A pause in typing this long, and the code is compiled ahead of Run. */
const COMPILE_AHEAD_PAUSE_MS = 300;
const NO_MARKERS: readonly LineMarker[] = [];
/** What the output is, when it is not the run of the code in the editor; all three are held in one
 *  place, the one that applies seen, so that the output under them stays put as one follows another
 *  (an edit, then its run: a phone's width wrapped them to lines of their own count). */
const OUTPUT_NOTES = {
  failed: "This output is from the last run that finished.",
  edited: "This output is from the code before your edits. Press Run to see yours.",
  yours: "This output is from your edited code. Reset brings back the lesson's own.",
} as const;
/** The editor holds the stepped run's code as it ran: its lines are the trace's. */
const SAME_LINES: ReadonlyMap<number, number> = new Map();

export interface PlaygroundProps {
  id: string;
  code: string;
  python?: string;
  /** The build's run of the lesson's code, as the page ships it (shipped-run.ts). */
  initial: ShippedRun;
  /** The lesson's code as the build compiled it: a Run of it needs no compiler. */
  compiled?: CompiledProgram;
  expectation: Expectation;
  /** "real": the run uses the wall clock (real CPU work shows its real duration). */
  clock?: "virtual" | "real";
  /** Show the profile: per function, time computing, waiting, blocked and ready. */
  profile?: boolean;
  /** "eager": async calls start at once, as in JavaScript (asyncio's lazy coroutines by default). */
  model?: Model;
  /** Present when the program also runs under the other model, drawn beside this run. */
  compare?: { model: Model; initial: ShippedRun; expectation: Expectation };
  /** Present when this playground is an exercise: the goal its run must meet, and a solution. */
  exercise?: ExerciseSpec;
  /** Why the playground has no Python twin, when it has none. */
  noTwin?: string;
  /** On its own embed page: a link's ?code= needs no ?pg= there. */
  embedded?: boolean;
}

/** "2.000 s → 1.000 s, 1.000 s faster": how the run after an edit compares with the pinned one. */
function endDifference(pinned: number, now: number): string {
  const delta = now - pinned;
  const change = Math.abs(delta) < 5e-4 ? "the same end time" : `${Math.abs(delta).toFixed(3)} s ${delta < 0 ? "faster" : "slower"}`;
  return `${pinned.toFixed(3)} s → ${now.toFixed(3)} s, ${change}`;
}

// An exercise's verdict on what the reader sees: a compile error or a crash, else the run shown.
function verdictOf(goal: ExerciseSpec["goal"], result: RunResult | null, problems: CompileProblem[], crash: string | null): GoalCheck | null {
  if (problems.length) return { met: false, reasons: ["The code does not compile: see the problem below."] };
  if (crash) return { met: false, reasons: [crash] };
  return result ? checkGoal(result, goal) : null;
}

/** The interactive playground (a React island). */
export default function PlaygroundIsland({ id, code: lessonCode, python: lessonPython, initial: shippedInitial, compiled, expectation, clock = "virtual", profile = false, model = "lazy", compare, exercise, noTwin, embedded = false }: PlaygroundProps) {
  const storageKey = `async-animated:${typeof location === "undefined" ? "" : location.pathname}#${id}`;
  const { code, edit, restore, latest } = useSavedCode(storageKey, lessonCode);
  // The Python twin is edited and kept the same way (a playground without one keeps nothing).
  const twin = useSavedCode(`${storageKey}:python`, lessonPython ?? "");
  const python = lessonPython === undefined ? undefined : twin.code;
  // The build's runs, made once: a result is the build's while it is this very object.
  const [initial] = useState(() => landedRun(shippedInitial));
  const [compareInitial] = useState(() => compare && landedRun(compare.initial));
  const runs = usePlaygroundRun({ lessonCode, initial, compareInitial, clock, model, compareModel: compare?.model });
  const { status, result, compareResult, resultCode, problems, crash, language, both, drawnInFrame } = runs.state;
  const [tab, setTab] = useState<Tab>("ts");
  const [stepped, setStepped] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  const [editorGeneration, setEditorGeneration] = useState(0);
  const [notice, setNotice] = useState("");
  useEffect(() => {
    if (compiled) keepCompiled(lessonCode, compiled);
    setHydrated(true);
    // The island hydrates when it scrolls into view: once the page is idle, get the compiler and the
    // next run's worker ready, so the first Run does not wait for them, and let that worker rehearse
    // the lesson's program (not one that starts threads or processes, or runs on the real clock).
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 300));
    const rehearsable = compiled && clock === "virtual" && !initial.events.some((e) => e.kind === "pool-created" || e.kind === "job-queued");
    // The build's run tells how many job workers (one a thread or process lane) the first run takes.
    const jobWorkers = new Set(initial.events.flatMap((e) => (e.kind === "job-started" ? [`${e.pool}:${e.lane}`] : []))).size;
    idle(() => warmUp({ source: lessonCode, rehearsal: rehearsable ? { program: compiled, options: { clock, model } } : undefined, jobWorkers }));
  }, []);
  // Compile what the reader may run next once they pause (and the lesson's code once the page is
  // idle), so that Run finds it compiled.
  useEffect(() => {
    if (!hydrated) return;
    const timer = window.setTimeout(() => compileAhead(code), COMPILE_AHEAD_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [code, hydrated]);
  const { views, progress } = useRunViews(result, result === initial);
  const { views: compareViews } = useRunViews(compareResult, compareResult === compareInitial);
  const { views: bothViews } = useRunViews(both?.result ?? null, false);
  const sameOrNot = useMemo(() => (both && result ? bothVerdict(result, both.result, expectation.stdout ?? []) : null), [both, result, expectation]);
  // A run the reader pinned, to compare with the runs after their edits.
  // Its code and language too: the stepper shows and marks the code the pinned run came from.
  const [pinned, setPinned] = useState<{ result: RunResult; views: RunViews; code: string; language: typeof language } | null>(null);
  // After an edit is run beside a pinned run, the stepper walks the new one ("This run").
  useEffect(() => {
    if (pinned && result !== pinned.result) setStepped(1);
  }, [pinned, result]);
  const sides: CompareSide[] | null = useMemo(() => {
    if (both && result && views && bothViews)
      return [
        { key: "typescript", label: "TypeScript (this site's runtime)", result, expectation, views },
        { key: "python", label: "Python (CPython 3.14, Pyodide)", result: both.result, expectation, views: bothViews },
      ];
    if (compare && result && compareResult && views && compareViews)
      return [
        { key: model, label: MODEL_NAMES[model], model, result, expectation, views },
        { key: compare.model, label: MODEL_NAMES[compare.model], model: compare.model, result: compareResult, expectation: compare.expectation, views: compareViews },
      ];
    if (pinned && result && views && result !== pinned.result)
      return [
        { key: "pinned", label: "Pinned run", result: pinned.result, expectation, views: pinned.views },
        { key: "current", label: "This run", result, expectation, views },
      ];
    return null;
  }, [both, bothViews, compare, model, result, compareResult, expectation, views, compareViews, pinned]);
  // The Performance API's view of a run (npm run bench reads it): the new views are in the page
  // ("drawn", as React commits them: a passive effect may run a frame later), then painted (after
  // the next frame, or after this one when they were drawn at its start).
  useLayoutEffect(() => {
    if (!views || !hydrated) return;
    performance.mark("playground:drawn", { detail: id });
    const painted = () =>
      setTimeout(() => {
        performance.mark("playground:painted", { detail: id });
        runPainted();
      });
    if (drawnInFrame) painted();
    else requestAnimationFrame(painted);
  }, [views, hydrated, id, drawnInFrame]);
  // What the editors underline: compile problems, and the line an uncaught error came from while the
  // editor holds the code that raised it. Worked out again only when that changes, not on each key:
  // CodeMirror moves the marks along with the reader's edits, and a new list would put them back.
  const tsError = language === "typescript" && resultCode === code ? result?.error : undefined;
  const pyRun = language === "python" ? { result, code: resultCode } : both;
  const pyError = pyRun && pyRun.code === python ? pyRun.result?.error : undefined;
  const tsMarks = useMemo(() => [...problemMarks(problems), ...errorMark(tsError)], [problems, tsError]);
  const pyMarks = useMemo(() => errorMark(pyError), [pyError]);
  const steppedResult = sides ? sides[stepped].result : result;
  // The code the stepped run came from (its lines are the trace's), and its language.
  const steppedSide = sides?.[stepped]?.key;
  const { code: steppedCode, language: steppedLanguage } =
    steppedSide === "python" && both ? { code: both.code, language: "python" } : steppedSide === "pinned" && pinned ? pinned : { code: resultCode, language };
  const steps: StepList = (sides ? sides[stepped].views.steps : views?.steps) ?? NO_STEPS;
  const stepper = useStepper(steps);
  // While the reader sweeps through the steps (drags the slider, holds an arrow key), the slider and
  // the diagram's cursor follow at once and the step's state (the panes, the editor's marks) catches
  // up when the page has time, skipping the steps in between; after a click or a key press it is the
  // step's at once.
  const deferredStep = useDeferredValue(stepper.step);
  const shownStep = stepper.sweeping ? deferredStep : stepper.step;
  const stepView = useMemo(() => (steppedResult ? stepState(steppedResult.events, stepper.steps, shownStep) : null), [steppedResult, stepper.steps, shownStep]);
  // The stepper drives the editor in view that holds the stepped run's language: the same lines are
  // marked there, where they are now if the reader has edited the code since (line-map.ts). Only code
  // too different to say where a line went leaves the marks to the stepper's own copy of the code.
  const editorText = steppedLanguage === "python" ? (tab === "python" ? python : undefined) : tab === "ts" ? code : undefined;
  const editorLines = useMemo(() => (editorText === undefined ? null : steppedCode === editorText ? SAME_LINES : lineMap(steppedCode, editorText)), [steppedCode, editorText]);
  const markedEditor = !stepView || !editorLines ? null : steppedLanguage === "python" ? "python" : "ts";
  const linesNow = useRef(editorLines);
  linesNow.current = editorLines;
  // Put on the editor's lines as a step comes, not at each key: between steps, CodeMirror moves the
  // marks along with the edits (step-marks.ts), and new marks would scroll to the running line.
  const stepMarkers = useMemo(() => {
    const markers = stepView?.markers ?? NO_MARKERS;
    const lines = linesNow.current;
    return !lines || lines === SAME_LINES ? markers : markersOnLines(markers, lines);
  }, [stepView, markedEditor]);

  const run = () => {
    if (runs.busy) return;
    setNotice("");
    setUndoable(null);
    // The latest edits: a Ctrl+Enter can come before the page re-renders with the last key.
    if (tab === "python" && python !== undefined) void runs.run(twin.latest(), "python");
    else void runs.run(latest());
  };

  const runBoth = () => {
    if (runs.busy || python === undefined) return;
    setNotice("");
    setUndoable(null);
    setStepped(0);
    void runs.runBoth(latest(), twin.latest());
  };

  // Code from a share link (?pg=<id>&code=…): in the editor and run, with a way back to the lesson's.
  const [fromLink, setFromLink] = useState<"code" | string | null>(null);
  useEffect(() => {
    const linked = linkedCode(location.search, id, embedded);
    if (!linked) return;
    if ("error" in linked) return setFromLink(`This link's code could not be read: ${linked.error}. The lesson's code is shown instead.`);
    edit(linked.code);
    setEditorGeneration((g) => g + 1);
    setFromLink("code");
    void runs.run(linked.code);
    // Once, on arrival: the link is read when the page opens.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Reset puts back the lesson's code of the tab in view (the TypeScript, or the Python twin).
  // What Reset replaced, so that it can be undone.
  const [undoable, setUndoable] = useState<{ tab: Tab; code: string } | null>(null);
  const reset = () => {
    if (runs.busy) return;
    const replaced = tab === "python" ? python : code;
    const lessons = tab === "python" ? lessonPython : lessonCode;
    setUndoable(replaced !== undefined && replaced !== lessons ? { tab, code: replaced } : null);
    if (tab === "python") twin.restore();
    else restore();
    setEditorGeneration((g) => g + 1);
    runs.reset();
    setNotice("");
    if (fromLink) {
      setFromLink(null);
      history.replaceState(history.state, "", withoutLinkedCode(location.href));
    }
  };

  const undoReset = () => {
    if (!undoable) return;
    if (undoable.tab === "python") twin.edit(undoable.code);
    else edit(undoable.code);
    setTab(undoable.tab);
    setEditorGeneration((g) => g + 1);
    setUndoable(null);
  };

  const loadSolution = () => {
    if (!exercise) return;
    edit(exercise.solution);
    setEditorGeneration((g) => g + 1);
    setTab("ts");
    setNotice("The solution is in the editor. Press Run to check it.");
    // The button sits below the editor: in the studio's code column (which scrolls on its own) the
    // editor may be out of sight, so bring it back into view.
    requestAnimationFrame(() => document.getElementById(`${id}-code`)?.scrollIntoView({ block: "nearest" }));
  };

  // The TypeScript's compile starts as the reader presses Ctrl (of Ctrl+Enter) or a pointer on Run or
  // Both, before the key or the click that runs it (browser-runner.ts, compileAhead).
  const compileBeforeRun = (both = false) => (both || tab !== "python") && compileAhead(latest(), "pressing");
  const onEditorKeys = (event: KeyboardEvent) => {
    if (event.key === "Control" || event.key === "Meta") compileBeforeRun();
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  };

  const [expanded, setExpanded] = useExpanded();
  // Stop goes away as the run ends: focus moves to Run first, so a keyboard reader is not left on the page's body.
  const runButton = useRef<HTMLButtonElement>(null);
  const stop = () => {
    runButton.current?.focus();
    runs.stop();
  };
  // Under way (no second Run, Reset), and shown to be: the controls change once a run takes a moment.
  const { busy, busyShown } = runs;
  const statusText = runs.progress || notice;
  // How the reader's last run ended, for screen readers (the run's summary shows it on screen): the
  // status line empties as a run starts (and says "Running…" if it takes a moment), then says this,
  // so each run is announced once. Compile problems and crashes are alerts of their own.
  const ended = !busy && result && result !== initial && !problems.length && !crash ? endedText(result, clock) : "";
  // What the output below is, when it is not the run of the code in the editor.
  // Whether the run shown is of other code than this TypeScript and Python (the Python twin's, if Both ran it).
  const ranOtherThan = (ts: string, py: string | undefined) => resultCode !== (language === "python" ? py : ts) || (both !== null && both.code !== py);
  const edited = ranOtherThan(code, python);
  const stale = result === null ? null : crash !== null || problems.length ? "failed" : edited ? "edited" : null;
  // A run of the reader's edits says so where the stale note was: taking the line out moved the output
  // up as it was drawn, and repainted all under it.
  const yours = result !== null && result !== initial && ranOtherThan(lessonCode, lessonPython);
  const outputNote: keyof typeof OUTPUT_NOTES | null = stale ?? (yours ? "yours" : null);
  // No verdict before the reader's first run: the build's run of the starting code is no attempt of theirs.
  const verdict = exercise && !busyShown && (result !== initial || crash !== null || problems.length > 0) ? verdictOf(exercise.goal, result, problems, crash) : null;

  // The run's views and tools, made again only when what they show changes: a run's status
  // ("Running…") re-renders the toolbar and the status line, not the diagram, stepper and log.
  const runViews = useMemo(
    () => (
          <div className="pg-studio-view">
            {result && !views ? (
              <p className="pg-preparing" role="status" data-preparing>
                Drawing the run ({Math.round(progress * 100)}%)…
              </p>
            ) : null}
            {result && views ? (
              <div className="pg-output" data-pagefind-ignore="all">
                {/* The notes that come and go, in a box that stays: a node put in before the console
                    and the diagram made Chromium restyle all of them (Starlight's content styles
                    have a sibling rule, `* + *`), 9–23 ms on a lesson of 160 tasks. */}
                <div className="pg-output-notes">
                  {outputNote ? (
                    <div className="pg-output-note-slot">
                      {Object.entries(OUTPUT_NOTES).map(([note, text]) => (
                        <p key={note} className="pg-output-note" {...(note !== outputNote ? { "data-held": "", "aria-hidden": true } : stale ? { "data-stale": "" } : { "data-yours": "" })}>
                          {text}
                        </p>
                      ))}
                    </div>
                  ) : null}
                  {pinned && sides && !compare ? (
                    <p className="pg-pinned-diff" data-pinned-diff>
                      Pinned run and this run: {endDifference(pinned.result.virtualEnd, result.virtualEnd)}.
                    </p>
                  ) : null}
                  {sameOrNot ? (
                    <p className={sameOrNot.same ? "pg-both-verdict pg-both-same" : "pg-both-verdict pg-both-differs"} data-both-verdict role="status">
                      {sameOrNot.text}
                    </p>
                  ) : null}
                </div>
                {sides ? (
                  <>
                    <CompareRuns sides={sides} stepped={stepped} link={{ model: stepper, interactive: hydrated }} idPrefix={`pg-${id}`} clock={clock} />
                    <SteppedRunPicker sides={sides} stepped={stepped} onPick={setStepped} interactive={hydrated} />
                  </>
                ) : (
                  <>
                    <Console lines={views.console} />
                    <RunSummary result={result} expectation={expectation} clock={clock} built={result === initial} stale={stale !== null} />
                    <TimingDiagram timeline={views.timeline} idPrefix={`pg-${id}`} link={{ model: stepper, interactive: hydrated }} owner={`Playground ${id}`} />
                  </>
                )}
              </div>
            ) : null}
            {result && views ? (
              <div className="pg-output pg-output-steps" data-pagefind-ignore="all">
                {profile ? <Profile rows={views.profile} /> : null}
                <Stepper state={stepView!} code={steppedCode} codeInEditor={markedEditor !== null && hydrated} model={stepper} idPrefix={`pg-${id}-step`} interactive={hydrated} name={id} />
                <EventLog events={steppedResult!.events} model={stepper} interactive={hydrated} name={id} />
              </div>
            ) : null}
          </div>
    ),
    [result, views, progress, stale, outputNote, pinned, sides, compare, sameOrNot, stepped, stepper, hydrated, id, expectation, clock, initial, profile, stepView, steppedCode, markedEditor, steppedResult],
  );
  const tools = useMemo(
    () => <PlaygroundTools id={id} code={code} result={result} timeline={views?.timeline ?? null} interactive={hydrated} />,
    [id, code, result, views, hydrated],
  );

  return (
    <section
      className={expanded ? "pg not-content pg-expanded" : "pg not-content"}
      data-playground={id}
      data-exercise={exercise ? id : undefined}
      data-status={status}
      data-virtual-end={result ? result.virtualEnd.toFixed(3) : undefined}
      data-expected-stdout={expectation.stdout ? JSON.stringify(expectation.stdout) : undefined}
      data-expected-stderr={expectation.stderr ? JSON.stringify(expectation.stderr) : undefined}
      data-expected-end={expectation.virtualEnd !== null && clock === "virtual" ? expectation.virtualEnd.toFixed(3) : undefined}
      data-clock={clock}
      data-model={model}
      data-language={language}
      data-pinned-end={pinned ? pinned.result.virtualEnd.toFixed(3) : undefined}
      id={anchorOf(id)}
      aria-label={`${exercise ? "Exercise" : "Playground"} ${id}`}
    >
      {exercise ? <ExerciseGoal goal={exercise.goal} /> : null}
      {/* The studio: on a wide screen the code and its run side by side (playground.css), else stacked. */}
      <div className="pg-studio">
        <div className="pg-studio-edit">
          {/* Search indexes the lesson's prose and code, not the playground's controls and output. */}
          <div className="pg-toolbar" data-pagefind-ignore="all">
            <LanguageTabs tabs={python !== undefined ? ["ts", "python"] : ["ts"]} selected={tab} onSelect={setTab} panel={`${id}-code`} interactive={hydrated} />
            <div className="pg-actions">
              {/* Run stays focusable while a run is under way (aria-disabled), so focus is not lost. */}
              <button type="button" className="pg-run" ref={runButton} onClick={run} {...runButtonPresses(compileBeforeRun)} disabled={!hydrated} aria-disabled={busyShown || undefined}>
                Run
              </button>
              {python !== undefined && clock === "virtual" ? (
                <button type="button" className="pg-both" onClick={runBoth} {...runButtonPresses(() => compileBeforeRun(true))} disabled={!hydrated} aria-disabled={busyShown || undefined} title="Run the TypeScript and the Python twin, and compare them">
                  Both
                </button>
              ) : null}
              {busyShown ? (
                <button type="button" className="pg-stop" onClick={stop}>
                  Stop
                </button>
              ) : null}
              <button type="button" onClick={reset} disabled={!hydrated || busyShown}>
                Reset
              </button>
              {compare ? null : pinned ? (
                <button type="button" onClick={() => setPinned(null)} disabled={!hydrated}>
                  Unpin
                </button>
              ) : (
                <button type="button" onClick={() => result && views && setPinned({ result, views, code: resultCode, language })} disabled={!hydrated || busyShown || !result || !views}>
                  Pin this run
                </button>
              )}
              <button type="button" className="pg-expand" onClick={() => setExpanded(!expanded)} disabled={!hydrated} aria-pressed={expanded} title={expanded ? "Back to the page (Esc)" : "Use the whole window"} data-expand>
                {expanded ? "Close" : "Expand"}
              </button>
            </div>
          </div>
          {undoable ? (
            <p className="pg-link-notice" role="status" data-reset-notice>
              The lesson&apos;s code is back in the editor.{" "}
              <button type="button" className="pg-link-back" onClick={undoReset}>
                Undo reset
              </button>
            </p>
          ) : null}
          {fromLink ? (
            <p className="pg-link-notice" role="status" data-link-notice>
              {fromLink === "code" ? "Code from a link. " : `${fromLink} `}
              {fromLink === "code" ? (
                <button type="button" className="pg-link-back" onClick={reset}>
                  Back to the lesson's code
                </button>
              ) : null}
            </p>
          ) : null}
          <div id={`${id}-code`} role="tabpanel" aria-labelledby={`${id}-code-${tab}`} className="pg-code" onKeyDownCapture={onEditorKeys}>
            {tab === "python" && python !== undefined ? (
              <Suspense fallback={<StaticCode code={python} label="Python twin" />}>
                <Editor key={`python-${editorGeneration}`} code={python} onChange={twin.edit} language="python" marks={pyMarks} stepMarkers={markedEditor === "python" ? stepMarkers : NO_MARKERS} />
              </Suspense>
            ) : hydrated ? (
              <Suspense fallback={<StaticCode code={code} label="TypeScript program" />}>
                <Editor key={editorGeneration} code={code} onChange={edit} marks={tsMarks} stepMarkers={markedEditor === "ts" ? stepMarkers : NO_MARKERS} />
              </Suspense>
            ) : (
              <StaticCode code={code} label="TypeScript program" />
            )}
          </div>
          {/* Without JavaScript the tabs do nothing: the twin is shown under the TypeScript instead. */}
          {python !== undefined && !hydrated ? (
            <details className="pg-twin-static" data-twin-static>
              <summary>Python twin</summary>
              <StaticCode code={python} label="Python twin" />
            </details>
          ) : null}
          {noTwin && python === undefined ? <p className="pg-hint" data-no-twin>No Python twin: {noTwin}</p> : null}
          <p className="pg-hint" data-pagefind-ignore="all">
            Edit, then press Run
            {/* Keyboard hints, not shown on touch screens (playground.css). */}
            <span className="pg-keys"> (or Ctrl/⌘+Enter in the editor). To leave the editor with the keyboard, press Esc, then Tab</span>.
          </p>
          <p className="pg-nojs" data-nojs-note data-pagefind-ignore="all">
            Running, editing and stepping need JavaScript. What you see is the lesson&apos;s own run, made when the site was built; the Python twin is under the code.
          </p>
          {clock === "real" ? <IsolationNote /> : null}
          <p className="pg-status" role="status" aria-live="polite" data-pagefind-ignore="all">
            {statusText}
            {statusText ? null : <span className="pg-sr-only">{ended}</span>}
          </p>
          {exercise ? <ExerciseVerdict check={verdict} /> : null}
          {exercise ? <ExerciseSolution solution={exercise.solution} onLoad={loadSolution} interactive={hydrated && !busyShown} /> : null}
          {problems.length ? <Problems problems={problems} /> : null}
          {crash ? (
            <p className="pg-crash" role="alert" data-run-error>
              {crash}
            </p>
          ) : null}
        </div>
        {runViews}
      </div>
      {tools}
    </section>
  );
}

/** A finished run in one sentence: "Done: ended at 2.000 s of virtual time." or the error that stopped it. */
function endedText(result: RunResult, clock: "virtual" | "real"): string {
  const { error } = result;
  if (error) return `The program stopped: ${error.message}${error.line !== undefined ? ` (line ${error.line})` : ""}.`;
  return `Done: ended at ${result.virtualEnd.toFixed(3)} s of ${clock} time.`;
}

/** Whether the playground fills the window: Escape closes it, and the page behind does not scroll. */
function useExpanded(): [boolean, (expanded: boolean) => void] {
  const [expanded, setExpanded] = useState(false);
  useEffect(() => {
    if (!expanded) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      // In the editor, Escape is the way out of it (then Tab); elsewhere it closes the full window.
      if (event.key === "Escape" && !(event.target instanceof Element && event.target.closest(".cm-editor"))) setExpanded(false);
    };
    document.addEventListener("keydown", onKey);
    document.documentElement.classList.add("pg-has-expanded");
    return () => {
      document.removeEventListener("keydown", onKey);
      document.documentElement.classList.remove("pg-has-expanded");
    };
  }, [expanded]);
  return [expanded, setExpanded];
}
