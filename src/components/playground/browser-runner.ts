// Compile and run a playground program off the main thread. The compiler worker stays warm, and keeps
// the programs it compiled last (an unchanged program is not compiled again); a runner worker stays
// warm while its runs leave nothing behind (realm-audit.ts), else the next run gets a fresh one.
// Every way this can fail ends in a message and leaves the playground
// usable: a compiler that cannot start, a wasm that cannot load (the next Run tries again), a
// compile that never answers, a runner that crashes or falls silent (it beats while it runs), and
// the reader's Stop.
import { BROWSER_LIMITS, type CompiledProgram, type RunOptions } from "../../runtime/program/index.ts";
import { PackedEventList, type PackedEvents, type RunResult, type TraceEvent } from "../../runtime/trace/index.ts";
import { COMPILES_TO_SETTLE, type CompileOutcome, type CompileReply, type CompileRequest, type RunnerMessage, type RunnerRequest, type RunRequest, type WarmRequest } from "./protocol.ts";
import { newReplySlot, readReply } from "./reply-slot.ts";
import { deriveAsItArrives, stopDeriving, type Derivation } from "./run-derivation.ts";
import { watchdog } from "./watchdog.ts";

/** Real seconds a run may go without a sign of life before it is stopped. A loop that never pauses
 * is stopped sooner by the runtime itself (the stretch cap, with its line). */
export const SILENCE_SECONDS = 5;

/** Real seconds a fresh runner may take to load and start its script before its first sign of life:
 * a loaded machine can take longer than a silence to do it (a worker that cannot load fails at once). */
const START_SECONDS = 30;

/** Real seconds a compile may take in all (the first one downloads and starts esbuild.wasm). */
const COMPILE_SECONDS = { cold: 90, warm: 15 };

/** Real seconds the compiler may go without a sign of life while compiles are pending: it cannot beat
 * while esbuild.wasm is compiled and started, which takes seconds of a busy machine's thread. */
const COMPILER_SILENCE_SECONDS = 20;

/** Real seconds a loop may hold the thread on each clock: real-clock lessons compute for real. */
const STRETCH_SECONDS = { virtual: BROWSER_LIMITS.maxStretchSeconds, real: 60 };

export type { CompileOutcome };
/** How a run ended; `inFrame`: its reply was read in an animation frame (reply-slot.ts), and drawn
 *  now, React's render in this frame's task, it is painted in this frame. */
export type Outcome = { kind: "done"; result: RunResult; inFrame?: boolean } | { kind: "crashed"; message: string } | { kind: "stopped" } | { kind: "uncompiled" };

let compiler: Worker | null = null;
let compilerAnswered = false;
let nextId = 1;
const pending = new Map<number, (reply: CompileOutcome) => void>();

// While compiles are pending, the compiler must keep beating.
const compilerSilence = watchdog(COMPILER_SILENCE_SECONDS, () => failCompiler(`The compiler stopped answering (no sign of life for ${COMPILER_SILENCE_SECONDS} s). Press Run to try again.`));

// Drop the compiler worker and tell everyone waiting why: the next compile starts a fresh one.
function failCompiler(message: string): void {
  compilerSilence.stop();
  warmingUp = false;
  compiler?.terminate();
  compiler = null;
  for (const resolve of pending.values()) resolve({ ok: false, failure: message });
  pending.clear();
}

function compilerWorker(): Worker {
  if (!compiler) {
    compiler = new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module", name: "playground-compiler" });
    compiler.onmessage = (event: MessageEvent<CompileReply>) => {
      compilerSilence.heard();
      if ("beat" in event.data) return;
      if ("warmed" in event.data) return warmedOnce(event.data.warmed);
      // The Performance API tells the bench when the compiler is warm.
      if (!compilerAnswered) performance.mark("playground:compiler-ready");
      compilerAnswered = true;
      const { id, ...reply } = event.data;
      pending.get(id)?.(reply);
      pending.delete(id);
      if (!pending.size) compilerSilence.stop();
    };
    compiler.onerror = (event) => {
      event.preventDefault();
      failCompiler(`The compiler could not start (${event.message || "its script did not load"}). Press Run to try again.`);
    };
  }
  return compiler;
}

/** Whether a compile has answered on this page (the first one loads esbuild, about 3.8 MB). */
export function compilerIsWarm(): boolean {
  return compilerAnswered;
}

/** Compiles kept, newest last: a Run of unchanged code, or of code compiled ahead while the reader
 * paused (compileAhead), takes its outcome at once. */
const compiled = new Map<string, Promise<CompileOutcome>>();
const KEEP_COMPILED = 8;
/** The lessons' own programs, as the build compiled them (keepCompiled). */
const compiledAtBuild = new Map<string, Promise<CompileOutcome>>();
/** The kept outcomes that have arrived. */
const arrived = new WeakSet<Promise<CompileOutcome>>();

/** Whether this source's compile has arrived already (a Run of it need not say "Compiling…"). */
export function isCompiled(source: string): boolean {
  const kept = compiledAtBuild.get(source) ?? compiled.get(source);
  return kept !== undefined && arrived.has(kept);
}

/** Compile in the compiler worker (loading esbuild-wasm the first time), or take the kept outcome. */
export function compile(source: string): Promise<CompileOutcome> {
  performance.mark("playground:compile");
  return compileKept(source);
}

/** Keep a program the build compiled (a lesson's own code), for as long as the page. */
export function keepCompiled(source: string, program: CompiledProgram): void {
  if (compiledAtBuild.has(source)) return;
  const outcome = Promise.resolve<CompileOutcome>({ ok: true, program });
  arrived.add(outcome);
  compiledAtBuild.set(source, outcome);
}

/** Compile now what the reader may run next, so that Run finds it compiled, or being compiled: when
 *  they pause in typing (PlaygroundIsland), or as they press Ctrl (of Ctrl+Enter) or a pointer on
 *  Run, some 50–150 ms before the key or the click that runs it. */
export function compileAhead(source: string, when: "paused" | "pressing" = "paused"): void {
  // Marked when it compiles: a Run after it takes the compiled program (the browser tests look).
  if (!compiledAtBuild.has(source) && !compiled.has(source)) performance.mark(when === "paused" ? "playground:compile-ahead" : "playground:compile-soon");
  void compileKept(source);
}

/** Compile and run code not compiled yet: the compiler sends the program straight to the runner
 *  (a MessageChannel between the two workers) as well as to the page. After a key or a click,
 *  Chromium holds a worker's messages to the page until the frame answering the input is painted
 *  (reply-slot.ts): a run started when the page hears of the compile starts a frame late. Code being
 *  compiled already (compileAhead) is asked for again, with the runner's port: the
 *  compiler forwards that compile's program (compiler.worker.ts). Null when the code is compiled, or
 *  the compiler is not warm: compile, then startRun. The run ends "uncompiled" if the program does
 *  not compile (the compile's outcome has the problems), "crashed" if the compiler fails. */
export function compileAndRun(source: string, options: Pick<RunOptions, "clock" | "model"> = {}): { compiled: Promise<CompileOutcome>; run: RunHandle } | null {
  const kept = compiled.get(source);
  if (!compilerAnswered || compiledAtBuild.has(source) || (kept && arrived.has(kept))) return null;
  performance.mark("playground:compile");
  const { port1, port2 } = new MessageChannel();
  const outcome = kept ? compileInWorker(source, port1) : compileKept(source, port1);
  return { compiled: outcome, run: startRun({ port: port2, compiled: outcome }, options) };
}

function compileKept(source: string, forward?: MessagePort): Promise<CompileOutcome> {
  const built = compiledAtBuild.get(source);
  if (built) return built;
  const kept = compiled.get(source);
  compiled.delete(source);
  const outcome = kept ?? compileInWorker(source, forward);
  compiled.set(source, outcome);
  if (compiled.size > KEEP_COMPILED) compiled.delete(compiled.keys().next().value!);
  // The compiler's own failures are not the program's: the next Run tries again.
  if (!kept)
    void outcome.then((o) => {
      arrived.add(outcome);
      if (!o.ok && "failure" in o && compiled.get(source) === outcome) compiled.delete(source);
    });
  return outcome;
}

function compileInWorker(source: string, forward?: MessagePort): Promise<CompileOutcome> {
  const id = nextId++;
  const limit = compilerAnswered ? COMPILE_SECONDS.warm : COMPILE_SECONDS.cold;
  return new Promise((resolve) => {
    const timer = setTimeout(() => failCompiler(`The compiler did not answer in ${limit} s. Press Run to try again.`), limit * 1000);
    pending.set(id, (outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    });
    compilerWorker().postMessage({ id, source, forward } satisfies CompileRequest, forward ? [forward] : []);
    compilerSilence.heard();
    keepCompilerWarm();
  });
}

// The warm-up after the reader's first edit: esbuild.wasm runs at its settled speed only after ~200
// compiles (protocol.ts, COMPILES_TO_SETTLE). A reader who edits is likely to edit and run again, so
// the compiler compiles their last program again, unseen: one compile at a time, WARM_GAP_MS after
// the last, when the page is idle, no compile of theirs is waiting and no run of theirs is being
// drawn. Back to back (in the worker, or at each idle moment of the page) its compiles took a core
// from the runs drawn meanwhile, and Run after an edit and a pause got slower (p95 35 → 41 ms, 140
// runs). A reader who only reads costs nothing.
let warmingUp = false;
let compilerSettled = false;
const WARM_GAP_MS = 25;
/** When the reader's last run started, until it is painted (runPainted); a run not painted holds the warm-up this long at most. */
let drawingSince = -Infinity;
const DRAWING_MS = 500;
// At most IDLE_WAIT_MS late: a page that is never idle (a slow, busy machine) still warms up, slowly.
const IDLE_WAIT_MS = 1000;
const idle = (fn: () => void) => ("requestIdleCallback" in globalThis ? requestIdleCallback(fn, { timeout: IDLE_WAIT_MS }) : setTimeout(fn, 50));
const whenIdle = (fn: () => void) => setTimeout(() => idle(fn), WARM_GAP_MS);

function keepCompilerWarm(): void {
  if (warmingUp || compilerSettled) return;
  warmingUp = true;
  whenIdle(warmOnce);
}

function warmOnce(): void {
  if (!compiler) warmingUp = false; // It failed: the next compile starts a fresh one, and this again.
  else if (pending.size || performance.now() - drawingSince < DRAWING_MS) whenIdle(warmOnce);
  else compiler.postMessage({ warm: true } satisfies WarmRequest);
}

function warmedOnce(compiles: number): void {
  // Nothing has compiled yet (0): the next compile starts the warm-up again.
  if (compiles > 0 && compiles < COMPILES_TO_SETTLE) {
    whenIdle(warmOnce);
    return;
  }
  warmingUp = false;
  if (compiles === 0) return;
  compilerSettled = true;
  // The Performance API tells the browser tests when the warm-up is over.
  performance.mark("playground:compiler-settled", { detail: { compiles } });
}

// Runners that ran a program which left nothing behind (the worker said "reusable"): the next run
// takes one of these first, warm. Else the spare: a fresh worker started ahead of time, so that Run
// does not wait for its script to load. A spare that fails to load keeps the reason, for the run
// that takes it.
interface Runner {
  worker: Worker;
  /** Where it writes a small run's reply for the page's next frame (reply-slot.ts), if memory can be shared. */
  slot: SharedArrayBuffer | undefined;
  failure: string | null;
  /** Its script has loaded and run (it said "ready"). */
  started: boolean;
}
let spare: Runner | null = null;
const warm: Runner[] = [];
/** Finished runs' runners still auditing themselves (each settles with the verdict). */
const auditing = new Set<Promise<void>>();
/** Warm runners kept (a compare playground's two runs each leave one). */
const KEEP_WARM = 2;
/** Real seconds a finished run's worker may take to say whether it is reusable. */
const AUDIT_SECONDS = 5;
/** Real milliseconds a Run waits for an audit under way (about 1 ms) before it takes a cold spare. */
const AUDIT_WAIT_MS = 100;

function newRunner(): Runner {
  const runner: Runner = { worker: new Worker(new URL("./runner.worker.ts", import.meta.url), { type: "module", name: "playground-runner" }), slot: newReplySlot(), failure: null, started: false };
  runner.worker.onmessage = (event: MessageEvent<RunnerMessage>) => {
    if (event.data.kind === "ready") runner.started = true;
  };
  runner.worker.onerror = (event) => {
    event.preventDefault();
    runner.failure = event.message || "its script did not load";
  };
  return runner;
}

async function takeRunner(): Promise<Runner> {
  // A Run right after the last one: its runner is finishing its audit, and is warm if it passes.
  if (!warm.length && auditing.size) await Promise.race([...auditing, new Promise((resolve) => setTimeout(resolve, AUDIT_WAIT_MS))]);
  const reused = warm.pop();
  if (reused) return reused;
  const runner = spare ?? newRunner();
  // The next one starts loading now, in the background.
  spare = newRunner();
  return runner;
}

/** A runner that was taken and not used goes back to the warm ones. */
function putBack(runner: Runner): void {
  if (runner.failure === null && warm.length < KEEP_WARM) warm.push(runner);
  else runner.worker.terminate();
}

/** Compiles of the lesson's own program the compiler makes, unseen, as it starts. V8 compiles
 *  esbuild.wasm's functions on their first call and optimises them once they run hot: with an empty
 *  program as its first compile, the reader's first edit was esbuild's first real one, and the first
 *  Run at once after an edit took 79–137 ms (29–69 with these; 3 pages, twice). A compile of a
 *  lesson's program then takes 1.5–2 ms at best and 5–15 one time in three or so, until V8 has
 *  optimised esbuild's rarer paths too: after the reader's first edit, the compiler goes on warming
 *  up by itself (keepCompilerWarm, above). */
const WARM_COMPILES = 3;

/** Get ready for a first Run without delaying the page: start the compiler (it loads esbuild.wasm,
 * then compiles `source`, the lesson's program, WARM_COMPILES times) and the next run's worker, and
 * run `rehearsal` in it once, unseen, if nothing has run yet: the
 * first Run then finds a warm runner, whose runtime V8 has compiled (in a fresh one it is
 * interpreted cold: a lesson's first run took ~25 ms in the worker, the next ones 6–13), and the
 * page's own derivation has run once; or, for a program that starts threads or processes, start the
 * `jobWorkers` its first run is expected to take. Call when a playground is in view and the page is idle. */
export function warmUp({ source, rehearsal, jobWorkers = 0 }: { source: string; rehearsal?: { program: CompiledProgram; options: Pick<RunOptions, "clock" | "model"> }; jobWorkers?: number }): void {
  if (!compiler) {
    // Their outcomes are not kept (the build compiled the lesson's program); failures wait for Run.
    const compiles = Array.from({ length: WARM_COMPILES }, () => {
      const id = nextId++;
      const outcome = new Promise<CompileOutcome>((resolve) => pending.set(id, resolve));
      compilerWorker().postMessage({ id, source } satisfies CompileRequest);
      return outcome;
    });
    // The Performance API tells the browser tests when esbuild is warm.
    void Promise.all(compiles).then((outcomes) => performance.mark("playground:compiler-warmed", { detail: { compiled: outcomes.filter((o) => o.ok).length } }));
  }
  spare ??= newRunner();
  // A lesson whose program starts threads or processes is not rehearsed (its job workers would be
  // spent on it): its first run's job workers are started instead, in the runner that takes it.
  if (jobWorkers > 0 && runsStarted === 0) spare.worker.postMessage({ kind: "prestart", jobWorkers } satisfies RunnerRequest);
  // A Run while it is under way does not wait for it: it takes the next spare, started as it began.
  if (rehearsal && runsStarted === 0) startRun(rehearsal.program, rehearsal.options, true);
}

/** Runs started on this page (the rehearsal's too): each one's number tells the slot whose reply it holds. */
let runsStarted = 0;
/** Frames at whose start a run's reply is looked for in its runner's slot. */
const SLOT_FRAMES = 4;
/** And more for a run whose program is compiled first (compileAndRun): a compile takes 10–30 ms. */
const COMPILE_FRAMES = 2;

/** The runner of the last run the page draws. */
let drawnLast: Worker | null = null;

/** The last run is painted: its runner may start the next run's job workers now (threads,
 *  processes), with the page idle, rather than later (started at once, they competed with the
 *  drawing for a two-core machine's cores). */
export function runPainted(): void {
  drawnLast?.postMessage({ kind: "painted" } satisfies RunnerRequest);
  drawnLast = null;
  drawingSince = -Infinity;
}

/** A run under way: its outcome, and a way to stop it at once. */
export interface RunHandle {
  outcome: Promise<Outcome>;
  stop(): void;
}

// After a finished run, the worker audits itself (runner.worker.ts): kept warm if it says so, else ended.
function park(runner: Runner, unseen: boolean): void {
  const { worker } = runner;
  let settle = () => undefined as void;
  const audited = new Promise<void>((resolve) => (settle = resolve));
  auditing.add(audited);
  const verdict = (reusable: boolean) => {
    clearTimeout(timer);
    auditing.delete(audited);
    if (reusable && warm.length < KEEP_WARM) warm.push(runner);
    else worker.terminate();
    settle();
  };
  const timer = setTimeout(() => verdict(false), AUDIT_SECONDS * 1000);
  worker.onerror = (event) => (event.preventDefault(), verdict(false));
  worker.onmessage = (event: MessageEvent<RunnerMessage>) => {
    const message = event.data;
    if (message.kind !== "reusable" && message.kind !== "spent") return;
    // The Performance API tells the browser tests (and anyone curious) what became of the runner.
    // A rehearsal's runner is told apart: the reader ran nothing.
    performance.mark(unseen ? "playground:rehearsed" : `playground:runner-${message.kind}`, { detail: message.kind === "spent" ? message.why : null });
    verdict(message.kind === "reusable");
  };
}

/** A program the compiler sends to the runner itself (compileAndRun), through `port`. */
interface Forwarded {
  port: MessagePort;
  compiled: Promise<CompileOutcome>;
}

/** Run a compiled program (or one being compiled) in a warm or fresh worker, with the browser's
 *  limits; stopped if it falls silent. `unseen`: a rehearsal (warmUp), which sets no mark of a reader's run. */
export function startRun(program: CompiledProgram | Forwarded, options: Pick<RunOptions, "clock" | "model"> = {}, unseen = false): RunHandle {
  const clock = options.clock ?? "virtual";
  const forwarded = "port" in program ? program : null;
  const run = ++runsStarted;
  // `forwarded`: its program comes from the compiler itself (the browser tests look).
  if (!unseen) {
    performance.mark("playground:run", { detail: { forwarded: forwarded !== null } });
    drawingSince = performance.now();
  }
  let settle: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
  const silence = watchdog(SILENCE_SECONDS, (seconds) =>
    end({
      kind: "crashed",
      message: runner && !runner.started ? `Stopped: the runner did not start in ${seconds} s of real time. Press Run to try again.` : `Stopped: the program gave no sign of life for ${seconds} s of real time (is something holding its thread?).`,
    }),
  );
  let runner: Runner | null = null;
  let ended = false;
  let frame = 0;
  const end = (result: Outcome) => {
    if (ended) return;
    ended = true;
    cancelAnimationFrame(frame);
    silence.stop();
    // A stopped or failed run's worker is ended (it may still be running); a finished one audits
    // itself, as does one the compiler sent no program.
    if (runner && (result.kind === "done" || result.kind === "uncompiled")) park(runner, unseen);
    else runner?.worker.terminate();
    settle(result);
  };
  // A compiler that failed sends the runner nothing (a compile with problems sends it null: it says
  // "uncompiled").
  void forwarded?.compiled.then((compiled) => !compiled.ok && "failure" in compiled && end({ kind: "crashed", message: compiled.failure }));
  const begin = (taken: Runner) => {
    if (ended) return putBack(taken);
    runner = taken;
    const { worker } = taken;
    // Kept packed, made into objects as they are read (packed-list.ts): a run of 200,000 events held
    // ~800,000 objects on the page's heap, which its collections copied and marked while the reader waited.
    const list = new PackedEventList();
    const { events } = list;
    let derivation: Derivation | undefined = deriveAsItArrives(events, (i) => list.at(i)!);
    // A derivation that fails is dropped: the views derive the trace themselves, as for any other.
    const derive = (finish: boolean) => {
      try {
        derivation?.work();
        if (finish) derivation?.views();
      } catch {
        derivation = undefined;
        stopDeriving(events);
      }
    };
    const take = (packed: PackedEvents) => {
      list.add(packed);
      derive(false);
    };
    const finish = (head: Omit<RunResult, "events">, inFrame: boolean) => {
      if (!unseen) performance.mark("playground:ran", { detail: { inFrame } });
      // The views are finished here, in this task: React draws them in a task of its own, or in
      // this frame's (inFrame: use-playground-run.ts).
      derive(true);
      if (!unseen) drawnLast = worker;
      // Read-only (a write throws): no view writes a run's events.
      end({ kind: "done", result: { ...head, events: events as TraceEvent[] }, inFrame });
    };
    // The reply through the slot, looked for at the start of the first frames after the Run: past
    // them, the worker's messages are no longer deferred, and bring it as soon.
    const reply = taken.slot && { slot: taken.slot, run };
    let framesLeft = SLOT_FRAMES + (forwarded ? COMPILE_FRAMES : 0);
    const lookInSlot = () => {
      const read = reply && readReply(reply.slot, reply.run);
      if (!read) return void (--framesLeft > 0 && (frame = requestAnimationFrame(lookInSlot)));
      read.batches.forEach(take);
      finish(read.head, true);
    };
    worker.onmessage = (event: MessageEvent<RunnerMessage>) => {
      const message = event.data;
      silence.heard();
      if (message.kind === "ready") taken.started = true;
      else if (message.kind === "events") {
        // The messages came first: they bring the whole reply.
        cancelAnimationFrame(frame);
        take(message.packed);
      } else if (message.kind === "done") {
        cancelAnimationFrame(frame);
        finish(message.result, false);
      } else if (message.kind === "uncompiled") end({ kind: "uncompiled" });
      else if (message.kind === "failed") end({ kind: "crashed", message: message.message });
    };
    const failed = (why: string) => end({ kind: "crashed", message: `The runner failed: ${why}.` });
    worker.onerror = (event) => {
      event.preventDefault();
      failed(event.message || "its script did not load");
    };
    if (taken.failure !== null) return failed(taken.failure);
    const limits = { ...BROWSER_LIMITS, maxStretchSeconds: STRETCH_SECONDS[clock] };
    try {
      worker.postMessage({ program: forwarded?.port ?? (program as CompiledProgram), options: { ...options, limits }, reply } satisfies RunRequest, forwarded ? [forwarded.port] : []);
    } catch (error) {
      return failed(`the run could not be sent to it (${String(error)})`);
    }
    if (reply) frame = requestAnimationFrame(lookInSlot);
    // A fresh worker may still be loading its script: its first sign of life may take longer.
    silence.heard(taken.started ? SILENCE_SECONDS : START_SECONDS);
  };
  void takeRunner().then(begin);
  silence.heard();
  return { outcome, stop: () => end({ kind: "stopped" }) };
}
