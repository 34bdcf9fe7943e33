// A run's events kept as the packed batches they came in (packed.ts), read as an array whose events
// are made when they are read. The page keeps every run it shows, and a run of 200,000 events kept as
// objects held ~800,000 objects on the page's heap (each event, its time and its line boxed apart, a
// suspension's `on`), which V8's collections copied and marked for tens of milliseconds at a time
// while the reader waited. Packed, a batch is a few typed arrays and its strings; the objects of
// the batches read last are kept (the stepper replays from a checkpoint, batch after batch), the
// others made again when they are read again.
import { lastAtMost } from "./bisect.ts";
import { unpackEvents, type PackedEvents } from "./packed.ts";
import type { TraceEvent } from "./schema.ts";

/** Batches whose objects are kept, the ones read last: more than a stepper's replay from its
 *  checkpoint reads (steps.ts: INDEX_CHECKPOINT_EVERY events, in batches of ~1,000). */
const MADE_BATCHES = 16;

/** Events added a packed batch at a time; `events` reads them as a read-only array. */
export class PackedEventList {
  /** The events as an array: `events[i]`, `length`, iteration and the array methods read the
   *  batches. Read-only, but for symbol-keyed properties (what the views hang on a trace). */
  readonly events: readonly TraceEvent[];
  private readonly batches: PackedEvents[] = [];
  /** The first event's index of each batch. */
  private readonly starts: number[] = [];
  /** Made batches by index, least recently read first (a Map keeps its order of insertion). */
  private readonly made = new Map<number, TraceEvent[]>();
  /** The batch read last, and its events: most reads fall in it. */
  private lastBatch = -1;
  private lastEvents: TraceEvent[] = [];
  /** The array behind the proxy: its length follows the list's, so `length` and its property need
   *  no trap of their own; it holds no event. */
  private readonly shell: TraceEvent[] = [];

  constructor() {
    this.events = new Proxy(this.shell, {
      get: (shell, key) => (typeof key === "string" && isIndex(key) ? this.at(Number(key)) : Reflect.get(shell, key)),
      has: (shell, key) => (typeof key === "string" && isIndex(key) ? Number(key) < shell.length : Reflect.has(shell, key)),
      set: (shell, key, value) => typeof key === "symbol" && Reflect.set(shell, key, value),
      getOwnPropertyDescriptor: (shell, key) =>
        typeof key === "string" && isIndex(key)
          ? Number(key) < shell.length
            ? { value: this.at(Number(key)), writable: false, enumerable: true, configurable: true }
            : undefined
          : Reflect.getOwnPropertyDescriptor(shell, key),
      ownKeys: (shell) => [...Array.from({ length: shell.length }, (_, i) => String(i)), ...Reflect.ownKeys(shell)],
    });
  }

  get length(): number {
    return this.shell.length;
  }

  /** Add the next batch (its events are made when one of them is read). */
  add(packed: PackedEvents): void {
    if (packed.from !== this.shell.length) throw new Error(`a batch from event ${packed.from} after ${this.shell.length} events`);
    this.starts.push(this.shell.length);
    this.batches.push(packed);
    this.shell.length += packed.codes.length;
  }

  /** The event at `index`, made from its batch if its batch's objects are not kept. */
  at(index: number): TraceEvent | undefined {
    if (!(index >= 0 && index < this.shell.length)) return undefined;
    const last = this.lastBatch;
    if (last >= 0 && index >= this.starts[last] && index - this.starts[last] < this.lastEvents.length) return this.lastEvents[index - this.starts[last]];
    const batch = lastAtMost(this.starts.length, (b) => this.starts[b], index);
    return this.batchEvents(batch)[index - this.starts[batch]];
  }

  private batchEvents(batch: number): TraceEvent[] {
    let events = this.made.get(batch);
    if (events) this.made.delete(batch);
    else events = unpackEvents(this.batches[batch]);
    this.made.set(batch, events);
    if (this.made.size > MADE_BATCHES) this.made.delete(this.made.keys().next().value!);
    this.lastBatch = batch;
    this.lastEvents = events;
    return events;
  }
}

/** Whether a property key is an array index ("0", "17"; not "01", "-1" or "1.5"). */
function isIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  const n = Number(key);
  return Number.isInteger(n) && String(n) === key;
}
