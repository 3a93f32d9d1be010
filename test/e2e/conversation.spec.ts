import { expect, test, type Page } from '@playwright/test';
import { startProxy, type RunningProxy } from '../../packages/sdk/src/server/proxy';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { callConversation, conversationLog, conversationState, mountConversation } from '../support/conversation-page';
import { startOpenAITestServer, type OpenAITestServer } from '../support/openai-test-server';

/**
 * A spoken conversation through the real proxy to a local OpenAI-compatible server:
 * page (built IIFE) → proxy (holds the key) → test server (faithful SSE, scripted failures).
 */
// The static host's origin (playwright.config.ts: E2E_PORT, default 4173).
const PAGE_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const KEY = 'sk-e2e-secret-key';
const REPLY = 'Hello there, nice to meet you. I can help you with many things today. Just ask me anything you like.';

// Audio must play without a click in a headless test; real pages get a gesture first.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'] } });
test.describe.configure({ mode: 'serial' });

let upstream: OpenAITestServer;
let proxy: RunningProxy;

test.beforeAll(async () => {
  upstream = await startOpenAITestServer({ expectedKey: KEY, speechSecondsPerChar: 0.02 });
  proxy = await startProxy({ apiKey: KEY, upstream: upstream.baseURL, allowedOrigins: [PAGE_ORIGIN], port: 0, upstreamTimeoutMs: 1500 });
});
test.afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});
test.beforeEach(() => upstream.set({ mode: 'ok', reply: REPLY, latencyMs: 0, chunkDelayMs: 0, chunkChars: 8 }));

const eventsOf = async (page: Page, type: string) => (await conversationLog(page)).events.filter((e) => e.type === type);
const captions = async (page: Page) => (await eventsOf(page, 'caption')).filter((e) => e.detail.speaker === 'avatar').map((e) => e.detail.text as string);
const waitForIdleAfter = async (page: Page, type: string) => {
  await expect.poll(async () => (await eventsOf(page, type)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => conversationState(page), { timeout: 20_000 }).toBe('idle');
};

test('the first sentence is spoken, lip-synced, before the stream ends', async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await mountConversation(page, proxy.url);
  // ~13 chunks, 150 ms apart: the stream lasts about two seconds.
  upstream.set({ chunkDelayMs: 150 });
  await callConversation(page, 'submitText', 'Hi');
  await waitForIdleAfter(page, 'replied');
  const log = await conversationLog(page);
  const replied = log.events.find((e) => e.type === 'replied')!;
  const firstCaption = log.events.find((e) => e.type === 'caption' && e.detail.speaker === 'avatar')!;
  const firstOpenMouth = log.mouth.find((m) => m.open)!;
  expect(firstCaption.detail.text).toBe('Hello there, nice to meet you.');
  expect(firstCaption.t).toBeLessThan(replied.t - 500);
  expect(firstOpenMouth.t).toBeLessThan(replied.t);
  expect(replied.detail).toEqual({ text: REPLY, complete: true });
  expect(await captions(page)).toEqual(['Hello there, nice to meet you.', 'I can help you with many things today.', 'Just ask me anything you like.']);
  expect(log.events.filter((e) => e.type === 'state').map((e) => e.detail.state)).toEqual(['thinking', 'speaking', 'idle']);
  // Speech came through the proxy too, and the page never saw the key.
  expect(upstream.requests.filter((r) => r.path === '/v1/audio/speech').length).toBe(3);
  expect(await page.content()).not.toContain(KEY);
  expect(pageErrors).toEqual([]);
});

test('barge-in stops audio and lip-sync within 200 ms and the avatar listens', async ({ page }) => {
  await mountConversation(page, proxy.url);
  upstream.set({ reply: 'This is a long first sentence that takes a good while to say out loud. And then another one follows it. And a third.' });
  await callConversation(page, 'submitText', 'Tell me something');
  await expect.poll(async () => (await conversationLog(page)).mouth.some((m) => m.open), { timeout: 15_000 }).toBe(true);
  const bargeIn = await callConversation(page, 'userStartedSpeaking');
  expect(await conversationState(page)).toBe('listening');
  await page.waitForTimeout(600);
  const log = await conversationLog(page);
  const lastOpen = log.mouth.filter((m) => m.open).at(-1)!;
  expect(lastOpen.t - bargeIn).toBeLessThan(200);
  expect(log.mouth.at(-1)?.open).toBe(false);
  expect(await page.evaluate(() => (window as any).__lipSync.scheduler.busy)).toBe(false);
  expect(log.events.some((e) => e.type === 'interrupted')).toBe(true);
  expect(await captions(page)).toEqual(['This is a long first sentence that takes a good while to say out loud.']);
  expect(await conversationState(page)).toBe('listening');
});

for (const [mode, apology] of [
  ['error5xx', 'Sorry, something went wrong.'],
  ['timeout', 'Sorry, that is taking too long.'],
  ['cut', 'Sorry, I lost my train of thought.'],
] as const) {
  test(`${mode}: a spoken apology, a retry, and the next question works`, async ({ page }) => {
    await mountConversation(page, proxy.url);
    upstream.set({ mode });
    await callConversation(page, 'submitText', 'Are you there?');
    await expect.poll(async () => (await captions(page)).length, { timeout: 20_000 }).toBe(2);
    await expect.poll(() => conversationState(page), { timeout: 20_000 }).toBe('idle');
    const said = await captions(page);
    expect(said).toEqual([`${apology} Let me try again.`, `${apology} Could you ask me again in a moment? Or shall I get a colleague?`]);
    const log = await conversationLog(page);
    const firstError = log.events.find((e) => e.type === 'error')!;
    expect(log.mouth.some((m) => m.open && m.t > firstError.t)).toBe(true); // the apology was lip-synced audio

    upstream.set({ mode: 'ok', reply: 'I am back.' });
    await callConversation(page, 'submitText', 'Are you there now?');
    await expect.poll(async () => (await captions(page)).at(-1), { timeout: 15_000 }).toBe('I am back.');
    await expect.poll(() => conversationState(page), { timeout: 15_000 }).toBe('idle');
  });
}
