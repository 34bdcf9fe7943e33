// warmWebWorkerHost (src/runtime/workers/worker-host.ts): after a run, as many workers as it took are
// started for the next; a worker serves one run only (a used one is never handed out again).
import { describe, expect, it } from "vitest";
import { warmWebWorkerHost } from "../../src/runtime/workers/index.ts";

// A stand-in for Web Workers: counts what is started, posted and terminated.
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  fail() {
    this.onerror?.({ message: "no", preventDefault() {} } as ErrorEvent);
  }
}

const host = (most: number) => {
  FakeWorker.started = [];
  return warmWebWorkerHost(FakeWorker as unknown as typeof Worker, most);
};
const nothing = () => {};
const job = { job: 1 } as never;

describe("a warm worker host", () => {
  it("starts no spare before a run has taken a worker", () => {
    const workers = host(4);
    workers.refill();
    expect(FakeWorker.started).toHaveLength(0);
  });

  it("hands the next run the spares started after the last, then starts more as needed", () => {
    const workers = host(4);
    for (let i = 0; i < 3; i++) workers.spawn(`ThreadPoolExecutor-0_${i}`, nothing, nothing).post(job);
    expect(FakeWorker.started).toHaveLength(3);
    const used = [...FakeWorker.started];
    workers.refill();
    expect(FakeWorker.started).toHaveLength(6);
    const spares = FakeWorker.started.slice(3);
    // The next run takes the three spares, and a fourth worker is started for it.
    const replies: unknown[] = [];
    for (let i = 0; i < 4; i++) workers.spawn(`ThreadPoolExecutor-0_${i}`, (reply) => replies.push(reply), nothing).post(job);
    expect(FakeWorker.started).toHaveLength(7);
    for (const spare of spares) expect(spare.posted).toEqual([job]);
    for (const old of used) expect(old.posted).toEqual([job]);
    // A spare answers the run that took it.
    spares[0].onmessage!({ data: "reply" } as MessageEvent);
    expect(replies).toEqual(["reply"]);
  });

  it("keeps at most `most` spares, and drops one that fails to start", () => {
    const workers = host(2);
    for (let i = 0; i < 5; i++) workers.spawn(`w${i}`, nothing, nothing);
    workers.refill();
    expect(FakeWorker.started).toHaveLength(5 + 2);
    FakeWorker.started[5].fail();
    // The next run finds one spare and starts the other worker it needs.
    workers.spawn("a", nothing, nothing).post(job);
    workers.spawn("b", nothing, nothing).post(job);
    expect(FakeWorker.started).toHaveLength(8);
    expect(FakeWorker.started[5].posted).toEqual([]);
    expect(FakeWorker.started[6].posted).toEqual([job]);
  });

  it("terminates a worker when its run ends, through the handle the run got", () => {
    const workers = host(1);
    workers.spawn("a", nothing, nothing).terminate();
    expect(FakeWorker.started[0].terminated).toBe(true);
  });
});
