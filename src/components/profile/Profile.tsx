// The profiler's view of a run: for each function, a bar of the time it spent computing, waiting,
// blocked and ready (the diagram's four states, with the same fills), so a reader can tell I/O-bound
// work (mostly waiting or blocked) from CPU-bound work (mostly computing). Pure: a trace in.
import { dominantState, PROFILE_STATES, type ProfileRow, type ProfileState } from "../../runtime/trace/index.ts";
import "./profile.css";

const WORDS: Record<ProfileState, string> = {
  computing: "computing",
  waiting: "waiting (at an await)",
  blocked: "blocked (in a blocking call)",
  ready: "ready (queued for the loop or a worker)",
};

/** How many functions the chart shows (the rest are the smallest). */
const MOST_ROWS = 8;

const seconds = (s: number) => `${s.toFixed(s >= 10 ? 1 : 3)} s`;
const total = (r: ProfileRow) => PROFILE_STATES.reduce((sum, state) => sum + r[state], 0);

function Row({ row, scale }: { row: ProfileRow; scale: number }) {
  const sum = total(row);
  const dominant = dominantState(row);
  const parts = PROFILE_STATES.filter((state) => row[state] > 0)
    .map((state) => `${WORDS[state].split(" (")[0]} ${seconds(row[state])}`)
    .join(", ");
  return (
    <tr data-profile-row={row.fn} data-dominant={dominant} {...Object.fromEntries(PROFILE_STATES.map((s) => [`data-${s}`, row[s].toFixed(3)]))}>
      <th scope="row">
        {row.fn}
        {row.calls > 1 ? <span className="pg-profile-calls"> ×{row.calls}</span> : null}
      </th>
      <td className="pg-profile-bar-cell">
        <span className="pg-profile-bar" role="img" aria-label={`${row.fn}: ${parts}; mostly ${WORDS[dominant].split(" (")[0]}`}>
          {PROFILE_STATES.map((state) =>
            row[state] > 0 ? <span key={state} className={`pg-profile-part pg-profile-${state}`} style={{ width: `${(row[state] / scale) * 100}%` }} title={`${WORDS[state]}: ${seconds(row[state])}`} /> : null,
          )}
        </span>
      </td>
      <td className="pg-profile-total">{seconds(sum)}</td>
      <td className="pg-profile-kind">mostly {WORDS[dominant].split(" (")[0]}</td>
    </tr>
  );
}

/** The per-function breakdown of a run's time; lesson playgrounds opt in with `profile`. */
export function Profile({ rows: all }: { rows: readonly ProfileRow[] }) {
  const scale = Math.max(0, ...all.map(total)) || 1;
  // Functions with under 1% of the biggest total are noise (the main program's start-up in real time).
  const rows = all.filter((row) => row.calls > 0 || total(row) >= scale / 100).slice(0, MOST_ROWS);
  if (!rows.length) return null;
  return (
    <figure className="pg-profile" data-profile>
      <div className="pg-profile-scroll">
        <table>
          <caption>Where the time went, per function (all its tasks or jobs together)</caption>
          <thead>
            <tr>
              <th scope="col">Function</th>
              <th scope="col">Time by state</th>
              <th scope="col">Total</th>
              <th scope="col">Mostly</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.fn} row={row} scale={scale} />
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="pg-legend">
        {PROFILE_STATES.map((state) => (
          <span key={state} className="pg-legend-item">
            <span className={`pg-profile-swatch pg-profile-${state}`} aria-hidden="true" />
            {WORDS[state]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
