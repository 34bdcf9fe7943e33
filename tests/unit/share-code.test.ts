// Code in a link (src/components/share/share-code.ts): every lesson program makes the round trip,
// comes out shorter than lz-string's URL encoding (the usual choice for this), and a malformed, cut
// or oversized link says why instead of throwing.
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { decodeCode, encodeCode, MAX_ENCODED } from "../../src/components/share/share-code.ts";
import { Rng } from "../fuzz/random.ts";
import { lessonsIn } from "../support/lesson-sources.ts";

const programs = (await lessonsIn()).flatMap((l) => l.playgrounds.map((pg) => ({ name: `${l.file}#${pg.id}`, code: pg.code })));

describe("code in a link", () => {
  it.each(programs)("$name makes the round trip, shorter than lz-string's", ({ code }) => {
    const encoded = encodeCode(code)!;
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCode(encoded)).toEqual({ ok: true, code });
    expect(encoded.length).toBeLessThan(compressToEncodedURIComponent(code).length);
  });

  it("refuses what is not a link's code, with a reason", () => {
    const good = encodeCode(programs[0].code)!;
    for (const bad of ["", "not base64!", good.slice(0, good.length / 2), "AAAA", "x".repeat(MAX_ENCODED + 1)]) {
      const decoded = decodeCode(bad);
      expect(decoded.ok, bad.slice(0, 20)).toBe(false);
      if (!decoded.ok) expect(decoded.reason).toMatch(/link/);
    }
  });

  it("says a program too big for a link is too big", () => {
    // Text that barely compresses (random characters) is too big; as long a text that repeats is not.
    const rng = new Rng(7);
    const random = Array.from({ length: 40_000 }, () => String.fromCharCode(rng.int(33, 122))).join("");
    expect(encodeCode(random)).toBeNull();
    expect(encodeCode(programs[0].code.repeat(40))).not.toBeNull();
  });
});
