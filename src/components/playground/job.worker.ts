// A thread's or process's worker in the page (runner.worker.ts starts them): the runtime's job
// worker, which also says, when asked after its run (at the refill), whether it may serve the next
// run. A worker whose run left nothing behind (realm-audit.ts: no change to its globals or
// built-ins, no timer or request still under way) is kept; starting and terminating the six or
// eight workers of a run each time held a two-core machine's cores while the page drew the run.
import { jobWorkerMain, type JobWorkerAudit } from "../../runtime/workers/index.ts";
import { watchRealm } from "./realm-audit.ts";

const post = self.postMessage.bind(self);
jobWorkerMain();
const runJob = self.onmessage!;
self.onmessage = (event: MessageEvent) => {
  if ((event.data as { kind?: string }).kind === "audit") post({ kind: "audit", why: realm.audit() } satisfies JobWorkerAudit);
  else runJob.call(self, event);
};
// Watched from here on: the state the first job finds is the one every later run's must find.
const realm = watchRealm();
