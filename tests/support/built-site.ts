// The built site as the browser tests see it: which build (dist/ at a domain's root, or dist-subpath/
// under a base path, as a GitHub Pages project site is served), the port its preview server listens
// on, and which pages hold playgrounds and exercises, read from the built HTML so that a new lesson
// needs no test code. Its twin for the MDX sources is lesson-sources.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** One build of the site and where the tests serve it. */
export interface BuiltSite {
  /** The Playwright project that tests it; its tests carry the tag `@<name>`. */
  name: "root" | "subpath";
  /** The build's folder. */
  distDir: string;
  /** The sub-path it is served under, with a leading and a trailing slash. */
  base: string;
  /** The port of its preview server. */
  port: number;
}

// PORT moves the root build's server (the default, 4321, is `npm start`'s); the sub-path build's
// server listens on the next port unless SUBPATH_PORT says otherwise.
const rootPort = Number(process.env.PORT || 4321);

/** The site built at the root: what most browser tests use. */
export const ROOT_SITE: BuiltSite = { name: "root", distDir: "dist", base: "/", port: rootPort };

/** The same site built under a sub-path (`npm run build:subpath`). */
export const SUBPATH_SITE: BuiltSite = { name: "subpath", distDir: "dist-subpath", base: "/async-animated/", port: Number(process.env.SUBPATH_PORT || rootPort + 1) };

/** The sites the browser tests run against: the root build, and the sub-path build too when E2E_SUBPATH is set (npm test sets it). */
export function sitesUnderTest(): BuiltSite[] {
  return process.env.E2E_SUBPATH ? [ROOT_SITE, SUBPATH_SITE] : [ROOT_SITE];
}

/** The address of a site's home page, e.g. http://localhost:4322/async-animated/. */
export function homeURL(site: BuiltSite): string {
  return `http://localhost:${site.port}${site.base}`;
}

/** The tag that puts a test in the site's Playwright project. */
export function siteTag(site: BuiltSite): { tag: string } {
  return { tag: `@${site.name}` };
}

/** A built page: the path it is served at (base included) and its HTML file. */
export interface BuiltPage {
  path: string;
  file: string;
}

/** Every built page (each index.html), sorted by path. */
export function builtPages(site: BuiltSite): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "index.html") {
        const folder = relative(site.distDir, dir).split(sep).join("/");
        pages.push({ path: folder ? `${site.base}${folder}/` : site.base, file: full });
      }
    }
  };
  walk(site.distDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** A page and the ids of its playgrounds (or exercises). */
export interface PagePlaygrounds {
  path: string;
  ids: string[];
}

/** Whether a page is an embed page (one playground of a chapter, for an iframe: embed.spec.ts tests them). */
export const isEmbedPage = (page: BuiltPage, site: BuiltSite) => page.path.startsWith(`${site.base}embed/`);

// The chapters whose HTML has this attribute, with its values in page order (embed pages repeat
// their chapter's playgrounds: they are not chapters).
function pagesWith(site: BuiltSite, attribute: string): PagePlaygrounds[] {
  const pattern = new RegExp(`${attribute}="([^"]+)"`, "g");
  return builtPages(site)
    .filter((page) => !isEmbedPage(page, site))
    .map(({ path, file }) => ({ path, ids: [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1]) }))
    .filter((page) => page.ids.length > 0);
}

/** Every built page that has playgrounds (exercises included), with their ids. */
export function discoverPlaygrounds(site: BuiltSite = ROOT_SITE): PagePlaygrounds[] {
  return pagesWith(site, "data-playground");
}

/** Every built page that has exercises (a playground with a goal: data-exercise), with their ids. */
export function discoverExercises(site: BuiltSite = ROOT_SITE): PagePlaygrounds[] {
  return pagesWith(site, "data-exercise");
}

/** The playgrounds of every built page that are not exercises: those miss their goal on purpose, and exercises.spec.ts checks them. */
export function discoverPlaygroundsWithoutExercises(site: BuiltSite = ROOT_SITE): PagePlaygrounds[] {
  const exercises = new Map(discoverExercises(site).map((p) => [p.path, new Set(p.ids)]));
  return discoverPlaygrounds(site)
    .map((p) => ({ ...p, ids: p.ids.filter((id) => !exercises.get(p.path)?.has(id)) }))
    .filter((p) => p.ids.length > 0);
}
