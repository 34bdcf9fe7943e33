// The runner worker: runs one compiled program on the scheduler and posts its result back.
import { runProgram } from "../../runtime/execute.ts";
import { browserNetworkHost } from "../../runtime/network.ts";
import type { RunReply, RunRequest } from "./protocol.ts";

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  let reply: RunReply;
  try {
    // httpGet("/samples/…") reads the site's files under its base path (a sub-path on some hosts).
    const network = browserNetworkHost(import.meta.env.BASE_URL);
    reply = { ok: true, result: await runProgram(event.data.program, { ...event.data.options, network }) };
  } catch (error) {
    reply = { ok: false, message: String(error) };
  }
  self.postMessage(reply);
};
