// Placing what a worker did on the run's clock. On the virtual clock a job's reply is played back as
// a script from the moment the job started: a print happens, a blockingSleep or cpu() takes its
// seconds, the end comes last, each step scheduled on the agenda. Threads of a ThreadPool share one
// GIL, as CPython's threads do: a thread's cpu() first waits for it, so CPU work in threads takes
// turns (processes each have their own). In real time, the worker's own timestamps are used as
// they are (no GIL: Web Workers compute in parallel).
import { formatConsoleArgs, formatPrintArgs, type Session } from "../core/index.ts";
import type { JobHappening } from "./job-worker.ts";

/** CPython's global interpreter lock, for the threads of a run: held for a whole cpu() call, FIFO. */
export class Gil {
  private holder: number | null = null;
  private readonly waiters: { lane: number; since: number; take: (t: number) => void }[] = [];
  private readonly session: Session;
  constructor(session: Session) {
    this.session = session;
  }

  /** Run `take` once `lane` holds the GIL: at `t` if free, else when the threads before it let go. */
  acquire(lane: number, t: number, take: (t: number) => void): void {
    if (this.holder === null) {
      this.holder = lane;
      take(t);
    } else this.waiters.push({ lane, since: t, take });
  }

  /** Let go at `t`; the first waiter takes it, and its wait shows as a "ready" stretch of its lane. */
  release(t: number): void {
    const next = this.waiters.shift();
    this.holder = next?.lane ?? null;
    if (!next) return;
    this.session.emitAt(next.since, { kind: "blocking-start", until: t, lane: next.lane, label: "waiting for the GIL", work: "gil" });
    this.session.emitAt(t, { kind: "blocking-end", lane: next.lane });
    next.take(t);
  }
}

/** A job as playback needs it. */
export interface PlayedJob {
  id: number;
  lane: number;
  start: number;
}

/** Play a reply's happenings on the virtual clock from `job.start`; `end(t)` runs when the job ends. */
export function playBack(session: Session, job: PlayedJob, happenings: readonly JobHappening[], gil: Gil | null, end: (t: number) => void): void {
  // Equal times go in job order, then in the order the job did things: never in reply order.
  let order = 0;
  const at = (t: number, run: () => void) => session.agenda.at(t, [job.id, order++], run);
  const from = (index: number, t: number) => {
    for (let i = index; i < happenings.length; i++) {
      const h = happenings[i];
      const line = session.lineOf(h.site);
      if (h.kind === "print") {
        session.emitAt(t, { kind: "print", ...printed(h), lane: job.lane, line });
        continue;
      }
      const seconds = h.to - h.from;
      const hold = (start: number) => {
        session.emitAt(start, { kind: "blocking-start", until: start + seconds, lane: job.lane, label: h.label, work: h.work, line });
        at(start + seconds, () => {
          session.emitAt(start + seconds, { kind: "blocking-end", lane: job.lane });
          if (h.work === "cpu") gil?.release(start + seconds);
          from(i + 1, start + seconds);
        });
      };
      if (h.work === "cpu" && gil) gil.acquire(job.lane, t, (got) => (got === t ? hold(t) : at(got, () => hold(got))));
      else hold(t);
      return;
    }
    end(t);
  };
  at(job.start, () => from(0, job.start));
}

/** Place a reply's happenings at the wall-clock times the worker reports (real-time mode). */
export function placeReal(session: Session, lane: number, happenings: readonly JobHappening[]): void {
  const t = (epochSeconds: number) => session.realSeconds(epochSeconds * 1000);
  for (const h of happenings) {
    const line = session.lineOf(h.site);
    if (h.kind === "print") session.emitAt(t(h.at), { kind: "print", ...printed(h), lane, line });
    else {
      session.emitAt(t(h.from), { kind: "blocking-start", until: t(h.to), lane, label: h.label, work: h.work, line });
      session.emitAt(t(h.to), { kind: "blocking-end", lane });
    }
  }
}

// A print's line as Python writes it, or console.log's as JavaScript does, on its stream.
function printed(h: Extract<JobHappening, { kind: "print" }>): { text: string; stream: "stdout" | "stderr" } {
  return h.stream ? { text: formatConsoleArgs(h.args), stream: h.stream } : { text: formatPrintArgs(h.args), stream: "stdout" };
}
