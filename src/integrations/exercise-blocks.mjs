// Exercises, the companion of playground-blocks.mjs (which expands them, so astro.config.mjs needs
// nothing new): turns each
//   <Exercise id="…" goal-end="…"> ```ts …``` ```ts solution …``` ```output …``` </Exercise>
// into <Exercise id="…" code={…} solution={…} goal={…} />. The first ```ts fence is the starting code
// the reader edits, ```ts solution the reference solution, and the goal is what a run must reach: the
// virtual end time (goal-end) and/or the printed lines (the ```output fence, "…" matching any text).
// Mistakes fail the build with a message for the lesson's author.

export const EXERCISE = "Exercise";
export const EXERCISE_IMPORT = `import ${EXERCISE} from "/src/components/playground/Exercise.astro";`;
const TS = new Set(["ts", "typescript"]);
const ATTRIBUTES = new Set(["id", "goal-end"]);

// Which prop a child node holds: the starting code, the solution, the goal's lines, or none (an error).
function fenceKind(child) {
  if (child.type !== "code") return null;
  if (TS.has(child.lang ?? "")) return child.meta === "solution" ? "solution" : child.meta ? null : "code";
  return child.lang === "output" && !child.meta ? "expected" : null;
}

/** The props of one Exercise element: id, starting code, solution and goal; throws an author-facing error. */
export function exerciseProps(node, where) {
  const attrs = {};
  for (const a of node.attributes) {
    if (a.type !== "mdxJsxAttribute" || !ATTRIBUTES.has(a.name) || typeof a.value !== "string") {
      throw new Error(`${where}: an <Exercise> takes plain text attributes id="…" and goal-end="…" only; found ${a.name ?? "{...spread}"}.`);
    }
    attrs[a.name] = a.value;
  }
  if (!attrs.id) throw new Error(`${where}: an <Exercise> needs an id="…" (unique on the page).`);
  const props = { id: attrs.id };
  for (const child of node.children) {
    const kind = fenceKind(child);
    if (!kind) {
      const found = child.type === "code" ? `\`\`\`${[child.lang, child.meta].filter(Boolean).join(" ")}` : child.type;
      throw new Error(`${where}: an <Exercise> holds only \`\`\`ts (the starting code), \`\`\`ts solution and an optional \`\`\`output fence; found ${found}.`);
    }
    if (kind in props) throw new Error(`${where}: an <Exercise> has more than one ${kind === "code" ? "```ts" : kind === "solution" ? "```ts solution" : "```output"} fence.`);
    props[kind] = child.value;
  }
  if (!props.code) throw new Error(`${where}: an <Exercise> needs a \`\`\`ts fence with the starting code.`);
  if (!props.solution) throw new Error(`${where}: an <Exercise> needs a \`\`\`ts solution fence with a solution that meets the goal.`);
  const end = attrs["goal-end"];
  if (end !== undefined && !/^\d+(\.\d+)?$/.test(end)) throw new Error(`${where}: goal-end="${end}" is not a number of seconds, e.g. goal-end="2.000".`);
  if (end === undefined && props.expected === undefined) {
    throw new Error(`${where}: an <Exercise> needs a goal: goal-end="…" (the virtual time the run must end at), an \`\`\`output fence (the lines it must print), or both.`);
  }
  const goal = { stdout: props.expected === undefined ? null : props.expected.split("\n"), virtualEnd: end === undefined ? null : Number(end) };
  return { id: props.id, code: props.code, solution: props.solution, goal };
}

/** The element that replaces an <Exercise> block in the compiled MDX. */
export function exerciseElement(node, where) {
  const props = exerciseProps(node, where);
  const attributes = Object.entries(props).map(([name, value]) => (name === "id" ? `id=${JSON.stringify(value)}` : `${name}={${JSON.stringify(value)}}`));
  return `<${EXERCISE} ${attributes.join(" ")} />`;
}

/** Every exercise of one lesson's MDX source, with its props (for tests and scripts). */
export async function collectExercises(source, file = "a lesson") {
  const { mdxToJs } = await import("satteri");
  const found = [];
  const collector = {
    name: "collect-exercises",
    mdxJsxFlowElement(node) {
      if (node.name === EXERCISE) found.push(exerciseProps(node, `${file}:${node.position?.start.line ?? "?"}`));
    },
  };
  mdxToJs(source, { mdastPlugins: [collector] });
  return found;
}
