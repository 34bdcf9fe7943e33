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

// A playground with compare="eager" (or "lazy") also runs under that model, beside its own run;
// its ```output eager fence declares what that run prints, and compare-end where it ends.
const MODELS = ["lazy", "eager"];

/** Parse one Playground element's fences into string props; throws an author-facing error. */
export function playgroundProps(children, where, attrs = {}) {
  const props = {};
  for (const child of children) {
    if (child.type !== "code") {
      throw new Error(`${where}: a <Playground> holds only code fences (\`\`\`ts, \`\`\`python, \`\`\`output, \`\`\`stderr); found ${child.type}.`);
    }
    const prop = child.lang === "output" && child.meta ? "compareExpected" : FENCES[child.lang ?? ""];
    if (!prop) throw new Error(`${where}: code fence language "${child.lang ?? ""}" is not one of ts, python, output, stderr.`);
    if (prop === "compareExpected" && child.meta !== attrs.compare) {
      throw new Error(`${where}: a \`\`\`output ${child.meta} fence needs compare="${child.meta}" on the <Playground> (the model of the run beside it: ${MODELS.join(" or ")}).`);
    }
    if (prop in props) throw new Error(`${where}: more than one \`\`\`${[child.lang, child.meta].filter(Boolean).join(" ")} fence.`);
    props[prop] = child.value;
  }
  if (!props.code) throw new Error(`${where}: a <Playground> needs a \`\`\`ts fence with the program.`);
  if (attrs.compare !== undefined) {
    if (!MODELS.includes(attrs.compare) || attrs.compare === (attrs.model ?? "lazy")) {
      throw new Error(`${where}: compare="${attrs.compare}" must name the other model than the playground's own (${attrs.model ?? "lazy"}): ${MODELS.join(" or ")}.`);
    }
    if (props.compareExpected === undefined || attrs["compare-end"] === undefined) {
      throw new Error(`${where}: a <Playground compare="${attrs.compare}"> declares that run too: an \`\`\`output ${attrs.compare} fence and compare-end="…".`);
    }
  }
  return props;
}

/** A JSX element's plain attributes as { name: value } (a bare attribute is true). */
function attributesOf(node) {
  return Object.fromEntries(node.attributes.map((a) => [a.name, a.value == null ? true : typeof a.value === "string" ? a.value : a.value?.value]));
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
        const props = playgroundProps(node.children, where, attributesOf(node));
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
      const attrs = attributesOf(node);
      found.push({ ...attrs, ...playgroundProps(node.children, `${file}:${node.position?.start.line ?? "?"}`, attrs) });
    },
  };
  mdxToJs(source, { mdastPlugins: [collector] });
  return found;
}
