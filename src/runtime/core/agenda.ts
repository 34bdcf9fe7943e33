// What threads and processes will do, in virtual time. A worker runs a job for real, at its own
// speed, and replies with everything it did stamped on the job's own clock; the job's lane places
// those happenings on the run's virtual clock here. The loop never moves its clock past a moment a
// worker might still act at: while any job has not replied, it waits (for real) for the replies
// first. That makes runs with threads as deterministic as runs without.

interface Happening {
  when: number;
  /** Breaks ties between equal times, so they never depend on which worker replied first. */
  order: readonly number[];
  run: () => void;
}

function before(a: Happening, b: Happening): boolean {
  if (a.when !== b.when) return a.when < b.when;
  for (let i = 0; i < Math.min(a.order.length, b.order.length); i++) if (a.order[i] !== b.order[i]) return a.order[i] < b.order[i];
  return a.order.length < b.order.length;
}

/** Scheduled happenings of workers, and the jobs still to reply. */
export class Agenda {
  private happenings: Happening[] = [];
  private unanswered = 0;
  private allAnswered: (() => void) | null = null;
  private answeredPromise: Promise<void> | null = null;

  /** Schedule `run` at virtual time `when`, ties broken by `order` (kept sorted: agendas are short). */
  at(when: number, order: readonly number[], run: () => void): void {
    const item = { when, order, run };
    let index = this.happenings.length;
    while (index > 0 && before(item, this.happenings[index - 1])) index--;
    this.happenings.splice(index, 0, item);
  }

  /** When the next happening is due, if any. */
  nextTime(): number | undefined {
    return this.happenings[0]?.when;
  }

  /** Run, in time order, everything due at or before `time`; `setClock` moves the clock to each first. */
  runUpTo(time: number, setClock: (when: number) => void): void {
    while (this.happenings.length && this.happenings[0].when <= time) {
      const next = this.happenings.shift()!;
      setClock(next.when);
      next.run();
    }
  }

  /** A job went to a worker: its reply is awaited before the clock may move. */
  expectReply(): void {
    this.unanswered++;
  }

  /** A worker replied (or died). */
  replied(): void {
    if (--this.unanswered === 0 && this.allAnswered) {
      const resolve = this.allAnswered;
      [this.allAnswered, this.answeredPromise] = [null, null];
      resolve();
    }
  }

  /** Whether a job is still to reply or a happening still to run. */
  busy(): boolean {
    return this.unanswered > 0 || this.happenings.length > 0;
  }

  /** A promise that settles once every job sent to a worker has replied; undefined if none is out. */
  replies(): Promise<void> | undefined {
    if (this.unanswered === 0) return undefined;
    this.answeredPromise ??= new Promise<void>((resolve) => (this.allAnswered = resolve));
    return this.answeredPromise;
  }
}
