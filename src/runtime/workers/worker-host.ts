// Where a run gets its real workers from. The runtime itself does not know whether it runs in a
// browser or in Node: the caller hands it a host (the browser's Web Workers by default, Node's
// worker_threads through src/runtime/node).
import { JOB_WORKER_SOURCE, type JobReply, type JobRequest } from "./job-worker.ts";

/** One real worker running JOB_WORKER_SOURCE. */
export interface JobWorker {
  post(request: JobRequest): void;
  terminate(): void;
}

/** Starts real workers; `onReply` gets each finished job, `onFailure` a worker that died. */
export interface WorkerHost {
  spawn(name: string, onReply: (reply: JobReply) => void, onFailure: (message: string) => void): JobWorker;
}

/** A host that keeps started workers ready for the next run. */
export interface WarmWorkerHost extends WorkerHost {
  /** Between runs: end the workers the last run used, and start, unused, as many as it took (at most `most`). */
  refill(): void;
  /** Before the first run: start, unused, as many as it is expected to take (at most `most`). */
  prestart(count: number): void;
}

/** Web Workers made from a Blob of the worker's source (works inside another worker, too). */
export function webWorkerHost(): WorkerHost | undefined {
  return typeof Worker === "function" && typeof Blob === "function" ? warmWebWorkerHost(Worker, 0) : undefined;
}

/** A job worker's answer to `{ kind: "audit" }` (a worker from a script that audits its realm):
 *  null when its run left nothing behind, and it may serve the next; else what it left. */
export interface JobWorkerAudit {
  kind: "audit";
  why: string | null;
}

/**
 * Web Workers as webWorkerHost makes them, with spares: after each run, `refill` starts as many as
 * that run took, so the next run finds its workers started (a worker's start costs it tens of
 * milliseconds). A spare has only loaded the job worker's source. No run sees another's state: a
 * worker made from `script` (the page's job.worker.ts, which audits its realm) is asked, at the
 * refill, whether its run left anything behind, and is kept as a spare if not, else terminated
 * (starting and terminating a run's six or eight workers each time took a two-core machine's cores
 * while the page drew the run); a worker made from the Blob serves one run and is terminated at the
 * refill (terminating one holds its thread for 5–8 ms). The refill comes once the page has painted
 * the run: a run's end posts nothing more to its workers, and the page gets its reply sooner
 * (asking images-virtual's 16 workers at its end took its runner ~3 ms). `WorkerClass` is the
 * constructor to use (the runner worker's own, from before its realm is watched).
 */
export function warmWebWorkerHost(WorkerClass: typeof Worker, most: number, script?: URL): WarmWorkerHost {
  let url: string | undefined;
  const spares: Worker[] = [];
  /** Workers whose run has ended, silenced: audited (or terminated, unaudited ones) at the refill. */
  const ended: Worker[] = [];
  /** Workers asked whether their run left anything behind, not answered yet. */
  let auditing = 0;
  let taken = 0;
  /** Spares the last refill wanted: one terminated by its audit is replaced. */
  let wanted = 0;
  const start = (name: string) =>
    script ? new WorkerClass(script, { name, type: "module" }) : new WorkerClass((url ??= URL.createObjectURL(new Blob([JOB_WORKER_SOURCE], { type: "text/javascript" }))), { name });
  // A spare that fails (to start, or later) is dropped; the run that would have taken it starts another.
  const keep = (spare: Worker) => {
    spare.onmessage = null;
    spare.onerror = (event) => {
      event.preventDefault();
      const at = spares.indexOf(spare);
      if (at >= 0) spares.splice(at, 1);
    };
    spares.push(spare);
  };
  // Spares up to `count` (at most `most`), started now, unused; those being audited count.
  const startSpares = (count: number) => {
    wanted = Math.min(count, most);
    while (spares.length + auditing < wanted) keep(start("job worker"));
  };
  // Kept if its run left nothing behind, else terminated, and a fresh spare started in its place
  // (spent ones are few: a program that set a global in a thread).
  const audit = (worker: Worker) => {
    auditing++;
    const answered = (clean: boolean) => {
      auditing--;
      if (clean && spares.length < most) return keep(worker);
      worker.terminate();
      startSpares(wanted);
    };
    worker.onmessage = (event: MessageEvent<JobWorkerAudit>) => {
      // Not an audit's answer: a late reply of the ended run.
      if (event.data?.kind === "audit") answered(event.data.why === null);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      answered(false);
    };
    worker.postMessage({ kind: "audit" });
  };
  return {
    spawn(name, onReply, onFailure) {
      taken++;
      const worker = spares.shift() ?? start(name);
      worker.onmessage = (event: MessageEvent<JobReply>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(event.message || "the worker failed to start");
      };
      // The run has ended: its worker is heard no more until the refill.
      const retire = () => {
        worker.onmessage = worker.onerror = null;
        ended.push(worker);
      };
      return { post: (request) => worker.postMessage(request), terminate: most > 0 ? retire : () => worker.terminate() };
    },
    refill() {
      // Audits first: a worker being audited counts as a spare.
      for (const worker of ended.splice(0)) script ? audit(worker) : worker.terminate();
      const count = taken;
      taken = 0;
      startSpares(count);
    },
    prestart: startSpares,
  };
}
