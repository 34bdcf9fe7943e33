// A Sätteri (Astro's Markdown engine) plugin for lessons, beside playground-blocks.mjs: lessons link
// each other root-absolutely, [the terms](/lessons/terms/), whatever sub-path the site is served
// under; at build time this puts the site's base path in front ([…](/async-animated/lessons/terms/)),
// so the same lesson works at a domain's root, on a GitHub Pages project site, or in a course's folder.
// It rewrites Markdown links, link definitions, images, and href/src attributes of JSX elements.

/** A root-absolute URL (/lessons/…) under the base (/async-animated/lessons/…); any other URL as it is. */
export function withBase(url, base) {
  // "//host/…" is another host (protocol-relative), not a path of this site.
  if (base === "/" || typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return url;
  return `${base}${url.slice(1)}`;
}

const JSX_URL_ATTRIBUTES = new Set(["href", "src"]);

/** The plugin, for `satteri({ mdastPlugins: [baseLinks(base)] })`; `base` has a leading and a trailing slash. */
export function baseLinks(base) {
  return () => {
    // At a domain's root, links are right as written: leave every page out of the pipeline.
    if (base === "/") return null;
    const rewrite = (node, ctx) => {
      const url = withBase(node.url, base);
      if (url !== node.url) ctx.setProperty(node, "url", url);
    };
    const rewriteAttributes = (node, ctx) => {
      const rewritten = node.attributes.map((a) =>
        a.type === "mdxJsxAttribute" && JSX_URL_ATTRIBUTES.has(a.name) && typeof a.value === "string" ? { ...a, value: withBase(a.value, base) } : a,
      );
      // Sätteri cannot set a JSX element's attributes in place: replace the element, keeping its children.
      if (rewritten.some((a, i) => a.value !== node.attributes[i].value)) ctx.replaceNode(node, { ...node, attributes: rewritten, children: [...node.children] });
    };
    return { name: "base-links", link: rewrite, definition: rewrite, image: rewrite, mdxJsxFlowElement: rewriteAttributes, mdxJsxTextElement: rewriteAttributes };
  };
}
