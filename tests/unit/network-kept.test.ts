// The simulated network in a browser keeps the site's files it has read (network.ts's KeptFiles):
// a second read of a file asks no server, gets the same bytes, and a program that writes into the
// bytes it got changes no later read. Reads over HTTP are counted with stand-ins for XMLHttpRequest
// and fetch.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { browserNetworkHost } from "../../src/runtime/io/index.ts";

/** The site's files: each one's bytes spell its path, so every file differs. */
const served = (path: string) => new TextEncoder().encode(`contents of ${path}`);
let requests: string[] = [];

beforeEach(() => {
  requests = [];
  vi.stubGlobal("location", { origin: "https://example.test" });
  vi.stubGlobal(
    "XMLHttpRequest",
    class {
      status = 0;
      response: ArrayBuffer | null = null;
      responseType = "";
      private href = "";
      open(_method: string, href: string) {
        this.href = href;
      }
      send() {
        requests.push(`sync ${new URL(this.href).pathname}`);
        this.status = 200;
        this.response = served(new URL(this.href).pathname).slice().buffer;
      }
    },
  );
  vi.stubGlobal("fetch", async (url: URL) => {
    requests.push(`async ${url.pathname}`);
    return { ok: true, status: 200, arrayBuffer: async () => served(url.pathname).slice().buffer };
  });
});
afterEach(() => vi.unstubAllGlobals());

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("browserNetworkHost with files kept", () => {
  test("a second read, blocking or async, asks no server and gets the same bytes", async () => {
    const host = browserNetworkHost("/", 1024)!;
    expect(text(host.readSync("/samples/a.ppm"))).toBe("contents of /samples/a.ppm");
    expect(text(host.readSync("/samples/a.ppm"))).toBe("contents of /samples/a.ppm");
    expect(text(await host.read("/samples/a.ppm"))).toBe("contents of /samples/a.ppm");
    expect(text(await host.read("/samples/b.ppm"))).toBe("contents of /samples/b.ppm");
    expect(text(host.readSync("/samples/b.ppm"))).toBe("contents of /samples/b.ppm");
    expect(requests).toEqual(["sync /samples/a.ppm", "async /samples/b.ppm"]);
  });

  test("bytes a program writes into change no later read", async () => {
    const host = browserNetworkHost("/", 1024)!;
    const first = host.readSync("/samples/a.ppm");
    first.fill(0);
    const second = await host.read("/samples/a.ppm");
    expect(text(second)).toBe("contents of /samples/a.ppm");
    second.fill(1);
    expect(text(host.readSync("/samples/a.ppm"))).toBe("contents of /samples/a.ppm");
  });

  test("without room to keep (the default), every read goes over HTTP", async () => {
    const host = browserNetworkHost("/sub/")!;
    host.readSync("/samples/a.ppm");
    await host.read("/samples/a.ppm");
    expect(requests).toEqual(["sync /sub/samples/a.ppm", "async /sub/samples/a.ppm"]);
  });
});

describe("what is kept, within its budget", () => {
  // Each file here is 26 bytes ("contents of /samples/a.ppm").
  test("past the budget, the file read least recently goes first", async () => {
    const host = browserNetworkHost("/", 60)!;
    for (const name of ["a", "b", "a", "c"]) host.readSync(`/samples/${name}.ppm`);
    // a, b, c is 78 bytes: b, read least recently, went.
    host.readSync("/samples/a.ppm");
    host.readSync("/samples/c.ppm");
    expect(requests).toEqual(["sync /samples/a.ppm", "sync /samples/b.ppm", "sync /samples/c.ppm"]);
    host.readSync("/samples/b.ppm");
    expect(requests.at(-1)).toBe("sync /samples/b.ppm");
  });

  test("two reads of one file at once keep it once, counted once", async () => {
    const host = browserNetworkHost("/", 60)!;
    await Promise.all([host.read("/samples/a.ppm"), host.read("/samples/a.ppm")]);
    await host.read("/samples/b.ppm");
    // 52 bytes kept, not 78: both still there.
    await host.read("/samples/a.ppm");
    host.readSync("/samples/b.ppm");
    expect(requests).toEqual(["async /samples/a.ppm", "async /samples/a.ppm", "async /samples/b.ppm"]);
  });

  test("a file larger than the budget is not kept", () => {
    const host = browserNetworkHost("/", 20)!;
    host.readSync("/samples/a.ppm");
    host.readSync("/samples/a.ppm");
    expect(requests).toEqual(["sync /samples/a.ppm", "sync /samples/a.ppm"]);
  });
});
