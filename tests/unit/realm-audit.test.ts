// The warm runner's audit (src/components/playground/realm-audit.ts): every lesson's program leaves
// the realm as it found it, so its worker may run the next one; a program that changes a built-in or
// a global, leaves a timer set or uses an API that calls back later is caught.
import { describe, expect, it } from "vitest";
import * as esbuild from "esbuild";
import { compileProgram, runProgram, ASYNCIO_EXPORTS } from "../../src/runtime/program/index.ts";
import { nodeWorkerHost } from "../../src/runtime/node/index.ts";
import { importsDynamically, watchRealm } from "../../src/components/playground/realm-audit.ts";
import { lessonsIn } from "../support/lesson-sources.ts";

const run = async (source: string) => runProgram(await compileProgram(source, esbuild.transform as never, ASYNCIO_EXPORTS), { workers: nodeWorkerHost });

describe("a run's audit", () => {
  it("passes every lesson's programs: they leave nothing behind", async () => {
    const playgrounds = (await lessonsIn()).flatMap((lesson) => lesson.playgrounds.map((pg) => ({ ...pg, where: `${lesson.file}#${pg.id}` })));
    expect(playgrounds.length).toBeGreaterThan(40);
    const realm = watchRealm();
    for (const pg of playgrounds) {
      const program = await compileProgram(pg.code, esbuild.transform as never, ASYNCIO_EXPORTS);
      expect(importsDynamically(program.code), pg.where).toBe(false);
      // The real clock's programs take real seconds and read the site's files over the network.
      if (pg.clock === "real") continue;
      await runProgram(program, { workers: nodeWorkerHost, model: pg.model });
      expect(realm.audit(), pg.where).toBeNull();
    }
  });

  it("finds a patched built-in, a new global, a changed prototype", async () => {
    const realm = watchRealm();
    const random = Math.random;
    try {
      expect((await run(`import { print } from "asyncio";\nMath.random = () => 0.5;\nprint(Math.random());\n`)).stdout).toEqual(["0.5"]);
      expect(realm.audit()).toBe("Math, its random");
    } finally {
      Math.random = random;
    }
    expect(realm.audit()).toBeNull();

    await run(`globalThis.leftBehind = 1;\n`);
    expect(realm.audit()).toBe("the global object");
    delete (globalThis as Record<string, unknown>).leftBehind;
    expect(realm.audit()).toBeNull();

    const generatorPrototype = Object.getPrototypeOf(function* () {}).prototype;
    const next = generatorPrototype.next;
    generatorPrototype.next = () => ({ done: true, value: undefined });
    expect(realm.audit()).toContain("its next");
    generatorPrototype.next = next;
    Object.setPrototypeOf(Math, null);
    expect(realm.audit()).toBe("Math");
    Object.setPrototypeOf(Math, Object.prototype);
    expect(realm.audit()).toBeNull();
  });

  it("finds a timer still set, and an API that calls back later", async () => {
    const timers = watchRealm();
    // The program's own setTimeout is cleared at its end (program/timers.ts); the realm's, reached
    // around it, is not.
    expect((await run(`setTimeout(() => {}, 0);\n`)).stderr[0]).toMatch(/^RuntimeWarning: 1 setTimeout callback never ran/);
    expect(timers.audit()).toBeNull();
    await run(`globalThis.setTimeout(() => {}, 0);\n`);
    expect(timers.audit()).toBe("1 timer(s) still set");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(timers.audit()).toBeNull();
    await run(`const id = setInterval(() => {}, 60000);\nclearInterval(id);\n`);
    expect(timers.audit()).toBeNull();

    const messaging = watchRealm();
    // The stand-in makes real channels.
    const result = await run(`import { print } from "asyncio";\nconst channel = new MessageChannel();\nprint(channel instanceof MessageChannel, typeof channel.port1.close);\nchannel.port1.close();\n`);
    expect(result.stdout).toEqual(["True function"]); // print formats as Python does
    expect(messaging.audit()).toBe("MessageChannel");
  });

  it("says which code imports dynamically", () => {
    expect(importsDynamically("const m = await import('./x.js')")).toBe(true);
    expect(importsDynamically("const important = 1; importance(2)")).toBe(false);
  });
});
