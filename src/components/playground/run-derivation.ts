// What the views draw from a run (its console lines, timeline, profile and steps), derived from the
// trace in one pass, in order. The page's runs derive as the trace arrives: the runner worker sends it
// in batches, and each batch is derived as it comes, while the worker makes the next (two cores at
// work), so when the last batch is in, the views are all but ready.
import {
  ConsoleBuilder, ProfileBuilder, StepIndex, TimelineBuilder,
  type ConsoleLine, type ProfileRow, type StepList, type Timeline, type TraceEvent,
} from "../../runtime/trace/index.ts";

/** The views' data for one run. */
export interface RunViews {
  console: ConsoleLine[];
  timeline: Timeline;
  profile: ProfileRow[];
  steps: StepList;
}

/** Every derivation reads the trace once, in order, side by side; `events` may still be filling. */
export class Derivation {
  private readonly console = new ConsoleBuilder();
  private readonly timeline = new TimelineBuilder();
  private readonly profile = new ProfileBuilder();
  private readonly steps: StepIndex;
  private next = 0;
  private readonly events: readonly TraceEvent[];
  /** Reads event i: `events[i]`, or the list's own reader when `events` is a PackedEventList's,
   *  whose index goes through a proxy's trap. */
  private readonly read: (i: number) => TraceEvent;
  private made: RunViews | undefined;
  constructor(events: readonly TraceEvent[], read = (i: number) => events[i]) {
    this.events = events;
    this.read = read;
    this.steps = new StepIndex(events);
  }
  /** Derive up to `until` (a deadline from performance.now()); true once every event so far is done. */
  work(until = Infinity): boolean {
    // The events so far (none come during a call): read once, as a PackedEventList's length is a
    // proxy's property.
    const { length } = this.events;
    const { read } = this;
    while (this.next < length) {
      const e = read(this.next++);
      this.console.add(e);
      this.timeline.add(e);
      this.profile.add(e);
      this.steps.add(e);
      if ((this.next & 255) === 0 && performance.now() > until) return false;
    }
    return true;
  }
  get progress(): number {
    return this.events.length ? this.next / this.events.length : 1;
  }
  /** The views, once the whole trace is in and derived (made once). */
  views(): RunViews {
    this.made ??= { console: this.console.lines, timeline: this.timeline.finish(), profile: this.profile.finish(), steps: this.steps.finish() };
    return this.made;
  }
}

/** Every view's data for a trace, at once. */
export function deriveRunViews(events: readonly TraceEvent[]): RunViews {
  const derivation = new Derivation(events);
  derivation.work();
  return derivation.views();
}

// The derivation fed as a trace arrives is kept on the trace's array (the run's `events`), as a
// property: in a WeakMap keyed by the array, V8 marked all it holds (a big trace's views) in its
// collector's final, atomic pause (ephemerons), ~40 ms of a 69 ms pause after 10,000 tasks.
const FED = Symbol("derivation");
type Fed = readonly TraceEvent[] & { [FED]?: Derivation };

/** A derivation of `events` that its filler feeds (work()) as events are added to it; `read` as
 *  Derivation's. */
export function deriveAsItArrives(events: Fed, read?: (i: number) => TraceEvent): Derivation {
  return (events[FED] = new Derivation(events, read));
}

/** Forget the derivation fed as `events` arrived (it failed): the views derive the trace themselves. */
export function stopDeriving(events: Fed): void {
  delete events[FED];
}

/** The derivation fed as `events` arrived, if there was one. */
export function derivationOf(events: Fed): Derivation | undefined {
  return events[FED];
}
