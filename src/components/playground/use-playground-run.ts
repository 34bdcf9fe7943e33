// A playground's runs: compile the reader's code (compiler worker), run it (a runner worker; under
// both models for a compare playground), and keep what the views show: the status, the last
// finished run's results and the code they came from, compile problems, or why the last attempt
// failed (then the last finished run stays on screen, marked as earlier).
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { CompileProblem } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";
import { compile, compileAndRun, compilerIsWarm, isCompiled, startRun, type CompileOutcome, type Outcome, type RunHandle } from "./browser-runner.ts";
import { pythonLoaded, startPythonRun } from "./python-runner.ts";

export type Status = "idle" | "compiling" | "running" | "done" | "error";
type Model = "lazy" | "eager";
/** The language of a run: the TypeScript program on the runtime, or its Python twin on CPython. */
export type Language = "typescript" | "python";

/** What a playground shows of its runs. */
export interface RunState {
  status: Status;
  /** The run shown (the build's own run until the reader runs), and the run under the other model. */
  result: RunResult | null;
  compareResult: RunResult | null;
  /** The code the shown run came from, and its language. */
  resultCode: string;
  language: Language;
  /** After "Both": the Python twin's run, beside the TypeScript's (`result`), and its code. */
  both: { result: RunResult; code: string } | null;
  /** The run under way loads Python first. */
  loadingPython: boolean;
  problems: CompileProblem[];
  /** Why the last attempt gave no run: the compiler failed, the runner crashed or fell silent, Stop. */
  crash: string | null;
  /** The run shown was drawn at the start of a frame (its reply read from the runner's slot): that frame paints it. */
  drawnInFrame: boolean;
}

type Action =
  | { type: "compiling" }
  | { type: "problems"; problems: CompileProblem[] }
  | { type: "running"; loadingPython?: boolean }
  | { type: "crashed"; message: string }
  | { type: "finished"; results: RunResult[]; code: string; language: Language; both?: { result: RunResult; code: string }; inFrame?: boolean }
  | { type: "reset"; state: RunState };

/** Events past which a finished run is drawn as a transition: React renders its views in slices of a
 *  few milliseconds between frames, where one render of a 170,000-event run held the page 90–125 ms.
 *  A lesson's run (a few hundred events) is drawn at once, in the task that finished it. */
const DRAWN_IN_SLICES_AFTER = 20_000;

/** No compile problems: one array, so that what depends on the problems stays as it is. */
const NO_PROBLEMS: CompileProblem[] = [];

function reduce(state: RunState, action: Action): RunState {
  switch (action.type) {
    case "compiling":
      return { ...state, status: "compiling", problems: NO_PROBLEMS, crash: null, loadingPython: false };
    case "problems":
      return { ...state, status: "error", problems: action.problems };
    case "running":
      return { ...state, status: "running", problems: NO_PROBLEMS, crash: null, loadingPython: action.loadingPython ?? false };
    case "crashed":
      return { ...state, status: "error", crash: action.message, loadingPython: false };
    case "finished": {
      const [result, compareResult = null] = action.results;
      const failed = result.error || action.both?.result.error;
      return { ...state, status: failed ? "error" : "done", result, compareResult, resultCode: action.code, language: action.language, both: action.both ?? null, loadingPython: false, drawnInFrame: action.inFrame === true };
    }
    case "reset":
      return action.state;
  }
}

const STOPPED = "Stopped. The run was ended before it finished.";

/** Milliseconds a run (or compile) is under way before the playground shows it ("Running…", Stop,
 * the buttons greyed): a lesson's program is drawn sooner, and saying so would only flash, and cost
 * the page a frame of its own before the run's result can be drawn. */
const BUSY_SHOWN_AFTER_MS = 100;

// Before the reader runs anything: the build's own run of the lesson's code.
function startingState(lessonCode: string, initial: RunResult, compareInitial: RunResult | undefined): RunState {
  return { status: "idle", result: initial, compareResult: compareInitial ?? null, resultCode: lessonCode, language: "typescript", both: null, loadingPython: false, problems: NO_PROBLEMS, crash: null, drawnInFrame: false };
}

/** Runs of one playground, starting from the build's own run of the lesson's code. */
export function usePlaygroundRun(options: { lessonCode: string; initial: RunResult; compareInitial?: RunResult; clock: "virtual" | "real"; model: Model; compareModel?: Model }) {
  const { lessonCode, initial, compareInitial, clock, model, compareModel } = options;
  const [state, dispatch] = useReducer(reduce, undefined, () => startingState(lessonCode, initial, compareInitial));
  const finished = useCallback((action: Extract<Action, { type: "finished" }>) => {
    const events = action.results.reduce((n, r) => n + r.events.length, action.both?.result.events.length ?? 0);
    if (events > DRAWN_IN_SLICES_AFTER) startTransition(() => dispatch(action));
    // Read at the start of a frame (browser-runner.ts): rendered now, it is painted in this frame.
    else if (action.inFrame) flushSync(() => dispatch(action));
    else dispatch(action);
  }, []);
  const current = useRef<RunHandle | null>(null);
  const stopped = useRef(false);

  // The TypeScript program's runs (under both models for a compare playground), or why there are none.
  const runTypeScript = useCallback(
    async (code: string): Promise<{ results: RunResult[]; inFrame: boolean } | null> => {
      // Code compiled already (run before, or compiled ahead as the reader paused) goes straight to
      // its run: the page re-renders only once the run is under way, in its worker. Code not compiled
      // yet goes from the compiler straight to a runner (compileAndRun), when the compiler is warm.
      if (!isCompiled(code)) dispatch({ type: "compiling" });
      const forwarded = compileAndRun(code, { clock, model });
      const compiling = forwarded?.compiled ?? compile(code);
      // The runs under both models one after the other.
      const outcomes: Outcome[] = [];
      for (const each of compareModel ? [model, compareModel] : [model]) {
        let handle = forwarded && !outcomes.length ? forwarded.run : null;
        if (!handle) {
          const compiled = await compiling;
          if (stopped.current) return dispatch({ type: "crashed", message: STOPPED }), null;
          if (!compiled.ok) return failedToCompile(compiled), null;
          handle = startRun(compiled.program, { clock, model: each });
        }
        current.current = handle;
        // A forwarded run is under way once it is compiled (if it has not finished by then).
        if (!outcomes.length)
          if (!forwarded) dispatch({ type: "running" });
          else void compiling.then((compiled) => compiled.ok && current.current === handle && dispatch({ type: "running" }));
        const outcome = await handle.outcome;
        if (outcome.kind === "uncompiled") return failedToCompile(await compiling), null;
        outcomes.push(outcome);
        if (outcome.kind !== "done") break;
      }
      current.current = null;
      const results = settled(outcomes);
      const last = outcomes[outcomes.length - 1];
      return results && { results, inFrame: last.kind === "done" && last.inFrame === true };
    },
    [clock, model, compareModel],
  );

  // The compile's problems (with their lines and columns), or why the compiler could not say.
  function failedToCompile(compiled: CompileOutcome): void {
    if (!compiled.ok) dispatch("problems" in compiled ? { type: "problems", problems: compiled.problems } : { type: "crashed", message: compiled.failure });
  }

  // The Python twin's run on CPython in the page (Pyodide, loaded on the first one).
  const runPython = useCallback(async (code: string): Promise<RunResult | null> => {
    dispatch({ type: "running", loadingPython: !pythonLoaded() });
    current.current = startPythonRun(code, () => dispatch({ type: "running", loadingPython: true }));
    const outcome = await current.current.outcome;
    current.current = null;
    return settled([outcome])?.[0] ?? null;
  }, []);

  // The results of finished runs, or null after saying why one did not finish.
  function settled(outcomes: Outcome[]): RunResult[] | null {
    const failed = outcomes.find((o) => o.kind !== "done");
    if (failed) return dispatch({ type: "crashed", message: failed.kind === "stopped" ? STOPPED : (failed as { message: string }).message }), null;
    return outcomes.flatMap((o) => (o.kind === "done" ? [o.result] : []));
  }

  /** Run the code of one language; its run replaces what is shown. */
  const run = useCallback(
    async (code: string, language: Language = "typescript") => {
      stopped.current = false;
      if (language === "python") {
        const result = await runPython(code);
        if (result) finished({ type: "finished", results: [result], code, language });
        return;
      }
      const ran = await runTypeScript(code);
      if (ran) finished({ type: "finished", results: ran.results, code, language, inFrame: ran.inFrame });
    },
    [runTypeScript, runPython, finished],
  );

  /** Run the TypeScript and its Python twin, one after the other, to be shown side by side. */
  const runBoth = useCallback(
    async (code: string, python: string) => {
      stopped.current = false;
      const ran = await runTypeScript(code);
      if (!ran || stopped.current) return;
      const pythonResult = await runPython(python);
      if (pythonResult) finished({ type: "finished", results: [ran.results[0]], code, language: "typescript", both: { result: pythonResult, code: python } });
    },
    [runTypeScript, runPython, finished],
  );

  /** Stop the run under way at once (the runner worker is ended). */
  const stop = useCallback(() => {
    stopped.current = true;
    current.current?.stop();
  }, []);

  const reset = useCallback(() => dispatch({ type: "reset", state: startingState(lessonCode, initial, compareInitial) }), [lessonCode, initial, compareInitial]);

  const busy = state.status === "compiling" || state.status === "running";
  // `busy` is at once (the status attribute, no second Run); what the reader sees waits a moment.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), BUSY_SHOWN_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [busy]);
  const busyShown = busy && slow;
  const progress = !busyShown
    ? ""
    : state.status === "compiling"
      ? compilerIsWarm()
        ? "Compiling…"
        : "Loading the compiler (esbuild.wasm: 14 MB, about 3 MB compressed, once per visit)…"
      : state.loadingPython
        ? "Loading Python (CPython 3.14 in WebAssembly, Pyodide: 13.5 MB, about 6 MB compressed, once per visit)…"
        : state.status === "running"
          ? "Running…"
          : "";
  return { state, run, runBoth, stop, reset, busy, busyShown, progress };
}
