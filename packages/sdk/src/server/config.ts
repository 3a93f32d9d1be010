/** Everything the proxy needs, read once at start-up. */
export interface ProxyConfig {
  /** The upstream API key. Only ever sent upstream; never in a response, a page or a log. */
  apiKey: string | undefined;
  /** Upstream base URL including its version path, e.g. `https://api.openai.com/v1`. */
  upstream: string;
  /**
   * Origins allowed to call the proxy (exact match, e.g. `https://kiosk.example.nl`).
   * A request with an `Origin` header outside this list gets 403. Requests without
   * `Origin` (curl, server-to-server) are allowed: browsers always send it cross-origin.
   */
  allowedOrigins: readonly string[];
  /** Port to listen on (0: any free port). */
  port: number;
  /** Interface to listen on. Default loopback; put a TLS-terminating reverse proxy in front. */
  host: string;
  /** Requests one client (IP address) may make per {@link rateWindowMs}. */
  rateLimit: number;
  rateWindowMs: number;
  /** Largest request body accepted, in bytes (audio uploads included). */
  maxBodyBytes: number;
  /**
   * Milliseconds to wait for the upstream's response headers, and then for each next
   * chunk of a stream, before giving up with 504 (or an error event mid-stream).
   */
  upstreamTimeoutMs: number;
  /** Log request content (bodies) to the console. Off by default: conversations are personal data. */
  logContent: boolean;
}

/** Defaults for every field except the key. */
export const DEFAULT_PROXY_CONFIG: Readonly<Omit<ProxyConfig, 'apiKey'>> = Object.freeze({
  upstream: 'https://api.openai.com/v1',
  allowedOrigins: [],
  port: 8787,
  host: '127.0.0.1',
  rateLimit: 60,
  rateWindowMs: 60_000,
  maxBodyBytes: 4 * 1024 * 1024,
  upstreamTimeoutMs: 30_000,
  logContent: false,
});

/**
 * Reads the proxy's config from environment variables:
 * `OPENAI_API_KEY`, `OPENAI_BASE_URL` (the upstream), `DIGIMENS_ALLOWED_ORIGINS`
 * (comma-separated), `PORT`, `HOST`, `DIGIMENS_RATE_LIMIT` (requests a minute per client),
 * `DIGIMENS_MAX_BODY_BYTES`, `DIGIMENS_UPSTREAM_TIMEOUT_MS`, `DIGIMENS_LOG_CONTENT=1`.
 * @throws {Error} naming the variable when a number is not a number.
 */
export function proxyConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ProxyConfig {
  const d = DEFAULT_PROXY_CONFIG;
  return {
    apiKey: env.OPENAI_API_KEY || undefined,
    upstream: (env.OPENAI_BASE_URL || d.upstream).replace(/\/+$/, ''),
    allowedOrigins: (env.DIGIMENS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    port: numberFrom(env, 'PORT', d.port),
    host: env.HOST || d.host,
    rateLimit: numberFrom(env, 'DIGIMENS_RATE_LIMIT', d.rateLimit),
    rateWindowMs: d.rateWindowMs,
    maxBodyBytes: numberFrom(env, 'DIGIMENS_MAX_BODY_BYTES', d.maxBodyBytes),
    upstreamTimeoutMs: numberFrom(env, 'DIGIMENS_UPSTREAM_TIMEOUT_MS', d.upstreamTimeoutMs),
    logContent: env.DIGIMENS_LOG_CONTENT === '1',
  };
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${JSON.stringify(raw)}: expected a non-negative number`);
  return value;
}
