// A run's reply through shared memory, for the page to read in its next animation frame. After a
// click or a key, Chromium defers the page's other tasks, a worker's messages among them, until the
// frame that answers the input has been painted (DeferRendererTasksAfterInput, on by default): a
// reply by postMessage is drawn a frame later than it could be. An animation frame callback is not
// deferred, and shared memory needs no task: the runner writes a small run's reply here too, and the
// page reads it at the start of the first frame after the Run (browser-runner.ts), in time to be
// drawn in that frame. Needs SharedArrayBuffer (a cross-origin isolated page); a bigger reply, or
// one JSON cannot carry exactly, goes by message only.
//
// Layout: Int32 [0] the run whose reply is here (0: none yet), [1] the bytes of its JSON part; from
// byte 8 that JSON (the result's head and each batch's strings, events kept whole and array
// lengths), then each batch's typed arrays, each at a multiple of 8 bytes.
import type { PackedEvents, RunResult } from "../../runtime/trace/index.ts";

/** Bytes of a runner's slot: a lesson's run takes 10–40 KB; a bigger one goes by message. */
export const REPLY_SLOT_BYTES = 256 * 1024;
const HEADER = 8;
/** The typed arrays of a packed batch, in the order they are written. */
const ARRAYS = ["codes", "times", "lines", "values", "floats"] as const;
type ArrayName = (typeof ARRAYS)[number];

type Head = Omit<RunResult, "events">;
/** What the JSON part holds of a batch: all but its typed arrays, which it gives the lengths of. */
type BatchMeta = Omit<PackedEvents, ArrayName> & { lengths: number[] };

/** A new slot, where shared memory is given (a cross-origin isolated page); else none. */
export function newReplySlot(): SharedArrayBuffer | undefined {
  return typeof SharedArrayBuffer === "function" && globalThis.crossOriginIsolated === true ? new SharedArrayBuffer(REPLY_SLOT_BYTES) : undefined;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Write run `run`'s reply (its batches, then its head) into the slot; false if it does not fit or
 *  holds a number JSON would change (NaN, ±Infinity): that reply goes by message only. */
export function writeReply(slot: SharedArrayBuffer, run: number, batches: readonly PackedEvents[], head: Head): boolean {
  const header = new Int32Array(slot, 0, 2);
  Atomics.store(header, 0, 0);
  let exact = true;
  const meta = batches.map(({ from, strings, raw, ...arrays }): BatchMeta => ({ from, strings, raw, lengths: ARRAYS.map((name) => arrays[name].length) }));
  const json = JSON.stringify({ head, batches: meta }, (_key, value) => {
    if (typeof value === "number" && !Number.isFinite(value)) exact = false;
    return value;
  });
  const text = new TextEncoder().encode(json);
  let at = align8(HEADER + text.length);
  const places = batches.map((batch) =>
    ARRAYS.map((name) => {
      const place = at;
      at = align8(at + batch[name].byteLength);
      return place;
    }),
  );
  if (!exact || at > slot.byteLength) return false;
  new Uint8Array(slot, HEADER, text.length).set(text);
  batches.forEach((batch, b) => ARRAYS.forEach((name, i) => new Uint8Array(slot, places[b][i], batch[name].byteLength).set(new Uint8Array(batch[name].buffer, batch[name].byteOffset, batch[name].byteLength))));
  header[1] = text.length;
  // Written last: the page reads nothing of a run before its number is here.
  Atomics.store(header, 0, run);
  return true;
}

/** Run `run`'s reply, if the runner has written it: copies the page owns (typed arrays not shared). */
export function readReply(slot: SharedArrayBuffer, run: number): { batches: PackedEvents[]; head: Head } | null {
  const header = new Int32Array(slot, 0, 2);
  if (Atomics.load(header, 0) !== run) return null;
  // TextDecoder does not read shared memory: a copy first.
  const text = new TextDecoder().decode(new Uint8Array(slot, HEADER, header[1]).slice());
  const { head, batches } = JSON.parse(text) as { head: Head; batches: BatchMeta[] };
  let at = align8(HEADER + header[1]);
  const view = (name: ArrayName, length: number) => {
    const array =
      name === "codes" ? new Uint8Array(slot, at, length) : name === "values" ? new Int32Array(slot, at, length) : new Float64Array(slot, at, length);
    at = align8(at + array.byteLength);
    return array.slice();
  };
  const packed = batches.map(({ lengths, ...rest }) => {
    const [codes, times, lines, values, floats] = ARRAYS.map((name, i) => view(name, lengths[i]));
    return { ...rest, codes, times, lines, values, floats } as PackedEvents;
  });
  return { batches: packed, head };
}
