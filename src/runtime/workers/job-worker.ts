// What runs inside a thread or process lane: a real worker (a Web Worker in the browser, a
// worker_thread in Node) that receives a plain function's source and arguments, runs it, and replies
// with its result or exception and what it printed and declared, each stamped with its time.
// `jobWorkerMain` is sent to the worker as text (its `toString()`), so it must not use anything
// from outside its own body: no imports, no helpers of this module.

/** A job for a worker: the function's source text and the arguments to call it with. */
export interface JobRequest {
  job: number;
  /** The function's compiled source, e.g. "function fetchData(param) { ... }". */
  source: string;
  args: unknown[];
  /** The lane's name, for threadName(). */
  laneName: string;
  /** "virtual": blockingSleep and cpu add to the job's clock; "real": they take real time. */
  clock: "virtual" | "real";
  /** When the job starts on the run's clock (virtual), and when the run started (real: epoch seconds). */
  start: number;
  origin: number;
  /** The simulated network's base (the site's origin or a file: URL of its public folder). */
  networkBase?: string;
  defaultLatency: number;
  /** Pure helpers workers also get, by name (decodeImage): [name, source] pairs. The name is given
   * because a minified bundle renames functions. */
  helpers: [string, string][];
  /** Real seconds a loop in the job may run between two blocking calls (a virtual job computes by
   * declaring cpu(), not for real). */
  maxStretchSeconds: number;
}

/** Something a job did, at a time on the job's clock (see JobReply.start). */
export type JobHappening =
  // `stream`: written by console.log (stdout) or console.error (stderr), formatted as JavaScript does;
  // without one, by print, formatted as Python does.
  | { kind: "print"; args: unknown[]; at: number; site: number; stream?: "stdout" | "stderr" }
  | { kind: "span"; work: "sleep" | "cpu"; label: string; from: number; to: number; site: number };

/** A worker's answer. Times are seconds: from the job's start (virtual), or epoch seconds (real). */
export interface JobReply {
  job: number;
  ok: boolean;
  value?: unknown;
  /** `line`: where in the function's source it was raised (1 = the source's first line), if known. */
  error?: { name: string; message: string; site: number; line?: number };
  happenings: JobHappening[];
  start: number;
  end: number;
}

/** The worker's whole program, as text to start a worker with. Tools that keep function names
 * (tsx, vitest) wrap functions in esbuild's `__name` helper, which the worker must then define. */
export const JOB_WORKER_SOURCE = `var __name = (target) => target;\n(${jobWorkerMain.toString()})();\n`;

/** The worker's whole program, run as it is where it is bundled (a module worker's script). */
export function jobWorkerMain(): void {
  type Port = { postMessage(message: unknown): void };
  const scope = globalThis as unknown as {
    require?: (id: string) => any;
    postMessage?: (message: unknown) => void;
    onmessage?: (event: { data: unknown }) => void;
  };
  // Node evaluates this as a CommonJS script (worker_threads, eval: true); browsers as a classic worker.
  const nodePort: (Port & { on(kind: string, fn: (m: unknown) => void): void }) | null =
    typeof scope.require === "function" ? scope.require("node:worker_threads").parentPort : null;
  // The global postMessage taken now: a worker that audits its realm (job.worker.ts) watches it.
  const reply: (message: unknown) => void = nodePort ? (message) => nodePort.postMessage(message) : scope.postMessage!.bind(scope);
  const epochSeconds = () => (performance.timeOrigin + performance.now()) / 1000;
  // Atomics.wait sleeps without burning a core; it needs SharedArrayBuffer (Node always, browsers
  // only on cross-origin isolated pages). Elsewhere, spin. (session.ts's holdFor does the same on the
  // loop's thread; this body cannot import it.)
  const sleeper = typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(4)) : null;
  const holdFor = (seconds: number, spin: boolean) => {
    const until = epochSeconds() + seconds;
    if (!spin && sleeper) {
      while (epochSeconds() < until) Atomics.wait(sleeper, 0, 0, Math.max(1, (until - epochSeconds()) * 1000));
      return;
    }
    while (epochSeconds() < until) {
      /* computing, on purpose */
    }
  };
  // Arguments of print cross back by structured clone; what cannot cross is sent as its text.
  const cloneable = (value: unknown) => {
    try {
      return structuredClone(value);
    } catch {
      return String(value);
    }
  };

  // A function's console writes to the run's console, as the program's does (the worker's own would
  // write to the browser's developer tools).
  const consoleOf = (write: (stream: "stdout" | "stderr", args: unknown[]) => void) => {
    const out = (...args: unknown[]) => write("stdout", args);
    const err = (...args: unknown[]) => write("stderr", args);
    return { log: out, info: out, debug: out, warn: err, error: err };
  };

  const run = (request: JobRequest) => {
    const real = request.clock === "real";
    const start = real ? epochSeconds() : 0;
    let offset = 0;
    let site = -1;
    const clock = () => (real ? epochSeconds() : offset);
    const happenings: JobHappening[] = [];
    const span = (work: "sleep" | "cpu", seconds: unknown, label: string) => {
      if (typeof seconds !== "number" || !(seconds >= 0)) throw new TypeError(`${label.split("(")[0]}() takes a number of seconds >= 0, got ${String(seconds)}`);
      const from = clock();
      if (real) holdFor(seconds, work === "cpu");
      else offset += seconds;
      heldSince = performance.now() / 1000;
      happenings.push({ kind: "span", work, label, from, to: clock(), site });
    };
    const repr = (value: unknown) => (typeof value === "string" ? `'${value}'` : String(value));
    // The simulated network (network.ts): the site's files, after a latency that holds this thread.
    const httpGet = (url: unknown, options?: { latency?: number }) => {
      if (typeof url !== "string" || !url.startsWith("/") || !request.networkBase) throw new TypeError(`httpGet() takes a path of the site, such as "/samples/photo-01.ppm", got ${repr(url)}`);
      span("sleep", options?.latency ?? request.defaultLatency, `httpGet(${repr(url)})`);
      const base = request.networkBase;
      if (base.startsWith("file:")) return new Uint8Array(scope.require!("node:fs").readFileSync(new URL(`.${url}`, base)) as ArrayBuffer);
      const xhr = new XMLHttpRequest();
      xhr.open("GET", new URL(`.${url}`, base).href, false);
      xhr.responseType = "arraybuffer";
      xhr.send();
      if (xhr.status !== 200) throw new Error(`${url}: HTTP ${xhr.status}`);
      return new Uint8Array(xhr.response as ArrayBuffer);
    };
    // What a function run in a worker can use besides its arguments (compiled code calls asyncio
    // functions through __call, which records the call's site for its line).
    // A loop that never ends is stopped with its line, as on the loop's thread (Session.tick).
    let ticks = 0;
    const tick = (loopSite: number) => {
      if ((++ticks & 1023) !== 0) return;
      const held = performance.now() / 1000 - heldSince;
      if (held <= request.maxStretchSeconds) return;
      site = loopSite;
      const error = new Error(`Stopped: a loop in ${request.laneName} ran for ${held.toFixed(1)} s of real time without pausing (the stretch cap). A loop that never ends holds the thread.`);
      error.name = "LimitExceeded";
      throw error;
    };
    let heldSince = performance.now() / 1000;
    const api: Record<string, unknown> = {
      __call: (callSite: number, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => ((site = callSite), fn(...args)),
      __tick: tick,
      print: (...args: unknown[]) => void happenings.push({ kind: "print", args: args.map(cloneable), at: clock(), site }),
      console: consoleOf((stream, args) => happenings.push({ kind: "print", args: args.map(cloneable), at: clock(), site, stream })),
      blockingSleep: (seconds: unknown) => span("sleep", seconds, `blockingSleep(${repr(seconds)})`),
      cpu: (seconds: unknown) => span("cpu", seconds, `cpu(${repr(seconds)})`),
      threadName: () => request.laneName,
      perfCounter: () => (real ? epochSeconds() - request.origin : request.start + offset),
      httpGet,
    };
    for (const [name, source] of request.helpers) api[name] = new Function(`return (${source});`)();
    const finish = (fields: Partial<JobReply>) => ({ job: request.job, happenings, start, end: clock(), ...fields });
    try {
      const fn = new Function(...Object.keys(api), `"use strict"; return (${request.source});`)(...Object.values(api));
      const value = fn(...request.args);
      try {
        reply(finish({ ok: true, value }));
      } catch {
        const message = `the result of ${fn.name || "the function"} cannot be sent back from a worker (only data: numbers, strings, arrays, plain objects, typed arrays)`;
        reply(finish({ ok: false, error: { name: "TypeError", message, site } }));
      }
    } catch (error) {
      const e = error as { name?: string; message?: string; stack?: string };
      const isError = typeof error === "object" && error !== null;
      // new Function puts two lines ("function anonymous(...\n) {") before the body, whose first line is the source's.
      const frame = /<anonymous>:(\d+):\d+/.exec(isError ? String(e.stack) : "");
      const line = frame ? Number(frame[1]) - 2 : undefined;
      reply(finish({ ok: false, error: { name: isError ? String(e.name) : "Error", message: isError ? String(e.message) : String(error), site, line } }));
    }
  };

  if (nodePort) nodePort.on("message", (message) => run(message as JobRequest));
  else scope.onmessage = (event) => run(event.data as JobRequest);
}
