/**
 * `pnpm bench:turn`: how long the person waits for the avatar's mouth to move after their
 * turn ends, through the real pipeline in headless Chromium on the built IIFE:
 * Conversation → OpenAIBrain → proxy → local OpenAI-compatible server (fixed time to first
 * token) → first sentence → OpenAITts via the proxy → Web Audio → lip-sync → first open viseme.
 *
 * The turn ends at `conversation.submitText()` (where a transcript or the text box hands
 * over); VAD end-pointing and transcription come before that point and are not in this
 * figure. Target: median ≤ latency + 150 ms. Options: --turns N (default 20),
 * --latency MS (default 300). Writes bench-results/turn.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { startProxy } from '../../packages/sdk/src/server/proxy';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { callConversation, conversationLog, conversationState, mountConversation } from '../support/conversation-page';
import { startOpenAITestServer } from '../support/openai-test-server';
import { ROOT } from '../support/paths';
import { serverOrigin, startStaticServer } from '../support/static-server';
import { percentile, printTable } from './stats';

const { values } = parseArgs({ options: { turns: { type: 'string', default: '20' }, latency: { type: 'string', default: '300' } } });
const turns = Number(values.turns);
const latencyMs = Number(values.latency);
const site = await startStaticServer(0);
const origin = serverOrigin(site);
const upstream = await startOpenAITestServer({ latencyMs, reply: 'Yes, of course. Anything else?', chunkChars: 6, speechSecondsPerChar: 0.02 });
// Each turn is three requests (chat + two sentences of speech): lift the per-client limit.
const proxy = await startProxy({ upstream: upstream.baseURL, allowedOrigins: [origin], port: 0, rateLimit: 10_000 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'] });
const samples: number[] = [];
/** Turn end → the first sentence's audio starting (the caption fires then): the part before lip-sync. */
const audioSamples: number[] = [];
try {
  const page = await browser.newPage({ baseURL: origin, viewport: { width: 640, height: 480 } });
  await mountConversation(page, proxy.url);
  for (let i = -2; i < turns; i++) {
    const started = await callConversation(page, 'submitText', `Question ${i}`);
    let latency: number | undefined;
    for (let tries = 0; latency === undefined && tries < 200; tries++) {
      await page.waitForTimeout(25);
      latency = (await conversationLog(page)).mouth.find((m) => m.open && m.t >= started)?.t;
    }
    while ((await conversationState(page)) !== 'idle') await page.waitForTimeout(25);
    const audio = (await conversationLog(page)).events.find((e) => e.type === 'caption' && e.detail.speaker === 'avatar' && e.t >= started)?.t;
    if (latency === undefined) throw new Error(`turn ${i}: the mouth never opened; events: ${JSON.stringify((await conversationLog(page)).events.slice(-6))}`);
    // Two warm-up turns (JIT, audio start-up) are not counted.
    if (i >= 0) {
      samples.push(latency - started);
      if (audio !== undefined) audioSamples.push(audio - started);
    }
  }
} finally {
  await browser.close();
  await proxy.close();
  await upstream.close();
  site.close();
}

const median = percentile(samples, 50);
const result = {
  turns,
  latencyMs,
  medianMs: Math.round(median),
  p90Ms: Math.round(percentile(samples, 90)),
  minMs: Math.round(Math.min(...samples)),
  maxMs: Math.round(Math.max(...samples)),
  overheadMs: Math.round(median - latencyMs),
  audioStartMedianMs: Math.round(percentile(audioSamples, 50)),
  targetMs: latencyMs + 150,
  pass: median <= latencyMs + 150,
};
printTable([
  ['turns', String(turns)],
  ['test server time to first token', `${latencyMs} ms`],
  ['turn end → first viseme, median', `${result.medianMs} ms (p90 ${result.p90Ms}, min ${result.minMs}, max ${result.maxMs})`],
  ['turn end → audio start, median', `${result.audioStartMedianMs} ms`],
  ['overhead over the model latency', `${result.overheadMs} ms (target ≤ 150)`],
  ['result', result.pass ? 'PASS' : 'FAIL'],
], 'bench:turn — end of the user turn to the first viseme');
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/turn.json'), `${JSON.stringify({ ...result, samplesMs: samples.map(Math.round) }, null, 2)}\n`);
if (!result.pass) process.exitCode = 1;
