// A Sätteri (Astro's Markdown engine) plugin for lessons: turns each
//   <Playground id="…" end="…"> ```ts …``` ```python …``` ```output …``` ```stderr …``` </Playground>
// into <Playground id="…" end="…" code={…} python={…} expected={…} warnings={…} />, so the code fences are the
// playground's source, and imports the component so lessons need no import line.
// Written for lesson authors: mistakes fail the build with a message that says what to fix.
// It also expands <Exercise> blocks (a playground with a goal and a solution: exercise-blocks.mjs).

import { EXERCISE, EXERCISE_IMPORT, exerciseElement } from "./exercise-blocks.mjs";

const COMPONENT = "Playground";
const IMPORT = `import ${COMPONENT} from "/src/components/playground/Playground.astro";`;
const FENCES = { ts: "code", typescript: "code", python: "python", py: "python", output: "expected", stderr: "warnings" };

/** Parse one Playground element's fences into string props; throws an author-facing error. */
export function playgroundProps(children, where) {
  const props = {};
  for (const child of children) {
    if (child.type !== "code") {
      throw new Error(`${where}: a <Playground> holds only code fences (\`\`\`ts, \`\`\`python, \`\`\`output, \`\`\`stderr); found ${child.type}.`);
    }
    const prop = FENCES[child.lang ?? ""];
    if (!prop) throw new Error(`${where}: code fence language "${child.lang ?? ""}" is not one of ts, python, output, stderr.`);
    if (prop in props) throw new Error(`${where}: more than one \`\`\`${child.lang} fence.`);
    props[prop] = child.value;
  }
  if (!props.code) throw new Error(`${where}: a <Playground> needs a \`\`\`ts fence with the program.`);
  return props;
}

/** The plugin, for `satteri({ mdastPlugins: [playgroundBlocks()] })`. */
export function playgroundBlocks() {
  return ({ fileURL, source }) => {
    const playgrounds = source.includes(`<${COMPONENT}`);
    const exercises = source.includes(`<${EXERCISE}`);
    if (!playgrounds && !exercises) return null;
    const file = fileURL ? decodeURIComponent(fileURL.pathname) : "a lesson";
    return {
      name: "playground-blocks",
      before(root, ctx) {
        if (playgrounds) ctx.prependChild(root, { raw: IMPORT, mdxExpressions: true });
        if (exercises) ctx.prependChild(root, { raw: EXERCISE_IMPORT, mdxExpressions: true });
      },
      mdxJsxFlowElement(node, ctx) {
        const where = `${file}:${node.position?.start.line ?? "?"}`;
        if (node.name === EXERCISE) {
          ctx.replaceNode(node, { raw: exerciseElement(node, where), mdxExpressions: true });
          return;
        }
        if (node.name !== COMPONENT) return;
        const props = playgroundProps(node.children, where);
        const attributes = node.attributes.map((a) => {
          if (a.type !== "mdxJsxAttribute") throw new Error(`${where}: use plain attributes on <Playground>, not {...spread}.`);
          if (a.value == null) return a.name;
          return typeof a.value === "string" ? `${a.name}=${JSON.stringify(a.value)}` : `${a.name}={${a.value.value}}`;
        });
        for (const [name, value] of Object.entries(props)) attributes.push(`${name}={${JSON.stringify(value)}}`);
        ctx.replaceNode(node, { raw: `<${COMPONENT} ${attributes.join(" ")} />`, mdxExpressions: true });
      },
    };
  };
}

/** Every playground of one lesson's MDX source, with its props (for tests and scripts). */
export async function collectPlaygrounds(source, file = "a lesson") {
  const { mdxToJs } = await import("satteri");
  const found = [];
  const collector = {
    name: "collect-playgrounds",
    mdxJsxFlowElement(node) {
      if (node.name !== COMPONENT) return;
      const attrs = Object.fromEntries(node.attributes.map((a) => [a.name, typeof a.value === "string" ? a.value : a.value?.value]));
      found.push({ ...attrs, ...playgroundProps(node.children, `${file}:${node.position?.start.line ?? "?"}`) });
    },
  };
  mdxToJs(source, { mdastPlugins: [collector] });
  return found;
}
