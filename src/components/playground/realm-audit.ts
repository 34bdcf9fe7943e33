// Whether a runner worker may run the next program after this one (browser-runner.ts keeps a warm
// runner: its runtime is compiled and optimised, where a fresh worker interprets it cold). A run
// must leave nothing behind that the next could see:
//   - no change to the global object, JavaScript's built-in objects or their prototypes (a patched
//     `Math.random`, an `Array.prototype` method, a global variable), found by comparing every
//     property's descriptor, every [[Prototype]] and extensibility with a snapshot taken before the
//     first run (the browser's own interfaces, some 300 of them, are compared only as the global
//     object's properties: their prototypes would make each audit many times longer);
//   - no timer still set, no request still under way, no worker still alive (the runtime's own
//     threads and downloads end with their run);
//   - no use of an API that calls back later and that the above cannot follow (messaging, sockets,
//     storage, locks, dynamic import…): the worker is not reused after such a run.
// A false alarm only costs a fresh worker. This guards against accidents, not against a reader set on
// spoiling their own next run (Stop and every failed run start a fresh worker anyway).

/** Whether compiled code imports dynamically (a keyword: no wrapper can see it). */
export function importsDynamically(code: string): boolean {
  return /\bimport\s*\(/.test(code);
}

/** What the worker's global object offers that calls back later; using one spends the worker. */
const CALLS_BACK_LATER = ["WebSocket", "WebTransport", "EventSource", "BroadcastChannel", "MessageChannel", "SharedWorker", "importScripts", "FinalizationRegistry", "requestAnimationFrame", "addEventListener", "postMessage"];
const CALLS_BACK_LATER_OBJECTS = ["indexedDB", "caches", "storage", "cookieStore"];
const CALLS_BACK_LATER_METHODS: [string, string[]][] = [
  ["Atomics", ["waitAsync"]],
  ["WebAssembly", ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]],
  ["scheduler", ["postTask", "yield"]],
];

type Shape = { proto: object | null; extensible: boolean; props: Map<PropertyKey, PropertyDescriptor> };
type Global = typeof globalThis & Record<string, unknown>;

/** Watch this realm from now on (call before the first run): after each run, `audit()` says what
 * the run left behind, or null when the next run may use the same worker. */
export function watchRealm(global: Global = globalThis as Global): { audit: () => string | null; spend: (why: string) => void } {
  let spent: string | null = null;
  const spend = (why: string) => void (spent ??= why);
  const live = trackAsyncWork(global, spend);
  const changed = snapshotRealm(global);
  return {
    audit: () => spent ?? live() ?? changed(),
    spend,
  };
}

// Timers, requests and workers are counted (the runtime itself uses them, and ends them with the
// run); the APIs that call back later mark the worker spent when used.
function trackAsyncWork(global: Global, spend: (why: string) => void): () => string | null {
  const timers = new Set<unknown>();
  let requests = 0;
  const workers = new Set<Worker>();
  const { setTimeout, setInterval, clearTimeout, clearInterval, fetch, Worker, XMLHttpRequest } = global;
  global.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const id = setTimeout((...a: unknown[]) => (timers.delete(id), handler(...a)), ms, ...args);
    timers.add(id);
    return id;
  }) as typeof setTimeout;
  global.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setInterval(handler, ms, ...args);
    timers.add(id);
    return id;
  }) as typeof setInterval;
  global.clearTimeout = ((id: Parameters<typeof clearTimeout>[0]) => (timers.delete(id), clearTimeout(id))) as typeof clearTimeout;
  global.clearInterval = ((id: Parameters<typeof clearInterval>[0]) => (timers.delete(id), clearInterval(id))) as typeof clearInterval;
  if (fetch)
    global.fetch = ((...args: Parameters<typeof fetch>) => {
      requests++;
      return fetch(...args).finally(() => requests--);
    }) as typeof fetch;
  // A blocking httpGet's request is synchronous: it ends before send returns.
  if (XMLHttpRequest)
    global.XMLHttpRequest = class extends XMLHttpRequest {
      private waited = false;
      override open(method: string, url: string | URL, async = true, ...rest: (string | null | undefined)[]) {
        this.waited = !async;
        super.open(method, url, async, ...rest);
      }
      override send(body?: Document | XMLHttpRequestBodyInit | null) {
        if (!this.waited) {
          requests++;
          this.addEventListener("loadend", () => requests--, { once: true });
        }
        super.send(body);
      }
    };
  if (Worker)
    global.Worker = class extends Worker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.add(this);
      }
      override terminate() {
        workers.delete(this);
        super.terminate();
      }
    };
  for (const name of CALLS_BACK_LATER) if (typeof global[name] === "function") global[name] = markOnCall(global[name] as Callable, () => spend(name));
  for (const name of CALLS_BACK_LATER_OBJECTS) {
    if (!(name in global)) continue;
    const value = global[name];
    Object.defineProperty(global, name, { configurable: true, get: () => (spend(name), value) });
  }
  for (const [owner, names] of CALLS_BACK_LATER_METHODS) {
    const object = global[owner] as Record<string, unknown> | undefined;
    for (const name of names) if (typeof object?.[name] === "function") object[name] = markOnCall(object[name] as Callable, () => spend(`${owner}.${name}`));
  }
  return () => (timers.size ? `${timers.size} timer(s) still set` : requests ? "a request still under way" : workers.size ? "a worker still alive" : null);
}

type Callable = ((...args: unknown[]) => unknown) & (new (...args: unknown[]) => unknown);

// A stand-in that calls (or constructs) the original after `used()`; its instances are the original's.
function markOnCall(original: Callable, used: () => void): Callable {
  const standIn = function (this: unknown, ...args: unknown[]) {
    used();
    return new.target ? Reflect.construct(original, args, new.target === standIn ? original : new.target) : Reflect.apply(original, this, args);
  } as Callable;
  standIn.prototype = original.prototype;
  return standIn;
}

// Prototypes that no global names but every program uses: generators (the runtime is built on
// them), async functions, iterators.
function intrinsics(): object[] {
  const generator = function* () {};
  const asyncGenerator = async function* () {};
  return [
    Object.getPrototypeOf(generator),
    Object.getPrototypeOf(generator()),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(asyncGenerator),
    Object.getPrototypeOf(asyncGenerator()),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(""[Symbol.iterator]()),
    Object.getPrototypeOf(Int8Array),
  ];
}

/** JavaScript's own globals (ECMA-262's global object), and the two the runtime uses. */
const BUILT_INS = [
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Promise", "Proxy", "Date", "RegExp",
  "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
  "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Iterator", "Intl", "Atomics",
  "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
  "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent",
  "console", "performance",
];

/** Every object the comparison covers: the global object, the built-ins, their prototypes. */
function realmObjects(global: object): Set<object> {
  const found = new Set<object>();
  const add = (value: unknown) => {
    for (let o = value; (typeof o === "object" || typeof o === "function") && o !== null && !found.has(o); o = Object.getPrototypeOf(o)) {
      found.add(o);
      const prototype = typeof o === "function" ? Object.getOwnPropertyDescriptor(o, "prototype")?.value : undefined;
      if (prototype) add(prototype);
    }
  };
  add(global);
  for (const name of BUILT_INS) add(Object.getOwnPropertyDescriptor(global, name)?.value);
  for (const o of intrinsics()) add(o);
  return found;
}

function shapeOf(o: object): Shape {
  const props = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(o)) props.set(key, Object.getOwnPropertyDescriptor(o, key)!);
  return { proto: Object.getPrototypeOf(o), extensible: Object.isExtensible(o), props };
}

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/** The realm as it is now, and a way to say later what changed in it (null: nothing). */
function snapshotRealm(global: object = globalThis): () => string | null {
  const shapes = new Map<object, Shape>();
  for (const o of realmObjects(global)) shapes.set(o, shapeOf(o));
  // Event handler attributes (onmessage…) are accessors, on the global object or its prototypes:
  // their values are compared instead.
  const handlers = new Map<string, unknown>();
  for (let o: object | null = global; o; o = Object.getPrototypeOf(o))
    for (const key of Object.getOwnPropertyNames(o)) if (key.startsWith("on") && !handlers.has(key)) handlers.set(key, (global as Record<string, unknown>)[key]);
  return () => {
    for (const [o, before] of shapes) {
      const now = shapeOf(o);
      if (now.proto !== before.proto || now.extensible !== before.extensible || now.props.size !== before.props.size) return describe(o, global);
      for (const [key, descriptor] of now.props) {
        const was = before.props.get(key);
        if (!was || !sameDescriptor(was, descriptor)) return `${describe(o, global)}, its ${String(key)}`;
      }
    }
    for (const [key, value] of handlers) if ((global as Record<string, unknown>)[key] !== value) return `the global ${key}`;
    return null;
  };
}

/** "the global object", "Math", "Array.prototype", "Promise"… */
function describe(o: object, global: object): string {
  if (o === global) return "the global object";
  if (typeof o === "function") return o.name || "a built-in function";
  const owner = Object.getOwnPropertyDescriptor(o, "constructor")?.value;
  if (typeof owner === "function" && owner.prototype === o) return `${owner.name}.prototype`;
  return (o as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] ?? "a built-in object";
}
