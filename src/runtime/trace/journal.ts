// How to undo a replay's last events, newest first: the stepper steps back through what it has just
// stepped over by undoing it, instead of copying a checkpoint and replaying the thousands of events
// after it again (steps.ts's Cursor: a step back on the 1,000-task run replayed ~4,000 events and
// made ~1.6 MB of garbage). A replay that keeps one records, as it applies each event, what each
// change it makes replaced (replay.ts); the journal keeps the last few thousand events' worth.
//
// Kept flat, four array slots a change and no object: a journal of thousands of events lives
// through many of V8's young-generation collections, and as closures (~7 objects an event) it made
// each of them copy megabytes (scavenges 0.5 → 3–7 ms in Node).

/** Undo is kept for at least this many of the last events applied, and at most twice as many. */
export const JOURNAL_EVENTS = 4096;

const SET = 0;
const DELETE = 1;
const FIELD = 2;
const POP = 3;
const INSERT = 4;
const LENGTH = 5;

/** Slots a chunk of the log holds: a multiple of four, small enough to be an ordinary heap object
 *  (one growing array of ~200,000 slots was copied into a fresh large-object page at each growth). */
const CHUNK = 4096;

export class Journal {
  /** The log of changes, four slots each: how to undo it, the map, object or array changed, a
   *  key and a value; in chunks, the first holding slot `base`. */
  private chunks: unknown[][] = [];
  private base = 0;
  /** The slot after the last change logged. */
  private end = 0;
  /** For each event kept, the slot where its changes start. */
  private starts: number[] = [];
  /** How many of the trace's events were applied before the first event kept. */
  private first: number;

  constructor(applied: number) {
    this.first = applied;
  }

  /** How many of the trace's events were applied before the first event kept: undo reaches back to there. */
  get floor(): number {
    return this.first;
  }

  /** The next event is about to be applied. */
  begin(): void {
    if (this.starts.length >= 2 * JOURNAL_EVENTS) this.forget(JOURNAL_EVENTS);
    this.starts.push(this.end);
  }

  /** `map`'s entry for `key` is about to be set or deleted: what it was. */
  entry<K, V>(map: Map<K, V>, key: K): void {
    if (map.has(key)) this.log(SET, map, key, map.get(key));
    else this.log(DELETE, map, key, undefined);
  }
  /** `object[key]` was `value` before the event changed it. */
  field(object: object, key: PropertyKey, value: unknown): void {
    this.log(FIELD, object, key, value);
  }
  /** An item was pushed onto `array`. */
  pushed(array: unknown[]): void {
    this.log(POP, array, undefined, undefined);
  }
  /** `value` was taken out of `array` at `at`. */
  removed<T>(array: T[], at: number, value: T): void {
    this.log(INSERT, array, at, value);
  }
  /** Items are about to be pushed onto `array`. */
  growing(array: unknown[]): void {
    this.log(LENGTH, array, array.length, undefined);
  }

  /** Undo the events applied after the trace's first `applied`, newest first; false, undoing
   *  nothing, when the journal does not reach back that far. */
  undoTo(applied: number): boolean {
    const kept = applied - this.first;
    if (kept < 0 || kept > this.starts.length) return false;
    const from = kept === this.starts.length ? this.end : this.starts[kept];
    for (let slot = this.end - 4; slot >= from; slot -= 4) {
      const chunk = this.chunks[Math.floor((slot - this.base) / CHUNK)];
      const at = (slot - this.base) % CHUNK;
      const target = chunk[at + 1] as never;
      const key = chunk[at + 2];
      switch (chunk[at]) {
        case SET:
          (target as Map<unknown, unknown>).set(key, chunk[at + 3]);
          break;
        case DELETE:
          (target as Map<unknown, unknown>).delete(key);
          break;
        case FIELD:
          (target as Record<PropertyKey, unknown>)[key as PropertyKey] = chunk[at + 3];
          break;
        case POP:
          (target as unknown[]).pop();
          break;
        case INSERT:
          (target as unknown[]).splice(key as number, 0, chunk[at + 3]);
          break;
        case LENGTH:
          (target as unknown[]).length = key as number;
          break;
      }
    }
    this.end = from;
    this.starts.length = kept;
    return true;
  }

  private log(undo: number, target: unknown, key: unknown, value: unknown): void {
    const slot = this.end - this.base;
    const index = Math.floor(slot / CHUNK);
    const chunk = (this.chunks[index] ??= new Array(CHUNK));
    const at = slot % CHUNK;
    chunk[at] = undo;
    chunk[at + 1] = target;
    chunk[at + 2] = key;
    chunk[at + 3] = value;
    this.end += 4;
  }

  // Forget the oldest `events` events (once every JOURNAL_EVENTS events): the chunks all before them.
  private forget(events: number): void {
    const chunks = Math.floor((this.starts[events] - this.base) / CHUNK);
    this.chunks.splice(0, chunks);
    this.base += chunks * CHUNK;
    this.starts = this.starts.slice(events);
    this.first += events;
  }
}
