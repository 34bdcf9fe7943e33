// Types for deployment.mjs (plain JavaScript, so astro.config.mjs can load it as is).

/** Where and how the site is published. */
export interface Deployment {
  /** The deployed origin (https://example.org), or undefined: no canonical links, no sitemap. */
  site: string | undefined;
  /** The sub-path the site is served under, with a leading and a trailing slash ("/" at a domain's root). */
  base: string;
  /** The build's output folder. */
  outDir: string;
  /** Where "Edit page" links point (the repository's edit URL for a branch), or undefined: no links. */
  editLinkBase: string | undefined;
}

/** A base path with exactly one leading and one trailing slash ("async-animated" → "/async-animated/"). */
export function normalizeBase(path: string | undefined): string;

/** A repository's web address from package.json's `repository` field (a URL, "owner/repo", "github:owner/repo", or `{ url }`). */
export function repositoryWebUrl(field: string | { url?: string } | undefined): string | undefined;

/** The site's address, base path, output folder and edit-link base, from the environment and package.json. */
export function deployment(env: Record<string, string | undefined>, pkg?: { repository?: string | { url?: string } }): Deployment;
