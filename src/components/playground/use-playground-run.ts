// A playground's runs: compile the reader's code (compiler worker), run it (a runner worker; under
// both models for a compare playground), and keep what the views show: the status, the last
// finished run's results and the code they came from, compile problems, or why the last attempt
// failed (then the last finished run stays on screen, marked as earlier).
import { useCallback, useReducer, useRef } from "react";
import type { CompileProblem } from "../../runtime/program/index.ts";
import type { RunResult } from "../../runtime/trace/index.ts";
import { compile, compilerIsWarm, startRun, type Outcome, type RunHandle } from "./browser-runner.ts";

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
  /** Why the last attempt gave no run: the compiler failed, the runner crashed or fell silent, Stop. */
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
      return { ...state, status: "error", crash: action.message };
    case "finished": {
      const [result, compareResult = null] = action.results;
      return { ...state, status: result.error ? "error" : "done", result, compareResult, resultCode: action.code };
    }
    case "reset":
      return action.state;
  }
}

const STOPPED = "Stopped. The run was ended before it finished.";

// Before the reader runs anything: the build's own run of the lesson's code.
function startingState(lessonCode: string, initial: RunResult, compareInitial: RunResult | undefined): RunState {
  return { status: "idle", result: initial, compareResult: compareInitial ?? null, resultCode: lessonCode, problems: [], crash: null };
}

/** Runs of one playground, starting from the build's own run of the lesson's code. */
export function usePlaygroundRun(options: { lessonCode: string; initial: RunResult; compareInitial?: RunResult; clock: "virtual" | "real"; model: Model; compareModel?: Model }) {
  const { lessonCode, initial, compareInitial, clock, model, compareModel } = options;
  const [state, dispatch] = useReducer(reduce, undefined, () => startingState(lessonCode, initial, compareInitial));
  const current = useRef<RunHandle | null>(null);
  const stopped = useRef(false);

  const run = useCallback(
    async (code: string) => {
      stopped.current = false;
      dispatch({ type: "compiling" });
      const compiled = await compile(code);
      if (stopped.current) return dispatch({ type: "crashed", message: STOPPED });
      if (!compiled.ok) return dispatch("problems" in compiled ? { type: "problems", problems: compiled.problems } : { type: "crashed", message: compiled.failure });
      dispatch({ type: "running" });
      // Each run in a fresh worker; the runs under both models one after the other.
      const outcomes: Outcome[] = [];
      for (const each of compareModel ? [model, compareModel] : [model]) {
        current.current = startRun(compiled.program, { clock, model: each });
        const outcome = await current.current.outcome;
        outcomes.push(outcome);
        if (outcome.kind !== "done") break;
      }
      current.current = null;
      const failed = outcomes.find((o) => o.kind !== "done");
      if (failed) return dispatch({ type: "crashed", message: failed.kind === "stopped" ? STOPPED : (failed as { message: string }).message });
      dispatch({ type: "finished", results: outcomes.flatMap((o) => (o.kind === "done" ? [o.result] : [])), code });
    },
    [clock, model, compareModel],
  );

  /** Stop the run under way at once (the runner worker is ended). */
  const stop = useCallback(() => {
    stopped.current = true;
    current.current?.stop();
  }, []);

  const reset = useCallback(() => dispatch({ type: "reset", state: startingState(lessonCode, initial, compareInitial) }), [lessonCode, initial, compareInitial]);

  const busy = state.status === "compiling" || state.status === "running";
  const progress = state.status === "compiling" ? (compilerIsWarm() ? "Compiling…" : "Loading the compiler (esbuild, about 4 MB, once per visit)…") : state.status === "running" ? "Running…" : "";
  return { state, run, stop, reset, busy, progress };
}
