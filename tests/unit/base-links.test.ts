// Lessons link root-absolutely (/lessons/terms/); under a sub-path the build puts the base in front,
// and leaves every other kind of URL alone.
import { mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { baseLinks, withBase } from "../../src/integrations/base-links.mjs";

const BASE = "/async-animated/";
// mdxToJs is typed "maybe async" once plugins are given; awaiting covers both.
const compile = async (source: string, base = BASE) => (await mdxToJs(source, { mdastPlugins: [baseLinks(base)] })).code;
/** Every href="…" and src="…" of the compiled page, in order. */
const urls = (code: string) => [...code.matchAll(/(?:href|src): "([^"]*)"/g)].map((m) => m[1]);

describe("withBase", () => {
  it("puts the base in front of a root-absolute path, keeping its query and fragment", () => {
    expect(withBase("/lessons/terms/", BASE)).toBe("/async-animated/lessons/terms/");
    expect(withBase("/lessons/terms/?x=1#future", BASE)).toBe("/async-animated/lessons/terms/?x=1#future");
    expect(withBase("/", BASE)).toBe("/async-animated/");
  });

  it("leaves other hosts, relative paths, fragments and a root base alone", () => {
    for (const url of ["https://docs.python.org/3/", "//example.org/a", "../terms/", "terms/", "#future", "mailto:a@b.c"]) expect(withBase(url, BASE)).toBe(url);
    expect(withBase("/lessons/terms/", "/")).toBe("/lessons/terms/");
  });
});

describe("a lesson's links, compiled with the plugin", () => {
  const lesson = `See [the terms](/lessons/terms/#future), [Python's docs](https://docs.python.org/3/), [the next one](../example-1-synchronous/) and [a glossary entry][glossary].

![A sample photo](/samples/photo-01.png)

<a href="/reference/asyncio-api/">the reference</a>, <a href="#top">up</a>

[glossary]: /glossary/#coroutine
`;

  it("rewrites Markdown links, definitions, images and JSX href/src under the base", async () => {
    expect(urls(await compile(lesson))).toEqual([
      "/async-animated/lessons/terms/#future",
      "https://docs.python.org/3/",
      "../example-1-synchronous/",
      "/async-animated/glossary/#coroutine",
      "/async-animated/samples/photo-01.png",
      "/async-animated/reference/asyncio-api/",
      "#top",
    ]);
  });

  it("keeps a JSX element's children and other attributes", async () => {
    const code = await compile('<a href="/glossary/" title="All terms">the **glossary**</a>\n');
    expect(code).toContain('href: "/async-animated/glossary/"');
    expect(code).toContain('title: "All terms"');
    expect(code).toMatch(/strong[\s\S]*"glossary"/);
  });

  it("changes nothing at a domain's root", async () => {
    expect(urls(await compile(lesson, "/"))).toEqual(urls(await mdxToJs(lesson).code));
  });
});
