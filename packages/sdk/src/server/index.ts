/**
 * `@digimens/sdk/server`: Node-only parts of the SDK. The proxy holds the API key so a
 * page never does; it speaks OpenAI's HTTP API under `/v1`.
 * @packageDocumentation
 */
export { createProxyHandler, startProxy, PROXIED_PATHS, type ProxyHandler, type ProxyOptions, type RunningProxy } from './proxy';
export { proxyConfigFromEnv, DEFAULT_PROXY_CONFIG, type ProxyConfig } from './config';
export { RateLimiter } from './rate-limit';
