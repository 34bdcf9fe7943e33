// Threads and processes: pools of real workers (Web Workers, or worker_threads in Node) that run plain
// functions beside the event loop, played back on the run's clock with CPython's GIL for threads.
export { ThreadPool, ProcessPool, Pool, runInExecutor, toThread, cpuCount, attachWorkerHost, terminateWorkers, defaultExecutorIdle, VIRTUAL_CPU_COUNT, type PoolOptions } from "./executors.ts";
export { webWorkerHost, warmWebWorkerHost, type WorkerHost, type WarmWorkerHost, type JobWorker, type JobWorkerAudit } from "./worker-host.ts";
export { JOB_WORKER_SOURCE, jobWorkerMain, type JobReply, type JobRequest, type JobHappening } from "./job-worker.ts";
