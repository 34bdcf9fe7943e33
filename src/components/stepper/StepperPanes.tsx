// The state panes of one step: the event loop and its clock, the ready queue in FIFO order, the tasks
// that wait and on what, the timers, the finished tasks and the console so far. Each state has a
// word and a pattern as well as its colour (the diagram's Okabe–Ito variables).
import { memo, type ReactNode } from "react";
import { awaitTree, type AwaitList, type AwaitNode, type LoopActivity, type StepState } from "../../runtime/trace/index.ts";
import { More, PaneList, scrollBox, useDrawnItems } from "./PaneList.tsx";
import { useSteadyHeight } from "./use-steady-height.ts";

const WHY: Record<string, string> = {
  start: "first step",
  wake: "woken",
  resume: "yielded",
  step: "next step",
  timer: "timer due",
  callback: "callback",
};

function Pane({ id, title, className, children, note }: { id: string; title: string; className?: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className={`pg-pane ${className ?? ""}`} role="group" aria-labelledby={id}>
      <p className="pg-pane-title" id={id}>
        {title}
      </p>
      {note ? <p className="pg-pane-note">{note}</p> : null}
      {children}
    </div>
  );
}

const fmt = (t: number) => t.toFixed(3);

function Activity({ activity, state }: { activity: LoopActivity; state: StepState }) {
  switch (activity.state) {
    case "task":
      return (
        <p className="pg-chip pg-chip-running" data-running={activity.name}>
          <span className="pg-chip-word">running</span> <strong>{activity.name}</strong> · {activity.coro}()
          {activity.line !== undefined ? ` · line ${activity.line}` : ""}
        </p>
      );
    case "callback":
      return (
        <p className="pg-chip pg-chip-running" data-running={activity.label}>
          <span className="pg-chip-word">running callback</span> <strong>{activity.label}</strong>
        </p>
      );
    case "blocked":
      return (
        <p className="pg-chip pg-chip-blocked" data-running={activity.name ?? "Main thread"}>
          <span className="pg-chip-word">blocked</span> by <strong>{activity.label}</strong>
          {activity.name ? ` in ${activity.name}` : ""} until {fmt(activity.until)}: nothing else runs
        </p>
      );
    case "idle": {
      const next = state.ready.length
        ? "between handles: it takes the next one from the head of the ready queue"
        : state.timers.length
          ? `idle: nothing is ready, so it sleeps until the next timer (${fmt(state.timers[0].due)})`
          : "idle: nothing is ready";
      return (
        <p className="pg-chip pg-chip-idle">
          <span className="pg-chip-word">{next}</span>
        </p>
      );
    }
    case "no-loop":
      return (
        <p className="pg-chip pg-chip-idle">
          <span className="pg-chip-word">no event loop is running: the program runs on the main thread</span>
        </p>
      );
  }
}

// Threads and processes beside the loop: each worker and its job, and the jobs waiting for one.
function Workers({ state, idPrefix }: { state: StepState; idPrefix: string }) {
  return (
    <Pane id={`${idPrefix}-workers`} title={`Threads and processes (${state.workers.length})`} className="pg-pane-workers">
      <ul className="pg-list">
        {state.workers.map((w) => (
          <li key={w.lane} className={`pg-worker-entry pg-worker-${w.state}${w.fresh ? " pg-fresh" : ""}`} data-worker-item={w.name} data-worker-state={w.state}>
            <strong>{w.name}</strong> <span className="pg-tag">{w.poolKind}</span>{" "}
            {w.state === "idle" ? (
              "idle"
            ) : w.state === "ready" ? (
              <>
                runs {w.job}, ready: {w.label} until {fmt(w.until ?? state.t)}
              </>
            ) : w.state === "blocked" ? (
              <>
                runs {w.job}, held in <em>{w.label}</em> until {fmt(w.until ?? state.t)}
              </>
            ) : (
              <>
                runs {w.job}
                {w.label ? (
                  <>
                    , computing in <em>{w.label}</em> until {fmt(w.until ?? state.t)}
                  </>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {state.poolQueues.map((q) => (
        <p key={q.pool} className="pg-pane-note" data-pool-queue={q.name}>
          {q.name} queue ({q.queued.length} waiting, at most {q.maxWorkers} at once): {q.queued.join(", ")}
        </p>
      ))}
    </Pane>
  );
}

// How the queue splits between the pass under way (_run_once runs only what was ready when it
// began) and the next one.
function readyNote(length: number, thisPass: number): string | undefined {
  if (length === 0) return undefined;
  if (thisPass === 0) return length === 1 ? "It runs in the next pass of the loop." : "Head first. They run in the next pass of the loop.";
  if (thisPass === length)
    return length === 1 ? "It was ready when this pass began, so it runs in this pass." : "Head first. All were ready when this pass began, so all run in it.";
  return `Head first. The first ${thisPass === 1 ? "one was" : `${thisPass} were`} ready when this pass began and run${thisPass === 1 ? "s" : ""} in it; the rest run in the next pass.`;
}

/** A branch of the await tree as drawn: its task, the branches under it, and how many are not drawn. */
interface DrawnBranch {
  node: AwaitNode;
  children: DrawnBranch[];
  more: number;
}

/** The first `limit` tasks of the tree, depth first (a gather of a thousand tasks: its awaiter's
 *  first ones): only those nodes are made (await-tree.ts). */
function drawnBranches(nodes: AwaitList, budget: { left: number }): { drawn: DrawnBranch[]; more: number } {
  const drawn: DrawnBranch[] = [];
  for (let i = 0; i < nodes.length && budget.left > 0; i++) {
    budget.left--;
    const node = nodes.at(i);
    const under = drawnBranches(node.children, budget);
    drawn.push({ node, children: under.drawn, more: under.more });
  }
  return { drawn, more: nodes.length - drawn.length };
}

/** One task of the await tree and the tasks it awaits under it. */
function AwaitBranch({ branch: { node, children, more } }: { branch: DrawnBranch }) {
  const where = node.line !== undefined ? ` at line ${node.line}` : "";
  const what = node.state === "waiting" ? `waiting${where} on ${node.on}` : node.state === "running" ? `running${where}` : `ready${where ? `, to resume${where}` : ""}`;
  return (
    <li data-await-node={node.name}>
      <span className={`pg-await-${node.state}`}>
        <strong>{node.name}</strong>
        {node.coro ? ` ${node.coro}()` : ""} · {what}
      </span>
      {children.length ? (
        <ul>
          {children.map((c) => (
            <AwaitBranch key={c.node.task} branch={c} />
          ))}
        </ul>
      ) : null}
      <More shown={children.length} of={children.length + more} what={`tasks awaited by ${node.name}`} />
    </li>
  );
}

/** Which task awaits which, and where each is: Python 3.14's `python -m asyncio pstree`, at this step. */
function AwaitTree({ state, idPrefix }: { state: StepState; idPrefix: string }) {
  const { roots, size: total } = awaitTree(state);
  const { limit, onScroll } = useDrawnItems(total);
  const { drawn, more } = drawnBranches(roots, { left: limit });
  return (
    <Pane id={`${idPrefix}-await-tree`} title="Await tree" className="pg-pane-await-tree" note="Each task under the task that awaits it (like python -m asyncio pstree).">
      {roots.length === 0 ? <p className="pg-empty">No task is alive</p> : null}
      <ul className="pg-pane-list pg-await-tree" data-await-tree onScroll={onScroll} {...scrollBox(Math.min(total, limit), `${idPrefix}-await-tree`)}>
        {drawn.map((b) => (
          <AwaitBranch key={b.node.task} branch={b} />
        ))}
      </ul>
      <More shown={drawn.length} of={drawn.length + more} what="tasks awaited by none" />
    </Pane>
  );
}

/** Every pane of one step's state; `idPrefix` keeps the title ids unique on the page, and `run` (any
 *  value that changes with the run) lets the panes find their height anew. Memoised: the stepper's
 *  controls re-render on every step of a drag, the panes only when the step they show does.
 *  While the reader sweeps through the steps (`sweeping`: a drag, a held key), a list's rows are
 *  keyed by their place rather than by the task, handle or timer they show, so that a step sets the
 *  words of the rows already drawn instead of making new ones (a drag of a 1,000-task run replaced
 *  every row of every pane at each frame), and nothing slides in: once the sweep stops, the rows are
 *  keyed by what they show again, and what changed at that step slides in. */
export const StepperPanes = memo(function StepperPanes({ state, idPrefix, run, sweeping = false }: { state: StepState; idPrefix: string; run?: unknown; sweeping?: boolean }) {
  const fresh = (f: boolean) => (f && !sweeping ? " pg-fresh" : "");
  const rowKey = (id: string | number, place: number) => (sweeping ? place : id);
  const thisPass = state.ready.filter((q) => q.thisPass).length;
  const steady = useSteadyHeight<HTMLDivElement>(run);
  return (
    <div className="pg-panes" ref={steady}>
      <Pane id={`${idPrefix}-loop`} title={state.loopRunning ? "Event loop" : "Main thread"} className="pg-pane-loop">
        <div className={`pg-activity${state.activity.state === "blocked" ? " pg-activity-blocked" : ""}`} key={sweeping ? "sweep" : `${state.activity.state}-${"task" in state.activity ? state.activity.task : ""}`}>
          <Activity activity={state.activity} state={state} />
        </div>
        <p className="pg-clock">
          Clock <span data-clock>{fmt(state.t)}</span> s{state.pass ? <span className="pg-pass"> · pass {state.pass} of the loop</span> : null}
        </p>
      </Pane>
      <Pane
        id={`${idPrefix}-ready`}
        title={`Ready queue (${state.ready.length})`}
        className="pg-pane-ready"
        note={readyNote(state.ready.length, thisPass)}
      >
        {state.ready.length === 0 ? <p className="pg-empty">Empty</p> : null}
        <PaneList
          ordered
          className="pg-ready"
          hook="data-ready-queue"
          labelledBy={`${idPrefix}-ready`}
          what="handles behind them"
          items={state.ready}
          render={(q, place) => (
            <li key={rowKey(q.handle, place)} className={`pg-ready-entry${q.thisPass ? " pg-this-pass" : " pg-next-pass"}${fresh(q.fresh)}${q.why === "timer" ? " pg-from-timer" : ""}`} data-pass={q.thisPass ? "this" : "next"}>
              <span data-ready-item>{q.name}</span>
              <span className="pg-tag">
                {WHY[q.why]} · {q.thisPass ? "this pass" : "next pass"}
              </span>
            </li>
          )}
        />
      </Pane>
      <Pane id={`${idPrefix}-waiting`} title={`Waiting (${state.waiting.length})`} className="pg-pane-waiting">
        {state.waiting.length === 0 ? <p className="pg-empty">No task waits</p> : null}
        <PaneList
          className="pg-list"
          what="waiting tasks"
          labelledBy={`${idPrefix}-waiting`}
          items={state.waiting}
          render={(w, place) => (
            <li key={rowKey(w.task, place)} className={`pg-waiting-entry${fresh(w.fresh)}`} data-waiting-item={w.name}>
              <strong>{w.name}</strong> {w.coro}() waits on <em>{w.on.label}</em>
              {w.on.until !== undefined ? ` until ${fmt(w.on.until)}` : ""}
              {w.line !== undefined ? <span className="pg-tag">at line {w.line}</span> : null}
            </li>
          )}
        />
      </Pane>
      <AwaitTree state={state} idPrefix={idPrefix} />
      <Pane id={`${idPrefix}-timers`} title={`Timers (${state.timers.length})`} className="pg-pane-timers">
        {state.timers.length === 0 ? <p className="pg-empty">None</p> : null}
        <PaneList
          className="pg-list"
          what="timers, due later"
          labelledBy={`${idPrefix}-timers`}
          items={state.timers}
          render={(t, place) => (
            <li key={rowKey(t.timer, place)} className={`pg-timer-entry${fresh(t.fresh)}`} data-timer-item={fmt(t.due)}>
              <span className="pg-due">{fmt(t.due)}</span> {t.label}
            </li>
          )}
        />
      </Pane>
      {state.workers.length || state.poolQueues.length ? <Workers state={state} idPrefix={idPrefix} /> : null}
      <Pane id={`${idPrefix}-done`} title={`Done (${state.done.length})`} className="pg-pane-done">
        {state.done.length === 0 ? <p className="pg-empty">No task has finished</p> : null}
        <PaneList
          className="pg-list"
          what="finished tasks"
          labelledBy={`${idPrefix}-done`}
          items={state.done}
          render={(d, place) => (
            <li key={rowKey(d.task, place)} className={`pg-done-entry${fresh(d.fresh)}`} data-done-item={d.name}>
              <strong>{d.name}</strong> {d.coro}(){" "}
              {d.outcome === "result" ? `returned ${d.value ?? "None"}` : d.outcome === "cancelled" ? "was cancelled" : `raised ${d.value?.split("\n")[0] ?? ""}`}
            </li>
          )}
        />
      </Pane>
      <Pane id={`${idPrefix}-console`} title="Console so far" className="pg-pane-console">
        {state.console.length === 0 ? <p className="pg-empty">Nothing printed yet</p> : null}
        <PaneList
          ordered
          tail
          className="pg-step-console"
          what="lines"
          labelledBy={`${idPrefix}-console`}
          items={state.console}
          render={(l, i) => (
            <li key={i} className={l.stream === "stderr" ? "pg-stderr" : undefined} data-stepper-console-line>
              <span className="pg-stamp">{fmt(l.t)}</span>
              {l.worker ? <span className="pg-console-worker">{l.worker}</span> : null}
              <span>{l.text}</span>
            </li>
          )}
        />
      </Pane>
    </div>
  );
});
