// One playground: editor (loaded lazily), Python twin, Run / Reset, console, timing diagram, and the
// event-loop stepper under it (linked to the diagram), with the event log as the diagram's text.
// Server-rendered with the build's own run of the lesson code, so the page reads without
// JavaScript; hydrated when it scrolls into view; the editor itself loads after that.
// An exercise is this same playground with a goal and a solution (ExerciseParts.tsx): it shows the
// goal, says after each run whether the run met it, and can put the solution in the editor.
// A playground with `compare` runs its program under both models and shows the runs side by side
// (CompareRuns.tsx); its stepper steps through the run the reader picks.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type KeyboardEvent } from "react";
import type { CompileProblem } from "../../runtime/compile.ts";
import { deriveSteps } from "../../runtime/steps.ts";
import type { RunResult } from "../../runtime/trace.ts";
import { Console } from "../console/Console.tsx";
import { Stepper } from "../stepper/Stepper.tsx";
import { useStepper } from "../stepper/use-stepper.ts";
import { EventLog } from "../timing/EventLog.tsx";
import { Profile } from "../profile/Profile.tsx";
import { TimingDiagram } from "../timing/TimingDiagram.tsx";
import { compile, runCompiled } from "./browser-runner.ts";
import type { Expectation } from "./expectation.ts";
import { RunSummary } from "./RunSummary.tsx";
import { IsolationNote } from "./IsolationNote.tsx";
import { CompareRuns, SteppedRunPicker, type CompareSide, type Model } from "./CompareRuns.tsx";
import { checkGoal, type GoalCheck } from "./goal.ts";
import { ExerciseGoal, ExerciseSolution, ExerciseVerdict, type ExerciseSpec } from "./ExerciseParts.tsx";
import "./playground.css";

const Editor = lazy(() => import("./Editor.tsx"));

type Status = "idle" | "compiling" | "running" | "done" | "error";

export interface PlaygroundProps {
  id: string;
  code: string;
  python?: string;
  initial: RunResult;
  expectation: Expectation;
  /** "real": the run uses the wall clock (real CPU work shows its real duration). */
  clock?: "virtual" | "real";
  /** Show the profile: per function, time computing, waiting, blocked and ready. */
  profile?: boolean;
  /** "eager": async calls start at once, as in JavaScript (asyncio's lazy coroutines by default). */
  model?: Model;
  /** Present when the program also runs under the other model, drawn beside this run. */
  compare?: { model: Model; initial: RunResult; expectation: Expectation };
  /** Present when this playground is an exercise: the goal its run must meet, and a solution. */
  exercise?: ExerciseSpec;
}

let compilerWarm = false;

function StaticCode({ code, label }: { code: string; label: string }) {
  return (
    <pre className="pg-static-code" aria-label={label} tabIndex={0}>
      <code>{code}</code>
    </pre>
  );
}

// An exercise's verdict on what the reader sees: a compile error or a crash, else the run shown.
function verdictOf(goal: ExerciseSpec["goal"], result: RunResult | null, problems: CompileProblem[], crash: string | null): GoalCheck | null {
  if (problems.length) return { met: false, reasons: ["The code does not compile: see the problem below."] };
  if (crash) return { met: false, reasons: [crash] };
  return result ? checkGoal(result, goal) : null;
}

function Problems({ problems }: { problems: CompileProblem[] }) {
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

/** The interactive playground (a React island). */
export default function PlaygroundIsland({ id, code: lessonCode, python, initial, expectation, clock = "virtual", profile = false, model = "lazy", compare, exercise }: PlaygroundProps) {
  const [code, setCode] = useState(lessonCode);
  const [tab, setTab] = useState<"ts" | "python">("ts");
  const [status, setStatus] = useState<Status>("idle");
  const [result, setResult] = useState<RunResult | null>(initial);
  const [compareResult, setCompareResult] = useState<RunResult | null>(compare?.initial ?? null);
  const [stepped, setStepped] = useState(0);
  const [resultCode, setResultCode] = useState(lessonCode);
  const [problems, setProblems] = useState<CompileProblem[]>([]);
  const [crash, setCrash] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [editorGeneration, setEditorGeneration] = useState(0);
  const [notice, setNotice] = useState("");
  const sides: CompareSide[] | null = useMemo(
    () => (compare && result && compareResult ? [{ model, result, expectation }, { model: compare.model, result: compareResult, expectation: compare.expectation }] : null),
    [compare, model, result, compareResult, expectation],
  );
  const steppedResult = sides ? sides[stepped].result : result;
  const steps = useMemo(() => (steppedResult ? deriveSteps(steppedResult.events) : []), [steppedResult]);
  const stepper = useStepper(steps);
  const storageKey = `async-animated:${typeof location === "undefined" ? "" : location.pathname}#${id}`;

  // Edits survive a reload: restore this playground's saved code, once, after hydration.
  useEffect(() => {
    setHydrated(true);
    const saved = localStorage.getItem(storageKey);
    if (saved !== null && saved !== lessonCode) setCode(saved);
  }, [storageKey, lessonCode]);

  const onEdit = useCallback(
    (next: string) => {
      setCode(next);
      if (next === lessonCode) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, next);
    },
    [lessonCode, storageKey],
  );

  const run = useCallback(async () => {
    setNotice("");
    setProblems([]);
    setCrash(null);
    setStatus("compiling");
    const compiled = await compile(code);
    compilerWarm = true;
    if (!compiled.ok) {
      setProblems(compiled.problems);
      setStatus("error");
      return;
    }
    setStatus("running");
    // Each run in a fresh worker; the runs under both models one after the other.
    const outcomes = [await runCompiled(compiled.program, { clock, model })];
    if (compare && outcomes[0].kind !== "crashed") outcomes.push(await runCompiled(compiled.program, { clock, model: compare.model }));
    const results = outcomes.flatMap((o) => (o.kind === "done" ? [o.result] : []));
    const crashed = outcomes.find((o) => o.kind === "crashed");
    if (crashed) {
      setCrash(crashed.message);
      setResult(null);
      setCompareResult(null);
      setStatus("error");
      return;
    }
    setResult(results[0]);
    setCompareResult(results[1] ?? null);
    setResultCode(code);
    setStatus(results.some((r) => r.error) ? "error" : "done");
  }, [code, clock, model, compare]);

  const reset = () => {
    localStorage.removeItem(storageKey);
    setCode(lessonCode);
    setEditorGeneration((g) => g + 1);
    setResult(initial);
    setCompareResult(compare?.initial ?? null);
    setResultCode(lessonCode);
    setProblems([]);
    setCrash(null);
    setStatus("idle");
    setNotice("");
  };

  const loadSolution = () => {
    if (!exercise) return;
    onEdit(exercise.solution);
    setEditorGeneration((g) => g + 1);
    setTab("ts");
    setNotice("The solution is in the editor. Press Run to check it.");
  };

  const onEditorKeys = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  };

  const busy = status === "compiling" || status === "running";
  const statusText =
    status === "compiling"
      ? compilerWarm
        ? "Compiling…"
        : "Loading the compiler (esbuild, about 4 MB, once per visit)…"
      : status === "running"
        ? "Running…"
        : notice;
  const stale = result !== null && resultCode !== code;
  const verdict = exercise && !busy ? verdictOf(exercise.goal, result, problems, crash) : null;

  return (
    <section
      className="pg not-content"
      data-playground={id}
      data-exercise={exercise ? id : undefined}
      data-status={status}
      data-virtual-end={result ? result.virtualEnd.toFixed(3) : undefined}
      data-expected-stdout={expectation.stdout ? JSON.stringify(expectation.stdout) : undefined}
      data-expected-stderr={expectation.stderr ? JSON.stringify(expectation.stderr) : undefined}
      data-expected-end={expectation.virtualEnd !== null && clock === "virtual" ? expectation.virtualEnd.toFixed(3) : undefined}
      data-clock={clock}
      data-model={model}
      aria-label={`${exercise ? "Exercise" : "Playground"} ${id}`}
    >
      {exercise ? <ExerciseGoal goal={exercise.goal} /> : null}
      <div className="pg-toolbar">
        <div role="tablist" aria-label="Program" className="pg-tabs">
          <button role="tab" type="button" aria-selected={tab === "ts"} aria-controls={`${id}-code`} onClick={() => setTab("ts")}>
            TypeScript
          </button>
          {python ? (
            <button role="tab" type="button" aria-selected={tab === "python"} aria-controls={`${id}-code`} onClick={() => setTab("python")}>
              Python twin
            </button>
          ) : null}
        </div>
        <div className="pg-actions">
          <button type="button" className="pg-run" onClick={() => void run()} disabled={!hydrated || busy}>
            Run
          </button>
          <button type="button" onClick={reset} disabled={!hydrated || busy}>
            Reset
          </button>
        </div>
      </div>
      <div id={`${id}-code`} role="tabpanel" className="pg-code" onKeyDownCapture={onEditorKeys}>
        {tab === "python" && python ? (
          <StaticCode code={python} label="Python twin (read-only)" />
        ) : hydrated ? (
          <Suspense fallback={<StaticCode code={code} label="TypeScript program" />}>
            <Editor key={editorGeneration} code={code} onChange={onEdit} />
          </Suspense>
        ) : (
          <StaticCode code={code} label="TypeScript program" />
        )}
      </div>
      <p className="pg-hint">
        Edit, then press Run (or Ctrl/⌘+Enter in the editor). To leave the editor with the keyboard, press Esc, then Tab.
      </p>
      {clock === "real" ? <IsolationNote /> : null}
      <p className="pg-status" role="status" aria-live="polite">
        {statusText}
      </p>
      {exercise ? <ExerciseVerdict check={verdict} /> : null}
      {exercise ? <ExerciseSolution solution={exercise.solution} onLoad={loadSolution} interactive={hydrated && !busy} /> : null}
      {problems.length ? <Problems problems={problems} /> : null}
      {crash ? (
        <p className="pg-crash" role="alert" data-run-error>
          {crash}
        </p>
      ) : null}
      {result ? (
        <div className="pg-output">
          {stale ? <p className="pg-stale">This output is from the code before your edits. Press Run to see yours.</p> : null}
          {sides ? (
            <>
              <CompareRuns sides={sides} stepped={stepped} link={{ model: stepper, interactive: hydrated }} idPrefix={`pg-${id}`} />
              <SteppedRunPicker sides={sides} stepped={stepped} onPick={setStepped} interactive={hydrated} />
            </>
          ) : (
            <>
              <Console events={result.events} />
              <RunSummary result={result} expectation={expectation} clock={clock} />
              <TimingDiagram events={result.events} idPrefix={`pg-${id}`} link={{ model: stepper, interactive: hydrated }} />
            </>
          )}
          {profile ? <Profile events={result.events} /> : null}
          <Stepper events={steppedResult!.events} code={resultCode} model={stepper} idPrefix={`pg-${id}-step`} interactive={hydrated} name={id} />
          <EventLog events={steppedResult!.events} model={stepper} interactive={hydrated} name={id} />
        </div>
      ) : null}
    </section>
  );
}
