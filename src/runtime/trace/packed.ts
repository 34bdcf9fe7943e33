// A batch of trace events packed into typed arrays, for postMessage: the runner worker sends the
// trace in batches, and a structured clone of 1,000 event objects costs the page more to read than
// typed arrays it takes over (transferred, not copied) and a few hundred strings; the page unpacks
// them into the same objects. Fields are stored as TraceStore stores them (compact.ts: the same
// encoders, an int32 per field); an event they cannot hold travels whole. One packer writes the
// form, fed by a TraceStore's columns (packStore: no event object made) or by events (packEvents).
import { NONE, RAW, readEvent, SPEC, WIDTH, type EventSink, type FieldSource, type PackedEvents, type TraceStore } from "./compact.ts";
import type { TraceEvent, UnstampedEvent } from "./schema.ts";

export type { PackedEvents } from "./compact.ts";

/** Packs `n` events, seq `from` on, given one by one: into plain lists, made typed at the end. */
class Packer implements EventSink {
  private readonly packed: PackedEvents;
  private readonly values: number[] = [];
  private readonly floats: number[] = [];
  private readonly strings: string[] = [];
  /** Strings interned within the batch (a lane's label recurs in most of its events). */
  private readonly index = new Map<string, number>();
  /** The event being put: its position, where its fields and the strings it was first to use began
   *  (taken back if it is given whole: it leaves no string behind), whether it fits. */
  private i = 0;
  private valuesStart = 0;
  private floatsStart = 0;
  private stringsStart = 0;
  private fits = true;

  constructor(from: number, n: number) {
    this.packed = { from, codes: new Uint8Array(n), times: new Float64Array(n), lines: new Float64Array(n), values: new Int32Array(0), floats: new Float64Array(0), strings: [], raw: {} };
  }

  begin(code: number, t: number, line: number | undefined): void {
    this.valuesStart = this.values.length;
    this.floatsStart = this.floats.length;
    this.stringsStart = this.strings.length;
    // NaN is the form's "no line": an event with that line (or a time that is no number) goes whole.
    this.fits = typeof t === "number" && (line === undefined || (typeof line === "number" && !Number.isNaN(line)));
    this.packed.codes[this.i] = code;
    this.packed.times[this.i] = t;
    this.packed.lines[this.i] = line ?? NaN;
  }

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
    let id = this.index.get(value);
    if (id === undefined) this.index.set(value, (id = this.strings.push(value) - 1));
    this.values.push(id);
  }
  bool(value: boolean | undefined): void {
    if (value !== undefined && typeof value !== "boolean") this.fits = false;
    this.values.push(value === undefined ? NONE : +value);
  }
  unfit(): void {
    this.fits = false;
  }

  end(): boolean {
    if (!this.fits) {
      this.values.length = this.valuesStart;
      this.floats.length = this.floatsStart;
      for (let id = this.stringsStart; id < this.strings.length; id++) this.index.delete(this.strings[id]);
      this.strings.length = this.stringsStart;
      return false;
    }
    this.i++;
    return true;
  }

  whole(event: TraceEvent): void {
    this.packed.codes[this.i] = RAW;
    this.packed.times[this.i] = 0;
    this.packed.lines[this.i] = NaN;
    this.packed.raw[this.i++] = event;
  }

  finish(): PackedEvents {
    return { ...this.packed, values: Int32Array.from(this.values), floats: Float64Array.from(this.floats), strings: this.strings };
  }
}

/** Pack consecutive events (seq `from`, `from` + 1, …), as TraceStore.batches gives them. */
export function packEvents(events: readonly TraceEvent[]): PackedEvents {
  const from = events[0]?.seq ?? 0;
  const packer = new Packer(from, events.length);
  events.forEach((e, i) => {
    const spec = SPEC[e.kind];
    if (spec === undefined || e.seq !== from + i) return packer.whole(e);
    packer.begin(spec.code, e.t, e.line);
    spec.encode(e as UnstampedEvent, packer);
    if (!packer.end()) packer.whole(e);
  });
  return packer.finish();
}

/** A store's events in order, `size` at a time, each batch packed when it is asked for, straight
 *  from the columns (no event object is made but for an event kept whole). */
export function* packStore(store: TraceStore, size: number): Generator<PackedEvents> {
  for (let from = 0; from < store.length; from += size) {
    const to = Math.min(from + size, store.length);
    const packer = new Packer(from, to - from);
    store.readInto(from, to, packer);
    yield packer.finish();
  }
}

/** The typed arrays of a packed batch, to transfer with postMessage instead of copying them. */
export function packedBuffers(packed: PackedEvents): ArrayBuffer[] {
  return [packed.codes, packed.times, packed.lines, packed.values, packed.floats].map((array) => array.buffer as ArrayBuffer);
}

/** The events of a packed batch, as the objects that were packed. */
export function unpackEvents(packed: PackedEvents): TraceEvent[] {
  const { from, codes, times, lines, values, floats, strings, raw } = packed;
  const source: FieldSource = { values, float: (i) => floats[i], text: (i) => strings[i] };
  const events: TraceEvent[] = new Array(codes.length);
  for (let i = 0, at = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === RAW) {
      events[i] = raw[i];
      continue;
    }
    // A line read from the Float64Array is a double, and an event's field kept it as one: V8 gave it
    // a heap number of its own, event after event (84,000 on unpacking the largest trace, of 339,000).
    // A whole line goes in as an int, which V8 keeps in the field itself.
    const line = lines[i];
    events[i] = readEvent(code, source, at, from + i, times[i], Number.isNaN(line) ? undefined : (line | 0) === line ? line | 0 : line);
    at += WIDTH[code];
  }
  return events;
}
