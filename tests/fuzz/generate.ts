// Seeded generator of random asyncio programs, each written twice, line for line: as playground
// TypeScript (imports from "asyncio", `await run(main())`) and as Python 3.11 (`asyncio.run(main())`).
//
// Every program is deterministic in CPython, on purpose. Things CPython leaves unordered are kept
// out: asyncio.run's shutdown cancels leftover tasks in the order of a WeakSet and TaskGroup's
// abort cancels children in the order of a set. So:
//   * every task a function creates is awaited by that function, at its top level, and nothing can
//     raise past those awaits: a call that may raise Boom is always inside `try/except Boom`, and a
//     function that raises does so at its very end, after awaiting its tasks;
//   * when cancellation can cut a function short (task.cancel(), waitFor, timeout, shield, a failing
//     TaskGroup or gather) it may leave tasks running ("orphans"), so main ends with one long sleep
//     that outlasts all the work in the program (the sum of every delay: a bound on the end time);
//   * a TaskGroup whose children may be aborted (a child may fail, or the group may be cancelled
//     from outside) gets only "quiet" children: nothing they run prints or takes a lock while being
//     cancelled, so the order of the abort cannot show (a function is not quiet if it has a finally,
//     a cancel handler, a lock, a waitFor, which can turn a cancellation into the inner result, or
//     a TaskGroup that may fail, which turns it into an ExceptionGroup);
//   * Event and Queue appear only in main's own blocks, whose waiters cannot wait forever.
// Features come and go with the runtime: a feature is generated only when every name it needs is in
// ASYNCIO_EXPORTS (src/runtime/asyncio/module.ts) at generation time.
import { ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { Rng } from "./random.ts";
import { renderProgram, type ErrorClass, type Func, type Handler, type Line, type ProgramIR, type ProgramText, type Stmt, type Try } from "./ir.ts";

/** A generated program: its seed, its statement tree, and both texts. */
export interface GeneratedProgram extends ProgramText {
  seed: number;
  ir: ProgramIR;
}

export interface GenerateOptions {
  /** The names the runtime's "asyncio" module exports (default: ASYNCIO_EXPORTS). */
  exports?: readonly string[];
  /** Features not to generate (see known-divergences.ts). */
  exclude?: readonly Feature[];
}

/** The asyncio names each feature needs; a feature is generated only when all are exported. */
export const FEATURE_NEEDS = {
  core: ["run", "sleep", "blockingSleep", "print"],
  tasks: ["createTask"],
  namedTasks: ["createTask"],
  taskNames: ["currentTask"],
  gather: ["gather"],
  cancel: ["createTask", "CancelledError"],
  cancelMessage: ["createTask", "CancelledError"],
  taskGroup: ["TaskGroup"],
  taskGroupErrors: ["TaskGroup", "ExceptionGroup"],
  semaphore: ["Semaphore"],
  boundedSemaphore: ["BoundedSemaphore"],
  lock: ["Lock"],
  event: ["Event", "createTask"],
  queue: ["Queue", "createTask"],
  queueNowait: ["Queue", "createTask", "QueueEmpty", "QueueFull"],
  waitFor: ["waitFor", "TimeoutError"],
  crowd: ["gather", "waitFor", "TimeoutError"],
  timeout: ["timeout", "TimeoutError"],
  shield: ["shield"],
  /** wait(tasks, { timeout, returnWhen }): the tasks still pending run on (main drains them). */
  wait: ["wait", "createTask", "FIRST_COMPLETED", "ALL_COMPLETED"],
  /** The loop's timers: getRunningLoop().callLater(delay, print, ...) and handle.cancel(). */
  callLater: ["getRunningLoop"],
  /** Asking a task for its state (done(), cancelled(), result()): asyncio's, not JavaScript's. */
  taskMethods: [],
} as const satisfies Record<string, readonly string[]>;

export type Feature = keyof typeof FEATURE_NEEDS;

/** The features the given exports allow, less those excluded. */
export function enabledFeatures(exports: readonly string[] = ASYNCIO_EXPORTS, exclude: readonly Feature[] = []): Feature[] {
  return (Object.keys(FEATURE_NEEDS) as Feature[]).filter((f) => !exclude.includes(f) && FEATURE_NEEDS[f].every((name) => exports.includes(name)));
}

/** Generate the program for `seed`. */
export function generateProgram(seed: number, options: GenerateOptions = {}): GeneratedProgram {
  const ir = new ProgramGenerator(seed, enabledFeatures(options.exports ?? ASYNCIO_EXPORTS, options.exclude)).program();
  return { seed, ir, ...renderProgram(ir) };
}

// Delays as written in both languages: small pools, so equal deadlines (and sums such as
// 0.1 + 0.2 against 0.3) come up often.
const SLEEPS = ["-0.5", "0", "0", "0", "0.1", "0.1", "0.2", "0.3", "0.25", "0.5", "0.5", "1", "1", "0.05", "0.15", "0.7", "1.5", "2", "0.01", "0.125", "0.35", "0.4", "0.6"];
const BLOCKING = ["0", "0.05", "0.1", "0.1", "0.2", "0.25", "0.3", "0.5"];
const TIMEOUTS = ["0", "0.1", "0.2", "0.25", "0.3", "0.5", "0.5", "0.6", "1", "1", "1.5", "2"];
const NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "oscar", "papa", "romeo", "sierra", "tango"];

/** How many coroutine calls (all levels) one function may make, main included. */
const MAX_SIZE = 28;
const MAX_MAIN_SIZE = 70;

/** What callers need to know about a generated function. */
interface FnInfo {
  name: string;
  /** Always raises Boom (unless cancelled first). */
  throws: boolean;
  /** Prints nothing and takes no lock while being cancelled, nor does anything it runs. */
  quiet: boolean;
  /** Contains no TaskGroup with children that are not quiet (nor does anything it runs). */
  tgSafe: boolean;
  /** Lock and semaphore globals it (or anything it runs) acquires. */
  locks: Set<string>;
  /** Upper bound on the virtual seconds of all the work it runs (delays summed). */
  cost: number;
  /** Coroutine calls it makes, itself included. */
  size: number;
  /** May leave tasks running (see Body.orphans). */
  orphans: boolean;
  /** Event waiters, queue consumers and crowd workers only run from main's own blocks. */
  special?: "waiter" | "consumer" | "crowd";
}

interface Ctx {
  /** At the function's own top level: may create and await tasks. */
  top: boolean;
  depth: number;
  /** Inside a lock or semaphore region: nothing run may take a lock. */
  inLock: boolean;
  /** Inside `timeout(...)`: what runs may be cancelled by the deadline. */
  exposed: boolean;
}

/** State of one function while its body is generated. */
class Body {
  readonly name: string;
  readonly isMain: boolean;
  vars = 0;
  steps = 0;
  calls = 0;
  pending: { v: string; callee: FnInfo }[] = [];
  done: string[] = [];
  cost = 0;
  size = 1;
  locks = new Set<string>();
  callees: FnInfo[] = [];
  /** Prints (or takes a lock) while being cancelled. */
  loud = false;
  /** Has a TaskGroup whose children are not quiet. */
  unquietTaskGroup = false;
  /** Features its body uses, for reports. */
  notes = new Set<string>();
  /** Make it quiet: no guard, finally, lock or cancel handler, and only quiet callees. */
  plain = false;
  /** It (or something it runs) may leave tasks running when cut short by a cancellation. */
  orphans = false;

  constructor(name: string, isMain: boolean) {
    this.name = name;
    this.isMain = isMain;
  }

  /** The first arguments of each of its print() calls. */
  get label(): string {
    return this.isMain ? `"main"` : `"${this.name}", tag`;
  }

  /** A fresh local name: a prefix and a number, unique in the function. */
  newVar(prefix: string): string {
    return `${prefix}${++this.vars}`;
  }

  /** The tag passed to a callee: distinct at every call site. */
  arg(): string {
    this.calls++;
    return this.isMain ? `"m${this.calls}"` : `tag + "/${this.calls}"`;
  }

  maxSize(): number {
    return this.isMain ? MAX_MAIN_SIZE : MAX_SIZE;
  }
}

const line = (ts: string, py: string, extra: Partial<Line> = {}): Line => ({ kind: "line", ts, py, ...extra });

/** One awaitable passed to gather: a coroutine call or a task. */
interface GatherMember {
  text: string;
  uses: string[];
  awaits: string[];
}

/** `const g = await gather([...])` ↔ `g = await asyncio.gather(...)`, with one-fewer variants for the shrinker. */
function gatherLine(v: string, members: GatherMember[], returnExceptions: boolean, variants = true): Line {
  const parts = members.map((m) => m.text);
  const ts = `const ${v} = await gather([${parts.join(", ")}]${returnExceptions ? ", { returnExceptions: true }" : ""});`;
  const py = `${v} = await asyncio.gather(${[...parts, ...(returnExceptions ? ["return_exceptions=True"] : [])].join(", ")})`;
  return line(ts, py, {
    defs: [v],
    uses: members.flatMap((m) => m.uses),
    awaits: members.flatMap((m) => m.awaits),
    variants: variants && members.length ? members.map((_, i) => gatherLine(v, members.filter((_, j) => j !== i), returnExceptions)) : undefined,
  });
}

class ProgramGenerator {
  private readonly rng: Rng;
  private readonly seed: number;
  private readonly features: Set<Feature>;
  private readonly fns: FnInfo[] = [];
  private readonly funcs: Func[] = [];
  private readonly globals = new Set<string>();
  private names: string[];
  private needsDrain = false;
  private printRunResult = false;
  private semaphoreValue = 1;
  private semaphoreClass = "Semaphore";
  private queueSize = 0;

  constructor(seed: number, features: Feature[]) {
    this.seed = seed;
    this.rng = new Rng(seed);
    this.features = new Set(features);
    this.names = this.rng.shuffle([...NAMES]);
  }

  private has(feature: Feature): boolean {
    return this.features.has(feature);
  }

  private note(b: Body, feature: string): void {
    b.notes.add(feature);
  }

  program(): ProgramIR {
    const count = this.rng.int(1, 5);
    for (let i = 0; i < count; i++) this.genericFunction();
    const main = this.mainFunction();
    this.funcs.push(main);
    const order = ["lock", "sem", "ev", "q"].filter((g) => this.globals.has(g));
    const prelude: Line[] = [];
    if (this.rng.chance(0.1)) {
      const d = this.rng.pick(BLOCKING);
      prelude.push(line(`blockingSleep(${d});`, `time.sleep(${d})`), line(`print("before the loop");`, `print("before the loop")`));
    }
    // A second asyncio.run: a new loop on the same clock, task names counting on. Only a function
    // with no lock (bound to the first loop) and no cancellation that could leave tasks behind.
    const second = this.fns.filter((f) => !f.special && !f.orphans && f.locks.size === 0);
    const epilogue: Line[] = [];
    if (second.length && this.rng.chance(0.15)) {
      const f = this.rng.pick(second);
      epilogue.push(line(`print("second run gave", await run(${f.name}("again")));`, `print("second run gave", asyncio.run(${f.name}("again")))`, { uses: [f.name] }));
      main.features!.push("second-run");
    }
    return { seed: this.seed, globals: order, funcs: this.funcs, printRunResult: this.printRunResult, prelude, epilogue };
  }

  // ---- functions ----------------------------------------------------------------------------

  private genericFunction(): void {
    const name = this.names.shift()!;
    const b = new Body(name, false);
    // A plain function is quiet (see FnInfo): a TaskGroup with failing children may run it.
    b.plain = this.rng.chance(0.4);
    const throws = this.rng.chance(0.3);
    const body: Stmt[] = [this.startPrint(b)];
    body.push(...this.stmts(b, { top: true, depth: 0, inLock: false, exposed: false }, this.rng.int(1, 4)));
    body.push(...this.awaitAllPending(b), ...this.maybeRevisit(b));
    this.finishFunction(b, body, throws);
  }

  /** Append the ending (return or raise), wrap in a guard, and record the function. */
  private finishFunction(b: Body, body: Stmt[], throws: boolean, special?: FnInfo["special"]): void {
    let actuallyThrows = false;
    if (throws) {
      const tail = this.throwTail(b);
      body.push(...tail.stmts);
      actuallyThrows = true;
    } else {
      body.push(this.print(b, "end"));
      if (this.rng.chance(0.75)) body.push(line(`return "${b.name}:" + tag;`, `return "${b.name}:" + tag`));
    }
    const guarded = b.isMain || b.plain ? body : this.guard(b, body);
    this.funcs.push({ name: b.name, body: guarded, features: [...b.notes] });
    this.fns.push({
      name: b.name,
      throws: actuallyThrows,
      quiet: !b.loud && !b.unquietTaskGroup && b.callees.every((c) => c.quiet),
      tgSafe: !b.unquietTaskGroup && b.callees.every((c) => c.tgSafe),
      locks: b.locks,
      cost: b.cost,
      size: b.size,
      orphans: b.orphans,
      special,
    });
  }

  /** try/except CancelledError (print, then re-raise or swallow) and/or try/finally around a body. */
  private guard(b: Body, body: Stmt[]): Stmt[] {
    const kinds: Record<string, number> = { none: 6, finally: 1.5 };
    if (this.has("cancel")) Object.assign(kinds, { cancel: 1.5, both: 1, swallow: 0.6 });
    const kind = this.rng.weighted(kinds);
    if (kind === "none") return body;
    b.loud = true;
    this.note(b, `guard-${kind}`);
    const v = b.newVar("e");
    const handlers: Handler[] = [];
    if (kind === "cancel" || kind === "both" || kind === "swallow") {
      const hBody: Stmt[] = [this.caughtPrint(b, v, "cancelled")];
      if (this.has("taskNames") && this.rng.chance(0.4))
        hBody.push(line(`print(${b.label}, "cancelling", currentTask()!.cancelling());`, `print(${b.label}, "cancelling", asyncio.current_task().cancelling())`));
      if (this.rng.chance(0.25)) hBody.push(this.sleepLine(b));
      if (kind === "swallow") hBody.push(line(`return "${b.name}:" + tag + ":swallowed";`, `return "${b.name}:" + tag + ":swallowed"`));
      handlers.push({ cls: "CancelledError", body: hBody, rethrow: kind !== "swallow" });
    }
    const final = kind === "finally" || kind === "both" ? [this.print(b, "finally")] : undefined;
    if (final && this.rng.chance(0.3)) final.push(this.sleepLine(b));
    return [{ kind: "try", v, body, handlers, final, defs: [v] }];
  }

  /** The end of a function that raises: a raise, a raise under try/finally, or a callee's raise. */
  private throwTail(b: Body): { stmts: Stmt[] } {
    const message = b.isMain ? `"main end"` : `"${b.name} " + tag`;
    const raise = line(`throw new Boom(${message});`, `raise Boom(${message})`);
    const kind = this.rng.weighted({ raise: 3, finally: b.plain ? 0 : 1.5, propagate: 1.5 });
    if (kind === "propagate") {
      const f = this.pickCallee(b, { top: true, depth: 0, inLock: false, exposed: false }, { throws: true });
      if (f) {
        this.note(b, "propagate");
        const call = `${f.name}(${b.arg()})`;
        return { stmts: [line(`await ${call};`, `await ${call}`, { uses: [f.name] })] };
      }
    }
    if (kind === "finally") {
      b.loud = true;
      this.note(b, "raise-in-finally");
      const body: Stmt[] = [this.print(b, "about to fail")];
      if (this.rng.chance(0.5)) body.push(this.sleepLine(b));
      body.push(raise);
      const final: Stmt[] = [this.print(b, "finally")];
      if (this.rng.chance(0.3)) final.push(this.sleepLine(b));
      return { stmts: [{ kind: "try", v: b.newVar("e"), body, handlers: [], final }] };
    }
    return { stmts: [raise] };
  }

  private mainFunction(): Func {
    const b = new Body("main", true);
    const body: Stmt[] = [this.print(b, "start")];
    const n = this.rng.int(2, 6);
    const groups: (() => Stmt[] | null)[] = [];
    if (this.has("event") && this.rng.chance(0.35)) groups.push(() => this.eventGroup(b));
    if (this.has("queue") && this.rng.chance(0.35)) groups.push(() => this.queueGroup(b));
    if (this.has("crowd") && this.rng.chance(0.03)) groups.push(() => this.crowd(b));
    const slots = this.rng.shuffle([...Array(n).keys()]).slice(0, groups.length);
    for (let i = 0; i < n; i++) {
      const g = slots.indexOf(i);
      const made = g >= 0 ? groups[g]() : null;
      body.push(...(made ?? this.stmts(b, { top: true, depth: 0, inLock: false, exposed: false }, 1)));
    }
    body.push(...this.awaitAllPending(b), ...this.maybeRevisit(b));
    if (this.needsDrain) {
      // Outlast every orphan: no stretch of virtual time passes unless some delay covers it.
      const drain = Math.ceil(b.cost) + 1;
      body.push(line(`await sleep(${drain});`, `await asyncio.sleep(${drain})`, { essential: true }));
      this.note(b, "drain");
    }
    const ending = this.rng.weighted({ end: 7, raise: 1, timeout: this.has("waitFor") ? 0.5 : 0, result: 1.5 });
    if (ending === "raise") {
      body.push(...this.throwTail(b).stmts);
      this.note(b, "main-raises");
    } else if (ending === "timeout") {
      // A TimeoutError escapes main: asyncio.run raises it.
      body.push(line(`await waitFor(sleep(1), 0.5);`, `await asyncio.wait_for(asyncio.sleep(1), 0.5)`));
      this.note(b, "main-times-out");
    } else {
      body.push(this.print(b, "end"));
      if (ending === "result") {
        body.push(line(`return "main result";`, `return "main result"`));
        this.printRunResult = true;
        this.note(b, "run-result");
      }
    }
    const inits: Stmt[] = [];
    if (this.globals.has("lock")) inits.push(line("lock = new Lock();", "global lock; lock = asyncio.Lock()", { global: "lock", essential: true }));
    if (this.globals.has("sem"))
      inits.push(
        line(`sem = new ${this.semaphoreClass}(${this.semaphoreValue});`, `global sem; sem = asyncio.${this.semaphoreClass}(${this.semaphoreValue})`, { global: "sem", essential: true }),
      );
    if (this.globals.has("ev")) inits.push(line("ev = new Event();", "global ev; ev = asyncio.Event()", { global: "ev", essential: true }));
    if (this.globals.has("q")) inits.push(line(`q = new Queue(${this.queueSize});`, `global q; q = asyncio.Queue(${this.queueSize})`, { global: "q", essential: true }));
    return { name: "main", body: [...inits, ...body], features: [...b.notes] };
  }

  // ---- statements ---------------------------------------------------------------------------

  private stmts(b: Body, ctx: Ctx, count: number): Stmt[] {
    const out: Stmt[] = [];
    for (let i = 0; i < count; i++) out.push(...this.stmt(b, ctx));
    return out;
  }

  private stmt(b: Body, ctx: Ctx): Stmt[] {
    const shallow = ctx.depth < 2;
    const weights: Record<string, number> = { print: 1.5, sleep: 4, blocking: 0.8, call: 3 };
    weights.sleepResult = 0.3;
    weights.callThrower = 2;
    if (shallow) Object.assign(weights, { tryFinally: b.plain ? 0 : 0.8, loop: 0.8 });
    if (ctx.top && this.has("tasks")) weights.task = 3;
    if (ctx.top && b.pending.length) weights.awaitTask = 3;
    if (ctx.top && b.done.length) weights.awaitDone = 0.8;
    if (ctx.top && (b.pending.length || b.done.length) && this.has("taskMethods")) weights.taskState = 0.5;
    if (this.has("gather")) Object.assign(weights, { gather: 2, fanOut: 0.5 });
    if (shallow && !ctx.inLock && !b.plain && (this.has("lock") || this.has("semaphore"))) weights.lockRegion = 1.5;
    if (this.has("waitFor")) weights.waitFor = 1.2;
    if (shallow && this.has("timeout")) weights.timeoutBlock = 1;
    if (this.has("shield")) weights.shield = 0.8;
    if (shallow && this.has("taskGroup")) weights.taskGroup = 1.5;
    if (ctx.top && !b.plain && this.has("cancel")) weights.cancel = 1.5;
    if (ctx.top && !b.plain && this.has("cancel") && this.has("gather")) weights.cancelGather = 0.6;
    if (this.has("wait")) weights.wait = 1;
    if (this.has("callLater")) weights.callLater = 0.8;
    for (let attempt = 0; attempt < 12; attempt++) {
      const kind = this.rng.weighted(weights);
      const made = this.make(kind, b, ctx);
      if (made) return made;
    }
    return [this.print(b)];
  }

  private make(kind: string, b: Body, ctx: Ctx): Stmt[] | null {
    switch (kind) {
      case "print":
        return [this.print(b)];
      case "sleep":
        return this.rng.chance(0.5) ? [this.sleepLine(b), this.print(b)] : [this.sleepLine(b)];
      case "blocking":
        return [this.blockingLine(b), this.print(b)];
      case "sleepResult": {
        const d = this.rng.pick(["0", "0", "0.1", "0.5"]);
        b.cost += Number(d);
        const v = b.newVar("r");
        this.note(b, "sleep-result");
        return [
          line(`const ${v} = await sleep(${d}, "${b.name}-nap");`, `${v} = await asyncio.sleep(${d}, "${b.name}-nap")`, { defs: [v] }),
          this.print(b, "nap gave", v),
        ];
      }
      case "call": {
        const f = this.pickCallee(b, ctx, { throws: false });
        if (!f) return null;
        const v = b.newVar("r");
        const call = `${f.name}(${b.arg()})`;
        this.note(b, "await-coroutine");
        return [line(`const ${v} = await ${call};`, `${v} = await ${call}`, { defs: [v], uses: [f.name] }), this.print(b, "got", v)];
      }
      case "callThrower": {
        const f = this.pickCallee(b, ctx, { throws: true });
        if (!f) return null;
        const v = b.newVar("r");
        const call = `${f.name}(${b.arg()})`;
        this.note(b, "catch");
        const body: Stmt[] = [];
        if (this.rng.chance(0.3)) body.push(this.print(b, "trying"));
        body.push(line(`const ${v} = await ${call};`, `${v} = await ${call}`, { defs: [v], uses: [f.name] }), this.print(b, "got", v));
        return [this.tryCatch(b, body, ["Boom"], !b.plain && this.rng.chance(0.25))];
      }
      case "tryFinally": {
        const body = this.stmts(b, { ...ctx, top: false, depth: ctx.depth + 1 }, this.rng.int(1, 2));
        b.loud = true;
        this.note(b, "try-finally");
        const final: Stmt[] = [this.print(b, "finally")];
        if (this.rng.chance(0.3)) final.push(this.sleepLine(b));
        return [{ kind: "try", v: b.newVar("e"), body, handlers: [], final }];
      }
      case "loop": {
        const k = this.rng.int(2, 3);
        const i = b.newVar("i");
        const before = b.cost;
        const pause = this.rng.chance(0.7) ? this.sleepLine(b) : this.blockingLine(b);
        b.cost = before + (b.cost - before) * k;
        this.note(b, "loop");
        return [{ kind: "block", ts: `for (let ${i} = 0; ${i} < ${k}; ${i}++) {`, py: `for ${i} in range(${k}):`, body: [this.print(b, "loop", i), pause], defs: [i] }];
      }
      case "task": {
        const f = this.pickCallee(b, ctx, {});
        if (!f) return null;
        const v = b.newVar("t");
        const call = `${f.name}(${b.arg()})`;
        const named = this.rng.chance(0.3) && this.has("namedTasks");
        this.note(b, named ? "create-task-named" : "create-task");
        b.pending.push({ v, callee: f });
        return [
          line(
            named ? `const ${v} = createTask(${call}, { name: "${f.name}-${v}" });` : `const ${v} = createTask(${call});`,
            named ? `${v} = asyncio.create_task(${call}, name="${f.name}-${v}")` : `${v} = asyncio.create_task(${call})`,
            { defs: [v], uses: [f.name], task: v },
          ),
        ];
      }
      case "awaitTask": {
        const { v: t, callee } = b.pending.splice(this.rng.int(0, b.pending.length - 1), 1)[0];
        return this.awaitTask(b, t, callee);
      }
      case "awaitDone": {
        const t = this.rng.pick(b.done);
        this.note(b, "await-done-task");
        return this.rng.chance(0.5) || !this.has("taskMethods")
          ? [line(`print(${b.label}, "again", await ${t});`, `print(${b.label}, "again", await ${t})`, { uses: [t], awaits: [t] })]
          : [line(`print(${b.label}, "result", ${t}.result());`, `print(${b.label}, "result", ${t}.result())`, { uses: [t] })];
      }
      case "taskState": {
        const t = this.rng.pick([...b.pending.map((p) => p.v), ...b.done]);
        return [line(`print(${b.label}, "state", ${t}.done(), ${t}.cancelled());`, `print(${b.label}, "state", ${t}.done(), ${t}.cancelled())`, { uses: [t] })];
      }
      case "gather":
        return this.gather(b, ctx);
      case "fanOut": {
        // gather over a list built by code: [0, 1, 2].map(...) ↔ a list comprehension.
        const f = this.pickCallee(b, ctx, { throws: false });
        if (!f) return null;
        const k = this.rng.int(2, 4);
        for (let i = 1; i < k; i++) this.use(b, f);
        const v = b.newVar("g");
        const prefix = b.isMain ? `"m${++b.calls}/"` : `tag + "/${++b.calls}/"`;
        const range = [...Array(k).keys()].join(", ");
        this.note(b, "gather-fan-out");
        return [
          line(
            `const ${v} = await gather([${range}].map((i) => ${f.name}(${prefix} + i)));`,
            `${v} = await asyncio.gather(*[${f.name}(${prefix} + str(i)) for i in range(${k})])`,
            { defs: [v], uses: [f.name] },
          ),
          this.print(b, "gathered", v),
        ];
      }
      case "lockRegion":
        return this.lockRegion(b, ctx);
      case "waitFor":
        return this.waitFor(b, ctx);
      case "timeoutBlock":
        return this.timeoutBlock(b, ctx);
      case "shield":
        return this.shield(b, ctx);
      case "taskGroup":
        return this.taskGroup(b, ctx);
      case "cancel":
        return this.cancelBlock(b, ctx);
      case "cancelGather":
        return this.cancelGather(b, ctx);
      case "wait":
        return this.waitTasks(b, ctx);
      case "callLater":
        return this.timerLine(b);
    }
    throw new Error(`unknown statement kind ${kind}`);
  }

  /** `const r = await t` (under try/except Boom if its function raises), then print it. */
  private awaitTask(b: Body, t: string, callee: FnInfo): Stmt[] {
    const v = b.newVar("r");
    const stmts: Stmt[] = [line(`const ${v} = await ${t};`, `${v} = await ${t}`, { defs: [v], uses: [t], awaits: [t] }), this.print(b, "got", v)];
    this.note(b, "await-task");
    if (callee.throws) return [this.tryCatch(b, stmts, ["Boom"], false)];
    b.done.push(t);
    return stmts;
  }

  /** Sometimes look again at a task already awaited: await it again, or ask its result(). */
  private maybeRevisit(b: Body): Stmt[] {
    return b.done.length && this.rng.chance(0.3) ? this.make("awaitDone", b, { top: true, depth: 0, inLock: false, exposed: false })! : [];
  }

  private awaitAllPending(b: Body): Stmt[] {
    const out: Stmt[] = [];
    for (const p of this.rng.shuffle(b.pending.splice(0))) out.push(...this.awaitTask(b, p.v, p.callee));
    return out;
  }

  private gather(b: Body, ctx: Ctx): Stmt[] | null {
    const count = this.rng.chance(0.05) ? 0 : this.rng.int(1, 4);
    const members: GatherMember[] = [];
    const consumed: { v: string; callee: FnInfo }[] = [];
    let anyThrows = false;
    for (let i = 0; i < count; i++) {
      if (ctx.top && b.pending.length && this.rng.chance(0.4)) {
        const p = b.pending.splice(this.rng.int(0, b.pending.length - 1), 1)[0];
        members.push({ text: p.v, uses: [p.v], awaits: [p.v] });
        if (this.rng.chance(0.1)) members.push({ text: p.v, uses: [p.v], awaits: [p.v] }); // the same task twice
        consumed.push(p);
        anyThrows ||= p.callee.throws;
        continue;
      }
      if (ctx.top && b.done.length && this.rng.chance(0.15)) {
        const t = this.rng.pick(b.done); // a task that has finished
        members.push({ text: t, uses: [t], awaits: [t] });
        continue;
      }
      const f = this.pickCallee(b, ctx, {});
      if (!f) continue;
      members.push({ text: `${f.name}(${b.arg()})`, uses: [f.name], awaits: [] });
      anyThrows ||= f.throws;
    }
    const returnExceptions = this.rng.chance(0.4);
    const v = b.newVar("g");
    this.note(b, returnExceptions ? "gather-return-exceptions" : "gather");
    const stmts: Stmt[] = [gatherLine(v, members, returnExceptions), this.print(b, "gathered", v)];
    if (anyThrows && !returnExceptions) {
      this.mayOrphan(b); // the other children run on, unawaited
      this.note(b, "gather-raises");
      return [this.tryCatch(b, stmts, ["Boom"], false)];
    }
    for (const p of consumed) if (!p.callee.throws) b.done.push(p.v);
    return stmts;
  }

  private lockRegion(b: Body, ctx: Ctx): Stmt[] | null {
    const options = [...(this.has("lock") ? ["lock"] : []), ...(this.has("semaphore") ? ["sem"] : [])];
    const which = this.rng.pick(options);
    if (which === "sem" && !this.globals.has("sem")) {
      this.semaphoreValue = this.rng.int(1, 3);
      if (this.has("boundedSemaphore") && this.rng.chance(0.4)) this.semaphoreClass = "BoundedSemaphore";
    }
    this.globals.add(which);
    b.locks.add(which);
    b.loud = true;
    this.note(b, which === "lock" ? "lock" : "semaphore");
    const inner = this.stmts(b, { ...ctx, top: false, depth: ctx.depth + 1, inLock: true }, this.rng.int(1, 2));
    const state = line(`print(${b.label}, "holds ${which}", ${which}.locked());`, `print(${b.label}, "holds ${which}", ${which}.locked())`, { uses: [which] });
    const body: Stmt[] = [state, ...inner];
    if (this.rng.chance(0.5)) body.push(this.print(b, `releases ${which}`));
    return [{ kind: "block", ts: `{ await using _ = await ${which}.acquire();`, py: `async with ${which}:`, body, uses: [which] }];
  }

  private waitFor(b: Body, ctx: Ctx): Stmt[] | null {
    const f = this.pickCallee(b, ctx, { tgSafe: true });
    if (!f) return null;
    const limit = this.rng.pick(TIMEOUTS);
    b.cost += Number(limit);
    const v = b.newVar("r");
    const call = `${f.name}(${b.arg()})`;
    this.mayOrphan(b);
    // Not quiet: cancelled while its inner task is already done, wait_for returns that result (or
    // raises its exception) instead of CancelledError, and this function prints on.
    b.loud = true;
    this.note(b, "waitFor");
    const body: Stmt[] = [
      line(`const ${v} = await waitFor(${call}, ${limit});`, `${v} = await asyncio.wait_for(${call}, ${limit})`, { defs: [v], uses: [f.name] }),
      this.print(b, "in time", v),
    ];
    return [this.tryCatch(b, body, f.throws ? ["TimeoutError", "Boom"] : ["TimeoutError"], false)];
  }

  /** `const [d, p] = await wait([createTask(f(..)), ...], { timeout, returnWhen })`: how many are
   *  done and pending (the sets' order is CPython's set order: only their sizes are printed). The
   *  callees never raise (an exception nobody retrieves is logged when CPython collects the task). */
  private waitTasks(b: Body, ctx: Ctx): Stmt[] | null {
    const members: string[] = [];
    const uses: string[] = [];
    for (let i = this.rng.int(1, 3); i > 0; i--) {
      const f = this.pickCallee(b, ctx, { throws: false, tgSafe: true });
      if (!f) break;
      members.push(`${f.name}(${b.arg()})`);
      uses.push(f.name);
    }
    if (!members.length) return null;
    const limit = this.rng.chance(0.6) ? this.rng.pick(TIMEOUTS) : null;
    const first = this.rng.chance(0.4);
    if (limit !== null) b.cost += Number(limit);
    this.mayOrphan(b); // tasks still pending at the timeout, or after the first, run on
    b.loud = true;
    this.note(b, first ? "wait-first" : "wait");
    const [d, p] = [b.newVar("d"), b.newVar("p")];
    const tsOptions = [limit !== null ? `timeout: ${limit}` : null, first ? "returnWhen: FIRST_COMPLETED" : null].filter(Boolean);
    const pyOptions = [limit !== null ? `timeout=${limit}` : null, first ? "return_when=asyncio.FIRST_COMPLETED" : null].filter(Boolean);
    const ts = `const [${d}, ${p}] = await wait([${members.map((m) => `createTask(${m})`).join(", ")}]${tsOptions.length ? `, { ${tsOptions.join(", ")} }` : ""});`;
    const py = `${d}, ${p} = await asyncio.wait([${[members.map((m) => `asyncio.create_task(${m})`).join(", ")].join("")}]${pyOptions.length ? `, ${pyOptions.join(", ")}` : ""})`;
    return [
      line(ts, py, { defs: [d, p], uses }),
      line(`print(${b.label}, "waited", ${d}.size, ${p}.size);`, `print(${b.label}, "waited", len(${d}), len(${p}))`, { uses: [d, p] }),
    ];
  }

  /** A timer on the loop that prints when due (and, sometimes, is cancelled first): a callback,
   *  not a task. One due after the run has ended never runs, in both languages. */
  private timerLine(b: Body): Stmt[] {
    const delay = this.rng.pick(SLEEPS.filter((s) => !s.startsWith("-")));
    const h = b.newVar("h");
    const text = `timer ${h}`;
    this.note(b, "call-later");
    const stmts: Stmt[] = [
      line(
        `const ${h} = getRunningLoop().callLater(${delay}, print, ${b.label}, "${text}");`,
        `${h} = asyncio.get_running_loop().call_later(${delay}, print, ${b.label}, "${text}")`,
        { defs: [h] },
      ),
    ];
    if (this.rng.chance(0.3)) {
      this.note(b, "call-later-cancel");
      stmts.push(line(`${h}.cancel();`, `${h}.cancel()`, { uses: [h] }));
    }
    return stmts;
  }

  private timeoutBlock(b: Body, ctx: Ctx): Stmt[] | null {
    const limit = this.rng.pick(TIMEOUTS);
    b.cost += Number(limit);
    this.mayOrphan(b);
    this.note(b, "timeout");
    const inner = this.stmts(b, { ...ctx, top: false, depth: ctx.depth + 1, exposed: true }, this.rng.int(1, 3));
    if (this.rng.chance(0.6)) {
      const block: Stmt = { kind: "block", ts: `{ await using _ = timeout(${limit});`, py: `async with asyncio.timeout(${limit}):`, body: inner };
      return [this.tryCatch(b, [block, this.print(b, "beat the timeout")], ["TimeoutError"], false)];
    }
    // Keep the context manager: ask expired() afterwards, and sometimes lift the deadline inside.
    const cm = b.newVar("cm");
    if (this.rng.chance(0.3)) {
      inner.splice(this.rng.int(0, inner.length), 0, line(`${cm}.reschedule(null);`, `${cm}.reschedule(None)`, { uses: [cm] }));
      this.note(b, "timeout-reschedule");
    }
    this.note(b, "timeout-expired");
    const block: Stmt = { kind: "block", ts: `{ await using _ = (${cm} = timeout(${limit}));`, py: `async with asyncio.timeout(${limit}) as ${cm}:`, body: inner, defs: [cm] };
    return [
      line(`let ${cm}: any;`, `${cm} = None`, { essential: true }),
      this.tryCatch(b, [block, this.print(b, "beat the timeout")], ["TimeoutError"], false),
      line(`print(${b.label}, "expired", ${cm}.expired());`, `print(${b.label}, "expired", ${cm}.expired())`, { uses: [cm] }),
    ];
  }

  private shield(b: Body, ctx: Ctx): Stmt[] | null {
    this.mayOrphan(b); // if this function is cancelled, the shielded work runs on
    const v = b.newVar("r");
    if (ctx.top && b.pending.length && this.rng.chance(0.4)) {
      const p = b.pending.splice(this.rng.int(0, b.pending.length - 1), 1)[0];
      this.note(b, "shield-task");
      const stmts: Stmt[] = [line(`const ${v} = await shield(${p.v});`, `${v} = await asyncio.shield(${p.v})`, { defs: [v], uses: [p.v], awaits: [p.v] }), this.print(b, "shielded", v)];
      if (p.callee.throws) return [this.tryCatch(b, stmts, ["Boom"], false)];
      b.done.push(p.v);
      return stmts;
    }
    const f = this.pickCallee(b, ctx, {});
    if (!f) return null;
    const call = `${f.name}(${b.arg()})`;
    this.note(b, "shield");
    const stmts: Stmt[] = [line(`const ${v} = await shield(${call});`, `${v} = await asyncio.shield(${call})`, { defs: [v], uses: [f.name] }), this.print(b, "shielded", v)];
    return f.throws ? [this.tryCatch(b, stmts, ["Boom"], false)] : stmts;
  }

  private taskGroup(b: Body, ctx: Ctx): Stmt[] | null {
    const wantFailure = this.has("taskGroupErrors") && this.rng.chance(0.45);
    const bodyFails = this.has("taskGroupErrors") && this.rng.chance(0.2);
    const count = this.rng.int(1, 3);
    // Children that may be aborted (a sibling or the body fails, or the group is cancelled from
    // outside) must be quiet: TaskGroup._abort cancels them in the order of a set.
    const mustBeQuiet = wantFailure || bodyFails || ctx.exposed || b.plain;
    const children: FnInfo[] = [];
    if (wantFailure) {
      const thrower = this.pickCallee(b, ctx, { throws: true, quiet: true });
      if (!thrower) return null;
      children.push(thrower);
    }
    while (children.length < count) {
      const f = this.pickCallee(b, ctx, mustBeQuiet ? { quiet: true, throws: this.has("taskGroupErrors") ? undefined : false } : { throws: false });
      if (!f) break;
      children.push(f);
    }
    if (!children.length) return null;
    this.rng.shuffle(children);
    // The body itself raises (after creating the tasks): the group aborts, and adds it to the group.
    const failing = bodyFails ? this.pickCallee(b, ctx, { throws: true, tgSafe: true }) : null;
    const anyThrows = children.some((c) => c.throws) || failing !== null;
    if (failing) this.note(b, "taskgroup-body-fails");
    if (!children.every((c) => c.quiet)) b.unquietTaskGroup = true;
    if (anyThrows) {
      this.mayOrphan(b);
      // Not quiet: cancelled while children fail, the group raises ExceptionGroup, not CancelledError.
      b.loud = true;
    }
    this.note(b, anyThrows ? "taskgroup-fails" : "taskgroup");
    const tg = b.newVar("tg");
    const vars = children.map(() => b.newVar("t"));
    const body: Stmt[] = children.map((f, i) => {
      const call = `${f.name}(${b.arg()})`;
      const named = this.rng.chance(0.3) && this.has("namedTasks");
      return line(
        named ? `${vars[i]} = ${tg}.createTask(${call}, { name: "${f.name}-${vars[i]}" });` : `${vars[i]} = ${tg}.createTask(${call});`,
        named ? `${vars[i]} = ${tg}.create_task(${call}, name="${f.name}-${vars[i]}")` : `${vars[i]} = ${tg}.create_task(${call})`,
        { defs: [vars[i]], uses: [f.name, tg] },
      );
    });
    body.push(this.print(b, "tg body"));
    if (this.rng.chance(0.5)) body.push(this.sleepLine(b));
    if (failing) {
      const call = `${failing.name}(${b.arg()})`;
      body.push(line(`await ${call};`, `await ${call}`, { uses: [failing.name] }));
    }
    const declare = line(`let ${vars.map((v) => `${v}: any`).join(", ")};`, `${vars.join(" = ")} = None`, { essential: true });
    const block: Stmt = { kind: "block", ts: `{ await using ${tg} = new TaskGroup();`, py: `async with asyncio.TaskGroup() as ${tg}:`, body, defs: [tg] };
    if (!anyThrows) {
      const results = vars.map((v) => `${v}.result()`).join(", ");
      return [declare, block, line(`print(${b.label}, "tg results", ${results});`, `print(${b.label}, "tg results", ${results})`, { uses: vars })];
    }
    return [declare, this.tryCatch(b, [block, this.print(b, "tg done")], ["ExceptionGroup"], false)];
  }

  private cancelBlock(b: Body, ctx: Ctx): Stmt[] | null {
    const f = this.pickCallee(b, ctx, { tgSafe: true });
    if (!f) return null;
    const t = b.newVar("t");
    const call = `${f.name}(${b.arg()})`;
    this.mayOrphan(b);
    b.loud = true;
    const withMessage = this.rng.chance(0.3) && this.has("cancelMessage");
    this.note(b, withMessage ? "cancel-message" : "cancel");
    const stmts: Stmt[] = [line(`const ${t} = createTask(${call});`, `${t} = asyncio.create_task(${call})`, { defs: [t], uses: [f.name], task: t })];
    if (this.rng.chance(0.75)) stmts.push(this.sleepLine(b));
    const cancel = withMessage ? `${t}.cancel("stop ${t}")` : `${t}.cancel()`;
    // Sometimes twice: the second request counts too (Task.cancelling(), uncancel()).
    const twice = this.rng.chance(0.2) ? `, ${t}.cancel()` : "";
    if (twice) this.note(b, "cancel-twice");
    stmts.push(line(`print(${b.label}, "cancel", ${cancel}${twice});`, `print(${b.label}, "cancel", ${cancel}${twice})`, { uses: [t] }));
    const v = b.newVar("r");
    const body: Stmt[] = [line(`const ${v} = await ${t};`, `${v} = await ${t}`, { defs: [v], uses: [t], awaits: [t] }), this.print(b, "got", v)];
    const attempt = this.tryCatch(b, body, f.throws ? ["CancelledError", "Boom"] : ["CancelledError"], false);
    (attempt as Try).handlers[0].body.push(line(`print(${b.label}, "cancelled?", ${t}.cancelled());`, `print(${b.label}, "cancelled?", ${t}.cancelled())`, { uses: [t] }));
    stmts.push(attempt);
    return [{ kind: "group", body: stmts }];
  }

  /** gather(...) kept as a future, cancelled (or not, if already done), then awaited. */
  private cancelGather(b: Body, ctx: Ctx): Stmt[] | null {
    const members: GatherMember[] = [];
    let anyThrows = false;
    for (let i = 0, n = this.rng.int(1, 3); i < n; i++) {
      const f = this.pickCallee(b, ctx, { tgSafe: true });
      if (!f) continue;
      members.push({ text: `${f.name}(${b.arg()})`, uses: [f.name], awaits: [] });
      anyThrows ||= f.throws;
    }
    if (!members.length) return null;
    const returnExceptions = this.rng.chance(0.4);
    const g = b.newVar("g");
    this.mayOrphan(b);
    b.loud = true;
    this.note(b, "cancel-gather");
    const made = gatherLine(g, members, returnExceptions);
    const unawaited = (l: Line): Line => ({ ...l, ts: l.ts.replace(" = await gather(", " = gather("), py: l.py.replace(" = await asyncio.gather(", " = asyncio.gather("), variants: l.variants?.map(unawaited) });
    const stmts: Stmt[] = [unawaited(made)];
    if (this.rng.chance(0.75)) stmts.push(this.sleepLine(b));
    stmts.push(line(`print(${b.label}, "cancel gather", ${g}.cancel());`, `print(${b.label}, "cancel gather", ${g}.cancel())`, { uses: [g] }));
    const v = b.newVar("r");
    const body: Stmt[] = [line(`const ${v} = await ${g};`, `${v} = await ${g}`, { defs: [v], uses: [g] }), this.print(b, "got", v)];
    stmts.push(this.tryCatch(b, body, anyThrows && !returnExceptions ? ["CancelledError", "Boom"] : ["CancelledError"], false));
    return [{ kind: "group", body: stmts }];
  }

  /** Main's Event block: waiter tasks, then ev.set(), then await them. */
  private eventGroup(b: Body): Stmt[] | null {
    this.globals.add("ev");
    this.note(b, "event");
    const out: Stmt[] = [];
    const waiters: string[] = [];
    for (let i = 0, n = this.rng.int(1, 3); i < n; i++) {
      const f = this.waiterFunction();
      this.use(b, f);
      const t = b.newVar("w");
      waiters.push(t);
      const call = `${f.name}(${b.arg()})`;
      out.push(line(`const ${t} = createTask(${call});`, `${t} = asyncio.create_task(${call})`, { defs: [t], uses: [f.name], task: t }));
    }
    out.push(...this.stmts(b, { top: false, depth: 1, inLock: false, exposed: false }, this.rng.int(0, 2)));
    out.push(line(`print("main", "event is set:", ev.isSet());`, `print("main", "event is set:", ev.is_set())`, { uses: ["ev"] }));
    out.push(line("ev.set();", "ev.set()", { uses: ["ev"], essential: true }));
    out.push(line(`print("main", "event is set:", ev.isSet());`, `print("main", "event is set:", ev.is_set())`, { uses: ["ev"] }));
    for (const t of this.rng.shuffle(waiters)) {
      const v = b.newVar("r");
      out.push(line(`const ${v} = await ${t};`, `${v} = await ${t}`, { defs: [v], uses: [t], awaits: [t] }), this.print(b, "got", v));
    }
    if (this.rng.chance(0.3))
      out.push(line("ev.clear();", "ev.clear()", { uses: ["ev"] }), line(`print("main", "event is set:", ev.isSet());`, `print("main", "event is set:", ev.is_set())`, { uses: ["ev"] }));
    return [{ kind: "group", body: out }];
  }

  private waiterFunction(): FnInfo {
    const name = this.names.shift()!;
    const b = new Body(name, false);
    const top: Ctx = { top: true, depth: 0, inLock: false, exposed: false };
    const body: Stmt[] = [this.startPrint(b), ...this.stmts(b, top, this.rng.int(0, 2))];
    if (this.has("waitFor") && this.rng.chance(0.3)) {
      // Give up waiting after a while (the event may be set later, or never waited for again).
      const limit = this.rng.pick(TIMEOUTS);
      b.cost += Number(limit);
      this.note(b, "event-wait-for");
      const waited = line(`print(${b.label}, "waited", await waitFor(ev.wait(), ${limit}));`, `print(${b.label}, "waited", await asyncio.wait_for(ev.wait(), ${limit}))`, { uses: ["ev"] });
      body.push(this.tryCatch(b, [waited], ["TimeoutError"], false));
    } else body.push(line(`print(${b.label}, "waited", await ev.wait());`, `print(${b.label}, "waited", await ev.wait())`, { uses: ["ev"] }));
    body.push(...this.stmts(b, top, this.rng.int(0, 2)), ...this.awaitAllPending(b));
    this.finishFunction(b, body, false, "waiter");
    return this.fns[this.fns.length - 1];
  }

  /**
   * Many tasks at once, each with a sleep under wait_for: half the sleeps end together, and the
   * wait_for timers, cancelled when the sleeps end, pile up until the loop rebuilds its timer heap
   * (BaseEventLoop._run_once: more than 100 timers, over half cancelled), whose order then decides
   * which of the equal deadlines wakes first.
   */
  private crowd(b: Body): Stmt[] {
    const name = this.names.shift()!;
    const w = new Body(name, false);
    // One long sleep in four to six: once the short ones end, most timers left are cancelled ones.
    const delays = this.rng.shuffle(["2", ...this.rng.shuffle(["0.1", "0.2", "0.3", "0.25", "0.1", "0.05"]).slice(0, this.rng.int(3, 5))]);
    const limit = this.rng.pick(["2", "3", "5", "5"]);
    const v = w.newVar("r");
    const body: Stmt[] = [
      this.tryCatch(w, [line(`const ${v} = await waitFor(sleep(d, tag), ${limit});`, `${v} = await asyncio.wait_for(asyncio.sleep(d, tag), ${limit})`, { defs: [v] }), this.print(w, "slept", v)], ["TimeoutError"], false),
      line("await sleep(0);", "await asyncio.sleep(0)"),
      this.print(w, "done"),
    ];
    this.funcs.push({ name, body, extraParams: { ts: "d: number", py: "d" }, features: [] });
    const k = this.rng.int(60, 130);
    const f: FnInfo = { name, throws: false, quiet: false, tgSafe: true, locks: new Set(), cost: 0, size: 1, orphans: false, special: "crowd" };
    this.fns.push(f);
    for (let i = 0; i < k; i++) this.use(b, f);
    b.cost += k * (2 + Number(limit));
    const g = b.newVar("g");
    const prefix = `"m${++b.calls}/"`;
    const list = `[${delays.join(", ")}]`;
    this.note(b, "crowd");
    return [
      line(
        `const ${g} = await gather([...Array(${k}).keys()].map((i) => ${name}(${prefix} + i, ${list}[i % ${delays.length}])));`,
        `${g} = await asyncio.gather(*[${name}(${prefix} + str(i), ${list}[i % ${delays.length}]) for i in range(${k})])`,
        { defs: [g], uses: [name] },
      ),
      line(`print("main", "crowd", ${g}.length);`, `print("main", "crowd", len(${g}))`, { uses: [g] }),
    ];
  }

  /** Main's Queue block: consumers that take exactly what main puts, then q.join(). */
  private queueGroup(b: Body): Stmt[] | null {
    if (this.globals.has("q")) return null;
    this.globals.add("q");
    this.queueSize = this.rng.int(0, 2);
    this.note(b, "queue");
    const out: Stmt[] = [];
    const counts = Array.from({ length: this.rng.int(1, 2) }, () => this.rng.int(1, 3));
    const consumers: string[] = [];
    for (const k of counts) {
      const f = this.consumerFunction(k);
      this.use(b, f);
      const t = b.newVar("c");
      consumers.push(t);
      const arg = b.arg();
      out.push(line(`const ${t} = createTask(${f.name}(${arg}));`, `${t} = asyncio.create_task(${f.name}(${arg}))`, { defs: [t], uses: [f.name], task: t, essential: true }));
    }
    const total = counts.reduce((a, c) => a + c, 0);
    let first = 1;
    if (this.has("queueNowait") && this.rng.chance(0.5)) {
      // get_nowait on the empty queue, put_nowait up to maxsize (the consumers have not run yet), then one too many.
      this.note(b, "queue-nowait");
      out.unshift(this.tryCatch(b, [line("q.getNowait();", "q.get_nowait()", { uses: ["q"] }), this.print(b, "got an item?")], ["QueueEmpty"], false));
      const pre = this.queueSize ? Math.min(this.queueSize, total) : this.rng.int(0, total);
      for (; first <= pre; first++) out.push(line(`q.putNowait("item-${first}");`, `q.put_nowait("item-${first}")`, { uses: ["q"], essential: true }));
      if (this.queueSize && pre === this.queueSize)
        out.push(this.tryCatch(b, [line(`q.putNowait("extra");`, `q.put_nowait("extra")`, { uses: ["q"] }), this.print(b, "put one too many?")], ["QueueFull"], false));
    }
    for (let i = first; i <= total; i++) {
      out.push(line(`await q.put("item-${i}");`, `await q.put("item-${i}")`, { uses: ["q"], essential: true }));
      if (this.rng.chance(0.3)) out.push(line(`print("main", "qsize", q.qsize());`, `print("main", "qsize", q.qsize())`, { uses: ["q"] }));
    }
    out.push(line(`print("main", "queue empty", q.empty(), "full", q.full());`, `print("main", "queue empty", q.empty(), "full", q.full())`, { uses: ["q"] }));
    out.push(line(`await q.join();`, `await q.join()`, { uses: ["q"], essential: true }), this.print(b, "joined"));
    for (const t of consumers) {
      const v = b.newVar("r");
      out.push(line(`const ${v} = await ${t};`, `${v} = await ${t}`, { defs: [v], uses: [t], awaits: [t] }), this.print(b, "got", v));
    }
    return [{ kind: "group", body: out }];
  }

  private consumerFunction(k: number): FnInfo {
    const name = this.names.shift()!;
    const b = new Body(name, false);
    const top: Ctx = { top: true, depth: 0, inLock: false, exposed: false };
    const body: Stmt[] = [this.startPrint(b), ...this.stmts(b, top, this.rng.int(0, 1))];
    const i = b.newVar("i");
    const item = b.newVar("r");
    const inner: Stmt[] = [line(`const ${item} = await q.get();`, `${item} = await q.get()`, { defs: [item], uses: ["q"], essential: true }), this.print(b, "took", item)];
    if (this.rng.chance(0.6)) inner.push(this.sleepLine(b));
    inner.push(line("q.taskDone();", "q.task_done()", { uses: ["q"], essential: true }));
    b.cost *= k;
    body.push({ kind: "block", ts: `for (let ${i} = 0; ${i} < ${k}; ${i}++) {`, py: `for ${i} in range(${k}):`, body: inner, defs: [i], essential: true });
    body.push(...this.stmts(b, top, this.rng.int(0, 1)), ...this.awaitAllPending(b));
    this.finishFunction(b, body, false, "consumer");
    return this.fns[this.fns.length - 1];
  }

  // ---- pieces -------------------------------------------------------------------------------

  /** try { body } except <classes> as e: print what was caught [finally: print]. */
  private tryCatch(b: Body, body: Stmt[], classes: ErrorClass[], withFinally: boolean): Try {
    const v = b.newVar("e");
    const handlers: Handler[] = classes.map((cls) => {
      const hBody: Stmt[] = [this.caughtPrint(b, v, cls === "ExceptionGroup" ? "group" : "caught", cls === "ExceptionGroup")];
      if (this.rng.chance(0.2)) hBody.push(this.sleepLine(b));
      return { cls, body: hBody, rethrow: false };
    });
    let final: Stmt[] | undefined;
    if (withFinally) {
      b.loud = true;
      final = [this.print(b, "finally")];
    }
    return { kind: "try", v, body, handlers, final, defs: [v] };
  }

  /** print the caught exception's class name and message (and an exception group's members). */
  private caughtPrint(b: Body, v: string, what: string, group = false): Line {
    if (group)
      return line(
        `print(${b.label}, "${what}", ${v}.name, ${v}.message, ${v}.exceptions.length, ${v}.exceptions.map((x: any) => x.name + ": " + x.message));`,
        `print(${b.label}, "${what}", type(${v}).__name__, str(${v}), len(${v}.exceptions), [type(x).__name__ + ": " + str(x) for x in ${v}.exceptions])`,
        { uses: [v] },
      );
    return line(`print(${b.label}, "${what}", ${v}.name, ${v}.message);`, `print(${b.label}, "${what}", type(${v}).__name__, str(${v}))`, { uses: [v] });
  }

  private startPrint(b: Body): Line {
    if (this.has("taskNames") && this.rng.chance(0.35)) {
      this.note(b, "task-names");
      return line(`print(${b.label}, "start in", currentTask()!.name);`, `print(${b.label}, "start in", asyncio.current_task().get_name())`);
    }
    return this.print(b, "start");
  }

  /** print(label, text[, local]): every line says who printed it, and where. */
  private print(b: Body, text?: string, v?: string): Line {
    const what = text ?? `step ${++b.steps}`;
    const args = `${b.label}, "${what}"${v ? `, ${v}` : ""}`;
    return line(`print(${args});`, `print(${args})`, v ? { uses: [v] } : {});
  }

  private sleepLine(b: Body): Line {
    const d = this.rng.pick(SLEEPS);
    b.cost += Math.max(0, Number(d));
    return line(`await sleep(${d});`, `await asyncio.sleep(${d})`);
  }

  private blockingLine(b: Body): Line {
    const d = this.rng.pick(BLOCKING);
    b.cost += Number(d);
    this.note(b, "blockingSleep");
    return line(`blockingSleep(${d});`, `time.sleep(${d})`);
  }

  /** A generated function that fits here, and record the call. */
  private pickCallee(b: Body, ctx: Ctx, want: { throws?: boolean; quiet?: boolean; tgSafe?: boolean }): FnInfo | null {
    const fits = this.fns.filter(
      (f) =>
        !f.special &&
        b.size + f.size <= b.maxSize() &&
        (!ctx.inLock || f.locks.size === 0) &&
        (!ctx.exposed || f.tgSafe) &&
        (want.throws === undefined || f.throws === want.throws) &&
        (!(want.quiet || b.plain) || f.quiet) &&
        (!want.tgSafe || f.tgSafe),
    );
    if (!fits.length) return null;
    const f = this.rng.pick(fits);
    this.use(b, f);
    return f;
  }

  /** Cancellation can cut this function short and leave its tasks running: main must drain. */
  private mayOrphan(b: Body): void {
    this.needsDrain = true;
    b.orphans = true;
  }

  private use(b: Body, f: FnInfo): void {
    b.orphans ||= f.orphans;
    b.size += f.size;
    b.cost += f.cost;
    b.callees.push(f);
    for (const l of f.locks) b.locks.add(l);
  }
}
