// Types for base-links.mjs (plain JavaScript, so astro.config.mjs can load it as is).

/** A root-absolute URL (/lessons/…) under the base (/async-animated/lessons/…); any other URL as it is. */
export function withBase(url: string, base: string): string;

/** The Sätteri plugin, for `satteri({ mdastPlugins: [baseLinks(base)] })`; `base` has a leading and a trailing slash. */
export function baseLinks(base: string): import("satteri").MdastPluginEntry;
