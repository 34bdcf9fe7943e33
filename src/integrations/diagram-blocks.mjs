// A Sätteri (Astro's Markdown engine) plugin for lessons, the sibling of playground-blocks.mjs:
// turns each
//   <Diagram title="…"> ```mermaid …``` </Diagram>
// into <Diagram title="…" code={…} />, so the fence is the diagram's source, and imports the
// component so lessons need no import line. Mistakes fail the build with a message for the author.

const COMPONENT = "Diagram";
const IMPORT = `import ${COMPONENT} from "/src/components/diagrams/Diagram.astro";`;

/** The props of one Diagram element (its title and its fence's text); throws an author-facing error. */
export function diagramProps(node, where) {
  const title = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "title")?.value;
  // The title is the diagram's caption and the SVG's accessible name, so it must be plain text.
  if (typeof title !== "string" || !title.trim()) {
    throw new Error(`${where}: a <Diagram> needs a title="…" (its caption, and what a screen reader announces).`);
  }
  const fences = node.children.filter((child) => child.type === "code");
  if (fences.length !== 1 || node.children.length !== 1 || fences[0].lang !== "mermaid") {
    throw new Error(`${where}: a <Diagram> holds exactly one \`\`\`mermaid code fence and nothing else.`);
  }
  return { title, code: fences[0].value };
}

/** The plugin, for `satteri({ mdastPlugins: [diagramBlocks()] })`. */
export function diagramBlocks() {
  return ({ fileURL, source }) => {
    // Most pages have no diagram: leave them out of the pipeline, and out of the import.
    if (!source.includes(`<${COMPONENT}`)) return null;
    const file = fileURL ? decodeURIComponent(fileURL.pathname) : "a lesson";
    return {
      name: "diagram-blocks",
      before(root, ctx) {
        ctx.prependChild(root, { raw: IMPORT, mdxExpressions: true });
      },
      mdxJsxFlowElement(node, ctx) {
        if (node.name !== COMPONENT) return;
        const { title, code } = diagramProps(node, `${file}:${node.position?.start.line ?? "?"}`);
        ctx.replaceNode(node, { raw: `<${COMPONENT} title={${JSON.stringify(title)}} code={${JSON.stringify(code)}} />`, mdxExpressions: true });
      },
    };
  };
}
