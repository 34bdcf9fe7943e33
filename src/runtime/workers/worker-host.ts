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

/** Web Workers made from a Blob of the worker's source (works inside another worker, too). */
export function webWorkerHost(): WorkerHost | undefined {
  if (typeof Worker !== "function" || typeof Blob !== "function") return undefined;
  let url: string | undefined;
  return {
    spawn(name, onReply, onFailure) {
      url ??= URL.createObjectURL(new Blob([JOB_WORKER_SOURCE], { type: "text/javascript" }));
      const worker = new Worker(url, { name });
      worker.onmessage = (event: MessageEvent<JobReply>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(event.message || "the worker failed to start");
      };
      return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
    },
  };
}
