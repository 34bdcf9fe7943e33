// The runner worker: runs one compiled program on the scheduler. It beats while it runs (a silent
// runner is stopped by the page), then sends the trace in batches, so that the page never spends
// long on one message, and the rest of the result last.
import { runProgram } from "../../runtime/program/index.ts";
import { browserNetworkHost } from "../../runtime/io/index.ts";
import type { RunnerMessage, RunRequest } from "./protocol.ts";

/** Events per message: small enough that the page reads one in a few milliseconds. */
const BATCH = 1_000;

const send = (message: RunnerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const beat = () => send({ kind: "beat" });
  // While the loop waits for threads or real time, the worker is idle: this beats then; while the
  // program runs, the runtime beats (Session.onHeartbeat).
  const idle = setInterval(beat, 250);
  try {
    // httpGet("/samples/…") reads the site's files under its base path (a sub-path on some hosts).
    const network = browserNetworkHost(import.meta.env.BASE_URL);
    const { events, ...rest } = await runProgram(event.data.program, { ...event.data.options, network, onHeartbeat: beat });
    for (let i = 0; i < events.length; i += BATCH) send({ kind: "events", events: events.slice(i, i + BATCH) });
    send({ kind: "done", result: rest });
  } catch (error) {
    send({ kind: "failed", message: `The runtime failed: ${String(error)}` });
  } finally {
    clearInterval(idle);
  }
};
