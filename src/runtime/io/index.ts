// I/O a program can do besides sleeping: a simulated network that serves the site's own files with a
// latency (blocking and async), and decoding the image format its sample photos use.
export { httpGet, httpGetAsync, attachNetwork, networkBaseOf, browserNetworkHost, sitePath, DEFAULT_LATENCY, type NetworkHost, type RequestOptions } from "./network.ts";
export { decodeImage, type RgbImage } from "./images.ts";
