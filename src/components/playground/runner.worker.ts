// The runner worker: runs one compiled program on the scheduler and posts its result back.
import { runProgram } from "../../runtime/program/index.ts";
import type { RunReply, RunRequest } from "./protocol.ts";

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  let reply: RunReply;
  try {
    reply = { ok: true, result: await runProgram(event.data.program, event.data.options) };
  } catch (error) {
    reply = { ok: false, message: String(error) };
  }
  self.postMessage(reply);
};
