// How the playground shows values: as Python's print() and repr() would, so a TypeScript program
// and its Python twin print the same text (arrays as lists, undefined as None, true as True).

/** Python's str(): strings stay raw, everything else is repr(). */
export function pyStr(value: unknown): string {
  return typeof value === "string" ? value : pyRepr(value);
}

/** Python's repr() for the JavaScript values a playground can hold. */
export function pyRepr(value: unknown, seen: Set<object> = new Set()): string {
  if (value === undefined || value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return quote(value);
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return `<function ${value.name || "<lambda>"}>`;
  if (value instanceof Error) {
    const args = (value as { args?: unknown }).args;
    if (Array.isArray(args)) return `${value.name}(${args.map((a) => pyRepr(a, seen)).join(", ")})`;
    return `${value.name}(${value.message ? quote(value.message) : ""})`;
  }
  // Binary data (a downloaded file, an image's pixels) is shown by its size, not byte by byte.
  if (ArrayBuffer.isView(value)) return `<${value.constructor.name || "typed array"} of ${value.byteLength} bytes>`;
  if (seen.has(value)) return Array.isArray(value) ? "[...]" : "{...}";
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((v) => pyRepr(v, seen)).join(", ")}]`;
    if (value instanceof Map)
      return `{${[...value].map(([k, v]) => `${pyRepr(k, seen)}: ${pyRepr(v, seen)}`).join(", ")}}`;
    if (value instanceof Set) return value.size ? `{${[...value].map((v) => pyRepr(v, seen)).join(", ")}}` : "set()";
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null)
      return `{${Object.entries(value).map(([k, v]) => `${quote(k)}: ${pyRepr(v, seen)}`).join(", ")}}`;
    // A class instance: its own toString if it has one, else Python's default <Name object>.
    if (value.toString !== Object.prototype.toString) return String(value);
    return `<${value.constructor?.name ?? "object"} object>`;
  } finally {
    seen.delete(value);
  }
}

/** repr() of a number Python holds as a float (a loop time, a deadline): 10 shows as 10.0. */
export function pyFloat(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e16 ? `${value}.0` : formatNumber(value);
}

/** Python's "%.Nf" % value: like toFixed, but a value exactly halfway between two results rounds to
 * the even one (0.0625 → "0.062"), where toFixed rounds up. toFixed(100) gives the exact decimal
 * expansion of a double of ordinary size, which tells a true tie from a near one. */
export function pyFixed(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return fixed;
  const exact = Math.abs(value).toFixed(100);
  const rest = exact.slice(exact.indexOf(".") + 1 + digits);
  if (!/^50*$/.test(rest)) return fixed;
  // A tie: toFixed went up; keep the result only if its last digit is even, else go down.
  const last = Number(fixed[fixed.length - 1]);
  if (last % 2 === 0) return fixed;
  const down = (Math.abs(value) - 0.5 * 10 ** -digits).toFixed(digits);
  return (value < 0 ? "-" : "") + down;
}

/** repr() cut to `max` characters, for labels (a job's arguments can be large). */
export function shortRepr(value: unknown, max = 40): string {
  const text = pyRepr(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Python's print(*args): str() of each, joined by spaces. */
export function formatPrintArgs(args: readonly unknown[]): string {
  return args.map((a) => pyStr(a)).join(" ");
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return String(n);
}

// Python's string repr: single quotes unless the text has one and no double quote.
function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
}
