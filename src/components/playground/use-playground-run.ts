// A playground's runs: compile the reader's code (compiler worker), run it (a runner worker; under
// both models for a compare playground), and keep what the views show: the status, the last run's
// results and the code they came from, compile problems, or why the run crashed.
import { useCallback, useReducer } from "react";
import type { CompileProblem } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";
import { compile, runCompiled } from "./browser-runner.ts";

export type Status = "idle" | "compiling" | "running" | "done" | "error";
type Model = "lazy" | "eager";

/** What a playground shows of its runs. */
export interface RunState {
  status: Status;
  /** The run shown (the build's own run until the reader runs), and the run under the other model. */
  result: RunResult | null;
  compareResult: RunResult | null;
  /** The code the shown run came from. */
  resultCode: string;
  problems: CompileProblem[];
  crash: string | null;
}

type Action =
  | { type: "compiling" }
  | { type: "problems"; problems: CompileProblem[] }
  | { type: "running" }
  | { type: "crashed"; message: string }
  | { type: "finished"; results: RunResult[]; code: string }
  | { type: "reset"; state: RunState };

function reduce(state: RunState, action: Action): RunState {
  switch (action.type) {
    case "compiling":
      return { ...state, status: "compiling", problems: [], crash: null };
    case "problems":
      return { ...state, status: "error", problems: action.problems };
    case "running":
      return { ...state, status: "running" };
    case "crashed":
      return { ...state, status: "error", crash: action.message, result: null, compareResult: null };
    case "finished": {
      const [result, compareResult = null] = action.results;
      return { ...state, status: result.error ? "error" : "done", result, compareResult, resultCode: action.code };
    }
    case "reset":
      return action.state;
  }
}

// Before the reader runs anything: the build's own run of the lesson's code.
function startingState(lessonCode: string, initial: RunResult, compareInitial: RunResult | undefined): RunState {
  return { status: "idle", result: initial, compareResult: compareInitial ?? null, resultCode: lessonCode, problems: [], crash: null };
}

/** Whether the compiler has loaded on this page (the first compile downloads esbuild). */
let compilerWarm = false;

/** Runs of one playground, starting from the build's own run of the lesson's code. */
export function usePlaygroundRun(options: { lessonCode: string; initial: RunResult; compareInitial?: RunResult; clock: "virtual" | "real"; model: Model; compareModel?: Model }) {
  const { lessonCode, initial, compareInitial, clock, model, compareModel } = options;
  const [state, dispatch] = useReducer(reduce, undefined, () => startingState(lessonCode, initial, compareInitial));

  const run = useCallback(
    async (code: string) => {
      dispatch({ type: "compiling" });
      const compiled = await compile(code);
      compilerWarm = true;
      if (!compiled.ok) return dispatch({ type: "problems", problems: compiled.problems });
      dispatch({ type: "running" });
      // Each run in a fresh worker; the runs under both models one after the other.
      const outcomes = [await runCompiled(compiled.program, { clock, model })];
      if (compareModel && outcomes[0].kind !== "crashed") outcomes.push(await runCompiled(compiled.program, { clock, model: compareModel }));
      const crashed = outcomes.find((o) => o.kind === "crashed");
      if (crashed) return dispatch({ type: "crashed", message: crashed.message });
      dispatch({ type: "finished", results: outcomes.flatMap((o) => (o.kind === "done" ? [o.result] : [])), code });
    },
    [clock, model, compareModel],
  );

  const reset = useCallback(() => dispatch({ type: "reset", state: startingState(lessonCode, initial, compareInitial) }), [lessonCode, initial, compareInitial]);

  const busy = state.status === "compiling" || state.status === "running";
  const progress = state.status === "compiling" ? (compilerWarm ? "Compiling…" : "Loading the compiler (esbuild, about 4 MB, once per visit)…") : state.status === "running" ? "Running…" : "";
  return { state, run, reset, busy, progress };
}
