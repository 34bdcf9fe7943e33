// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import { satteri } from "@astrojs/markdown-satteri";
import { playgroundBlocks } from "./src/integrations/playground-blocks.mjs";
import { diagramBlocks } from "./src/integrations/diagram-blocks.mjs";

export default defineConfig({
  site: "http://localhost:4321",
  // Cross-origin isolation gives workers SharedArrayBuffer, so a thread in blockingSleep or httpGet
  // really sleeps (Atomics.wait) instead of spinning a core. Hosts without these headers still work.
  server: { headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" } },
  markdown: {
    // Lessons write playgrounds as code fences inside <Playground>, and diagrams as a ```mermaid fence
    // inside <Diagram>; these plugins turn the fences into props and import the components.
    processor: satteri({ mdastPlugins: [playgroundBlocks(), diagramBlocks()] }),
  },
  integrations: [
    starlight({
      title: "Async, Animated",
      description: "See how asynchronous programming works: Python's asyncio model, animated, in TypeScript playgrounds.",
      favicon: "/favicon.svg",
      customCss: ["./src/styles/site.css"],
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
  ],
  vite: {
    worker: { format: "es" },
    // esbuild-wasm's browser build is an ES module; keep Vite from pre-bundling it into the page.
    optimizeDeps: { exclude: ["esbuild-wasm"] },
  },
});
