// @ts-check
import { readFileSync } from "node:fs";
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import { satteri } from "@astrojs/markdown-satteri";
import { playgroundBlocks } from "./src/integrations/playground-blocks.mjs";
import { diagramBlocks } from "./src/integrations/diagram-blocks.mjs";
import { baseLinks } from "./src/integrations/base-links.mjs";
import { deployment } from "./src/integrations/deployment.mjs";
import { precompressed } from "./src/integrations/precompress.mjs";
import { pyodideFiles } from "./src/integrations/pyodide-files.mjs";

// Where the site is published (SITE_URL, BASE_PATH, OUT_DIR, REPOSITORY_URL: see deployment.mjs and
// the README's "Deploy"): one build command for a domain's root, a GitHub Pages project site or a folder.
const packageJson = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const { site, base, outDir, editLinkBase } = deployment(process.env, packageJson);

export default defineConfig({
  site,
  base,
  outDir,
  // Cross-origin isolation gives workers SharedArrayBuffer, so a thread in blockingSleep or httpGet
  // really sleeps (Atomics.wait) instead of spinning a core. Hosts without these headers still work,
  // and real-clock playgrounds say what the reader loses there. For hosts: public/_headers, README "Deploy".
  server: { headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" } },
  markdown: {
    // Lessons write playgrounds as code fences inside <Playground>, and diagrams as a ```mermaid fence
    // inside <Diagram>; these plugins turn the fences into props and import the components. Lessons
    // link root-absolutely (/lessons/…); baseLinks puts the base path in front.
    processor: satteri({ mdastPlugins: [playgroundBlocks(), diagramBlocks(), baseLinks(base)] }),
  },
  integrations: [
    starlight({
      title: "Async, Animated",
      description: "See how asynchronous programming works: Python's asyncio model, animated, in TypeScript playgrounds.",
      favicon: "/favicon.svg",
      customCss: ["./src/styles/site.css"],
      // "Edit page" opens the lesson's file in the repository, when the repository is known.
      editLink: { baseUrl: editLinkBase },
      // Frontmatter links (the home page's hero) get the base path there.
      routeMiddleware: "./src/route-data.ts",
      // Marks a page whose scripts run, so that controls needing JavaScript show only then (playground.css).
      head: [{ tag: "script", content: "document.documentElement.dataset.js = ''" }],
      sidebar: [
        { label: "Start here", items: [{ label: "Welcome", slug: "index" }] },
        { label: "Lessons", items: [{ autogenerate: { directory: "lessons" } }] },
        {
          label: "Reference",
          items: [{ autogenerate: { directory: "reference" } }, { slug: "glossary" }, { slug: "python-typescript" }],
        },
      ],
    }),
    mdx(),
    react(),
    // CPython for the Python playgrounds, served by the site (loaded on a first Python run).
    pyodideFiles({ base }),
    // Last, once every other integration (Pagefind's index) has written its files.
    precompressed(),
  ],
  vite: {
    worker: { format: "es" },
    // esbuild-wasm's browser build is an ES module; keep Vite from pre-bundling it into the page.
    optimizeDeps: { exclude: ["esbuild-wasm"] },
  },
});
