// The runner worker: runs compiled programs on the scheduler, one at a time. It beats while it runs
// (a silent runner is stopped by the page), then sends the trace in batches, so that the page never
// spends long on one message, and the rest of the result last. Then it says whether it may run the
// next program (realm-audit.ts): a warm runner's runtime is compiled and optimised already.
import { packedBatches, resultHead, runProgram, type CompiledProgram } from "../../runtime/program/index.ts";
import { packedBuffers, type PackedEvents } from "../../runtime/trace/index.ts";
import { browserNetworkHost } from "../../runtime/io/index.ts";
import { warmWebWorkerHost } from "../../runtime/workers/index.ts";
import type { RunnerMessage, RunnerRequest, RunRequest } from "./protocol.ts";
import { importsDynamically, watchRealm } from "./realm-audit.ts";
import { writeReply } from "./reply-slot.ts";
import jobWorkerUrl from "./job.worker.ts?worker&url";

/** Events per message: small enough that the page reads one in a few milliseconds. */
const BATCH = 1_000;
/** Batches a reply may have and still be written to the page's slot as well (reply-slot.ts). */
const SLOT_BATCHES = 4;
/** Job workers (threads, processes) kept started for the next run, at most: as many as the lessons'
 *  biggest program takes (the real-world chapter's images-virtual: 8 threads and two pools of 4
 *  processes, 16 lanes). With 8 kept, the others were started anew at every run: on a two-core
 *  machine, its Run again 265–291 → 65–79 ms (median of 8 runs, two rounds); the 8 more idle workers
 *  hold ~10 MB (the page and its workers 30.5 → 40.6 MB, measureUserAgentSpecificMemory). Only a
 *  run that took them keeps them (warmWebWorkerHost's refill). */
const SPARE_JOB_WORKERS = 16;
/** Milliseconds after a run before its spares start, unless the page says sooner that it has
 *  painted the run ("painted"): the page draws the run meanwhile, on a machine that may have two cores. */
const REFILL_AFTER_MS = 300;

/** What the simulated network keeps of the site's files from run to run: the eight sample photos
 *  (192 KB each) and room to spare. The API reference's program that reads three: Run again, median
 *  32 → 15 ms (32 runs each, alternating; network.ts's KeptFiles). */
const KEPT_FILE_BYTES = 2 * 2 ** 20;
// httpGet("/samples/…") reads the site's files under its base path (a sub-path on some hosts).
const network = browserNetworkHost(import.meta.env.BASE_URL, KEPT_FILE_BYTES);

// Ours, before the audit's watch starts (a program's postMessage spends the worker; its workers are
// counted, the runtime's job workers are not: each audits itself once its run is painted, job.worker.ts).
const post = self.postMessage.bind(self);
// Job workers audit themselves at the refill, after each run, and serve the next if it left nothing
// (job.worker.ts, warmWebWorkerHost).
const jobWorkers = typeof Worker === "function" ? warmWebWorkerHost(Worker, SPARE_JOB_WORKERS, new URL(jobWorkerUrl, self.location.href)) : undefined;
const later = self.setTimeout.bind(self) as (run: () => void, ms: number) => number;
const cancel = self.clearTimeout.bind(self) as (id: number | undefined) => void;
let refill: number | undefined;
const startSpares = () => {
  cancel(refill);
  refill = undefined;
  jobWorkers?.refill();
};
const send = (message: RunnerMessage, transfer: Transferable[] = []) => post(message, { transfer });

// A program still being compiled comes from the compiler itself, or null if it did not compile.
const fromCompiler = (port: MessagePort) =>
  new Promise<CompiledProgram | null>((resolve) => {
    port.onmessage = (event: MessageEvent<CompiledProgram | null>) => {
      port.close();
      resolve(event.data);
    };
  });

self.onmessage = async (event: MessageEvent<RunnerRequest>) => {
  // The page has painted the last run: the next run's job workers may start now, before the refill's
  // time. Or, before the first run, those of the lesson's program start while the page is idle.
  if ("kind" in event.data) {
    if (event.data.kind === "prestart") jobWorkers?.prestart(event.data.jobWorkers);
    else if (refill !== undefined) startSpares();
    return;
  }
  const request = event.data;
  // A Run right after the last: its spares start now, still ahead of a worker started at the job.
  if (refill !== undefined) startSpares();
  const beat = () => send({ kind: "beat" });
  // While the loop waits for threads or real time, the worker is idle: this beats then; while the
  // program runs, the runtime beats (Session.onHeartbeat).
  const idle = setInterval(beat, 250);
  let ran = false;
  let program: CompiledProgram | null = null;
  try {
    program = request.program instanceof MessagePort ? await fromCompiler(request.program) : request.program;
    if (program) await runAndReply(program, request, beat);
    else send({ kind: "uncompiled" });
    ran = true;
  } catch (error) {
    send({ kind: "failed", message: `The runtime failed: ${String(error)}` });
  } finally {
    clearInterval(idle);
  }
  // After the run's last microtasks: what it left behind decides whether this worker runs the next.
  setTimeout(() => {
    const why = !ran ? "the runtime failed" : program && importsDynamically(program.code) ? "the program imports dynamically" : realm.audit();
    send(why ? { kind: "spent", why } : { kind: "reusable" });
    // The next run here starts its threads and processes on workers started by then.
    if (!why) refill = later(startSpares, REFILL_AFTER_MS);
  });
};

/** Run the program, then send the page its trace and result (and write a small one to its slot). */
async function runAndReply(program: CompiledProgram, request: RunRequest, beat: () => void): Promise<void> {
  const result = await runProgram(program, { ...request.options, network, workers: jobWorkers, onHeartbeat: beat });
  // Each batch past the first few is made as it is sent: the page hears from this worker all along
  // (a whole trace of 200,000 events made at once kept a loaded machine's worker silent past the
  // page's watchdog).
  // Packed in typed arrays straight from the trace's columns, which move to the page without a
  // copy: a structured clone of the objects cost the page more to read (115 ms of the largest
  // trace's run) than unpacking them.
  const batches = packedBatches(result, BATCH);
  const held: PackedEvents[] = [];
  let next = batches.next();
  for (; !next.done && held.length < SLOT_BATCHES; next = batches.next()) held.push(next.value);
  const head = resultHead(result);
  // A small run's reply goes to the slot first (sending moves the arrays away), for the page's next frame.
  if (next.done && request.reply) writeReply(request.reply.slot, request.reply.run, held, head);
  for (const packed of held) send({ kind: "events", packed }, packedBuffers(packed));
  for (; !next.done; next = batches.next()) send({ kind: "events", packed: next.value }, packedBuffers(next.value));
  send({ kind: "done", result: head });
}

// Watched from here on: the state the first run finds is the one every later run must find.
const realm = watchRealm();
// The page gives a worker time to load its script (a busy machine's), then expects signs of life.
send({ kind: "ready" });
