// Where a playground can be reached from outside its page: a share link carrying the reader's code
// (?pg=<id>&code=<deflated code>#playground-<id>), and its embed page (<base>embed/<page>/<id>/,
// src/pages/embed/). Both name the playground by its id, which is stable: the lesson writes it.
import { decodeCode, encodeCode } from "./share-code.ts";

/** The element id of a playground's root: a link's #anchor. */
export const anchorOf = (id: string) => `playground-${id}`;

/** The page's own name, as the embed pages use it: the last part of its path ("example-3-create-task"). */
export function pageSlug(pathname: string): string {
  return pathname.split("/").filter(Boolean).at(-1) ?? "";
}

/** The link that opens this page with `code` in playground `id`; null when the code is too long for a link. */
export function shareUrl(id: string, code: string, location: { origin: string; pathname: string }): string | null {
  const encoded = encodeCode(code);
  if (encoded === null) return null;
  return `${location.origin}${location.pathname}?pg=${encodeURIComponent(id)}&code=${encoded}#${anchorOf(id)}`;
}

/** The address of a playground's embed page (`base`: the site's base path, with its slashes). */
export function embedUrl(id: string, page: string, base: string, origin: string): string {
  return `${origin}${base}embed/${page}/${id}/`;
}

/** The iframe a course page pastes to show the playground. */
export function embedSnippet(url: string, title: string): string {
  return `<iframe src="${url}" title="${title.replace(/"/g, "&quot;")}" width="100%" height="900" style="border: 0" loading="lazy"></iframe>`;
}

/** What a link asks of playground `id`: the code it carries, why it cannot be read, or nothing.
 * On an embed page (one playground) `?code=` alone is enough. */
export function linkedCode(search: string, id: string, embedded: boolean): { code: string } | { error: string } | null {
  const params = new URLSearchParams(search);
  const code = params.get("code");
  if (code === null) return null;
  const named = params.get("pg");
  if (named !== id && !(embedded && named === null)) return null;
  const decoded = decodeCode(code);
  return decoded.ok ? { code: decoded.code } : { error: decoded.reason };
}

/** The page's address without a share link's parameters (back to the lesson's own code). */
export function withoutLinkedCode(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("pg");
  url.searchParams.delete("code");
  return url.toString();
}
