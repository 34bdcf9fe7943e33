// warmWebWorkerHost (src/runtime/workers/worker-host.ts): after a run, as many workers as it took are
// started for the next; a worker serves one run only (a used one is never handed out again, and is
// terminated at the refill).
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

  it("silences a worker when its run ends and terminates it at the refill, once the run is painted", () => {
    const workers = host(1);
    const replies: unknown[] = [];
    workers.spawn("a", (reply) => replies.push(reply), nothing).terminate();
    const used = FakeWorker.started[0];
    // Not terminated yet (that holds its thread while the page draws the run), but heard no more.
    expect(used.terminated).toBe(false);
    expect(used.onmessage).toBeNull();
    expect(replies).toEqual([]);
    workers.refill();
    expect(used.terminated).toBe(true);
    // The spare started by the refill is not terminated.
    expect(FakeWorker.started).toHaveLength(2);
    expect(FakeWorker.started[1].terminated).toBe(false);
  });

  it("without spares (webWorkerHost), terminates a worker as soon as its run ends", () => {
    const workers = host(0);
    workers.spawn("a", nothing, nothing).terminate();
    expect(FakeWorker.started[0].terminated).toBe(true);
  });

  describe("with workers that audit their realm (a script: the page's job.worker.ts)", () => {
    const script = new URL("https://site.example/job.worker.js");
    const audited = (most: number) => {
      FakeWorker.started = [];
      return warmWebWorkerHost(FakeWorker as unknown as typeof Worker, most, script);
    };
    const answer = (worker: FakeWorker, why: string | null) => worker.onmessage!({ data: { kind: "audit", why } } as MessageEvent);

    it("asks a worker at the refill, not when its run ends, what the run left; one that left nothing serves the next run", () => {
      const workers = audited(2);
      const replies: unknown[] = [];
      workers.spawn("a", (reply) => replies.push(reply), nothing).terminate();
      const worker = FakeWorker.started[0];
      // Nothing is posted as the run ends (the page's reply goes first), and its replies are heard no more.
      expect(worker.posted).toEqual([]);
      expect(worker.onmessage).toBeNull();
      workers.refill();
      expect(worker.posted).toEqual([{ kind: "audit" }]);
      // A late reply of the ended run reaches no one.
      worker.onmessage!({ data: { job: 1 } } as MessageEvent);
      expect(replies).toEqual([]);
      // Being audited, it counts as the spare the refill wanted: none started.
      expect(FakeWorker.started).toHaveLength(1);
      answer(worker, null);
      // Kept: the next run takes it, and it is never terminated.
      workers.spawn("b", (reply) => replies.push(reply), nothing).post(job);
      expect(FakeWorker.started).toHaveLength(1);
      expect(worker.posted).toEqual([{ kind: "audit" }, job]);
      worker.onmessage!({ data: "reply" } as MessageEvent);
      expect(replies).toEqual(["reply"]);
      expect(worker.terminated).toBe(false);
    });

    it("terminates a worker whose run left something behind, and starts a spare in its place", () => {
      const workers = audited(2);
      workers.spawn("a", nothing, nothing).terminate();
      const worker = FakeWorker.started[0];
      workers.refill();
      expect(FakeWorker.started).toHaveLength(1);
      answer(worker, "the global object, its visits");
      expect(worker.terminated).toBe(true);
      expect(FakeWorker.started).toHaveLength(2);
      expect(FakeWorker.started[1].terminated).toBe(false);
      // The next run takes the fresh spare.
      workers.spawn("b", nothing, nothing).post(job);
      expect(FakeWorker.started).toHaveLength(2);
      expect(FakeWorker.started[1].posted).toEqual([job]);
    });

    it("terminates a worker that fails while it is audited, and starts a spare in its place", () => {
      const workers = audited(2);
      workers.spawn("a", nothing, nothing).terminate();
      workers.refill();
      FakeWorker.started[0].fail();
      expect(FakeWorker.started[0].terminated).toBe(true);
      expect(FakeWorker.started).toHaveLength(2);
    });

    it("counts a worker still being audited as a spare at the refill, and keeps no more than `most`", () => {
      const workers = audited(1);
      workers.spawn("a", nothing, nothing).terminate();
      workers.spawn("b", nothing, nothing).terminate();
      workers.refill();
      expect(FakeWorker.started[0].posted).toEqual([{ kind: "audit" }]);
      expect(FakeWorker.started[1].posted).toEqual([{ kind: "audit" }]);
      // Two audits under way, one spare wanted at most: none started.
      expect(FakeWorker.started).toHaveLength(2);
      answer(FakeWorker.started[0], null);
      answer(FakeWorker.started[1], null);
      // The first is kept; the second would be one spare too many.
      expect(FakeWorker.started[0].terminated).toBe(false);
      expect(FakeWorker.started[1].terminated).toBe(true);
    });
  });
});

