import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startProxy, type RunningProxy } from '../../packages/sdk/src/server/proxy';
import { mountAvatar, waitForReady } from '../support/avatar-page';
import { fakeMediaLaunchOptions } from '../support/chromium';
import { writeFakeMicrophoneWav } from '../support/fake-microphone';
import { startOpenAITestServer, type OpenAITestServer } from '../support/openai-test-server';
import { ROOT } from '../support/paths';
import { spokenQuestionWav } from '../support/spoken-question';
import { recordTalk, talkLog } from '../support/talk-recorder';

/**
 * A spoken turn end to end: the fake microphone speaks a question → Silero VAD cuts it →
 * (only with `stt="openai"`) a WAV goes through the real proxy to the test server's
 * `/v1/audio/transcriptions` → the transcript is the person's turn → the avatar answers,
 * captioned and lip-synced; talking over that answer is a barge-in.
 */
const PAGE_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const QUESTION = 'What time do you open on Saturday?';
const QUESTION_WAV = join(ROOT, 'test/test-results/spoken-question.wav');
const question = spokenQuestionWav(QUESTION_WAV, QUESTION);
// The fake microphone (looped, ~10 s): silence, the spoken question, a long silence.
const MIC_WAV = join(ROOT, 'test/test-results/spoken-turn-microphone.wav');
writeFakeMicrophoneWav(MIC_WAV, [{ silenceSeconds: 1.5 }, { wav: QUESTION_WAV }, { silenceSeconds: 6 }]);
// Long enough (≈ 14 s of speech) that the next loop of the question comes while it is said.
const LONG_ANSWER =
  'We open at nine on Saturday morning. The doors close again at five in the afternoon. On Sunday we are closed all day, but our website stays open. ' +
  'If you need help sooner, you can call us during the week. We are happy to help you with anything you need.';

test.use({ launchOptions: fakeMediaLaunchOptions({ microphone: MIC_WAV, autoplay: true }) });
test.describe.configure({ mode: 'serial' });

let upstream: OpenAITestServer;
let proxy: RunningProxy;
test.beforeAll(async () => {
  upstream = await startOpenAITestServer({ transcript: QUESTION, transcriptionLatencyMs: 200, reply: LONG_ANSWER, chunkChars: 12, speechSecondsPerChar: 0.07 });
  proxy = await startProxy({ upstream: upstream.baseURL, allowedOrigins: [PAGE_ORIGIN], port: 0, rateLimit: 10_000 });
});
test.afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const eventsOf = async (page: Page, type: string) => (await talkLog(page)).events.filter((e) => e.type === type);

type Watched = { url: string; method: string; contentType: string; body: Buffer | null };

/** Every request of the page and its workers, with its content type and (where Playwright can read it) its body. */
function watchNetwork(context: BrowserContext): Watched[] {
  const requests: Watched[] = [];
  context.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method(), contentType: request.headers()['content-type'] ?? '', body: request.postDataBuffer() }),
  );
  return requests;
}

test('stt="openai": a spoken question is transcribed through the proxy and answered; talking over the answer is a barge-in', async ({ page, context }) => {
  test.setTimeout(90_000);
  const requests = watchNetwork(context);
  const proxyUrl = `${proxy.url}/v1`;
  await mountAvatar(page, { microphone: '', stt: 'openai', brain: 'openai', tts: 'openai', 'proxy-url': proxyUrl, model: 'test-model', lang: 'en', idle: 'false' });
  await waitForReady(page);
  await recordTalk(page);

  // The question is heard, transcribed, captioned as the person's line, and answered aloud.
  await expect.poll(async () => (await eventsOf(page, 'transcription')).map((e) => e.detail.status), { timeout: 30_000 }).toContain('transcript');
  const [transcription] = await eventsOf(page, 'transcription');
  expect(transcription!.detail).toMatchObject({ status: 'transcript', text: QUESTION, provider: 'openai' });
  const captions = page.locator('digital-human').getByRole('log');
  await expect(captions.locator('.digimens-caption-user').first()).toHaveText(QUESTION);
  await expect(captions.locator('.digimens-caption-avatar').first()).toHaveText('We open at nine on Saturday morning.', { timeout: 20_000 });
  await expect.poll(async () => (await talkLog(page)).mouth.some((m) => m.open), { timeout: 20_000 }).toBe(true);

  // The server got a real recording: a 16 kHz mono WAV about as long as the spoken question.
  const [upload] = upstream.transcriptions;
  expect(upload).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, language: 'en', model: 'whisper-1' });
  const spokenS = question.speechEndS - question.speechStartS;
  const [utterance] = await eventsOf(page, 'speech-end');
  console.log(`uploaded ${upload!.durationS.toFixed(2)} s of audio; spoken ${spokenS.toFixed(2)} s; VAD utterance ${(utterance!.detail.durationMs / 1000).toFixed(2)} s`);
  // (The first loop may be caught part-way, as capture starts whenever the page asks.)
  expect(upload!.durationS).toBeGreaterThan(0.5);
  expect(upload!.durationS).toBeLessThan(spokenS + 0.6);
  // Exactly the utterance the VAD cut, plus the 200 ms kept before its onset and ≤ 100 ms of silence after it.
  expect(upload!.durationS - utterance!.detail.durationMs / 1000).toBeGreaterThan(0.15);
  expect(upload!.durationS - utterance!.detail.durationMs / 1000).toBeLessThan(0.4);
  expect(upload!.rms).toBeGreaterThan(0.01);

  // The answer lasts ~14 s; the next loop of the question comes while it is said: a barge-in.
  await expect.poll(async () => (await eventsOf(page, 'speech-start')).some((e) => e.detail.bargeIn), { timeout: 30_000 }).toBe(true);
  await page.waitForTimeout(500);
  const log = await talkLog(page);
  const bargeIn = log.events.find((e) => e.type === 'speech-start' && e.detail.bargeIn)!;
  const stateAtBargeIn = log.events.filter((e) => e.type === 'conversation' && e.t <= bargeIn.t).at(-1)!;
  expect(stateAtBargeIn.detail.state).toBe('speaking');
  const restAt = log.mouth.find((m) => m.t >= bargeIn.t && !m.open)!;
  const stoppedMs = restAt.t - bargeIn.t;
  console.log(`barge-in: VAD speech-start → mouth at rest ${stoppedMs.toFixed(1)} ms (onset confirmed ${(bargeIn.detail.detectedAtMs - bargeIn.detail.atMs).toFixed(0)} ms after the speech began)`);
  expect(stoppedMs).toBeLessThan(200);
  expect(log.mouth.filter((m) => m.t > restAt.t && m.t < bargeIn.t + 400).every((m) => !m.open)).toBe(true);
  expect(log.events.find((e) => e.type === 'conversation' && e.t >= bargeIn.t)?.detail.state).toBe('listening');

  // Audio left the page only as uploads to the proxy's transcription path. (Playwright cannot
  // read multipart bodies, so the server's checks above say what they held: WAV recordings.)
  const transcriptionPath = `${proxyUrl}/audio/transcriptions`;
  const uploads = requests.filter((r) => r.method === 'POST' && r.url === transcriptionPath);
  expect(uploads.length).toBe(upstream.transcriptions.length);
  for (const upload of uploads) expect(upload.contentType).toMatch(/^multipart\/form-data/);
  for (const request of requests.filter((r) => r.method !== 'GET' && r.url !== transcriptionPath)) {
    expect(request.url.startsWith(`${proxyUrl}/`), request.url).toBe(true);
    if (request.method === 'OPTIONS') continue; // CORS preflight: no body
    expect(request.contentType, request.url).toMatch(/^application\/json/);
    expect(request.body?.includes('RIFF'), request.url).toBe(false);
  }
});

test('without a cloud STT: speech is heard, the page says once that it is not transcribed, and no request carries audio', async ({ page, context }) => {
  test.setTimeout(60_000);
  const requests = watchNetwork(context);
  await mountAvatar(page, { microphone: '', tts: 'none', lang: 'en', idle: 'false' }); // stt: the default, 'auto'
  await waitForReady(page);
  await recordTalk(page);
  // Two loops of the question: two utterances, one notice.
  await expect.poll(async () => (await eventsOf(page, 'speech-end')).length, { timeout: 40_000 }).toBeGreaterThanOrEqual(2);
  const notices = await eventsOf(page, 'transcription');
  expect(notices.map((e) => e.detail.status)).toEqual(['unavailable']);
  expect(notices[0]!.detail.reason).toMatch(/^Speech is heard but not transcribed: .*on-device speech recognition.*Type your question instead\.$/);
  // Turn-taking still follows the voice, and returns to waiting at once (no transcript will come).
  const states = (await eventsOf(page, 'conversation')).map((e) => e.detail.state);
  expect(states.slice(0, 2)).toEqual(['listening', 'idle']);
  await expect(page.locator('digital-human').getByRole('textbox')).toBeVisible();
  const origin = new URL(page.url()).origin;
  for (const request of requests) {
    expect(request, `${request.method} ${request.url}`).toMatchObject({ method: 'GET', body: null });
    expect(request.url.startsWith(origin) || request.url.startsWith('blob:') || request.url.startsWith('data:'), request.url).toBe(true);
  }
});
