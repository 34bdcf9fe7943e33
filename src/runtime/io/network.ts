// A simulated network for lessons about real I/O: the site's own files (sample images), served with
// a latency. A blocking get holds its thread for the latency (Python's requests.get); an async get
// suspends its task on a timer and a real read (Python's httpx.AsyncClient.get). Where the bytes come
// from depends on the host: the site over HTTP in a browser, the public/ folder in Node.
import { blockThread, Coroutine, currentSession, Future, getRunningLoop, pyRepr, ValueError, type Session } from "../core/index.ts";

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

/** Files read from the site, kept for the next read, up to `budget` bytes (the least recently read
 *  go first): the site's files do not change while the page is open, and Run again then reads from
 *  memory instead of over HTTP. Each read gets a copy: a program may write into the bytes it got. */
class KeptFiles {
  private readonly files = new Map<string, Uint8Array>();
  private bytes = 0;
  private readonly budget: number;
  constructor(budget: number) {
    this.budget = budget;
  }

  /** A copy of `path`'s bytes if kept. */
  get(path: string): Uint8Array | undefined {
    const file = this.files.get(path);
    if (!file) return undefined;
    // Read last, dropped last (a Map iterates in the order of insertion).
    this.files.delete(path);
    this.files.set(path, file);
    return file.slice();
  }

  /** Keep `file` as `path`'s bytes (if it fits), and give a copy. */
  keep(path: string, file: Uint8Array): Uint8Array {
    if (file.length > this.budget) return file;
    this.bytes -= this.files.get(path)?.length ?? 0;
    this.files.delete(path);
    this.files.set(path, file);
    this.bytes += file.length;
    for (const [old, dropped] of this.files) {
      if (this.bytes <= this.budget) break;
      this.files.delete(old);
      this.bytes -= dropped.length;
    }
    return file.slice();
  }
}

/** The site over HTTP, for code running in a browser (sync XHR is allowed in workers); `basePath`: the
 *  sub-path the site is served under; `keepBytes`: how much of what it reads to keep (KeptFiles). */
export function browserNetworkHost(basePath = "/", keepBytes = 0): NetworkHost | undefined {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!origin || typeof XMLHttpRequest !== "function") return undefined;
  // "/samples/…" names a file of the site, which may live under a sub-path (a GitHub Pages project site).
  const base = new URL(basePath.replace(/\/?$/, "/"), origin).href;
  const url = (path: string) => new URL(`.${path}`, base);
  const kept = new KeptFiles(keepBytes);
  return {
    base,
    readSync(path) {
      const known = kept.get(path);
      if (known) return known;
      const request = new XMLHttpRequest();
      request.open("GET", url(path).href, false);
      request.responseType = "arraybuffer";
      request.send();
      if (request.status !== 200) throw new ValueError(`${path}: HTTP ${request.status}`);
      return kept.keep(path, new Uint8Array(request.response as ArrayBuffer));
    },
    async read(path) {
      const known = kept.get(path);
      if (known) return known;
      const response = await fetch(url(path));
      if (!response.ok) throw new ValueError(`${path}: HTTP ${response.status}`);
      return kept.keep(path, new Uint8Array(await response.arrayBuffer()));
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

const networkOf = new WeakMap<Session, NetworkHost>();

/** Give a run the site's files (over HTTP in a browser, from disk in Node). */
export function attachNetwork(session: Session, host: NetworkHost | undefined): void {
  if (host) networkOf.set(session, host);
}

/** Where a run's workers read the site's files from, if it has a network. */
export function networkBaseOf(session: Session): string | undefined {
  return networkOf.get(session)?.base;
}

function need(): NetworkHost {
  const host = networkOf.get(currentSession());
  if (!host) throw new ValueError("the simulated network is not available here");
  return host;
}

/** requests.get(url).content: block this thread for the latency, then return the file's bytes. */
export function httpGet(url: string, options?: RequestOptions): Uint8Array {
  const path = sitePath(url);
  const latency = latencyOf(options);
  const network = need();
  blockThread(`httpGet(${pyRepr(path)})`, latency, "sleep");
  return network.readSync(path);
}

/** await client.get(url): suspend this task for the latency (and the real read), then give the bytes. */
export function httpGetAsync(url: string, options?: RequestOptions): Coroutine<Uint8Array> {
  const path = sitePath(url);
  const latency = latencyOf(options);
  const network = need();
  return new Coroutine(
    function* () {
      const loop = getRunningLoop();
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
}
