// `npm run test:lesson -- <slug> [--no-build]`: one lesson's checks, the ones `npm test` runs on every
// lesson, found the same way (no test code per lesson):
//   1. vitest: its playgrounds in Node and their Python twins under CPython, its exercises
//      (tests/unit/cpython.test.ts and exercises.test.ts, filtered to its file);
//   2. build the site (skip with --no-build), then its page in Chromium (tests/e2e/playgrounds.spec.ts
//      and exercises.spec.ts, filtered to its path), on the root build's port (PORT, 4321 by default).
// <slug> is a lesson's file name under src/content/docs/lessons/ (why-async), or a page's path under
// src/content/docs/ (reference/asyncio-api).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { DOCS_DIR, LESSONS_DIR, ROOT, mdxFiles } from "../tests/support/lesson-sources.ts";

const args = process.argv.slice(2);
const slug = args.find((a) => !a.startsWith("--"))?.replace(/\.mdx$/, "").replace(/^\/+|\/+$/g, "");
const file = slug && [join(LESSONS_DIR, `${slug}.mdx`), join(DOCS_DIR, `${slug}.mdx`)].find(existsSync);
if (!file) {
  const known = mdxFiles(LESSONS_DIR).map((f) => relative(LESSONS_DIR, f).replace(/\.mdx$/, ""));
  console.error(`${slug ? `No lesson "${slug}".` : "Which lesson?"} Usage: npm run test:lesson -- <slug> [--no-build]\nLessons: ${known.join(", ")}`);
  process.exit(2);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const page = `/${relative(DOCS_DIR, file).replace(/\.mdx$/, "").replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/");
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };

function sh(command: string, commandArgs: string[]): boolean {
  console.log(`\n$ ${command} ${commandArgs.join(" ")}`);
  return spawnSync(command, commandArgs, { stdio: "inherit", env, cwd: ROOT }).status === 0;
}

// The vitest suites name each lesson by its file (src/content/docs/lessons/<slug>.mdx).
const unit = sh("npx", ["vitest", "run", "tests/unit/cpython.test.ts", "tests/unit/exercises.test.ts", "-t", escape(relative(ROOT, file))]);
const built = args.includes("--no-build") || sh("npx", ["astro", "build"]);
// The browser specs name each test by its page's path; on the root build only.
const browser = built && sh("npx", ["playwright", "test", "tests/e2e/playgrounds.spec.ts", "tests/e2e/exercises.spec.ts", "--project=root", "--grep", escape(page)]);
console.log(`\n${relative(ROOT, file)}: unit ${unit ? "passed" : "FAILED"}, browser ${!built ? "not run (the build failed)" : browser ? "passed" : "FAILED"}`);
process.exit(unit && browser ? 0 : 1);
