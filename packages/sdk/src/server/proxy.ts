import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PROXY_CONFIG, type ProxyConfig } from './config';
import { errorBody, HttpError, readBody, sendError } from './http-util';
import { RateLimiter } from './rate-limit';

/** The OpenAI paths the proxy forwards; everything else is 404. */
export const PROXIED_PATHS: readonly string[] = ['/v1/chat/completions', '/v1/audio/speech', '/v1/audio/transcriptions'];

/** Response headers copied from the upstream: content only, never cookies or account data. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control'];

/** Options of {@link createProxyHandler} beyond the config. */
export interface ProxyOptions {
  /** Receives one line per request (method, path, status, duration; no content). Default: silent. */
  log?: (line: string) => void;
}

/** A Node request handler; `next` (Connect/Vite style) gets paths the proxy does not serve. */
export type ProxyHandler = (request: IncomingMessage, response: ServerResponse, next?: () => void) => void;

/**
 * The proxy as a request handler, to mount in an existing Node server (the demo's Vite
 * dev server does: `server.middlewares.use(createProxyHandler(config))`).
 *
 * Per request: origin allow-list (403), per-client rate limit (429), body limit (413),
 * then forwarding with the API key added server-side; upstream silence past the timeout
 * gives 504 (or, mid-stream, an SSE error event), upstream unreachable gives 502. Server-sent
 * events are passed through chunk by chunk, unbuffered.
 */
export function createProxyHandler(config: Partial<ProxyConfig> = {}, options: ProxyOptions = {}): ProxyHandler {
  const settings: ProxyConfig = { ...DEFAULT_PROXY_CONFIG, apiKey: undefined, ...config };
  const limiter = new RateLimiter(settings.rateLimit, settings.rateWindowMs);
  const log = options.log ?? (() => {});

  return (request, response, next) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!PROXIED_PATHS.includes(path) && next) return next();
    const started = Date.now();
    response.on('finish', () => log(`${request.method} ${path} ${response.statusCode} ${Date.now() - started}ms`));
    handle(settings, limiter, log, path, request, response).catch((error: unknown) => {
      const httpError =
        error instanceof HttpError ? error : new HttpError(500, 'proxy_error', 'The proxy failed unexpectedly; see its console.');
      if (!(error instanceof HttpError)) console.error('[digimens proxy]', error instanceof Error ? error.message : error);
      sendError(response, httpError);
    });
  };
}

async function handle(
  config: ProxyConfig,
  limiter: RateLimiter,
  log: (line: string) => void,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!config.allowedOrigins.includes(origin)) {
      throw new HttpError(403, 'origin_not_allowed', `Origin ${origin} is not allowed; add it to DIGIMENS_ALLOWED_ORIGINS.`);
    }
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('vary', 'Origin');
  }
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'POST, OPTIONS',
      // OpenAI clients send their own x-stainless-* headers; allow what the browser asks for.
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  if (!PROXIED_PATHS.includes(path)) throw new HttpError(404, 'not_found', `No such endpoint: ${path}. The proxy serves ${PROXIED_PATHS.join(', ')}.`);
  if (request.method !== 'POST') throw new HttpError(405, 'method_not_allowed', `${request.method} is not supported; use POST.`);
  const retryAfter = limiter.take(request.socket.remoteAddress ?? 'unknown');
  if (retryAfter) {
    throw new HttpError(429, 'rate_limited', `Too many requests from this client; try again in ${retryAfter} s.`, {
      'retry-after': String(retryAfter),
    });
  }
  const body = await readBody(request, config.maxBodyBytes);
  if (config.logContent) log(`${path} body: ${body.toString('utf8').slice(0, 2000)}`);
  await forward(config, path, request, body, response);
}

async function forward(config: ProxyConfig, path: string, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
  const abort = new AbortController();
  // The person left (tab closed, barge-in aborted the fetch): stop paying for tokens.
  response.on('close', () => abort.abort());
  const headers: Record<string, string> = { 'content-type': request.headers['content-type'] ?? 'application/json' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  const seconds = config.upstreamTimeoutMs / 1000;
  let timer = setTimeout(() => abort.abort('timeout'), config.upstreamTimeoutMs);
  let upstream: Response;
  try {
    upstream = await fetch(config.upstream + path.slice('/v1'.length), { method: 'POST', headers, body: new Uint8Array(body), signal: abort.signal });
  } catch (error) {
    clearTimeout(timer);
    if (abort.signal.reason === 'timeout') {
      throw new HttpError(504, 'upstream_timeout', `The language service did not answer within ${seconds} s (upstream timeout). Please try again.`);
    }
    if (abort.signal.aborted) return;
    throw new HttpError(502, 'upstream_unreachable', `The language service at ${new URL(config.upstream).host} could not be reached.`);
  }
  const outHeaders: Record<string, string> = {};
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) outHeaders[name] = value;
  }
  if (!upstream.ok) {
    clearTimeout(timer);
    // Upstream errors may quote the key (OpenAI's "Incorrect API key provided: sk-…").
    const text = redact(await upstream.text().catch(() => ''), config.apiKey);
    response.writeHead(upstream.status, outHeaders);
    response.end(text || errorBody('upstream_error', `The language service answered HTTP ${upstream.status}.`, upstream.status));
    return;
  }
  response.writeHead(upstream.status, { ...outHeaders, 'x-accel-buffering': 'no' });
  response.flushHeaders();
  const isStream = (outHeaders['content-type'] ?? '').includes('text/event-stream');
  const reader = upstream.body?.getReader();
  try {
    while (reader) {
      clearTimeout(timer);
      timer = setTimeout(() => abort.abort('timeout'), config.upstreamTimeoutMs);
      const { done, value } = await reader.read();
      if (done) break;
      response.write(value);
    }
    response.end();
  } catch {
    if (response.destroyed) return;
    const [type, message] =
      abort.signal.reason === 'timeout'
        ? ['upstream_timeout', `The language service stopped answering for ${seconds} s (upstream timeout). Please try again.`]
        : ['upstream_cut', 'The connection to the language service broke off mid-answer. Please try again.'];
    // Headers are out; an OpenAI client turns a `data: {"error": …}` event into an APIError.
    if (isStream) response.end(`data: ${errorBody(type, message, 'stream_error')}\n\n`);
    else response.destroy();
  } finally {
    clearTimeout(timer);
  }
}

/** Removes the key, and anything shaped like an OpenAI key, from text bound for a client. */
function redact(text: string, key: string | undefined): string {
  const withoutKey = key ? text.split(key).join('[redacted]') : text;
  return withoutKey.replace(/sk-[A-Za-z0-9*_-]{4,}/g, '[redacted]');
}

/** A running proxy. */
export interface RunningProxy {
  server: Server;
  /** `http://host:port` it listens on. */
  url: string;
  close(): Promise<void>;
}

/** Starts the proxy on `config.port` (0: a free port). */
export function startProxy(config: Partial<ProxyConfig> = {}, options: ProxyOptions = {}): Promise<RunningProxy> {
  const settings = { ...DEFAULT_PROXY_CONFIG, ...config };
  const handler = createProxyHandler(settings, options);
  const server = createServer((request, response) => handler(request, response));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${settings.host}:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
