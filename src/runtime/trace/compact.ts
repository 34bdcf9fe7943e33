// The trace, recorded compactly: a run of 10,000 tasks records ~700,000 events, and one object per
// event (with its own label strings) cost ~160 bytes each and most of the run's garbage-collection
// time (issue #17). TraceStore keeps events in columns instead — kind, time and line in typed
// arrays, each kind's fields in one Int32 stream, strings interned — and makes the usual
// TraceEvent objects only when a view asks (decode()). CompactTrace is the same columns as JSON
// (`npm run trace -- --json=compact`): decodeCompact gives back exactly the events.
import type { EventOf, TraceEvent, TraceEventKind, UnstampedEvent } from "./schema.ts";

/** How one field is stored: an int32, a float (in the float column), an interned string, a boolean. */
type Codec = "int" | "num" | "str" | "bool";

/** Each kind's fields, in order; "on.x" is field x of task-suspended's WaitInfo. The contract with
 * schema.ts: a field missing here would be lost, so the round-trip test runs every example. */
export const COMPACT_FIELDS: Record<TraceEventKind, readonly (readonly [string, Codec])[]> = {
  "loop-start": [["loop", "int"]],
  "loop-end": [["loop", "int"]],
  "task-created": [["task", "int"], ["name", "str"], ["coro", "str"], ["parent", "int"], ["internal", "bool"]],
  "handle-queued": [["handle", "int"], ["role", "str"], ["task", "int"], ["label", "str"]],
  "handle-run": [["handle", "int"], ["skipped", "bool"]],
  "task-resumed": [["task", "int"], ["first", "bool"], ["thrown", "str"]],
  "task-suspended": [["task", "int"], ["on.what", "str"], ["on.label", "str"], ["on.until", "num"], ["on.task", "int"]],
  "task-done": [["task", "int"], ["outcome", "str"], ["value", "str"]],
  "timer-set": [["timer", "int"], ["due", "num"], ["label", "str"], ["task", "int"]],
  "timer-cancelled": [["timer", "int"]],
  "timer-fired": [["timer", "int"], ["handle", "int"]],
  "blocking-start": [["until", "num"], ["task", "int"], ["lane", "int"], ["label", "str"], ["work", "str"]],
  "blocking-end": [["task", "int"], ["lane", "int"]],
  print: [["text", "str"], ["stream", "str"], ["task", "int"], ["lane", "int"]],
  "pool-created": [["pool", "int"], ["poolKind", "str"], ["name", "str"], ["maxWorkers", "int"]],
  "job-queued": [["job", "int"], ["pool", "int"], ["label", "str"], ["task", "int"]],
  "job-started": [["job", "int"], ["pool", "int"], ["lane", "int"], ["laneName", "str"]],
  "job-done": [["job", "int"], ["lane", "int"], ["outcome", "str"], ["value", "str"]],
  "program-end": [["error", "str"]],
};

const KINDS = Object.keys(COMPACT_FIELDS) as TraceEventKind[];
const KIND_CODE = new Map(KINDS.map((kind, i) => [kind, i]));
const WIDTH = KINDS.map((kind) => COMPACT_FIELDS[kind].length);

/** Where an encoder puts an event's fields, in COMPACT_FIELDS's order. */
interface Put {
  int(value: number | undefined): void;
  num(value: number | undefined): void;
  str(value: string | undefined): void;
  bool(value: boolean | undefined): void;
  /** The event has something the columns cannot hold: keep it whole. */
  unfit(): void;
}

// Each kind's fields read by name, as COMPACT_FIELDS lists them: property reads a compiler can
// make fast, where a loop over field names would look each one up generically.
const ENCODE: { [K in TraceEventKind]: (e: EventOf<K>, put: Put) => void } = {
  "loop-start": (e, p) => p.int(e.loop),
  "loop-end": (e, p) => p.int(e.loop),
  "task-created": (e, p) => (p.int(e.task), p.str(e.name), p.str(e.coro), p.int(e.parent), p.bool(e.internal)),
  "handle-queued": (e, p) => (p.int(e.handle), p.str(e.role), p.int(e.task), p.str(e.label)),
  "handle-run": (e, p) => (p.int(e.handle), p.bool(e.skipped)),
  "task-resumed": (e, p) => (p.int(e.task), p.bool(e.first), p.str(e.thrown)),
  "task-suspended": (e, p) => {
    p.int(e.task);
    p.str(e.on.what);
    p.str(e.on.label);
    p.num(e.on.until);
    p.int(e.on.task);
    if (e.on.tasks !== undefined) p.unfit();
  },
  "task-done": (e, p) => (p.int(e.task), p.str(e.outcome), p.str(e.value)),
  "timer-set": (e, p) => (p.int(e.timer), p.num(e.due), p.str(e.label), p.int(e.task)),
  "timer-cancelled": (e, p) => p.int(e.timer),
  "timer-fired": (e, p) => (p.int(e.timer), p.int(e.handle)),
  "blocking-start": (e, p) => (p.num(e.until), p.int(e.task), p.int(e.lane), p.str(e.label), p.str(e.work)),
  "blocking-end": (e, p) => (p.int(e.task), p.int(e.lane)),
  print: (e, p) => (p.str(e.text), p.str(e.stream), p.int(e.task), p.int(e.lane)),
  "pool-created": (e, p) => (p.int(e.pool), p.str(e.poolKind), p.str(e.name), p.int(e.maxWorkers)),
  "job-queued": (e, p) => (p.int(e.job), p.int(e.pool), p.str(e.label), p.int(e.task)),
  "job-started": (e, p) => (p.int(e.job), p.int(e.pool), p.int(e.lane), p.str(e.laneName)),
  "job-done": (e, p) => (p.int(e.job), p.int(e.lane), p.str(e.outcome), p.str(e.value)),
  "program-end": (e, p) => p.str(e.error),
};

/** An event kept as it came (a field the columns cannot hold, e.g. a WaitInfo's `tasks`). */
const RAW = 255;
/** An absent field (undefined), and the line of an event that has none. */
const NONE = -0x80000000;

/** The compact form as JSON: `strings` holds every string once; each event is a row
 * [kind index, t, line or null, ...its kind's fields], where a string is its index in `strings`,
 * a boolean 1 or 0, an absent field null (trailing nulls dropped). `raw`: events kept whole. */
export interface CompactTrace {
  format: "compact-1";
  kinds: TraceEventKind[];
  fields: Record<TraceEventKind, string[]>;
  strings: string[];
  events: (number | null)[][];
  raw: Record<number, TraceEvent>;
}

/** The events of one run, in columns; append with push, place a late one with insert. */
export class TraceStore implements Put {
  private kind = new Uint8Array(1024);
  /** Each event's time, as an index into `times`: a run has far fewer distinct times than events. */
  private time = new Int32Array(1024);
  private line = new Int32Array(1024);
  /** Each kind's fields, event after event (where an event's begin is worked out when read). */
  private values = new Int32Array(4096);
  private floats = new Float64Array(256);
  private times = new Float64Array(256);
  private nValues = 0;
  private nFloats = 0;
  private nTimes = 0;
  private count = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly raw = new Map<number, TraceEvent>();
  /** Trace position → slot, once an event was placed out of order (Session.emitAt); else identity. */
  private order: number[] | null = null;
  private cache: TraceEvent[] | null = null;
  /** Where the event being recorded puts its next field, and whether one did not fit. */
  private at = 0;
  private fits = true;

  get length(): number {
    return this.count;
  }

  /** Virtual time of the event at trace position `i`. */
  timeAt(i: number): number {
    return this.times[this.time[this.order ? this.order[i] : i]];
  }

  /** Append an event at time `t` (line: the reader's line, or undefined). */
  push(event: UnstampedEvent, t: number, line: number | undefined): void {
    const slot = this.append(event, t, line);
    this.order?.push(slot);
  }

  /** Put an event at trace position `index`; the later ones move up one (their seq follows). */
  insert(index: number, event: UnstampedEvent, t: number, line: number | undefined): void {
    const slot = this.append(event, t, line);
    // Positions are plain numbers here, not objects to renumber: a memmove per late event.
    this.order ??= Array.from({ length: slot }, (_, i) => i);
    this.order.splice(index, 0, slot);
  }

  /** Every event, as TraceEvent objects (made once, on first use). */
  decode(): TraceEvent[] {
    if (this.cache?.length !== this.count) {
      const events: TraceEvent[] = new Array(this.count);
      const starts = this.starts();
      for (let i = 0; i < this.count; i++) events[i] = this.eventAt(i, starts);
      this.cache = events;
    }
    return this.cache;
  }

  /** The events of some kinds only (the console's print and job-started), in order. */
  select(kinds: readonly TraceEventKind[]): TraceEvent[] {
    const codes = new Set(kinds.map((k) => KIND_CODE.get(k)));
    const out: TraceEvent[] = [];
    const starts = this.starts();
    for (let i = 0; i < this.count; i++) {
      const slot = this.order ? this.order[i] : i;
      if (codes.has(this.kind[slot]) || (this.kind[slot] === RAW && kinds.includes(this.raw.get(slot)!.kind))) out.push(this.eventAt(i, starts));
    }
    return out;
  }

  /** The compact form, for JSON. */
  toCompact(): CompactTrace {
    const events: (number | null)[][] = [];
    const raw: Record<number, TraceEvent> = {};
    const starts = this.starts();
    for (let i = 0; i < this.count; i++) {
      const slot = this.order ? this.order[i] : i;
      const code = this.kind[slot];
      if (code === RAW) {
        raw[i] = { ...this.raw.get(slot)!, seq: i };
        events.push([RAW, this.times[this.time[slot]]]);
        continue;
      }
      const row: (number | null)[] = [code, this.times[this.time[slot]], this.line[slot] === NONE ? null : this.line[slot]];
      const fields = COMPACT_FIELDS[KINDS[code]];
      for (let f = 0; f < fields.length; f++) {
        const v = this.values[starts[slot] + f];
        row.push(v === NONE ? null : fields[f][1] === "num" ? this.floats[v] : v);
      }
      while (row.length > 3 && row[row.length - 1] === null) row.pop();
      events.push(row);
    }
    const fields = Object.fromEntries(KINDS.map((k) => [k, COMPACT_FIELDS[k].map(([name]) => name)])) as Record<TraceEventKind, string[]>;
    return { format: "compact-1", kinds: KINDS, fields, strings: [...this.strings], events, raw };
  }

  private append(event: UnstampedEvent, t: number, line: number | undefined): number {
    this.cache = null;
    const slot = this.count++;
    if (slot === this.kind.length) this.growEvents();
    // Object.is: -0 and NaN are times of their own, kept exactly.
    if (this.nTimes === 0 || !Object.is(this.times[this.nTimes - 1], t)) {
      if (this.nTimes === this.times.length) this.times = grow(this.times, this.nTimes + 1);
      this.times[this.nTimes++] = t;
    }
    this.time[slot] = this.nTimes - 1;
    this.line[slot] = line === undefined ? NONE : line;
    const code = KIND_CODE.get(event.kind)!;
    const width = COMPACT_FIELDS[event.kind].length;
    if (this.nValues + width > this.values.length) this.values = grow(this.values, this.nValues + width);
    this.at = this.nValues;
    this.fits = true;
    (ENCODE[event.kind] as (e: UnstampedEvent, put: Put) => void)(event, this);
    if (!this.fits) return this.keepRaw(slot, event, t, line);
    this.kind[slot] = code;
    this.nValues += width;
    return slot;
  }

  // Put: each field as an int32 (an absent one: NONE); one that does not fit marks the event.
  int(value: number | undefined): void {
    if (value !== undefined && ((value | 0) !== value || value === NONE)) this.fits = false;
    this.values[this.at++] = value === undefined ? NONE : value;
  }

  num(value: number | undefined): void {
    if (value === undefined) {
      this.values[this.at++] = NONE;
      return;
    }
    if (this.nFloats === this.floats.length) this.floats = grow(this.floats, this.nFloats + 1);
    this.floats[this.nFloats] = value;
    this.values[this.at++] = this.nFloats++;
  }

  str(value: string | undefined): void {
    if (value !== undefined && typeof value !== "string") this.fits = false;
    this.values[this.at++] = value === undefined || !this.fits ? NONE : this.intern(value);
  }

  bool(value: boolean | undefined): void {
    if (value !== undefined && typeof value !== "boolean") this.fits = false;
    this.values[this.at++] = value === undefined ? NONE : +value;
  }

  unfit(): void {
    this.fits = false;
  }

  private keepRaw(slot: number, event: UnstampedEvent, t: number, line: number | undefined): number {
    const stamped = { ...event, t } as TraceEvent;
    if (line !== undefined) stamped.line = line;
    this.kind[slot] = RAW;
    this.raw.set(slot, stamped);
    return slot;
  }

  private intern(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.push(text) - 1;
      this.stringIds.set(text, id);
    }
    return id;
  }

  // Where each slot's fields begin in `values`: the widths of the events before it (a kept-whole
  // event has none).
  private starts(): Int32Array {
    const starts = new Int32Array(this.count);
    for (let slot = 0, at = 0; slot < this.count; slot++) {
      starts[slot] = at;
      if (this.kind[slot] !== RAW) at += WIDTH[this.kind[slot]];
    }
    return starts;
  }

  private eventAt(i: number, starts: Int32Array): TraceEvent {
    const slot = this.order ? this.order[i] : i;
    const code = this.kind[slot];
    if (code === RAW) return { ...this.raw.get(slot)!, seq: i };
    const kind = KINDS[code];
    const event: Record<string, unknown> = { kind };
    const fields = COMPACT_FIELDS[kind];
    let on: Record<string, unknown> | undefined;
    for (let f = 0; f < fields.length; f++) {
      const v = this.values[starts[slot] + f];
      if (v === NONE) continue;
      const [name, codec] = fields[f];
      const value = codec === "int" ? v : codec === "num" ? this.floats[v] : codec === "str" ? this.strings[v] : v === 1;
      if (name.startsWith("on.")) (on ??= {})[name.slice(3)] = value;
      else event[name] = value;
    }
    if (on) event.on = on;
    event.seq = i;
    event.t = this.times[this.time[slot]];
    if (this.line[slot] !== NONE) event.line = this.line[slot];
    return event as unknown as TraceEvent;
  }

  private growEvents(): void {
    const size = this.kind.length * 2;
    this.kind = grow(this.kind, size);
    this.time = grow(this.time, size);
    this.line = grow(this.line, size);
  }
}

function grow<A extends Uint8Array | Int32Array | Float64Array>(array: A, atLeast: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** The events of a compact trace, exactly as they were recorded. */
export function decodeCompact(trace: CompactTrace): TraceEvent[] {
  return trace.events.map((row, seq) => {
    const code = row[0] as number;
    if (code === RAW) return { ...trace.raw[seq], seq };
    const kind = trace.kinds[code];
    const event: Record<string, unknown> = { kind };
    let on: Record<string, unknown> | undefined;
    trace.fields[kind].forEach((name, f) => {
      const v = row[3 + f];
      if (v === null || v === undefined) return;
      const codec = COMPACT_FIELDS[kind][f][1];
      const value = codec === "str" ? trace.strings[v] : codec === "bool" ? v === 1 : v;
      if (name.startsWith("on.")) (on ??= {})[name.slice(3)] = value;
      else event[name] = value;
    });
    if (on) event.on = on;
    event.seq = seq;
    event.t = row[1];
    if (row[2] !== null) event.line = row[2];
    return event as unknown as TraceEvent;
  });
}

/** The compact form of events made elsewhere (a saved trace, CPython's). */
export function encodeCompact(events: readonly TraceEvent[]): CompactTrace {
  const store = new TraceStore();
  for (const { seq: _seq, t, line, ...event } of events) store.push(event as UnstampedEvent, t, line);
  return store.toCompact();
}
