// Node's real threads and files for the runtime (build-time pre-rendering, tests, the trace CLI):
// the hosts a run gets where the browser would give Web Workers and the site over HTTP.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { NetworkHost } from "../io/index.ts";
import { JOB_WORKER_SOURCE, type JobReply, type WorkerHost } from "../workers/index.ts";

/** worker_threads running the job worker's source. */
export const nodeWorkerHost: WorkerHost = {
  spawn(name, onReply, onFailure) {
    const worker = new Worker(JOB_WORKER_SOURCE, { eval: true, name });
    worker.on("message", (reply: JobReply) => onReply(reply));
    worker.on("error", (error) => onFailure(error.message));
    return { post: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
  },
};

/** The site's public/ folder, read from disk, as the simulated network's files. */
export function nodeNetworkHost(publicDir: string): NetworkHost {
  const base = pathToFileURL(publicDir.endsWith("/") ? publicDir : `${publicDir}/`).href;
  const file = (path: string) => new URL(`.${path}`, base);
  return {
    base,
    readSync: (path) => new Uint8Array(readFileSync(file(path))),
    read: async (path) => new Uint8Array(await readFile(file(path))),
  };
}
