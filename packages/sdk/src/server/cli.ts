#!/usr/bin/env node
/**
 * `pnpm proxy` / `digimens-proxy`: starts the proxy from environment variables (see
 * {@link proxyConfigFromEnv}) and prints `listening on http://127.0.0.1:PORT` when ready.
 */
import { proxyConfigFromEnv } from './config';
import { startProxy } from './proxy';

try {
  const config = proxyConfigFromEnv();
  if (!config.apiKey) console.warn('[digimens proxy] OPENAI_API_KEY is not set: forwarding without a key (fine for a local Ollama or vLLM).');
  if (config.allowedOrigins.length === 0) console.warn('[digimens proxy] DIGIMENS_ALLOWED_ORIGINS is empty: every browser origin gets 403.');
  const proxy = await startProxy(config, { log: (line) => console.log(line) });
  console.log(`listening on ${proxy.url}`);
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`[digimens proxy] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
