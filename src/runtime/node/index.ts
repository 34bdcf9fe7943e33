// Node's real threads and files for the runtime (build-time pre-rendering, tests, the trace CLI):
// the hosts a run gets where the browser would give Web Workers and the site over HTTP.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { NetworkHost } from "../io/index.ts";
import { JOB_WORKER_SOURCE, type JobReply, type WorkerHost } from "../workers/index.ts";

// worker_threads and fs/promises are loaded when a run first needs them: most runs use neither, and
// loading them (with the streams, readline and net modules under them) took ~5 ms of npm run trace's start.

/** worker_threads running the job worker's source. */
export const nodeWorkerHost: WorkerHost = {
  spawn(name, onReply, onFailure) {
    const { Worker } = process.getBuiltinModule("node:worker_threads");
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
    read: async (path) => new Uint8Array(await process.getBuiltinModule("node:fs/promises").readFile(file(path))),
  };
}
