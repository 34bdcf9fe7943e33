// Every built page's links and assets, read from the HTML (no browser): each root-absolute URL lies
// under the build's base path and names a file the build holds, and no link or meta tag names
// localhost (the address comes from SITE_URL, or there is none). Run on each build under test, so
// a lesson's link or a component's href that forgets the base path fails under the sub-path build.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test, expect } from "@playwright/test";
import { builtPages, siteTag, sitesUnderTest, type BuiltSite } from "../support/built-site.ts";

// URLs in attributes that load or link something; srcset is a list of "url size" pairs.
const URL_ATTRIBUTE = /\s(?:href|src|srcset|poster|action)="([^"]*)"/g;

/** The root-absolute URLs of one page (other hosts, relative paths and fragments are not the build's). */
function rootAbsoluteUrls(html: string): string[] {
  return [...html.matchAll(URL_ATTRIBUTE)]
    .flatMap((m) => m[1].split(",").map((part) => part.trim().split(/\s+/)[0]))
    .filter((url) => url.startsWith("/") && !url.startsWith("//"));
}

/** Whether the build has a file for this URL path (a page is its folder's index.html). */
function builds(site: BuiltSite, url: string): boolean {
  const path = decodeURIComponent(url.split(/[?#]/)[0]).slice(site.base.length);
  const file = join(site.distDir, path);
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, "index.html")));
}

for (const site of sitesUnderTest()) {
  test(`${site.name} build: every page's links and assets are under ${site.base} and exist; no link names localhost`, siteTag(site), () => {
    const pages = builtPages(site);
    expect(pages.length).toBeGreaterThan(10);
    // The 404 page is served for any missing path, at any depth: its links must be absolute and right.
    pages.push({ path: "404.html", file: join(site.distDir, "404.html") });
    const problems: string[] = [];
    for (const { path, file } of pages) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/\s(?:href|src|content)="([^"]*\/\/localhost[^"]*)"/g)) problems.push(`${path}: ${m[1]} names localhost`);
      for (const url of new Set(rootAbsoluteUrls(html))) {
        if (!url.startsWith(site.base)) problems.push(`${path}: ${url} is outside ${site.base}`);
        else if (!builds(site, url)) problems.push(`${path}: ${url} is not in the build`);
      }
    }
    expect(problems).toEqual([]);
  });
}
