import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../../test/support/openai-test-server';
import { startProxy, type RunningProxy } from './proxy';
import { proxyConfigFromEnv } from './config';
import { encodeWav } from '../speech/stt/wav';

const KEY = 'sk-test-secret-key-0123456789';
const ORIGIN = 'http://app.example';

let upstream: OpenAITestServer;
let proxy: RunningProxy;
const lines: string[] = [];

beforeAll(async () => {
  upstream = await startOpenAITestServer({ expectedKey: KEY });
  proxy = await startProxy(
    { apiKey: KEY, upstream: upstream.baseURL, allowedOrigins: [ORIGIN], port: 0, rateLimit: 1000, maxBodyBytes: 64 * 1024, upstreamTimeoutMs: 400 },
    { log: (line) => lines.push(line) },
  );
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
afterEach(() => upstream.set({ mode: 'ok', latencyMs: 0, chunkDelayMs: 0, reply: 'Hello there. How can I help you today?' }));

function chat(body: object = { model: 'm', stream: true, messages: [{ role: 'user', content: 'My private question' }] }, headers: Record<string, string> = {}) {
  return fetch(`${proxy.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}

/** Everything a client can see of a response, to search for the key. */
async function visible(response: Response): Promise<string> {
  return [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n' + (await response.text());
}

describe('proxy', () => {
  it('streams SSE through unbuffered and adds the key upstream', async () => {
    upstream.set({ chunkDelayMs: 100, reply: 'One. Two. Three. Four.' });
    const response = await chat();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const reader = response.body!.getReader();
    const first = await reader.read();
    const firstAt = Date.now();
    let text = new TextDecoder().decode(first.value);
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    // Unbuffered: chunks arrive as the upstream makes them (≥ 3 × 100 ms apart in all), not
    // together at the end. Relative, so a slow machine cannot fail it.
    expect(Date.now() - firstAt).toBeGreaterThan(150);
    expect(text).toMatch(/^data: \{"id":"chatcmpl-/);
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(upstream.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('never shows the key in any response body or header', async () => {
    const responses = [
      await chat(),
      await chat({ model: 'm', stream: false, messages: [] }),
      await fetch(`${proxy.url}/v1/audio/speech`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: '{"input":"hi"}' }),
      await fetch(`${proxy.url}/v1/nope`, { method: 'POST', headers: { origin: ORIGIN } }),
      await fetch(`${proxy.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-headers': 'authorization' } }),
      await chat(undefined, { origin: 'http://evil.example' }),
    ];
    upstream.set({ mode: 'error5xx' });
    responses.push(await chat());
    upstream.set({ mode: 'ok', expectedKey: 'another-key' }); // upstream rejects and quotes a key
    responses.push(await chat());
    upstream.set({ expectedKey: KEY });
    for (const response of responses) {
      const seen = await visible(response);
      expect(seen).not.toContain(KEY);
      expect(seen).not.toMatch(/sk-[A-Za-z0-9*]{4,}/);
    }
  });

  it('refuses a foreign origin with 403, preflight included', async () => {
    const response = await chat(undefined, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('DIGIMENS_ALLOWED_ORIGINS');
    const preflight = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(preflight.status).toBe(403);
    const allowed = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-headers': 'x-stainless-os' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('x-stainless-os');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await chat({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(100 * 1024) }] });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('body_too_large');
  });

  it('answers 504 with a clear message when the upstream does not answer in time', async () => {
    upstream.set({ mode: 'timeout' });
    const started = Date.now();
    const response = await chat();
    expect(response.status).toBe(504);
    const { error } = (await response.json()) as { error: { type: string; message: string } };
    expect(error.type).toBe('upstream_timeout');
    expect(error.message).toMatch(/did not answer within 0.4 s/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('ends a stream that goes silent or is cut with an SSE error event', async () => {
    upstream.set({ chunkDelayMs: 1000, reply: 'One two three four five six.' });
    const silent = await (await chat()).text();
    expect(silent).toContain('"type":"upstream_timeout"');
    upstream.set({ mode: 'cut', chunkDelayMs: 0 });
    const cut = await (await chat()).text();
    expect(cut).toContain('"type":"upstream_cut"');
    expect(cut).not.toContain('[DONE]');
  });

  it('passes upstream 5xx through', async () => {
    upstream.set({ mode: 'error5xx' });
    const response = await chat();
    expect(response.status).toBe(503);
  });

  it('forwards speech and transcription', async () => {
    const speech = await fetch(`${proxy.url}/v1/audio/speech`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'tts', voice: 'alloy', input: 'Hallo', response_format: 'wav' }),
    });
    expect(speech.headers.get('content-type')).toBe('audio/wav');
    expect((await speech.arrayBuffer()).byteLength).toBeGreaterThan(44);
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('file', new Blob([encodeWav(new Float32Array(8000).fill(0.1), 16_000)], { type: 'audio/wav' }), 'speech.wav');
    const transcript = await fetch(`${proxy.url}/v1/audio/transcriptions`, { method: 'POST', headers: { origin: ORIGIN }, body: form });
    expect(((await transcript.json()) as { text: string }).text).toBe('received 0.50 s at 16000 Hz');
    expect(upstream.requests.at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('logs no content', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('private question');
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('limits each client with 429 and Retry-After', async () => {
    const limited = await startProxy({ apiKey: KEY, upstream: upstream.baseURL, allowedOrigins: [ORIGIN], port: 0, rateLimit: 3 });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${limited.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'm', stream: false, messages: [] }),
        });
        statuses.push(response.status);
        retryAfter ??= response.headers.get('retry-after');
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('proxyConfigFromEnv', () => {
  it('reads the documented variables', () => {
    const config = proxyConfigFromEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://llm.local/v1/', DIGIMENS_ALLOWED_ORIGINS: 'https://a.nl, https://b.nl/', PORT: '9000' });
    expect(config).toMatchObject({ apiKey: 'k', upstream: 'http://llm.local/v1', allowedOrigins: ['https://a.nl', 'https://b.nl'], port: 9000, logContent: false });
  });

  it('names a variable that is not a number', () => {
    expect(() => proxyConfigFromEnv({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
  });
});
