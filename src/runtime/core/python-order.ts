// Python's `<` for the values a playground holds (what heapq and PriorityQueue compare): numbers
// and booleans by value, strings by code point, arrays element by element as tuples are; other
// pairs raise TypeError, as Python's do.

const typeName = (value: unknown): string =>
  value === null || value === undefined ? "NoneType"
  : Array.isArray(value) ? "tuple"
  : typeof value === "number" ? (Number.isInteger(value) ? "int" : "float")
  : typeof value === "string" ? "str"
  : typeof value === "boolean" ? "bool"
  : ((value as object).constructor?.name ?? "object");

const isNumeric = (value: unknown): value is number | boolean => typeof value === "number" || typeof value === "boolean";

/** Python's `a == b` for these values. */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  return a === b;
}

/** Python's `a < b`: TypeError when Python cannot order the two. */
export function pyLess(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) < Number(b);
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (Array.isArray(a) && Array.isArray(b)) {
    // tuple.__lt__: the first elements that differ decide; else the shorter is less.
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (!pyEquals(a[i], b[i])) return pyLess(a[i], b[i]);
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}
