// Small presentational parts of a playground: code shown as text (before the editor loads, the
// Python twin, without JavaScript) and the list of compile problems.
import type { CompileProblem } from "../../runtime/program/index.ts";

/** Code as a focusable block of text. */
export function StaticCode({ code, label }: { code: string; label: string }) {
  return (
    <pre className="pg-static-code" aria-label={label} tabIndex={0}>
      <code>{code}</code>
    </pre>
  );
}

/** What the compiler found, each with its line, column and a caret under the spot. */
export function Problems({ problems }: { problems: CompileProblem[] }) {
  return (
    <div className="pg-problems" data-compile-error role="alert">
      <p className="pg-problems-title">The code does not compile:</p>
      {problems.map((p, i) => (
        <div key={i}>
          <p data-compile-problem>
            Line {p.line}, column {p.column}: {p.message}
          </p>
          {p.lineText !== undefined ? <pre aria-hidden="true">{`${p.lineText}\n${" ".repeat(Math.max(0, p.column - 1))}^`}</pre> : null}
        </div>
      ))}
    </div>
  );
}
