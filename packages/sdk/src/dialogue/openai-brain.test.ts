import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../../test/support/openai-test-server';
import { startProxy, type RunningProxy } from '../server/proxy';
import { OpenAIBrain } from './openai-brain';
import { BrainError, type BrainChunk } from './brain';

let upstream: OpenAITestServer;
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startOpenAITestServer({ expectedKey: 'sk-real' });
  proxy = await startProxy({ apiKey: 'sk-real', upstream: upstream.baseURL, port: 0, upstreamTimeoutMs: 300 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
afterEach(() => upstream.set({ mode: 'ok', toolCall: null, chunkDelayMs: 0 }));

async function collect(brain: OpenAIBrain, signal = new AbortController().signal): Promise<BrainChunk[]> {
  const out: BrainChunk[] = [];
  for await (const chunk of brain.reply({ history: [{ role: 'user', text: 'Hoi' }], lang: 'nl', affect: { label: 'sad', valence: -0.6, arousal: 0.2, confidence: 0.8 } }, signal)) out.push(chunk);
  return out;
}

const text = (chunks: BrainChunk[]) => chunks.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('');

describe('OpenAIBrain through the proxy', () => {
  const brain = () => new OpenAIBrain({ baseURL: `${proxy.url}/v1`, model: 'test-model', persona: 'Sam' });

  it('streams text and cues, sending the system prompt with affect in words', async () => {
    upstream.set({ reply: '[[happy:0.5]] Goedendag! Waarmee kan ik u helpen?' });
    const chunks = await collect(brain());
    expect(chunks[0]).toEqual({ type: 'cue', cue: { mood: 'happy', intensity: 0.5 } });
    expect(text(chunks)).toBe(' Goedendag! Waarmee kan ik u helpen?');
    const sent = JSON.parse(upstream.requests.at(-1)!.body.toString()) as { messages: Array<{ role: string; content: string }>; stream: boolean; tools: unknown[] };
    expect(sent.stream).toBe(true);
    expect(sent.messages[0]?.content).toContain('the person sounds sad');
    expect(sent.messages[1]).toEqual({ role: 'user', content: 'Hoi' });
    expect(sent.tools).toHaveLength(1);
    // The page's client never had the key: the proxy put it there.
    expect(upstream.requests.at(-1)?.headers.authorization).toBe('Bearer sk-real');
  });

  it('turns the handover_to_human tool call into a handover chunk, with words if the model said none', async () => {
    upstream.set({ reply: '', toolCall: { name: 'handover_to_human', arguments: '{"reason":"asks for a nurse"}' } });
    const chunks = await collect(brain());
    expect(text(chunks)).toBe('Ik haal er een collega bij, een moment alstublieft.');
    expect(chunks.at(-1)).toEqual({ type: 'handover', reason: 'asks for a nurse' });
  });

  it.each([
    ['error5xx', 'server'],
    ['timeout', 'timeout'],
    ['cut', 'cut'],
  ] as const)('reports %s as a BrainError of kind %s', async (mode, kind) => {
    upstream.set({ mode, reply: 'One two three four five six seven.' });
    const error = await collect(brain()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrainError);
    expect((error as BrainError).kind).toBe(kind);
    expect((error as BrainError).retryable).toBe(true);
  });

  it('stops quietly when aborted', async () => {
    upstream.set({ chunkDelayMs: 50, reply: 'One two three four five six seven eight nine ten.' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 60);
    const chunks = await collect(brain(), abort.signal);
    expect(text(chunks).length).toBeLessThan(30);
  });
});
