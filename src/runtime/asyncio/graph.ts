// The async call graph (Lib/asyncio/graph.py, CPython 3.14): for a task, the frames of its
// coroutine stack (innermost first) and, recursively, the tasks and futures that await it.
import { _getRunningLoop, Future, RuntimeError, Task, type CoroutineFrame } from "../core/index.ts";
import { print } from "./builtins.ts";

/** What a frame of the call graph shows: the function, its file and line, and whether it is async. */
export interface Frame {
  /** The function's name, as Python's co_qualname: "main", "Worker.run", "sleep". */
  readonly name: string;
  /** "main.ts" for the program's code, "asyncio" for the runtime's own coroutines. */
  readonly file: string;
  /** The line it stands at (null for the runtime's own coroutines). */
  readonly line: number | null;
  /** An async function's frame (shown "async name()"), or a plain call's. */
  readonly isAsync: boolean;
}

/** asyncio.FrameCallGraphEntry: one frame of a call stack. */
export class FrameCallGraphEntry {
  readonly frame: Frame;
  constructor(frame: Frame) {
    this.frame = frame;
  }
}

/** asyncio.FutureCallGraph: a future, its call stack, and the graphs of those awaiting it. */
export class FutureCallGraph {
  readonly future: Future;
  readonly callStack: readonly FrameCallGraphEntry[];
  readonly awaitedBy: readonly FutureCallGraph[];
  constructor(future: Future, callStack: readonly FrameCallGraphEntry[], awaitedBy: readonly FutureCallGraph[]) {
    this.future = future;
    this.callStack = callStack;
    this.awaitedBy = awaitedBy;
  }
}

/** Options of the call graph functions, as Python's keyword arguments. */
export interface CallGraphOptions {
  /** Frames to skip from the top when capturing the current task (1: the caller's). */
  depth?: number;
  /** Keep at most |limit| frames of each stack: the innermost if positive, the outermost if negative; 0: none. */
  limit?: number | null;
}

// The frames of a coroutine stack, outermost first, as FrameCallGraphEntry objects.
function entries(frames: readonly CoroutineFrame[]): FrameCallGraphEntry[] {
  const session = _getRunningLoop()?.session;
  return frames.map(
    (f) => new FrameCallGraphEntry({ name: f.name, file: f.user ? "main.ts" : "asyncio", line: f.user ? (session?.lineOf(f.site) ?? null) : null, isAsync: true }),
  );
}

// Python's slicing of a call stack by `limit`.
function cut<T>(stack: T[], limit: number | null): T[] {
  if (limit === null) return stack;
  if (limit > 0) return stack.slice(0, limit);
  if (limit < 0) return stack.slice(limit);
  return stack;
}

// graph._build_graph_for_future: a future that is not running now.
function buildGraph(future: Future, limit: number | null): FutureCallGraph {
  if (!(future instanceof Future)) throw new TypeError(`${future} object does not appear to be compatible with asyncio.Future`);
  // A task running now (the caller's, reached through "awaited by") stands where the program is.
  const running = future instanceof Task && _getRunningLoop()?.currentTask === future;
  const stack = future instanceof Task && limit !== 0 ? entries(future.getCoro().frames(running)) : [];
  const awaitedBy = [...(future.awaitedBy ?? [])].map((parent) => buildGraph(parent, limit));
  return new FutureCallGraph(future, cut(stack, limit).reverse(), awaitedBy);
}

/** asyncio.capture_call_graph(future, { depth, limit }): the call graph of `future`, or of the
 * current task (null if there is none). */
export function captureCallGraph(future: Future | null = null, options: CallGraphOptions = {}): FutureCallGraph | null {
  const { depth = 1, limit = null } = options;
  const loop = _getRunningLoop();
  const current = loop?.currentTask instanceof Task ? loop.currentTask : null;
  if (future !== null && (loop === null || future !== current)) return buildGraph(future, limit);
  if (future === null && loop === null)
    throw new RuntimeError("capture_call_graph() is called outside of a running event loop and no *future* to introspect was provided");
  if (current === null) return null;
  // The running task: its frames from the caller of this function down to the task (sys._getframe(depth)).
  let stack = limit === 0 ? [] : [...callerFrames(depth), ...entries(current.getCoro().frames(true)).reverse()];
  const awaitedBy = [...(current.awaitedBy ?? [])].map((parent) => buildGraph(parent, limit));
  if (limit !== null) stack = cut(stack, -limit);
  return new FutureCallGraph(current, stack, awaitedBy);
}

// The plain (non-async) frames between the caller and capture_call_graph: depth 1 is the caller.
// format_call_graph and print_call_graph pass depth + 1, and print_call_graph's own frame stays in
// the stack, as CPython's does (its depth is that of format_call_graph).
let plainFrames: string[] = [];
function callerFrames(depth: number): FrameCallGraphEntry[] {
  return plainFrames.slice(depth - 1).map((name) => new FrameCallGraphEntry({ name, file: "asyncio", line: null, isAsync: false }));
}

// Run `body` with `names` as the plain frames above capture_call_graph (innermost first).
function within<T>(names: string[], body: () => T): T {
  const outer = plainFrames;
  plainFrames = names;
  try {
    return body();
  } finally {
    plainFrames = outer;
  }
}

/** asyncio.format_call_graph(future, { depth, limit }): the call graph as text ("" if none). */
export function formatCallGraph(future: Future | null = null, options: CallGraphOptions = {}): string {
  const { depth = 1, limit = null } = options;
  const graph = within(["formatCallGraph", ...plainFrames], () => captureCallGraph(future, { depth: depth + 1, limit }));
  if (graph === null) return "";
  const buf: string[] = [];
  renderLevel(graph, buf, 0);
  return buf.join("\n");
}

/** asyncio.print_call_graph(future, { depth, limit }): print the call graph. */
export function printCallGraph(future: Future | null = null, options: CallGraphOptions = {}): void {
  print(within(["printCallGraph"], () => formatCallGraph(future, options)));
}

// format_call_graph's render_level.
function renderLevel(st: FutureCallGraph, buf: string[], level: number): void {
  const addLine = (line: string) => buf.push("    ".repeat(level) + line);
  const id = `0x${idOf(st.future).toString(16)}`;
  if (st.future instanceof Task) addLine(`* Task(name='${st.future.getName()}', id=${id})`);
  else addLine(`* Future(id=${id})`);
  if (st.callStack.length) {
    addLine("  + Call stack:");
    for (const { frame } of st.callStack)
      addLine(`  |   File '${frame.file}', line ${frame.line ?? "?"}, in ${frame.isAsync ? "async " : ""}${frame.name}()`);
  }
  if (st.awaitedBy.length) {
    addLine("  + Awaited by:");
    for (const parent of st.awaitedBy) renderLevel(parent, buf, level + 1);
  }
}

// Python's id(): a task's own id; a plain future gets one when first shown.
const futureIds = new WeakMap<Future, number>();
function idOf(future: Future): number {
  if (future instanceof Task) return future.id;
  let id = futureIds.get(future);
  if (id === undefined) futureIds.set(future, (id = future.loop.session.newId()));
  return id;
}
