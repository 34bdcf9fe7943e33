// What a lesson declares a playground prints, and whether a run matches it. A declared line may hold
// "…", which stands for any text: real-time playgrounds print measured times that differ per run.

/** The wildcard of declared output lines. */
export const ANY_TEXT = "…";

/** Whether a printed line matches a declared one. */
export function lineMatches(declared: string, printed: string): boolean {
  if (!declared.includes(ANY_TEXT)) return declared === printed;
  const pattern = declared
    .split(ANY_TEXT)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*?");
  return new RegExp(`^${pattern}$`, "s").test(printed);
}

/** Whether the printed lines match the declared ones, line for line. */
export function outputMatches(declared: readonly string[], printed: readonly string[]): boolean {
  return declared.length === printed.length && declared.every((line, i) => lineMatches(line, printed[i]));
}
