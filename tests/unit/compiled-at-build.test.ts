// The build ships each lesson's program compiled by native esbuild (prerender.ts), and a Run of the
// lesson's own code takes it instead of compiling in the page (browser-runner.ts, keepCompiled). That
// is right only if the page's compiler, esbuild-wasm, compiles every lesson's code to the very same
// program: checked here, program by program.
import { describe, expect, it } from "vitest";
import * as native from "esbuild";
import * as wasm from "esbuild-wasm";
import { compileProgram, ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { lessonsIn } from "../support/lesson-sources.ts";

describe("the build's compiled programs", () => {
  it("are what the page's esbuild-wasm makes of every lesson's code", async () => {
    expect(wasm.version).toBe(native.version);
    const lessons = await lessonsIn();
    const codes = new Set(lessons.flatMap((lesson) => [...lesson.playgrounds.map((pg) => pg.code), ...lesson.exercises.map((ex) => ex.code)]));
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) {
      const built = await compileProgram(code, native.transform as never, ASYNCIO_EXPORTS);
      expect(await compileProgram(code, wasm.transform as never, ASYNCIO_EXPORTS), code.slice(0, 80)).toEqual(built);
    }
  });
});
