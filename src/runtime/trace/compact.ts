// The trace, recorded compactly: a run of 10,000 tasks records ~700,000 events, and one object per
// event (with its own label strings) cost ~160 bytes each and most of the run's garbage-collection
// time (issue #17). TraceStore keeps events in columns instead — kinds in a typed array grown a
// chunk at a time, times as runs, each event's line and fields as varints in one byte stream, a
// float that repeats kept once, strings by reference (interned only for JSON) — and makes the usual
// TraceEvent objects only when a view asks (decode()). CompactTrace is the same columns as JSON
// (`npm run trace -- --json=compact`): decodeCompact gives back exactly the events.
import type { EventOf, TraceEvent, TraceEventKind, UnstampedEvent, WaitInfo } from "./schema.ts";
import { lastAtMost, partitionPoint } from "./bisect.ts";

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
/** Each kind's number of fields, by its code. */
export const WIDTH = KINDS.map((kind) => COMPACT_FIELDS[kind].length);
/** Which of each kind's fields are ints (the others are never negative: an index, or a boolean). */
const INT_FIELDS = KINDS.map((kind) => COMPACT_FIELDS[kind].map(([, codec]) => codec === "int"));
// The ids a run makes one after another (handles, timers), and those of handles and timers run or
// fired in about the order they were made, are written as the difference from the same field's value
// in the event before (zigzag: 0, -1, 1, -2 … as 0, 1, 2, 3 …): one byte where the id took three
// (10,000 tasks × 10 sleeps: ids 1.6 → 0.7 MB of the 4.9 MB of fields). Each field has a register
// of its last value, set to 0 at every 64th slot, where a reader may begin (fieldsEvery64).
const DELTA_CODED = ["handle-queued.handle", "handle-run.handle", "timer-set.timer", "timer-fired.timer", "timer-fired.handle"];
/** Each kind's fields' registers (-1: written as they are). */
const DELTA_REGISTER = KINDS.map((kind) => COMPACT_FIELDS[kind].map(([name]) => DELTA_CODED.indexOf(`${kind}.${name}`)));
const [QUEUED_HANDLE, RUN_HANDLE, SET_TIMER, FIRED_TIMER, FIRED_HANDLE] = DELTA_CODED.keys();
/** Where each kind's `task` field is (-1: it has none): a label that names its task takes the name from there. */
const TASK_FIELD = KINDS.map((kind) => COMPACT_FIELDS[kind].findIndex(([name]) => name === "task"));

/** Where an encoder puts an event's fields, in COMPACT_FIELDS's order. */
export interface Put {
  int(value: number | undefined): void;
  num(value: number | undefined): void;
  str(value: string | undefined): void;
  bool(value: boolean | undefined): void;
  /** The event has something the columns cannot hold: keep it whole. */
  unfit(): void;
}

/** Where TraceStore.readInto reads events to (packed.ts's packer): each event begun, its fields put
 *  in COMPACT_FIELDS's order, ended; or given whole. */
export interface EventSink extends Put {
  begin(code: number, t: number, line: number | undefined): void;
  /** Whether the event just put was held (false: a field did not fit, and it is given whole next). */
  end(): boolean;
  whole(event: TraceEvent): void;
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

/** Each kind's code, width and encoder, found with one lookup per event. */
export const SPEC = Object.fromEntries(
  KINDS.map((kind, code) => [kind, { code, width: WIDTH[code], encode: ENCODE[kind] as (e: UnstampedEvent, put: Put) => void }]),
) as Record<TraceEventKind, { code: number; width: number; encode: (e: UnstampedEvent, put: Put) => void }>;

/** A batch of events packed for postMessage (packed.ts): events seq `from`
 *  on, each one's kind code (RAW: in `raw`), time, line (NaN: none), and its kind's fields, event
 *  after event, in `values` (floats by index in `floats`, strings in `strings`). */
export interface PackedEvents {
  from: number;
  codes: Uint8Array;
  times: Float64Array;
  lines: Float64Array;
  values: Int32Array;
  floats: Float64Array;
  strings: string[];
  raw: Record<number, TraceEvent>;
}

/** An event kept as it came (a field the columns cannot hold, e.g. a WaitInfo's `tasks`). */
export const RAW = 255;
/** An absent field (undefined), and the line of an event that has none. */
export const NONE = -0x80000000;
/** Distinct float values a store finds again in its column (TraceStore.float). */
const FLOATS_INTERNED = 4096;
// How TraceStore writes a field as a varint: an absent one as ABSENT; a delta-coded id as its
// difference from the last (DELTA_CODED, zigzag) + INDEX_AT; another int v ≥ 0 as v + INT_AT,
// a negative one as NEGATIVE and then -v; a float's index, or a string's reference (TraceStore.text),
// + INDEX_AT; a boolean as false or true + INDEX_AT. An event's line is an int, one that is not a whole number from
// 0 up written as LINE_ASIDE (and kept aside).
const ABSENT = 0;
const NEGATIVE = 1;
const INT_AT = 2;
const INDEX_AT = 1;
const LINE_ASIDE = NEGATIVE;

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
  private readonly kind = new Column(Uint8Array);
  /** A line that is not a whole number from 0 up, by slot (its event's line in `fields` says so). */
  private readonly linesAside = new Map<number, number>();
  /** Each event's line and then its kind's fields, event after event, a varint each, written as
   *  ABSENT's comment says (where an event's begin is worked out when read). Nearly every field is an
   *  id, an index or a flag, and most ids are below 2^21: three bytes at most where an Int32 column
   *  took four, and most lines one where a column took two (10,000 tasks × 10 sleeps: 10.0 → 5.2 MB). */
  private readonly fields = new Varints();
  /** The fields of the event read last (unpack), as readEvent reads them. */
  private readonly unpacked = new Int32Array(8);
  private unpackedLine: number | undefined = undefined;
  private readonly floats = new Column(Float64Array);
  /** The kind of the event being made (eventAt): a label that names its task reads it from its fields. */
  private decoding = 0;
  private readonly unpackedSource: FieldSource = { values: this.unpacked, float: (i) => this.floats.get(i), text: (ref) => this.textAt(ref, this.decoding) };
  /** The events' times, as runs: run r began at slot runStart[r], at time runTime[r] (a run of a
   * virtual clock has few distinct times, so events need no time of their own). */
  private readonly runStart = new Column(Int32Array);
  private readonly runTime = new Column(Float64Array);
  private nRuns = 0;
  /** How many events of each kind the columns hold (not those kept whole). */
  private readonly kindCounts = new Array<number>(KINDS.length).fill(0);
  private lastTime = 0.5;
  private count = 0;
  /** Every string field recorded, in order: interned only for the compact form, since a lookup per
   * field, in a table of a string per task, cost more than the rest of recording together. A string
   * field holds a reference: its index here doubled, and + 1 when the name of the event's task
   * follows it (a handle's label that names its task, HandleInfo.ofTask: "wake" + " Task-7"). Those
   * first words are few, and kept once (`heads`); the names are the tasks' own (`taskNames`). */
  private readonly texts = new Texts();
  private readonly heads = new Map<string, number>();
  /** Each task's id and name, in the order of their ids (found by bisection). */
  private readonly taskIds: number[] = [];
  private readonly taskNames: string[] = [];
  private readonly raw = new Map<number, TraceEvent>();
  /** Trace position → slot, once an event was placed out of order (Session.emitAt); else identity. */
  private order: number[] | null = null;
  private cache: TraceEvent[] | null = null;
  /** Where the fields of every 64th slot begin in `fields` (slot 64k's at k): an event's fields are
   *  found from the event read before it, or from here, past 63 events at most. */
  private readonly fieldsEvery64 = new Column(Int32Array);
  /** The slot after the one read last (read), and where its fields begin: the readers go in order. */
  private nextSlot = 0;
  private nextAt = 0;
  /** Where the event being recorded through Put puts its first field, and whether one did not fit. */
  private start = 0;
  private fits = true;
  /** The kind and field that Put's next call writes (ENCODE puts them in COMPACT_FIELDS's order). */
  private putCode = 0;
  private putField = 0;
  /** The delta-coded fields' last values, as written (DELTA_CODED) and as read; and as written before
   *  the event being recorded through Put, to go back to if it does not fit. */
  private readonly written = new Float64Array(DELTA_CODED.length);
  private readonly writtenBefore = new Float64Array(DELTA_CODED.length);
  private readonly readBack = new Float64Array(DELTA_CODED.length);
  /** The run timeOf found last: reads go mostly in order. */
  private lastRun = 0;

  get length(): number {
    return this.count;
  }

  /** What the columns take, in bytes (a string a reference of 8 bytes, as Node's V8 keeps them; the
   *  strings themselves are mostly the scheduler's own labels, and events kept whole are not counted). */
  get bytes(): number {
    const columns = [this.kind, this.fields, this.floats, this.runStart, this.runTime, this.fieldsEvery64];
    return columns.reduce((sum, column) => sum + column.byteLength, 0) + (this.texts.capacity + 2 * this.taskNames.length + (this.order?.length ?? 0)) * 8;
  }

  /** Virtual time of the event at trace position `i`. */
  timeAt(i: number): number {
    return this.timeOf(this.order ? this.order[i] : i);
  }

  /** Append an event at time `t` (line: the reader's line, or undefined). */
  push(event: UnstampedEvent, t: number, line: number | undefined): void {
    const slot = this.append(event, t, line);
    this.order?.push(slot);
  }

  /** The time the scheduler's own events (handleQueued and the others) are stamped with: the
   * session sets it as its clock moves. A time passed as an argument of every one of them was a
   * number boxed per event (a float crossing a call that is not inlined is one more object). */
  now = 0.5;

  // The time fields begin as a fraction and are set to 0 here: V8 stores a field in the form of the
  // first value it is given, and a field first given 0 (a small integer) would change this object's
  // hidden class at the run's first fractional time, deoptimizing every function optimized for it,
  // the session's likewise (~60 functions at once, mid-run: --trace-deopt's "dependent prototype
  // chain changed"). The first run of 10,000 tasks × 10 sleeps in a process: CPU 474 → 458 ms.
  constructor() {
    this.lastTime = 0;
    this.now = 0;
  }

  // The scheduler's own events, appended from their fields as push() would append the event: no
  // object is made for them (a run of 10,000 tasks records ~700,000, and making one object each,
  // then reading it through ENCODE, was most of what the trace cost: a third of the run).
  // Their fields go in COMPACT_FIELDS's order, written as they are: the ids are small positive
  // integers the session made (Session.newId) and the strings are strings, so every field fits the
  // columns (the checks of Put's int, str and bool, per field, were a tenth of the run). An event
  // that does not fit (a WaitInfo with `tasks`) goes through push(), which keeps it whole.

  handleQueued(line: number | undefined, handle: number, role: "step" | "callback", task: number | undefined, label: string, ofTask: boolean): void {
    const slot = this.begin(this.now, line);
    const fields = this.fields;
    fields.put(this.delta(QUEUED_HANDLE, handle));
    fields.put((role === this.lastRole ? this.lastRoleText : this.roleText(role)) + INDEX_AT);
    fields.put(task === undefined ? ABSENT : task + INT_AT);
    fields.put((ofTask ? this.headOfTask(label) : this.text(label)) + INDEX_AT);
    this.ended(slot, SPEC["handle-queued"].code);
  }

  handleRun(line: number | undefined, handle: number, skipped: true | undefined): void {
    const slot = this.begin(this.now, line);
    const fields = this.fields;
    fields.put(this.delta(RUN_HANDLE, handle));
    fields.put(skipped === undefined ? ABSENT : +skipped + INDEX_AT);
    this.ended(slot, SPEC["handle-run"].code);
  }

  taskResumed(line: number | undefined, task: number, first: boolean, thrown: string | undefined): void {
    const slot = this.begin(this.now, line);
    const fields = this.fields;
    fields.put(task + INT_AT);
    fields.put(+first + INDEX_AT);
    fields.put(thrown === undefined ? ABSENT : this.text(thrown) + INDEX_AT);
    this.ended(slot, SPEC["task-resumed"].code);
  }

  taskSuspended(line: number | undefined, task: number, on: WaitInfo): void {
    if (on.tasks !== undefined) {
      const whole = this.append({ kind: "task-suspended", task, on }, this.now, line);
      this.order?.push(whole);
      return;
    }
    const slot = this.begin(this.now, line);
    const fields = this.fields;
    fields.put(task + INT_AT);
    fields.put((on.what === this.lastWhat ? this.lastWhatText : this.whatText(on.what)) + INDEX_AT);
    fields.put((on.label === this.lastWaitLabel ? this.lastWaitLabelText : this.waitLabelText(on.label)) + INDEX_AT);
    fields.put(on.until === undefined ? ABSENT : this.float(on.until) + INDEX_AT);
    fields.put(on.task === undefined ? ABSENT : on.task + INT_AT);
    this.ended(slot, SPEC["task-suspended"].code);
  }

  timerSet(line: number | undefined, timer: number, due: number, label: string, task: number | undefined, ofTask: boolean): void {
    const slot = this.begin(this.now, line);
    const fields = this.fields;
    fields.put(this.delta(SET_TIMER, timer));
    fields.put(this.float(due) + INDEX_AT);
    fields.put((ofTask ? this.headOfTask(label) : this.text(label)) + INDEX_AT);
    fields.put(task === undefined ? ABSENT : task + INT_AT);
    this.ended(slot, SPEC["timer-set"].code);
  }

  timerFired(line: number | undefined, timer: number, handle: number): void {
    const slot = this.begin(this.now, line);
    const fields = this.fields;
    fields.put(this.delta(FIRED_TIMER, timer));
    fields.put(this.delta(FIRED_HANDLE, handle));
    this.ended(slot, SPEC["timer-fired"].code);
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
      for (let i = 0; i < this.count; i++) events[i] = this.eventAt(i);
      this.cache = events;
    }
    return this.cache;
  }

  /** Every event in order, `size` at a time, each batch made when it is asked for: a worker sends one
   *  as soon as it is made, instead of falling silent while the whole trace is (decode). */
  *batches(size: number): Generator<TraceEvent[]> {
    if (this.cache?.length === this.count) {
      for (let from = 0; from < this.count; from += size) yield this.cache.slice(from, from + size);
      return;
    }
    for (let from = 0; from < this.count; from += size) {
      const batch: TraceEvent[] = new Array(Math.min(size, this.count - from));
      for (let i = 0; i < batch.length; i++) batch[i] = this.eventAt(from + i);
      yield batch;
    }
  }

  /** The events at trace positions from … to - 1, in order, read into `sink` (packed.ts's packer):
   *  each one's kind, time, line and fields, without an object per event; an event kept whole, or one
   *  the sink cannot hold, goes whole. */
  readInto(from: number, to: number, sink: EventSink): void {
    for (let i = from; i < to; i++) {
      const slot = this.order ? this.order[i] : i;
      if (this.kind.get(slot) === RAW) {
        sink.whole(this.eventAt(i));
        continue;
      }
      const code = this.read(slot);
      sink.begin(code, this.timeOf(slot), this.unpackedLine);
      const fields = COMPACT_FIELDS[KINDS[code]];
      for (let f = 0; f < fields.length; f++) {
        const v = this.unpacked[f];
        const codec = fields[f][1];
        if (v === NONE) sink.int(undefined);
        else if (codec === "int") sink.int(v);
        else if (codec === "num") sink.num(this.floats.get(v));
        else if (codec === "str") sink.str(this.textAt(v, code));
        else sink.bool(v === 1);
      }
      if (!sink.end()) sink.whole(this.eventAt(i));
    }
  }

  /** The events of some kinds only (the console's print and job-started), in order. */
  select(kinds: readonly TraceEventKind[]): TraceEvent[] {
    const codes = new Set(kinds.map((k) => KIND_CODE.get(k)));
    const wanted = (slot: number) => codes.has(this.kind.get(slot)) || (this.kind.get(slot) === RAW && kinds.includes(this.raw.get(slot)!.kind));
    const out: TraceEvent[] = [];
    // How many events may be wanted (those kept whole may be of any kind): the scan ends after the last.
    let left = this.raw.size + [...codes].reduce((n: number, code) => n + (this.kindCounts[code!] ?? 0), 0);
    for (let i = 0; i < this.count && left > 0; i++) {
      const slot = this.order ? this.order[i] : i;
      if (this.kind.get(slot) === RAW || codes.has(this.kind.get(slot))) left--;
      if (wanted(slot)) out.push(this.eventAt(i));
    }
    return out;
  }

  /** The compact form, for JSON. */
  toCompact(): CompactTrace {
    const strings: string[] = [];
    const ids = new Map<string, number>();
    const intern = (text: string) => {
      let id = ids.get(text);
      if (id === undefined) ids.set(text, (id = strings.push(text) - 1));
      return id;
    };
    const events: (number | null)[][] = [];
    const raw: Record<number, TraceEvent> = {};
    for (let i = 0; i < this.count; i++) {
      const slot = this.order ? this.order[i] : i;
      const code = this.read(slot);
      if (code === RAW) {
        raw[i] = { ...this.raw.get(slot)!, seq: i };
        events.push([RAW, this.timeOf(slot)]);
        continue;
      }
      const row: (number | null)[] = [code, this.timeOf(slot), this.unpackedLine ?? null];
      const fields = COMPACT_FIELDS[KINDS[code]];
      for (let f = 0; f < fields.length; f++) {
        const v = this.unpacked[f];
        const codec = fields[f][1];
        row.push(v === NONE ? null : codec === "num" ? this.floats.get(v) : codec === "str" ? intern(this.textAt(v, code)) : v);
      }
      while (row.length > 3 && row[row.length - 1] === null) row.pop();
      events.push(row);
    }
    const fields = Object.fromEntries(KINDS.map((k) => [k, COMPACT_FIELDS[k].map(([name]) => name)])) as Record<TraceEventKind, string[]>;
    return { format: "compact-1", kinds: KINDS, fields, strings, events, raw };
  }

  private append(event: UnstampedEvent, t: number, line: number | undefined): number {
    const { code, encode } = SPEC[event.kind];
    const slot = this.begin(t, line);
    this.start = this.fields.length;
    this.fits = true;
    this.putCode = code;
    this.putField = 0;
    this.writtenBefore.set(this.written);
    encode(event, this);
    if (event.kind === "task-created") this.named(event.task, event.name);
    return this.end(slot, code) ? slot : this.keepRaw(slot, event, t, line);
  }

  /** Keep task `id`'s name, for the labels that name it: tasks are made in the order of their ids
   *  (Session.newId), and one that came out of it could not be found (taskName says "task N"). */
  private named(id: number, name: string): void {
    if (this.taskIds.length && id <= this.taskIds[this.taskIds.length - 1]) return;
    this.taskIds.push(id);
    this.taskNames.push(name);
  }

  /** A new event's slot, time and line; its fields follow (int, num, str, bool), then end(). */
  private begin(t: number, line: number | undefined): number {
    this.cache = null;
    const slot = this.count++;
    if ((slot & 63) === 0) {
      this.fieldsEvery64.push(this.fields.length);
      this.written.fill(0);
    }
    // Object.is(t, lastTime), spelled out so that no number is boxed: -0 and NaN are times of their own, kept exactly.
    const last = this.lastTime;
    const sameTime = t === last ? t !== 0 || 1 / t === 1 / last : t !== t && last !== last;
    if (this.nRuns === 0 || !sameTime) {
      this.runStart.set(this.nRuns, slot);
      this.runTime.set(this.nRuns++, t);
      this.lastTime = t;
    }
    this.putLine(slot, line);
    return slot;
  }

  /** The event in `slot` is of kind `code`, if its fields fit the columns (false: keep it whole). */
  private end(slot: number, code: number): boolean {
    if (!this.fits) {
      this.fields.truncate(this.start);
      this.written.set(this.writtenBefore);
      return false;
    }
    this.kind.set(slot, code);
    this.kindCounts[code]++;
    return true;
  }

  // A handle's role and what a task waits on are each one of a few strings, nearly always the one
  // recorded last: that one's index is given again rather than the string stored once more (two of
  // the five strings a sleep records). So is the label of what it waits on, when the tasks that go
  // on in a row wait alike ("sleep(0.5)"): of the 100,007 that 10,000 tasks × 10 sleeps record, 31,189;
  // another is kept once (textOnce): a program waits on a few things many times (its sleeps' delays).
  // None to begin with: a first string, even "", is stored (a task may be named "").
  private lastRole: string | undefined = undefined;
  private lastRoleText = NONE;
  private lastWhat: string | undefined = undefined;
  private lastWhatText = NONE;
  private lastWaitLabel: string | undefined = undefined;
  private lastWaitLabelText = NONE;

  private roleText(role: string): number {
    this.lastRole = role;
    return (this.lastRoleText = this.text(role));
  }

  private whatText(what: string): number {
    this.lastWhat = what;
    return (this.lastWhatText = this.text(what));
  }

  private waitLabelText(label: string): number {
    this.lastWaitLabel = label;
    return (this.lastWaitLabelText = this.textOnce(label));
  }

  /** A string field's reference to `value`, appended to `texts`. */
  private text(value: string): number {
    return this.texts.push(value) * 2;
  }

  /** A string field's reference to `head` followed by the name of the event's task: `head` is kept
   *  once (a label's first words: "wake", "sleep(0.5) timer of"). */
  private headOfTask(head: string): number {
    return this.textOnce(head) + 1;
  }

  /** A string field's reference to `value`, kept once in `texts`. */
  private textOnce(value: string): number {
    let index = this.heads.get(value);
    if (index === undefined) this.heads.set(value, (index = this.texts.push(value)));
    return index * 2;
  }

  /** The string a string field of an event of kind `code` refers to (its task: in `unpacked`). */
  private textAt(ref: number, code: number): string {
    const text = this.texts.get(ref >>> 1);
    return ref & 1 ? `${text} ${this.taskName(this.unpacked[TASK_FIELD[code]])}` : text;
  }

  /** The name task `id` was made with. */
  private taskName(id: number): string {
    const lo = partitionPoint(0, this.taskIds.length - 1, (i) => this.taskIds[i] < id);
    return this.taskIds[lo] === id ? this.taskNames[lo] : `task ${id}`;
  }

  /** The event in `slot`, of kind `code`, is recorded (a fast path's: its fields fit). */
  private ended(slot: number, code: number): void {
    this.kind.push(code);
    this.kindCounts[code]++;
    this.order?.push(slot);
  }

  /** Where each float value already in the float column is, while there are few of them: a run on
   *  the virtual clock repeats its times (10,000 tasks × 10 sleeps record 171,420 floats, 38 of them
   *  distinct: 1.3 MB of column). Past FLOATS_INTERNED values (the real clock's times hardly repeat)
   *  the new ones are only appended. */
  private readonly floatAt = new Map<number, number>();

  /** Put `value` in the float column (or find it there); returns its index. */
  private float(value: number): number {
    // A Map takes -0 for 0: -0 is neither looked for nor kept there, but appended each time, exactly.
    const negativeZero = value === 0 && 1 / value < 0;
    let index = negativeZero ? undefined : this.floatAt.get(value);
    if (index !== undefined) return index;
    index = this.floats.length;
    this.floats.push(value);
    if (!negativeZero && this.floatAt.size < FLOATS_INTERNED) this.floatAt.set(value, index);
    return index;
  }

  /** Delta-coded field `register`'s `value` as written (see DELTA_CODED): never ABSENT. */
  private delta(register: number, value: number): number {
    const difference = value - this.written[register];
    this.written[register] = value;
    return (difference >= 0 ? 2 * difference : -2 * difference - 1) + INDEX_AT;
  }

  // Put: each field as a varint (see `fields`); one that does not fit marks the event, which is then
  // taken back whole (end), so nothing more of it is written.
  int(value: number | undefined): void {
    const register = DELTA_REGISTER[this.putCode][this.putField++];
    // A delta-coded id is below 2^31, so that its difference from the last fits a varint.
    if (value !== undefined && ((value | 0) !== value || value === NONE || (register >= 0 && value < 0))) this.fits = false;
    if (!this.fits) return;
    if (value === undefined) this.fields.put(ABSENT);
    else if (register >= 0) this.fields.put(this.delta(register, value));
    else if (value >= 0) this.fields.put(value + INT_AT);
    else {
      this.fields.put(NEGATIVE);
      this.fields.put(-value);
    }
  }

  num(value: number | undefined): void {
    this.putField++;
    if (this.fits) this.fields.put(value === undefined ? ABSENT : this.float(value) + INDEX_AT);
  }

  str(value: string | undefined): void {
    this.putField++;
    if (value !== undefined && typeof value !== "string") this.fits = false;
    if (this.fits) this.fields.put(value === undefined ? ABSENT : this.text(value) + INDEX_AT);
  }

  bool(value: boolean | undefined): void {
    this.putField++;
    if (value !== undefined && typeof value !== "boolean") this.fits = false;
    if (this.fits) this.fields.put(value === undefined ? ABSENT : +value + INDEX_AT);
  }

  unfit(): void {
    this.fits = false;
  }

  private putLine(slot: number, line: number | undefined): void {
    if (line === undefined) this.fields.put(ABSENT);
    else if (line >= 0 && line <= 0xfffffff0 && Number.isInteger(line)) this.fields.put(line + INT_AT);
    else {
      this.fields.put(LINE_ASIDE);
      this.linesAside.set(slot, line);
    }
  }

  private keepRaw(slot: number, event: UnstampedEvent, t: number, line: number | undefined): number {
    const stamped = { ...event, t } as TraceEvent;
    if (line !== undefined) stamped.line = line;
    this.kind.set(slot, RAW);
    this.raw.set(slot, stamped);
    return slot;
  }

  /** The time of the event in `slot`: its run's (the run found last, or the one next to it, or
   * found by bisection). */
  private timeOf(slot: number): number {
    let run = this.lastRun;
    const begins = (r: number) => (r < this.nRuns ? this.runStart.get(r) : Infinity);
    if (!(begins(run) <= slot && slot < begins(run + 1))) {
      if (begins(run + 1) <= slot && slot < begins(run + 2)) run++;
      else run = lastAtMost(this.nRuns, (r) => this.runStart.get(r), slot);
      this.lastRun = run;
    }
    return this.runTime.get(run);
  }

  /** The kind code of the event in `slot`, its line read into `unpackedLine` and its fields into
   *  `unpacked` (an event kept whole has none). */
  private read(slot: number): number {
    const code = this.kind.get(slot);
    let at: number;
    if (slot !== this.nextSlot) at = this.fieldsBegin(slot);
    else {
      at = this.nextAt;
      if ((slot & 63) === 0) this.readBack.fill(0);
    }
    const line = this.fields.read(at);
    at = this.fields.next;
    this.unpackedLine = line === ABSENT ? undefined : line === LINE_ASIDE ? this.linesAside.get(slot) : line - INT_AT;
    this.nextAt = code === RAW ? at : this.unpack(code, at);
    this.nextSlot = slot + 1;
    return code;
  }

  /** Where the line and fields of the event in `slot` begin: past the events after the 64th slot before it. */
  private fieldsBegin(slot: number): number {
    let at = this.fieldsEvery64.get(slot >>> 6);
    this.readBack.fill(0);
    for (let before = slot & ~63; before < slot; before++) {
      this.fields.read(at);
      at = this.fields.next;
      const code = this.kind.get(before);
      if (code !== RAW) at = this.unpack(code, at);
    }
    return at;
  }

  /** Read the fields of an event of kind `code` from byte `at` into `unpacked`, as readEvent reads
   *  them (NONE: absent; an int; a float's or a string's index; a boolean 1 or 0); returns where the
   *  next event's fields begin. */
  private unpack(code: number, at: number): number {
    const fields = this.fields;
    const ints = INT_FIELDS[code];
    const registers = DELTA_REGISTER[code];
    for (let f = 0; f < ints.length; f++) {
      // Most fields are one byte: read here, without the call.
      let stored = fields.get(at);
      if (stored < 128) at++;
      else {
        stored = fields.read(at);
        at = fields.next;
      }
      const register = registers[f];
      if (stored === ABSENT) this.unpacked[f] = NONE;
      else if (register >= 0) {
        const zigzag = stored - INDEX_AT;
        this.unpacked[f] = this.readBack[register] += zigzag % 2 ? -(zigzag + 1) / 2 : zigzag / 2;
      } else if (!ints[f]) this.unpacked[f] = stored - INDEX_AT;
      else if (stored !== NEGATIVE) this.unpacked[f] = stored - INT_AT;
      else {
        this.unpacked[f] = -fields.read(at);
        at = fields.next;
      }
    }
    return at;
  }

  /** The event at trace position `i`. */
  private eventAt(i: number): TraceEvent {
    const slot = this.order ? this.order[i] : i;
    const code = this.read(slot);
    if (code === RAW) return { ...this.raw.get(slot)!, seq: i };
    this.decoding = code;
    return readEvent(code, this.unpackedSource, 0, i, this.timeOf(slot), this.unpackedLine);
  }
}

/** Where readEvent finds an event's fields: field f's int32 is `values[begin + f]` (NONE: absent),
 *  a float field's is its index for `float`, a string field's its reference for `text`. */
export interface FieldSource {
  values: ArrayLike<number>;
  float(index: number): number;
  text(ref: number): string;
}

// A field as read: absent (NONE) is undefined.
const int = (v: number) => (v === NONE ? undefined : v);
const num = (s: FieldSource, v: number) => (v === NONE ? undefined : s.float(v));
const str = (s: FieldSource, v: number) => (v === NONE ? undefined : s.text(v));
const bool = (v: number) => (v === NONE ? undefined : v === 1);

/** An event as DECODE makes it: every field of its kind there, its value of the field's type or
 *  undefined (absent), a string any string (the columns keep what the event had). */
type Loose<T> = T extends string ? string : T extends object ? { [F in keyof T]?: Loose<T[F]> } : T;
type Decoded<K extends TraceEventKind> = { [F in keyof Required<EventOf<K>>]: Loose<EventOf<K>[F]> | undefined };
type Decode<K extends TraceEventKind> = (s: FieldSource, v: ArrayLike<number>, a: number, seq: number, t: number, line: number | undefined) => Decoded<K>;

// Each kind's event as one object literal, fields in COMPACT_FIELDS's order (ENCODE's mirror): every
// event of a kind has one shape, made in one allocation. Built field by field, by name, an event took
// ~5× the time and a backing store of its own for the fields past the first few (unpacking the largest
// trace in Node: 81–210 → 19–70 ms, 139 → 124 bytes an event held). An absent field is there, undefined:
// JSON leaves it out, as it leaves out a field that is not there.
const DECODE: { [K in TraceEventKind]: Decode<K> } = {
  "loop-start": (s, v, a, seq, t, line) => ({ kind: "loop-start", loop: int(v[a]), seq, t, line }),
  "loop-end": (s, v, a, seq, t, line) => ({ kind: "loop-end", loop: int(v[a]), seq, t, line }),
  "task-created": (s, v, a, seq, t, line) => ({ kind: "task-created", task: int(v[a]), name: str(s, v[a + 1]), coro: str(s, v[a + 2]), parent: int(v[a + 3]), internal: bool(v[a + 4]), seq, t, line }),
  "handle-queued": (s, v, a, seq, t, line) => ({ kind: "handle-queued", handle: int(v[a]), role: str(s, v[a + 1]), task: int(v[a + 2]), label: str(s, v[a + 3]), seq, t, line }),
  "handle-run": (s, v, a, seq, t, line) => ({ kind: "handle-run", handle: int(v[a]), skipped: bool(v[a + 1]), seq, t, line }),
  "task-resumed": (s, v, a, seq, t, line) => ({ kind: "task-resumed", task: int(v[a]), first: bool(v[a + 1]), thrown: str(s, v[a + 2]), seq, t, line }),
  "task-suspended": (s, v, a, seq, t, line) => ({
    kind: "task-suspended",
    task: int(v[a]),
    on: { what: str(s, v[a + 1]), label: str(s, v[a + 2]), until: num(s, v[a + 3]), task: int(v[a + 4]) },
    seq, t, line,
  }),
  "task-done": (s, v, a, seq, t, line) => ({ kind: "task-done", task: int(v[a]), outcome: str(s, v[a + 1]), value: str(s, v[a + 2]), seq, t, line }),
  "timer-set": (s, v, a, seq, t, line) => ({ kind: "timer-set", timer: int(v[a]), due: num(s, v[a + 1]), label: str(s, v[a + 2]), task: int(v[a + 3]), seq, t, line }),
  "timer-cancelled": (s, v, a, seq, t, line) => ({ kind: "timer-cancelled", timer: int(v[a]), seq, t, line }),
  "timer-fired": (s, v, a, seq, t, line) => ({ kind: "timer-fired", timer: int(v[a]), handle: int(v[a + 1]), seq, t, line }),
  "blocking-start": (s, v, a, seq, t, line) => ({ kind: "blocking-start", until: num(s, v[a]), task: int(v[a + 1]), lane: int(v[a + 2]), label: str(s, v[a + 3]), work: str(s, v[a + 4]), seq, t, line }),
  "blocking-end": (s, v, a, seq, t, line) => ({ kind: "blocking-end", task: int(v[a]), lane: int(v[a + 1]), seq, t, line }),
  print: (s, v, a, seq, t, line) => ({ kind: "print", text: str(s, v[a]), stream: str(s, v[a + 1]), task: int(v[a + 2]), lane: int(v[a + 3]), seq, t, line }),
  "pool-created": (s, v, a, seq, t, line) => ({ kind: "pool-created", pool: int(v[a]), poolKind: str(s, v[a + 1]), name: str(s, v[a + 2]), maxWorkers: int(v[a + 3]), seq, t, line }),
  "job-queued": (s, v, a, seq, t, line) => ({ kind: "job-queued", job: int(v[a]), pool: int(v[a + 1]), label: str(s, v[a + 2]), task: int(v[a + 3]), seq, t, line }),
  "job-started": (s, v, a, seq, t, line) => ({ kind: "job-started", job: int(v[a]), pool: int(v[a + 1]), lane: int(v[a + 2]), laneName: str(s, v[a + 3]), seq, t, line }),
  "job-done": (s, v, a, seq, t, line) => ({ kind: "job-done", job: int(v[a]), lane: int(v[a + 1]), outcome: str(s, v[a + 2]), value: str(s, v[a + 3]), seq, t, line }),
  "program-end": (s, v, a, seq, t, line) => ({ kind: "program-end", error: str(s, v[a]), seq, t, line }),
};
const DECODERS = KINDS.map((kind) => DECODE[kind] as Decode<TraceEventKind>);

/** The event of kind `code` whose fields begin at `begin` in `source`, with its place, time and line. */
export function readEvent(code: number, source: FieldSource, begin: number, seq: number, t: number, line: number | undefined): TraceEvent {
  return DECODERS[code](source, source.values, begin, seq, t, line) as TraceEvent;
}

/** Elements per chunk of a column (2^16). */
const CHUNK = 1 << 16;

/** A typed array that grows a chunk at a time: appending never copies what is there, and at most
 * one chunk is unused (a doubling array can hold twice what it needs, and three times while it grows).
 * The first chunk starts small and doubles up to a whole chunk: most traces are short. */
class Column<A extends Uint8Array | Uint16Array | Int32Array | Float64Array> {
  private readonly chunks: A[];
  private readonly type: new (n: number) => A;
  /** The chunk appends go to, and the index where it ends (the next append there needs another). */
  protected tail: A;
  protected tailEnd = 256;
  /** Elements written (the next index to append at). */
  length = 0;
  constructor(type: new (n: number) => A) {
    this.type = type;
    this.tail = new type(this.tailEnd);
    this.chunks = [this.tail];
  }

  get(i: number): number {
    return this.chunks[i >>> 16][i & (CHUNK - 1)];
  }

  /** The bytes its chunks take. */
  get byteLength(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  }

  /** Append `value`. */
  push(value: number): void {
    const i = this.length;
    if (i === this.tailEnd) this.advance();
    this.tail[i & (CHUNK - 1)] = value;
    this.length = i + 1;
  }

  /** Set element `i`, at most one past the end (which appends). */
  set(i: number, value: number): void {
    if (i >= this.length) {
      if (i === this.tailEnd) this.advance();
      this.length = i + 1;
    }
    this.chunks[i >>> 16][i & (CHUNK - 1)] = value;
  }

  /** Keep the first `n` elements (an event that did not fit is taken back): appends go on from `n`,
   *  in the chunk that holds it, though the event had begun another. */
  truncate(n: number): void {
    this.length = n;
    if (this.tailEnd > CHUNK && n < this.tailEnd - CHUNK) {
      const chunk = n >>> 16;
      this.tail = this.chunks[chunk];
      this.tailEnd = (chunk + 1) * CHUNK;
    }
  }

  // The tail is full: double the first chunk up to a whole one, then go on in the next chunk (made
  // now, or kept from before a truncate).
  private advance(): void {
    const end = this.tailEnd;
    if (end < CHUNK) {
      const bigger = new this.type(end * 2);
      bigger.set(this.chunks[0]);
      this.chunks[0] = this.tail = bigger;
      this.tailEnd = end * 2;
    } else {
      const chunk = end >>> 16;
      this.tail = this.chunks[chunk] ??= new this.type(CHUNK);
      this.tailEnd = end + CHUNK;
    }
  }
}

/** A column of bytes holding unsigned varints (LEB128: seven bits a byte, the lowest first, the top
 *  bit set on every byte but the last), each a value below 2^32. */
class Varints extends Column<Uint8Array> {
  /** Where the varint read last ends. */
  next = 0;

  constructor() {
    super(Uint8Array);
  }

  put(value: number): void {
    let i = this.length;
    // Written straight into the tail while a whole varint (5 bytes at most) fits there: a check per
    // value, not per byte.
    if (i + 5 > this.tailEnd) return this.putEach(value);
    const tail = this.tail;
    while (value > 127) {
      tail[i++ & (CHUNK - 1)] = (value & 127) | 128;
      value >>>= 7;
    }
    tail[i++ & (CHUNK - 1)] = value;
    this.length = i;
  }

  /** The varint at byte `at` (its end in `next`). */
  read(at: number): number {
    let byte = this.get(at++);
    let value = byte & 127;
    for (let scale = 128; byte > 127; scale *= 128) {
      byte = this.get(at++);
      value += (byte & 127) * scale;
    }
    this.next = at;
    return value;
  }

  private putEach(value: number): void {
    while (value > 127) {
      this.push((value & 127) | 128);
      value >>>= 7;
    }
    this.push(value);
  }
}

/** Strings (references, 8 bytes each) in chunks of 8,192: the last chunk's unused room is at most
 *  64 KB, where one of 65,536 could leave 512 KB (10,000 tasks × 10 sleeps: 0.46 MB of it). */
const TEXT_CHUNK_BITS = 13;
const TEXT_CHUNK = 1 << TEXT_CHUNK_BITS;

/** Strings in chunks of plain arrays, for the same reason as Column. A chunk is made at its size and
 * filled in place (one pushed to grows by copying itself, again and again: it was most of what
 * recording cost); the first starts small and doubles up to a whole chunk, as a Column's does. */
class Texts {
  private readonly chunks: string[][] = [new Array<string>(256)];
  private last = this.chunks[0];
  private length = 0;

  /** Append `text`; returns its index. */
  push(text: string): number {
    const index = this.length++;
    const at = index & (TEXT_CHUNK - 1);
    if (at === this.last.length) this.grow(index);
    else if (at === 0 && index > 0) this.chunks.push((this.last = new Array<string>(TEXT_CHUNK)));
    this.last[at] = text;
    return index;
  }

  get(i: number): string {
    return this.chunks[i >>> TEXT_CHUNK_BITS][i & (TEXT_CHUNK - 1)];
  }

  /** The strings its chunks have room for. */
  get capacity(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  // The first chunk is full below TEXT_CHUNK strings: copy it into one twice its size.
  private grow(index: number): void {
    const bigger = new Array<string>(Math.min(TEXT_CHUNK, 2 * index));
    for (let i = 0; i < index; i++) bigger[i] = this.last[i];
    this.chunks[0] = this.last = bigger;
  }
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
