// A build-time run as the page ships it to its island. An island's props are written into the HTML
// in Astro's format, a [type, value] pair for every value: a trace as event objects took ~200 bytes
// an event there (gather-return-exceptions' 161 downloads: 487 KB of the attribute for 2,428 events,
// each of its two such playgrounds), and all of it was read again as the island hydrated. So the
// events travel in the trace's compact form (src/runtime/trace/compact.ts, the trace format page),
// as one JSON string: 80 KB for those 2,428. JSON has no -0, NaN or ±Infinity (a timer due at
// Infinity is one): each such number travels as {"$number": "-0"} and so on (no event's field is an
// object of that one key), and comes back exactly.
import { decodeCompact, type CompactTrace, type RunResult } from "../../runtime/trace/index.ts";

/** A run as shipped: all but its events as they are, its events as the JSON of their compact form. */
export type ShippedRun = Omit<RunResult, "events"> & { compactEvents: string };

const inexpressible = (value: unknown): value is number => typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0));

/** The JSON of a compact trace, every number kept exactly (see above). */
export function compactJson(trace: CompactTrace): string {
  return JSON.stringify(trace, (_key, value) => (inexpressible(value) ? { $number: Object.is(value, -0) ? "-0" : String(value) } : value));
}

/** The run the island starts from: its events made again from their compact form. */
export function landedRun({ compactEvents, ...head }: ShippedRun): RunResult {
  const trace = JSON.parse(compactEvents, (_key, value) => (value !== null && typeof value === "object" && typeof value.$number === "string" && Object.keys(value).length === 1 ? Number(value.$number) : value)) as CompactTrace;
  return { ...head, events: decodeCompact(trace) };
}
