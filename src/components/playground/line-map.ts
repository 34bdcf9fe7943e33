// Where the lines of a run's code are in the editor after the reader's edits, so that the stepper's
// marks follow their lines as the reader types (as a debugger's current line does), instead of
// leaving the editor and the stepper showing its own copy of the old code.
import { diffArrays } from "diff";
import type { LineMarker } from "../../runtime/trace/index.ts";

/** Beyond this many lines added and removed, the texts are too different to say where a line went:
 *  no map. It bounds the diff's work on each key too (a 3,000-line program with a line in ten
 *  changed: 56 ms at 400, 4 ms at 100). */
const MAX_EDIT_LENGTH = 100;

/** Each line of `from` (1-based) to its line in `to`: an unchanged line to where it moved, a line of a
 *  block replaced by as many lines to the line in its place (edited in place), any other line to
 *  undefined (removed). Null when the texts differ by more than MAX_EDIT_LENGTH lines. */
export function lineMap(from: string, to: string): Map<number, number> | null {
  const changes = diffArrays(from.split("\n"), to.split("\n"), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  const map = new Map<number, number>();
  let [oldLine, newLine] = [1, 1];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const editedInPlace = change.removed && changes[i + 1]?.added && changes[i + 1].count === change.count;
    if (editedInPlace || (!change.added && !change.removed)) {
      for (let k = 0; k < change.count; k++) map.set(oldLine + k, newLine + k);
      [oldLine, newLine] = [oldLine + change.count, newLine + change.count];
      if (editedInPlace) i++;
    } else if (change.removed) oldLine += change.count;
    else newLine += change.count;
  }
  return map;
}

/** A step's markers on the editor's lines (lineMap); a marker whose line was removed is left out. */
export function markersOnLines(markers: readonly LineMarker[], map: ReadonlyMap<number, number>): readonly LineMarker[] {
  return markers.flatMap((marker) => {
    const line = map.get(marker.line);
    return line === undefined ? [] : [{ ...marker, line }];
  });
}
