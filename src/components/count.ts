// A count as a reader reads it ("1,000"). One formatter, made once: toLocaleString makes one at each
// call, and a scrubbed stepper words its counts at every frame (the editor's "and 980 more wait",
// the panes' "… and N more"), a diagram thousands of bars' counts at once.
const COUNT = new Intl.NumberFormat("en-US");

export const countText = (n: number): string => COUNT.format(n);
