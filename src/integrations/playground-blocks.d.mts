// Types for playground-blocks.mjs (plain JavaScript, so astro.config.mjs can load it as is).

/** One playground as a lesson declares it: its attributes and the text of its fences. */
export interface PlaygroundBlock {
  id?: string;
  end?: string;
  /** "real" runs on the wall clock; virtual by default. */
  clock?: "virtual" | "real";
  /** "eager" starts every async call at once, as JavaScript does. */
  model?: "lazy" | "eager";
  /** Why a virtual-clock playground has no Python twin (shown to the reader). */
  "no-twin"?: string;
  /** The ```ts fence. */
  code: string;
  /** The ```python fence. */
  python?: string;
  /** The ```output fence. */
  expected?: string;
  /** The ```stderr fence: the warnings the run writes ("…" matches any text). */
  warnings?: string;
  /** The model of the second run drawn beside this one (compare="eager"). */
  compare?: "lazy" | "eager";
  /** Where that run ends (compare-end="…"). */
  "compare-end"?: string;
  /** The ```output eager (or lazy) fence: what that run prints. */
  compareExpected?: string;
}

/** Every playground of one lesson's MDX source, with its props (for tests and scripts). */
export function collectPlaygrounds(source: string, file?: string): Promise<PlaygroundBlock[]>;

/** Parse one Playground element's fences into string props; throws an author-facing error. */
export function playgroundProps(children: unknown[], where: string, attrs?: Record<string, unknown>): Omit<PlaygroundBlock, "id" | "end">;

/** The Sätteri plugin, for `satteri({ mdastPlugins: [playgroundBlocks()] })`. */
export function playgroundBlocks(): import("satteri").MdastPluginEntry;
