// A simulated network for lessons about real I/O: the site's own files (sample images), served with
// a latency. A blocking get holds its thread for the latency (Python's requests.get); an async get
// suspends its task on a timer and a real read (Python's httpx.AsyncClient.get). Where the bytes come
// from depends on the host: the site over HTTP in a browser, the public/ folder in Node.
import { Coroutine } from "./coroutine.ts";
import { Future } from "./future.ts";
import { ValueError } from "./errors.ts";
import { pyRepr } from "./python-format.ts";
import type { Session } from "./session.ts";

/** Seconds a request takes when the program does not say. */
export const DEFAULT_LATENCY = 0.25;

/** Where the simulated network reads the site's files. */
export interface NetworkHost {
  /** What workers resolve paths against (`.${path}`): the site's address with its base path, or a file: URL of its public folder. */
  base: string;
  readSync(path: string): Uint8Array;
  read(path: string): Promise<Uint8Array>;
}

/** Options of a request. */
export interface RequestOptions {
  /** Seconds the request takes on top of reading the file. */
  latency?: number;
}

/** The site over HTTP, for code running in a browser (sync XHR is allowed in workers); `basePath`: the sub-path the site is served under. */
export function browserNetworkHost(basePath = "/"): NetworkHost | undefined {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!origin || typeof XMLHttpRequest !== "function") return undefined;
  // "/samples/…" names a file of the site, which may live under a sub-path (a GitHub Pages project site).
  const base = new URL(basePath.replace(/\/?$/, "/"), origin).href;
  const url = (path: string) => new URL(`.${path}`, base);
  return {
    base,
    readSync(path) {
      const request = new XMLHttpRequest();
      request.open("GET", url(path).href, false);
      request.responseType = "arraybuffer";
      request.send();
      if (request.status !== 200) throw new ValueError(`${path}: HTTP ${request.status}`);
      return new Uint8Array(request.response as ArrayBuffer);
    },
    async read(path) {
      const response = await fetch(url(path));
      if (!response.ok) throw new ValueError(`${path}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** A request's path, checked: only the site's own files. */
export function sitePath(url: unknown): string {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//"))
    throw new ValueError(`the simulated network serves the site's own files: give a path such as "/samples/photo-01.ppm", not ${pyRepr(url)}`);
  return url;
}

function latencyOf(options: RequestOptions | undefined): number {
  const latency = options?.latency ?? DEFAULT_LATENCY;
  if (typeof latency !== "number" || !(latency >= 0)) throw new ValueError(`latency must be a number of seconds >= 0, got ${pyRepr(latency)}`);
  return latency;
}

/** httpGet and httpGetAsync for one run. */
export function defineNetwork(session: Session, host: NetworkHost | undefined, hold: (label: string, seconds: number, work: "sleep") => void) {
  const need = () => {
    if (!host) throw new ValueError("the simulated network is not available here");
    return host;
  };
  return {
    /** requests.get(url).content: block this thread for the latency, then return the file's bytes. */
    httpGet(url: string, options?: RequestOptions): Uint8Array {
      const path = sitePath(url);
      const latency = latencyOf(options);
      const network = need();
      hold(`httpGet(${pyRepr(path)})`, latency, "sleep");
      return network.readSync(path);
    },

    /** await client.get(url): suspend this task for the latency (and the real read), then give the bytes. */
    httpGetAsync(url: string, options?: RequestOptions): Coroutine<Uint8Array> {
      const path = sitePath(url);
      const latency = latencyOf(options);
      const network = need();
      return new Coroutine(
        session,
        function* () {
          const loop = session.loop();
          const label = `httpGetAsync(${pyRepr(path)})`;
          const response = new Future<Uint8Array>(loop);
          response.waitInfo = { what: "io", label, until: loop.time() + latency };
          let bytes: Uint8Array | undefined;
          let latencyOver = false;
          const settle = () => bytes && latencyOver && !response.done() && response.setResult(bytes);
          loop.watchIo(
            network.read(path),
            (ok, value) => {
              if (ok) [bytes] = [value as Uint8Array];
              else if (!response.done()) response.setException(value);
              settle();
            },
            { label: `${label} read` },
          );
          const timer = loop.callLater(latency, () => ((latencyOver = true), settle()), { label: `${label} latency` });
          try {
            return (yield response) as Uint8Array;
          } finally {
            timer.cancel();
          }
        },
        "httpGetAsync",
      );
    },
  };
}
