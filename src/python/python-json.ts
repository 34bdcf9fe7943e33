// The JSON of a Python run (trace_recorder.to_json): JSON has no NaN or infinity, so such a float
// (asyncio.sleep(math.inf)'s timer, due at inf) comes as {"__float__": "Infinity"} and is read back
// here as the number. Only a run that has one pays for the reviver.
const FLOATS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY };

const revive = (_key: string, value: unknown) => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const text = (value as { __float__?: unknown }).__float__;
  return keys.length === 1 && typeof text === "string" && text in FLOATS ? FLOATS[text] : value;
};

/** Parse trace_recorder.to_json's text, its non-finite floats as numbers again. */
export function parsePythonJson<T>(text: string): T {
  return JSON.parse(text, text.includes('"__float__"') ? revive : undefined) as T;
}
