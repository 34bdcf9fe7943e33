// The stepper's undo (src/runtime/trace/journal.ts): each change an event makes is put back, newest
// first, as far back as the journal reaches; beyond that it undoes nothing and says so. The states
// expected are copies taken as the events were applied.
import { describe, expect, it } from "vitest";
import { Journal, JOURNAL_EVENTS } from "../../src/runtime/trace/index.ts";

interface State {
  tasks: Map<number, string>;
  record: { state: string; line?: number };
  queue: string[];
  console: string[];
}

const copy = (s: State): State => ({ tasks: new Map(s.tasks), record: { ...s.record }, queue: [...s.queue], console: [...s.console] });

// Event `i` of a made-up run: each kind of change the replay makes, told to the journal as it does.
function apply(s: State, journal: Journal, i: number): void {
  journal.begin();
  switch (i % 5) {
    case 0: // a map entry added, and one changed
      journal.entry(s.tasks, i);
      s.tasks.set(i, `task ${i}`);
      journal.entry(s.tasks, 0);
      s.tasks.set(0, `changed at ${i}`);
      break;
    case 1: // a field changed, one set where there was none; an item pushed
      journal.field(s.record, "state", s.record.state);
      s.record.state = `state ${i}`;
      journal.field(s.record, "line", s.record.line);
      s.record.line = i;
      s.queue.push(`handle ${i}`);
      journal.pushed(s.queue);
      break;
    case 2: {
      // an item taken from the middle; a map entry deleted
      if (s.queue.length > 1) {
        const [taken] = s.queue.splice(1, 1);
        journal.removed(s.queue, 1, taken);
      }
      journal.entry(s.tasks, i - 2);
      s.tasks.delete(i - 2);
      break;
    }
    case 3: // lines appended
      journal.growing(s.console);
      s.console.push(`line ${i}`, `line ${i}'`);
      break;
    case 4: // an event that changes nothing
      break;
  }
}

function run(events: number): { state: State; journal: Journal; states: State[] } {
  const state: State = { tasks: new Map([[0, "main"]]), record: { state: "ready" }, queue: ["first"], console: [] };
  const journal = new Journal(0);
  const states = [copy(state)];
  for (let i = 0; i < events; i++) {
    apply(state, journal, i);
    states.push(copy(state));
  }
  return { state, journal, states };
}

describe("Journal", () => {
  it("undoes each kind of change, event by event, back to the start", () => {
    const { state, journal, states } = run(40);
    for (let applied = 39; applied >= 0; applied--) {
      expect(journal.undoTo(applied)).toBe(true);
      expect(state, `after ${applied} events`).toEqual(states[applied]);
    }
    // Entries set again keep their place in the map's order (the stepper lists tasks in it).
    expect([...state.tasks.keys()]).toEqual([0]);
  });

  it("undoes many events at once, and then records on from there", () => {
    const { state, journal, states } = run(40);
    expect(journal.undoTo(12)).toBe(true);
    expect(state).toEqual(states[12]);
    // Events 12 onwards applied again: the same states, undone again.
    for (let i = 12; i < 30; i++) apply(state, journal, i);
    expect(state).toEqual(states[30]);
    expect(journal.undoTo(5)).toBe(true);
    expect(state).toEqual(states[5]);
    expect([...state.tasks.entries()]).toEqual([...states[5].tasks.entries()]);
  });

  it("keeps the last JOURNAL_EVENTS events at least, forgets older ones, and undoes nothing it cannot reach", () => {
    const events = 3 * JOURNAL_EVENTS + 100;
    const { state, journal, states } = run(events);
    // Past its reach: false, and the state left as it was.
    expect(journal.undoTo(events - 2 * JOURNAL_EVENTS)).toBe(false);
    expect(state).toEqual(states[events]);
    expect(journal.undoTo(events - JOURNAL_EVENTS)).toBe(true);
    expect(state).toEqual(states[events - JOURNAL_EVENTS]);
    // Where it is already: nothing to undo; ahead of it: not a place it can undo to.
    expect(journal.undoTo(events - JOURNAL_EVENTS)).toBe(true);
    expect(journal.undoTo(events - JOURNAL_EVENTS + 1)).toBe(false);
    expect(state).toEqual(states[events - JOURNAL_EVENTS]);
  });

  it("starts at any event of a trace: it counts events from there", () => {
    const state: State = { tasks: new Map(), record: { state: "ready" }, queue: [], console: [] };
    const journal = new Journal(1000);
    journal.begin();
    journal.field(state.record, "state", state.record.state);
    state.record.state = "running";
    expect(journal.undoTo(999)).toBe(false);
    expect(journal.undoTo(1000)).toBe(true);
    expect(state.record.state).toBe("ready");
  });
});
