// The stepper's panes hold the tallest height they have had in a run, so that stepping does not move
// what is under them. A pane's list grows from its one-line empty note to a box of rows and back as
// the reader steps: the narration under the panes and the page below jumped by up to a thousand
// pixels while a thousand-task run was scrubbed, and every such jump laid out and repainted the page
// under it.
import { useEffect, useLayoutEffect, useRef } from "react";

/** A ref for the box whose height holds: its `min-height` follows its tallest height since `run`
 *  changed (a new run starts from its own height) or its width did (the panes wrap anew). */
export function useSteadyHeight<T extends HTMLElement>(run: unknown) {
  const ref = useRef<T>(null);

  useLayoutEffect(() => {
    if (ref.current) ref.current.style.minHeight = "";
  }, [run]);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    let width = -1;
    // Told after layout, before paint, and only when the box's size changes: once it holds its
    // tallest height, a step that shrinks its content changes nothing, and no callback comes.
    const observer = new ResizeObserver(([entry]) => {
      const [{ inlineSize, blockSize }] = entry.borderBoxSize;
      // At a new width the old height means nothing: let the box find its own again.
      if (inlineSize !== width && box.style.minHeight) {
        width = inlineSize;
        box.style.minHeight = "";
        return;
      }
      width = inlineSize;
      if (blockSize > parseFloat(box.style.minHeight || "0")) box.style.minHeight = `${blockSize}px`;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  return ref;
}
