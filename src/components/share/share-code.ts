// A playground's code in a link: deflated (fflate, raw DEFLATE) and written in base64url, so a
// lesson-sized program fits in a URL a chat or a course page keeps. Decoding never throws: a link
// that is malformed, cut short or too big says why, and the page falls back to the lesson's code.
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

/** The longest encoded code a link may carry (characters); a program longer than that is refused. */
export const MAX_ENCODED = 16_000;
/** The longest code a link may unpack to (characters): a small link must not inflate into megabytes. */
export const MAX_CODE = 100_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The code as a link parameter, or null when even compressed it is too big for a link. */
export function encodeCode(code: string): string | null {
  const encoded = toBase64Url(deflateSync(strToU8(code), { level: 9 }));
  return encoded.length <= MAX_ENCODED ? encoded : null;
}

/** The code a link parameter carries, or why it cannot be read. */
export function decodeCode(encoded: string): { ok: true; code: string } | { ok: false; reason: string } {
  if (encoded.length > MAX_ENCODED) return { ok: false, reason: "the code in this link is too long" };
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { ok: false, reason: "the code in this link is not well formed (was it cut or changed?)" };
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(fromBase64Url(encoded), { out: undefined });
  } catch {
    return { ok: false, reason: "the code in this link cannot be unpacked (was it cut short?)" };
  }
  if (bytes.length > MAX_CODE) return { ok: false, reason: "the code in this link unpacks to more than a program should be" };
  const code = strFromU8(bytes);
  return code.includes("\uFFFD") ? { ok: false, reason: "the code in this link is not valid text" } : { ok: true, code };
}
