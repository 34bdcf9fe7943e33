// The compiler worker (compiler.worker.ts) compiles a program once, however often it is asked: Run
// pressed while the same code is being compiled (ahead, as the reader pressed Ctrl: browser-runner.ts's
// compileAhead) takes that compile, and the program goes to the runner's port as soon as it is made.
// Here the worker's module runs in this process with Node's esbuild in place of esbuild-wasm, each
// transform counted, and held until the test lets it go.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CompileReply, CompileRequest } from "../../src/components/playground/protocol.ts";

const esbuildWasm = vi.hoisted(() => ({ transforms: [] as string[], held: null as Promise<void> | null, failToLoad: false }));
vi.mock("esbuild-wasm", async () => {
  const native = await import("esbuild");
  return {
    initialize: async () => {
      if (esbuildWasm.failToLoad) throw new Error("Failed to fetch");
    },
    transform: async (input: string, options: Record<string, unknown>) => {
      esbuildWasm.transforms.push(input);
      await esbuildWasm.held;
      return native.transform(input, options as never);
    },
  };
});

const replies: CompileReply[] = [];
let worker: { onmessage: (event: { data: CompileRequest }) => Promise<void> };
beforeAll(async () => {
  worker = { postMessage: (reply: CompileReply) => replies.push(reply) } as never;
  (globalThis as { self?: unknown }).self = worker;
  await import("../../src/components/playground/compiler.worker.ts");
});

let nextId = 1;
/** Ask for a compile; the reply to it, and what its forward port received, once both are in. */
async function ask(source: string, forward = false) {
  const id = nextId++;
  const channel = forward ? new MessageChannel() : null;
  const forwarded = channel && new Promise<unknown>((resolve) => (channel.port2.onmessage = (event) => (resolve(event.data), channel.port2.close())));
  await worker.onmessage({ data: { id, source, forward: channel?.port1 } });
  return { reply: replies.find((r) => "id" in r && r.id === id)!, forwarded: await forwarded };
}

const program = (text: string) => `import { print } from "asyncio";\nprint(${JSON.stringify(text)});\n`;

describe("the compiler worker", () => {
  it("does not keep the compiler's own failure: the same code asked again is compiled again", async () => {
    const source = program("after a failure");
    esbuildWasm.failToLoad = true;
    const failed = await ask(source, true);
    expect(failed.reply).toMatchObject({ ok: false, failure: expect.stringContaining("could not load: Failed to fetch") });
    expect(failed.forwarded).toBeNull();
    esbuildWasm.failToLoad = false;
    const retried = await ask(source);
    expect(retried.reply).toMatchObject({ ok: true });
    expect(esbuildWasm.transforms).toEqual([source]);
  });

  it("answers a second request for code being compiled from the same compile, and forwards its program", async () => {
    const source = program("once");
    let release = () => {};
    esbuildWasm.held = new Promise((resolve) => (release = resolve));
    const before = esbuildWasm.transforms.length;
    const ahead = ask(source);
    const run = ask(source, true);
    release();
    const [first, second] = await Promise.all([ahead, run]);
    esbuildWasm.held = null;
    expect(esbuildWasm.transforms.length - before).toBe(1);
    if (!("program" in first.reply) || !("program" in second.reply)) throw new Error(`not compiled: ${JSON.stringify([first.reply, second.reply])}`);
    expect(second.reply.program).toEqual(first.reply.program);
    expect(second.forwarded).toEqual(first.reply.program);
    expect(first.reply.program.code).toContain('"once"');
  });

  it("compiles other code anew, and the same code again once other code came between", async () => {
    const before = esbuildWasm.transforms.length;
    await ask(program("a"));
    await ask(program("b"));
    const again = await ask(program("a"), true);
    expect(esbuildWasm.transforms.length - before).toBe(3);
    expect(again.reply).toMatchObject({ ok: true });
    expect(again.forwarded).toMatchObject({ code: expect.stringContaining('"a"') });
  });

  it("answers both with the problems of code that does not compile, and forwards null", async () => {
    const before = esbuildWasm.transforms.length;
    const [first, second] = await Promise.all([ask("const x = ;\n"), ask("const x = ;\n", true)]);
    expect(esbuildWasm.transforms.length - before).toBe(1);
    for (const { reply } of [first, second]) expect(reply).toMatchObject({ ok: false, problems: [{ line: 1, column: 11 }] });
    expect(second.forwarded).toBeNull();
  });
});
