// Run a compiled program on a fresh Session and collect its RunResult. The program's top level is
// one generator (see compile.ts); it may `await run(main())`, which is real JavaScript awaiting.
import { _getRunningLoop, asyncGenerator, Await, callDispose, Coroutine, forAwait, using, yieldStar, describeChain, describeError, Future, loadConsoleFormat, isThenable, RuntimeError, Session, Task, type SessionOptions } from "../core/index.ts";
import { asyncioModule, unobservedFailures } from "../asyncio/index.ts";
import { attachWorkerHost, terminateWorkers, webWorkerHost, type WorkerHost } from "../workers/index.ts";
import { attachNetwork, browserNetworkHost, type NetworkHost } from "../io/index.ts";
import { consoleLines, encodeCompact, packEvents, packStore, TRACE_VERSION, type CompactTrace, type PackedEvents, type RunResult, type TraceEvent, type TraceEventKind, type TraceStore } from "../trace/index.ts";
import { namesConsole, type CompiledProgram } from "./compile.ts";
import { programConsole } from "./console.ts";
import { programTimers } from "./timers.ts";

/** Options of one run: limits, the clock, and where threads and processes get real workers. */
export interface RunOptions extends Pick<SessionOptions, "limits" | "clock" | "model"> {
  /** Real workers for toThread and the pools; the browser's Web Workers when not given. */
  workers?: WorkerHost;
  /** Where httpGet reads the site's files; the page's own origin when not given. */
  network?: NetworkHost;
  /** Called every quarter second or so while the program makes progress (the browser's runner
   * tells the page that it is alive), with what the trace's columns take so far (TraceStore.bytes). */
  onHeartbeat?: (traceBytes: number) => void;
  /** Real seconds between heartbeats instead (scripts/trace.ts's --live-heap samples the heap at each). */
  heartbeatSeconds?: number;
}

// `new Function` puts two lines ("function anonymous(__rt\n) {") before the body.
const FUNCTION_HEADER_LINES = 2;

/** Run a compiled program to its end and return its printed lines, end time and trace. */
export async function runProgram(program: CompiledProgram, options: RunOptions = {}): Promise<RunResult> {
  const session = new Session({ ...options, siteLines: program.siteLines, code: program.code, lineMap: program.lineMap });
  session.onHeartbeat = options.onHeartbeat ?? null;
  if (options.heartbeatSeconds !== undefined) session.heartbeatSeconds = options.heartbeatSeconds;
  attachWorkerHost(session, options.workers ?? webWorkerHost());
  attachNetwork(session, options.network ?? browserNetworkHost());
  const timers = programTimers(session, (error) => errorLine(error, program));
  const rt = {
    asyncio: asyncioModule,
    async: (thisArg: unknown, args: ArrayLike<unknown> | null, body: (...a: unknown[]) => Generator, site: number, name: string) => {
      // The generator is made at the call, which binds its arguments, as Python binds a coroutine's
      // (its body runs only when stepped). Made at the first step instead, by a closure, each
      // coroutine kept the call's `arguments` object, and with it the caller's context, until then:
      // ~220 bytes of every waiting task.
      const coro = new Coroutine(null, name, site, session, args === null ? body.call(thisArg) : body.apply(thisArg, args as unknown[]));
      // JavaScript's model: inside a running loop, the call starts now, as a task of its own.
      const loop = session.eager ? _getRunningLoop() : null;
      if (!loop) return coro;
      return new Task(coro, { loop, eager: true, line: callerLine(new Error().stack, program) });
    },
    callDispose,
    using,
    forAwait,
    asyncGenerator,
    Await,
    yieldStar,
    // The globals the program sees as its own (compile.ts's PREFIX names them).
    program: (body: (globals: object) => () => Generator) => {
      const { setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask } = timers;
      return driveTopLevel(session, body({ console: programConsole(session), setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask })());
    },
    // Compiled code marks each await and asyncio call with its site (see compile.ts).
    __at: (site: number, value: unknown) => ((session.site = site), value),
    __call: (site: number, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => ((session.site = site), fn(...args)),
    __tick: (site: number) => session.tick(site),
  };

  if (namesConsole(program)) await loadConsoleFormat();
  let error: unknown;
  let failed = false;
  session.underWay(true);
  try {
    try {
      await new Function("__rt", program.code)(rt);
    } catch (caught) {
      [failed, error] = [true, caught];
    }
    const lost = unobservedFailures(session);
    if (!failed && lost.length) [failed, error] = [true, lost[0]];
    // As Python's interpreter does at exit, let threads and processes still at work finish.
    if (!session.stopped) await finishBackgroundWork(session);
  } finally {
    timers.end();
    session.underWay(false);
  }
  terminateWorkers(session);

  // Python's warnings filter shows each warning once per place; we know the coroutine, not the place.
  for (const name of new Set(session.unawaited.map((c) => c.name))) session.writeFinal(`RuntimeWarning: coroutine '${name}' was never awaited`);
  const line = session.raisedLine(error) ?? errorLine(error, program) ?? session.currentLine();
  const failure = failed ? { message: describeError(error), line } : undefined;
  // Python's traceback shows the causes first; the last line is the failure itself, with its line.
  if (failure) session.writeFinal(describeChain(error).replace(/[^\n]*$/, () => (failure.line ? `${failure.message} (line ${failure.line})` : failure.message)));
  session.record({ kind: "program-end", error: failure?.message, line: failure?.line });
  // The console needs only the prints (and the lanes' names): the other events stay in columns.
  const lines = consoleLines(session.trace.select(["print", "job-started"]));
  const stdout = lines.filter((l) => l.stream === "stdout").map((l) => l.text);
  const stderr = lines.filter((l) => l.stream === "stderr").map((l) => l.text);
  return withLazyEvents({ version: TRACE_VERSION, stdout, stderr, virtualEnd: session.now, error: failure }, session.trace);
}

/** A result runProgram made: its trace's columns, and the result without its events. */
const made = new WeakMap<RunResult, { store: TraceStore; head: Omit<RunResult, "events"> }>();

// `events` is made from the store when first read (views, JSON.stringify, postMessage all read it);
// a caller that never reads it, such as the bench or the compact JSON, never pays for the objects.
function withLazyEvents(result: Omit<RunResult, "events">, store: TraceStore): RunResult {
  const head = { ...result };
  let events: TraceEvent[] | undefined;
  Object.defineProperty(result, "events", {
    enumerable: true,
    configurable: true,
    get: () => (events ??= store.decode()),
    set: (value: TraceEvent[]) => {
      events = value;
      made.delete(result as RunResult);
    },
  });
  made.set(result as RunResult, { store, head });
  return result as RunResult;
}

/** A run's result without its events (and without making them). */
export function resultHead(result: RunResult): Omit<RunResult, "events"> {
  const head = made.get(result)?.head;
  if (head) return { ...head };
  const { events: _events, ...rest } = result;
  return rest;
}

/** A run's events in order, `size` at a time, each batch made when it is asked for. */
export function* eventBatches(result: RunResult, size: number): Generator<TraceEvent[]> {
  const store = made.get(result)?.store;
  if (store) yield* store.batches(size);
  else for (let from = 0; from < result.events.length; from += size) yield result.events.slice(from, from + size);
}

/** A run's events in order, `size` at a time, each batch packed for postMessage (trace/packed.ts) when
 *  it is asked for: from the columns when runProgram made the result, without an object per event. */
export function* packedBatches(result: RunResult, size: number): Generator<PackedEvents> {
  const store = made.get(result)?.store;
  if (store) yield* packStore(store, size);
  else for (const events of eventBatches(result, size)) yield packEvents(events);
}

/** A run's events of some kinds only (e.g. its prints), without making the others' objects. */
export function selectEvents(result: RunResult, kinds: readonly TraceEventKind[]): TraceEvent[] {
  return made.get(result)?.store.select(kinds) ?? result.events.filter((e) => kinds.includes(e.kind));
}

/** What a run's trace takes in memory, in bytes: its columns (trace/compact.ts's TraceStore.bytes),
 *  when runProgram made it; undefined for a result made otherwise. */
export function traceBytes(result: RunResult): number | undefined {
  return made.get(result)?.store.bytes;
}

/** A run's trace in the compact form (trace/compact.ts), from its columns when runProgram made it. */
export function compactTrace(result: RunResult): CompactTrace {
  return made.get(result)?.store.toCompact() ?? encodeCompact(result.events);
}

// Jobs still running when the program ends: wait for their replies and play out what they did.
async function finishBackgroundWork(session: Session): Promise<void> {
  while (session.agenda.busy()) {
    await session.agenda.replies();
    const next = session.agenda.nextTime();
    if (next !== undefined) session.advanceTo(Math.max(next, session.now));
  }
}

// The program's own top level: `await` here is JavaScript's, for run(...) and real promises only.
async function driveTopLevel(session: Session, program: Generator): Promise<unknown> {
  let throwing = false;
  let payload: unknown;
  for (;;) {
    // Each stretch of top-level code is this program's: asyncio's functions find its session.
    const [thrown, sent] = [throwing, payload];
    const step: IteratorResult<unknown, unknown> = session.enter(() => (thrown ? program.throw(sent) : program.next(sent)));
    if (step.done) return step.value;
    const awaited: unknown = step.value;
    throwing = true;
    if (awaited instanceof Coroutine || awaited instanceof Future) {
      const what = awaited instanceof Coroutine ? `${awaited.name}() is a coroutine` : "a future or task";
      payload = new RuntimeError(`'await' outside the event loop: ${what}. Start the loop with await run(main()) and await it inside main.`);
      session.noteRaised(payload);
    } else if (isThenable(awaited)) {
      try {
        [throwing, payload] = [false, await awaited];
      } catch (caught) {
        payload = caught;
      }
    } else [throwing, payload] = [false, awaited];
  }
}

// The reader's line of the call that made an eager task: the frame in the program's code that called
// the async function's wrapper (the first frame in the program's code, which calls the runtime), past
// built-ins such as Array.prototype.map; none when the runtime's own code called it (the current site
// tells then). Only eager runs pay for it.
function callerLine(stack: string | undefined, program: CompiledProgram): number | undefined {
  const frames = (stack ?? "").split("\n").slice(1);
  const wrapper = frames.findIndex((frame) => PROGRAM_FRAME.test(frame));
  if (wrapper < 0) return undefined;
  for (const frame of frames.slice(wrapper + 1)) {
    const own = PROGRAM_FRAME.exec(frame);
    if (own) return program.lineMap[Number(own[1]) - FUNCTION_HEADER_LINES - 1] || undefined;
    if (!BUILT_IN_FRAME.test(frame)) return undefined;
  }
  return undefined;
}
/** A V8 stack frame in the program's code (new Function's), and one of a built-in (no place). */
const PROGRAM_FRAME = /<anonymous>:(\d+):\d+/;
const BUILT_IN_FRAME = /\((<anonymous>|native)\)$/;

// The reader's line where an uncaught error was raised, from its stack (V8 and SpiderMonkey shapes).
function errorLine(error: unknown, program: CompiledProgram): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const match = /<anonymous>:(\d+):\d+/.exec(stack) ?? /Function:(\d+):\d+/.exec(stack);
  if (!match) return undefined;
  return program.lineMap[Number(match[1]) - FUNCTION_HEADER_LINES - 1] || undefined;
}
