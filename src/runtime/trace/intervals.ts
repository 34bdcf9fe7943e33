// A timeline's state intervals, kept in columns (typed arrays) rather than an object each. A run of
// 10,000 tasks × 10 sleeps draws 320,000 intervals: as objects, each with its two times boxed, they
// took 36 MB, and every young-generation collection copied them while the page derived the diagram
// from a trace still arriving. In columns they take 25 bytes each, outside the collected heap.

/** What a lane is doing: running code, ready to run, waiting on something, or blocked by a blocking call. */
export type LaneState = "running" | "ready" | "waiting" | "blocked";

/** One stretch of one state; `from === to` for steps that take no virtual time. A lane keeps them
 *  in columns and makes this object when one is read whole. */
export interface Interval {
  from: number;
  to: number;
  state: LaneState;
  /** What it waits on or blocks in, e.g. "sleep(1)". */
  label?: string;
  /** Trace position where the interval starts. */
  seq: number;
}

const STATES: readonly LaneState[] = ["running", "ready", "waiting", "blocked"];
const STATE_CODE = Object.fromEntries(STATES.map((state, code) => [state, code])) as Record<LaneState, number>;

/** Every lane's intervals: appended as the lanes open them (their lanes interleaved), then grouped
 *  lane by lane once the timeline is finished (`groupByLane`), in `order`. */
export class IntervalColumns {
  from = new Float64Array(256);
  to = new Float64Array(256);
  seq = new Int32Array(256);
  state = new Uint8Array(256);
  /** Index into `labels`; 0 is no label. */
  label = new Int32Array(256);
  /** The lane each interval belongs to, until they are grouped. */
  private lane = new Int32Array(256);
  length = 0;
  /** The intervals' indices lane by lane, once grouped: lane by lane, each lane's as they were opened. */
  order = new Int32Array(0);
  readonly labels: (string | undefined)[] = [undefined];
  private readonly labelIndex = new Map<string, number>();

  /** Open an interval of lane number `lane` at time `t` (trace position `seq`); its `to` is `t` until
   *  it is closed. Returns its index. */
  open(lane: number, t: number, state: LaneState, label: string | undefined, seq: number): number {
    if (this.length === this.from.length) this.resize(this.length * 2);
    const i = this.length++;
    this.from[i] = this.to[i] = t;
    this.seq[i] = seq;
    this.state[i] = STATE_CODE[state];
    this.label[i] = label === undefined ? 0 : this.labelRef(label);
    this.lane[i] = lane;
    return i;
  }

  close(i: number, t: number): void {
    this.to[i] = t;
  }

  stateAt(i: number): LaneState {
    return STATES[this.state[i]];
  }

  labelAt(i: number): string | undefined {
    return this.labels[this.label[i]];
  }

  /** Group the intervals lane by lane (each lane's in the order they were opened): a counting sort
   *  on the lane number, of the intervals' indices only (`order`): the columns stay as they were
   *  written, so the sort writes one number an interval, not five (the 10,000-task run's 50,000
   *  intervals, sorted as the page's first run ends, in code not yet compiled). Returns where each
   *  lane's intervals start in `order`, and the end (`lanes + 1` numbers). Open and close no more
   *  after this. */
  groupByLane(lanes: number): Int32Array {
    const { lane, length } = this;
    const starts = new Int32Array(lanes + 1);
    for (let i = 0; i < length; i++) starts[lane[i] + 1]++;
    for (let l = 0; l < lanes; l++) starts[l + 1] += starts[l];
    const next = starts.slice(0, lanes);
    const order = new Int32Array(length);
    for (let i = 0; i < length; i++) order[next[lane[i]]++] = i;
    this.order = order;
    this.lane = new Int32Array(0);
    return starts;
  }

  private labelRef(label: string): number {
    let ref = this.labelIndex.get(label);
    if (ref === undefined) this.labelIndex.set(label, (ref = this.labels.push(label) - 1));
    return ref;
  }

  private resize(capacity: number): void {
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(column: T): T => {
      const bigger = new (column.constructor as new (n: number) => T)(capacity);
      bigger.set(column);
      return bigger;
    };
    [this.from, this.to, this.seq, this.state, this.label, this.lane] = [grown(this.from), grown(this.to), grown(this.seq), grown(this.state), grown(this.label), grown(this.lane)];
  }
}

/** One lane's intervals, read-only: by field (`from(i)`, `state(i)`: no object made, for loops over
 *  many), as an object (`at(i)`, made on each read), or iterated (`for (const iv of lane.intervals)`,
 *  `[...lane.intervals]`). */
export class Intervals implements Iterable<Interval> {
  private readonly columns: IntervalColumns;
  private readonly start: number;
  readonly length: number;

  /** The intervals at [start, start + length) of `columns`'s grouped order. */
  constructor(columns: IntervalColumns, start: number, length: number) {
    this.columns = columns;
    this.start = start;
    this.length = length;
  }

  /** A lane's intervals from objects (a lane built by hand). */
  static of(list: readonly Interval[]): Intervals {
    const columns = new IntervalColumns();
    for (const iv of list) columns.close(columns.open(0, iv.from, iv.state, iv.label, iv.seq), iv.to);
    columns.groupByLane(1);
    return new Intervals(columns, 0, list.length);
  }

  from(i: number): number {
    return this.columns.from[this.index(i)];
  }

  to(i: number): number {
    return this.columns.to[this.index(i)];
  }

  state(i: number): LaneState {
    return this.columns.stateAt(this.index(i));
  }

  label(i: number): string | undefined {
    return this.columns.labelAt(this.index(i));
  }

  seq(i: number): number {
    return this.columns.seq[this.index(i)];
  }

  /** Where the lane's interval `i` is in the columns. */
  private index(i: number): number {
    return this.columns.order[this.start + i];
  }

  /** Interval `i` as an object (negative: from the end, as Array's `at`). */
  at(i: number): Interval | undefined {
    if (i < 0) i += this.length;
    if (i < 0 || i >= this.length) return undefined;
    return { from: this.from(i), to: this.to(i), state: this.state(i), label: this.label(i), seq: this.seq(i) };
  }

  *[Symbol.iterator](): Iterator<Interval> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}
