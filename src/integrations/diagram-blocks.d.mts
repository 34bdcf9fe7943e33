// Types for diagram-blocks.mjs (plain JavaScript, so astro.config.mjs can load it as is).

/** One diagram as a lesson declares it. */
export interface DiagramBlock {
  /** The caption, also the rendered SVG's accessible name. */
  title: string;
  /** The ```mermaid fence. */
  code: string;
}

/** The props of one Diagram element (its title and its fence's text); throws an author-facing error. */
export function diagramProps(node: unknown, where: string): DiagramBlock;

/** The Sätteri plugin, for `satteri({ mdastPlugins: [diagramBlocks()] })`. */
export function diagramBlocks(): import("satteri").MdastPluginEntry;
