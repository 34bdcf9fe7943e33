// Node's real threads for the runtime (build-time pre-rendering, tests, the trace CLI).
import { Worker } from "node:worker_threads";
import { JOB_WORKER_SOURCE, type JobReply } from "./job-worker.ts";
import type { WorkerHost } from "./worker-host.ts";

/** worker_threads running the job worker's source. */
export const nodeWorkerHost: WorkerHost = {
  spawn(name, onReply, onFailure) {
    const worker = new Worker(JOB_WORKER_SOURCE, { eval: true, name });
    worker.on("message", (reply: JobReply) => onReply(reply));
    worker.on("error", (error) => onFailure(error.message));
    return { post: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
  },
};
