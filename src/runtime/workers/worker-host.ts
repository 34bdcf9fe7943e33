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
  /** Between runs: start, unused, as many workers as the last run took (at most `most`). */
  refill(): void;
  /** Before the first run: start, unused, as many as it is expected to take (at most `most`). */
  prestart(count: number): void;
}

/** Web Workers made from a Blob of the worker's source (works inside another worker, too). */
export function webWorkerHost(): WorkerHost | undefined {
  return typeof Worker === "function" && typeof Blob === "function" ? warmWebWorkerHost(Worker, 0) : undefined;
}

/**
 * Web Workers as webWorkerHost makes them, with spares: after each run, `refill` starts as many as
 * that run took, so the next run finds its workers started (a worker's start costs it tens of
 * milliseconds). A spare has only loaded the job worker's source; each worker serves one run's
 * jobs and is terminated with that run, as ever, so no run sees another's state. `WorkerClass` is
 * the constructor to use (the runner worker's own, from before its realm is watched).
 */
export function warmWebWorkerHost(WorkerClass: typeof Worker, most: number): WarmWorkerHost {
  let url: string | undefined;
  const spares: Worker[] = [];
  let taken = 0;
  const start = (name: string) => new WorkerClass((url ??= URL.createObjectURL(new Blob([JOB_WORKER_SOURCE], { type: "text/javascript" }))), { name });
  // Spares up to `count` (at most `most`), started now, unused.
  const startSpares = (count: number) => {
    const wanted = Math.min(count, most);
    while (spares.length < wanted) {
      const spare = start("job worker");
      // One that fails to start is dropped; the run that would have taken it starts another.
      spare.onerror = (event) => {
        event.preventDefault();
        const at = spares.indexOf(spare);
        if (at >= 0) spares.splice(at, 1);
      };
      spares.push(spare);
    }
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
      return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
    },
    refill() {
      const wanted = taken;
      taken = 0;
      startSpares(wanted);
    },
    prestart: startSpares,
  };
}
