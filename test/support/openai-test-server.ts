import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the test server answers chat completions:
 * - `ok`: streams `reply` as faithful SSE chunks, then `data: [DONE]`;
 * - `error5xx`: HTTP 503 with an OpenAI-style error body;
 * - `timeout`: accepts the request and never answers;
 * - `cut`: streams the first `cutAfterChunks` chunks, then destroys the socket.
 */
export type TestServerMode = 'ok' | 'error5xx' | 'timeout' | 'cut';

export interface TestServerBehaviour {
  mode: TestServerMode;
  /** The assistant's reply, streamed in chunks of about `chunkChars` characters. */
  reply: string;
  /** Milliseconds before the response headers and first chunk (the model's "time to first token"). */
  latencyMs: number;
  /** Milliseconds between chunks. */
  chunkDelayMs: number;
  chunkChars: number;
  cutAfterChunks: number;
  /** Milliseconds before a speech answer (separate from the model's latency). */
  speechLatencyMs: number;
  /** Milliseconds before a transcription answer (fixed, so benchmarks can subtract it). */
  transcriptionLatencyMs: number;
  /** What every transcription returns; `null`: a description of the upload (its duration and rate). */
  transcript: string | null;
  /** Length of synthesized speech per character of input (s). */
  speechSecondsPerChar: number;
  /** A function call streamed after the text (as tool_calls deltas), e.g. `handover_to_human`. */
  toolCall: { name: string; arguments: string } | null;
  /** Key the server expects as `Authorization: Bearer …` (the proxy must add it); `null` accepts any. */
  expectedKey: string | null;
}

/** What the server found in an upload to `/v1/audio/transcriptions` (tests assert it was real speech audio). */
export interface ReceivedTranscription {
  model: string | null;
  language: string | null;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  durationS: number;
  /** Root-mean-square level of the samples (0–1): silence is near 0, speech well above. */
  rms: number;
}

/** A recorded request (tests assert on what the proxy forwarded). */
export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface OpenAITestServer {
  url: string;
  /** `url` + `/v1`: the value for a client's or the proxy's base URL. */
  baseURL: string;
  behaviour: TestServerBehaviour;
  requests: RecordedRequest[];
  /** Every valid upload to `/v1/audio/transcriptions`, in order. */
  transcriptions: ReceivedTranscription[];
  /** Changes behaviour for the next requests. */
  set(changes: Partial<TestServerBehaviour>): void;
  close(): Promise<void>;
}

const DEFAULTS: TestServerBehaviour = {
  mode: 'ok',
  reply: 'Hello there. How can I help you today?',
  latencyMs: 0,
  chunkDelayMs: 0,
  chunkChars: 6,
  cutAfterChunks: 2,
  toolCall: null,
  speechSecondsPerChar: 0.06,
  speechLatencyMs: 0,
  transcriptionLatencyMs: 0,
  transcript: null,
  expectedKey: null,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits text into chunks of about `size` characters at word edges, like a tokenizer's deltas. */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
    current += piece;
    if (current.length >= size) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** A 16-bit mono WAV of `seconds` of a quiet tone: stands in for synthesized speech. */
export function toneWav(seconds: number, sampleRate = 16_000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVEfmt ', 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buffer.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate)), 44 + i * 2);
  return buffer;
}

/**
 * A local OpenAI-compatible server for tests and benchmarks: `/v1/chat/completions`
 * (streaming as OpenAI does: `data: {chat.completion.chunk}\n\n` … `data: [DONE]\n\n`, or
 * one JSON completion when `stream` is false), `/v1/audio/speech` (a WAV whose length
 * follows the text) and `/v1/audio/transcriptions` (checks that the upload is a PCM WAV, as
 * OpenAI rejects anything it cannot decode, and answers `transcript`).
 */
export async function startOpenAITestServer(initial: Partial<TestServerBehaviour> = {}, port = 0): Promise<OpenAITestServer> {
  const behaviour: TestServerBehaviour = { ...DEFAULTS, ...initial };
  const requests: RecordedRequest[] = [];
  const transcriptions: ReceivedTranscription[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers, body });
    const b = { ...behaviour };
    if (b.expectedKey !== null && request.headers.authorization !== `Bearer ${b.expectedKey}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-te***ey.', type: 'invalid_request_error', code: 'invalid_api_key' } }));
      return;
    }
    if (path === '/v1/audio/speech') {
      const { input = '' } = JSON.parse(body.toString('utf8') || '{}') as { input?: string };
      await sleep(b.speechLatencyMs);
      response.writeHead(200, { 'content-type': 'audio/wav' });
      response.end(toneWav(Math.max(0.3, input.length * b.speechSecondsPerChar)));
      return;
    }
    if (path === '/v1/audio/transcriptions') {
      await sleep(b.transcriptionLatencyMs);
      let received: ReceivedTranscription;
      try {
        received = await readTranscriptionUpload(body, request.headers['content-type'] ?? '');
      } catch (error) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `Invalid file: ${(error as Error).message}`, type: 'invalid_request_error', code: null } }));
        return;
      }
      transcriptions.push(received);
      const text = b.transcript ?? `received ${received.durationS.toFixed(2)} s at ${received.sampleRate} Hz`;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ text }));
      return;
    }
    if (path !== '/v1/chat/completions') {
      response.writeHead(404).end();
      return;
    }
    if (b.mode === 'timeout') return; // Never answers; the proxy's timeout must act.
    await sleep(b.latencyMs);
    if (b.mode === 'error5xx') {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'The model is overloaded.', type: 'server_error', code: null } }));
      return;
    }
    const parsed = JSON.parse(body.toString('utf8') || '{}') as { stream?: boolean; model?: string };
    const id = `chatcmpl-test${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const model = parsed.model ?? 'test-model';
    if (!parsed.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: b.reply }, finish_reason: 'stop' }],
        }),
      );
      return;
    }
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(chunk({ role: 'assistant', content: '' }, null));
    const pieces = chunkText(b.reply, b.chunkChars);
    for (const [i, piece] of pieces.entries()) {
      if (b.mode === 'cut' && i === b.cutAfterChunks) {
        response.socket?.destroy();
        return;
      }
      if (i > 0) await sleep(b.chunkDelayMs);
      if (response.destroyed) return;
      response.write(chunk({ content: piece }, null));
    }
    if (b.toolCall) {
      const { name, arguments: args } = b.toolCall;
      const half = Math.ceil(args.length / 2);
      response.write(chunk({ tool_calls: [{ index: 0, id: 'call_test', type: 'function', function: { name, arguments: args.slice(0, half) } }] }, null));
      response.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }, null));
    }
    response.write(chunk({}, b.toolCall ? 'tool_calls' : 'stop'));
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    behaviour,
    requests,
    transcriptions,
    set: (changes) => Object.assign(behaviour, changes),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parses a multipart transcription upload and its `file` as a WAV; throws saying what is wrong. */
async function readTranscriptionUpload(body: Buffer, contentType: string): Promise<ReceivedTranscription> {
  if (!contentType.startsWith('multipart/form-data')) throw new Error(`expected multipart/form-data, got ${contentType || 'no content type'}`);
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new Error('no file part');
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length < 44 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  if (bytes.toString('latin1', 12, 16) !== 'fmt ' || bytes.readUInt16LE(20) !== 1) throw new Error('not a PCM WAV');
  const channels = bytes.readUInt16LE(22);
  const sampleRate = bytes.readUInt32LE(24);
  const bitsPerSample = bytes.readUInt16LE(34);
  if (bytes.toString('latin1', 36, 40) !== 'data' || bitsPerSample !== 16) throw new Error('expected 16-bit samples in a data chunk at byte 36');
  const samples = Math.min(bytes.readUInt32LE(40), bytes.length - 44) / 2 / channels;
  let sum = 0;
  for (let i = 0; i < samples * channels; i++) sum += (bytes.readInt16LE(44 + i * 2) / 32768) ** 2;
  const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : null);
  return { model: text('model'), language: text('language'), sampleRate, channels, bitsPerSample, durationS: samples / sampleRate, rms: Math.sqrt(sum / Math.max(1, samples * channels)) };
}
