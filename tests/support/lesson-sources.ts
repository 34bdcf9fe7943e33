// The lessons as their authors wrote them: every MDX file under a folder (the site's docs by default,
// or any folder, such as a lesson made from the template in a temporary one), with its playgrounds
// and exercises read by the same code the build uses (src/integrations/*-blocks.mjs). Tests find
// lessons here, so a new lesson needs no test code. Its twin for the built site is built-site.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { collectPlaygrounds, type PlaygroundBlock } from "../../src/integrations/playground-blocks.mjs";
import { collectExercises, type ExerciseBlock } from "../../src/integrations/exercise-blocks.mjs";

/** The project's folder. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The site's pages: lessons, reference, glossary. */
export const DOCS_DIR = join(ROOT, "src/content/docs");
/** The chapters. */
export const LESSONS_DIR = join(DOCS_DIR, "lessons");

/** A playground as a lesson declares it, with the attributes the checks read. */
export type Playground = PlaygroundBlock & { clock?: string; model?: "lazy" | "eager" };

/** One MDX file with what it declares. */
export interface Lesson {
  /** Its path, from the project's folder when it is inside it (as error messages show it). */
  file: string;
  source: string;
  playgrounds: Playground[];
  exercises: ExerciseBlock[];
}

/** Every .mdx file under a folder, sorted. */
export function mdxFiles(dir: string = DOCS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return mdxFiles(path);
      return entry.name.endsWith(".mdx") ? [path] : [];
    })
    .sort();
}

/** One MDX file's playgrounds and exercises (a build error's message when a block is malformed). */
export async function lessonAt(path: string, from: string = ROOT): Promise<Lesson> {
  const full = isAbsolute(path) ? path : join(ROOT, path);
  const inProject = !relative(ROOT, full).startsWith("..");
  const file = relative(inProject ? ROOT : from, full);
  const source = readFileSync(full, "utf8");
  return { file, source, playgrounds: (await collectPlaygrounds(source, file)) as Playground[], exercises: await collectExercises(source, file) };
}

/** Every lesson under a folder (the site's docs by default), in file order. */
export async function lessonsIn(dir: string = DOCS_DIR): Promise<Lesson[]> {
  return Promise.all(mdxFiles(dir).map((path) => lessonAt(path, dir)));
}
