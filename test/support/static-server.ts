import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { PAGES, SDK_DIST, SHARED } from './paths';

/** URL prefixes and the folders they serve. */
const MOUNTS: ReadonlyArray<[prefix: string, folder: string]> = [
  ['/dist/', SDK_DIST],
  ['/shared/', SHARED],
  ['/', PAGES],
];

/**
 * Serves the built SDK, the test pages and ../shared the way a plain static web host
 * would (no bundler, no dev server), with cross-origin isolation headers so that
 * multi-threaded WASM is available to the pages. `extraMounts` adds `[prefix, folder]` pairs.
 */
export function startStaticServer(port: number, extraMounts: ReadonlyArray<[prefix: string, folder: string]> = []): Promise<Server> {
  // Extra mounts (e.g. the face eval's image folder and peer libraries) go before '/'.
  const handlers = [...extraMounts, ...MOUNTS].map(([prefix, folder]) => [prefix, sirv(folder, { dev: true, etag: true })] as const);
  const server = createServer((request, response) => {
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    const url = request.url ?? '/';
    const match = handlers.find(([prefix]) => url.startsWith(prefix));
    if (!match) return void response.writeHead(404).end();
    const [prefix, handle] = match;
    request.url = url.slice(prefix.length - 1);
    handle(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** The `http://127.0.0.1:PORT` origin a started server listens on (benchmarks pass port 0 so parallel runs never collide). */
export function serverOrigin(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
