// The playground's image format: binary PPM (P6), the simplest real image file there is, so a
// program can decode the site's sample photos with no library, on the loop or in a worker.
// These functions must stay self-contained: workers get them as source text (see job-worker.ts).

/** A decoded image: RGB bytes, row by row, 3 per pixel. */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Decode a binary PPM file ("P6", 8 bits per channel) into an RgbImage. */
export function decodeImage(bytes: Uint8Array): RgbImage {
  let at = 0;
  // The header is four whitespace-separated fields (magic, width, height, maxval), # comments allowed.
  const field = () => {
    for (;;) {
      while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]))) at++;
      if (bytes[at] !== 35) break;
      while (at < bytes.length && bytes[at] !== 10) at++;
    }
    let text = "";
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]))) text += String.fromCharCode(bytes[at++]);
    return text;
  };
  if (!(bytes instanceof Uint8Array)) throw new TypeError("decodeImage() takes the bytes of a file (a Uint8Array)");
  if (field() !== "P6") throw valueError("not a binary PPM image (P6)");
  const width = Number(field());
  const height = Number(field());
  if (Number(field()) !== 255) throw valueError("only 8-bit PPM images are supported");
  at++;
  const pixels = bytes.slice(at, at + width * height * 3);
  if (pixels.length !== width * height * 3) throw valueError("the image data is cut short");
  return { width, height, pixels };

  // Python's ValueError, defined here so that the function works on its own in a worker.
  function valueError(message: string): Error {
    const error = new Error(message);
    error.name = "ValueError";
    return error;
  }
}
