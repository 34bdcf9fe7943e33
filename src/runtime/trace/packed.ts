// A batch of trace events packed into typed arrays, for postMessage: the runner worker sends the
// trace in batches, and a structured clone of 1,000 event objects costs the page more to read than
// typed arrays it takes over (transferred, not copied) and a few hundred strings; the page unpacks
// them into the same objects. Fields are stored as TraceStore stores them (compact.ts: the same
// encoders, an int32 per field); an event they cannot hold travels whole.
import { NONE, RAW, readFields, SPEC, type Indexed, type PackedEvents, type Put } from "./compact.ts";
import type { TraceEvent, UnstampedEvent } from "./schema.ts";

export type { PackedEvents } from "./compact.ts";

// Put, into plain lists (made typed at the end); strings interned within the batch (a lane's label
// recurs in most of its events).
class Packer implements Put {
  readonly values: number[] = [];
  readonly floats: number[] = [];
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  fits = true;
  int(value: number | undefined): void {
    if (value !== undefined && ((value | 0) !== value || value === NONE)) this.fits = false;
    this.values.push(value === undefined ? NONE : value);
  }
  num(value: number | undefined): void {
    if (value !== undefined && typeof value !== "number") this.fits = false;
    this.values.push(value === undefined ? NONE : this.floats.push(value) - 1);
  }
  str(value: string | undefined): void {
    if (value !== undefined && typeof value !== "string") this.fits = false;
    if (value === undefined || !this.fits) return void this.values.push(NONE);
    let at = this.index.get(value);
    if (at === undefined) this.index.set(value, (at = this.strings.push(value) - 1));
    this.values.push(at);
  }
  bool(value: boolean | undefined): void {
    if (value !== undefined && typeof value !== "boolean") this.fits = false;
    this.values.push(value === undefined ? NONE : +value);
  }
  unfit(): void {
    this.fits = false;
  }
}

/** Pack consecutive events (seq `from`, `from` + 1, …), as TraceStore.batches gives them. */
export function packEvents(events: readonly TraceEvent[]): PackedEvents {
  const from = events[0]?.seq ?? 0;
  const n = events.length;
  const packed = { from, codes: new Uint8Array(n), times: new Float64Array(n), lines: new Float64Array(n), raw: {} as Record<number, TraceEvent> };
  const put = new Packer();
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const spec = SPEC[e.kind];
    const start = put.values.length;
    put.fits = spec !== undefined && e.seq === from + i && typeof e.t === "number" && (e.line === undefined || (typeof e.line === "number" && !Number.isNaN(e.line)));
    if (put.fits) spec.encode(e as UnstampedEvent, put);
    if (!put.fits) {
      put.values.length = start;
      packed.codes[i] = RAW;
      packed.raw[i] = e;
      continue;
    }
    packed.codes[i] = spec.code;
    packed.times[i] = e.t;
    packed.lines[i] = e.line ?? NaN;
  }
  return { ...packed, values: Int32Array.from(put.values), floats: Float64Array.from(put.floats), strings: put.strings };
}

/** The typed arrays of a packed batch, to transfer with postMessage instead of copying them. */
export function packedBuffers(packed: PackedEvents): ArrayBuffer[] {
  return [packed.codes, packed.times, packed.lines, packed.values, packed.floats].map((array) => array.buffer as ArrayBuffer);
}

const indexed = <T>(list: ArrayLike<T>): Indexed<T> => ({ get: (i) => list[i] });

/** The events of a packed batch, as the objects that were packed. */
export function unpackEvents(packed: PackedEvents): TraceEvent[] {
  const { from, codes, times, lines, raw } = packed;
  const [values, floats, strings] = [indexed(packed.values), indexed(packed.floats), indexed(packed.strings)];
  const events: TraceEvent[] = new Array(codes.length);
  for (let i = 0, at = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === RAW) {
      events[i] = raw[i];
      continue;
    }
    const event = readFields(code, values, at, floats, strings);
    at += SPEC[event.kind as TraceEvent["kind"]].width;
    event.seq = from + i;
    event.t = times[i];
    if (!Number.isNaN(lines[i])) event.line = lines[i];
    events[i] = event as unknown as TraceEvent;
  }
  return events;
}
