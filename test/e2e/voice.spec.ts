import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { fakeMediaLaunchOptions } from '../support/chromium';
import { writeFakeMicrophoneWav } from '../support/fake-microphone';
import { ROOT, SHARED } from '../support/paths';

// The fake microphone (looped): 1.5 s of silence, one angry RAVDESS dev clip (an unseen
// speaker, with its own leading and trailing room noise), 2 s of silence.
const WAV = join(ROOT, 'test/test-results/voice-microphone.wav');
const { durationS } = writeFakeMicrophoneWav(WAV, [
  { silenceSeconds: 1.5 },
  { wav: join(SHARED, 'eval/speech/dev/angry/ravdess_03-01-05-02-01-01-15.wav') },
  { silenceSeconds: 2 },
]);

test.use({ launchOptions: fakeMediaLaunchOptions({ microphone: WAV }) });

type Logged = { type: string; t: number; detail: any };
const voiceLog = (page: Page) => page.evaluate(() => (window as any).__voice as Logged[]);

/** Every request of the page and its workers, with the size of any body it carries. */
function watchNetwork(context: BrowserContext): Array<{ url: string; method: string; body: number }> {
  const requests: Array<{ url: string; method: string; body: number }> = [];
  context.on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postDataBuffer()?.byteLength ?? 0 }));
  return requests;
}

test('fake microphone: speech start and end, then an emotion; strict onset while the avatar speaks; no audio leaves the page', async ({ page, context }) => {
  test.setTimeout(60_000);
  const requests = watchNetwork(context);
  await page.goto('/voice.html');
  const started = await page.evaluate(() => (window as any).startVoice());
  expect(started, JSON.stringify(await voiceLog(page))).toBe(true);

  // One utterance: start, end (after the configured silence), then its emotion.
  await expect.poll(async () => (await voiceLog(page)).map((e) => e.type).filter((t) => t !== 'ready' && t !== 'misfire'), { timeout: 20_000 }).toEqual(
    expect.arrayContaining(['speech-start', 'speech-end', 'emotion']),
  );
  const log = await voiceLog(page);
  const ready = log.find((e) => e.type === 'ready')!;
  expect(ready.detail.vadBackend).toBe('wasm');
  const start = log.find((e) => e.type === 'speech-start')!;
  const end = log.find((e) => e.type === 'speech-end')!;
  const emotion = log.find((e) => e.type === 'emotion')!;
  expect(start.t).toBeLessThan(end.t);
  expect(end.t).toBeLessThanOrEqual(emotion.t);
  expect(end.detail.reason).toBe('silence');
  expect(end.detail.durationMs).toBeGreaterThan(800);
  // The utterance lies inside one loop of the file; timestamps are stream times (ms).
  expect(end.detail.endMs - start.detail.atMs).toBeLessThan(durationS * 1000);
  expect(end.detail).not.toHaveProperty('audio');
  const p = Object.values(emotion.detail.probabilities as Record<string, number>).reduce((a, b) => a + b, 0);
  expect(p).toBeCloseTo(1, 3);
  expect(emotion.detail.label).toMatch(/^(neutral|calm|happy|sad|angry|fearful|disgusted|surprised)$/);
  // An angry, strong-intensity take: whatever the label, the voice must read as aroused.
  expect(emotion.detail.arousal).toBeGreaterThan(0);
  // The first utterance of a session is judged as a stranger's (no speaker adaptation yet).
  expect(emotion.detail.speakerUtterances).toBe(0);

  // While "the avatar speaks" through a whole loop of the file, the onset is strict: the
  // clip (a person talking over the avatar) is heard only as a barge-in, confirmed after
  // 8 confident frames instead of 3.
  const gatedAt = await page.evaluate(() => {
    (window as any).__perception.setAvatarSpeaking(true);
    return performance.now();
  });
  await page.waitForTimeout(durationS * 1000 + 500);
  const ungatedAt = await page.evaluate(() => {
    (window as any).__perception.setAvatarSpeaking(false);
    return performance.now();
  });
  const duringAvatar = (await voiceLog(page)).filter((e) => e.t > gatedAt + 50 && e.t < ungatedAt && e.type === 'speech-start');
  expect(duringAvatar.length).toBeGreaterThan(0);
  for (const { detail } of duringAvatar) {
    expect(detail.bargeIn).toBe(true);
    expect(detail.detectedAtMs - detail.atMs).toBeGreaterThanOrEqual(8 * 32);
  }
  // Afterwards the normal onset returns: the next loop's utterance starts a plain turn.
  await expect
    .poll(async () => (await voiceLog(page)).filter((e) => e.t > ungatedAt && e.type === 'speech-start' && !e.detail.bargeIn).length, { timeout: 20_000 })
    .toBeGreaterThan(0);

  // Speaker adaptation: each later utterance of the same (looped) speaker is judged against
  // the ones before it; resetSpeaker() makes the next one a stranger's again.
  await expect.poll(async () => (await voiceLog(page)).filter((e) => e.type === 'emotion').length, { timeout: 20_000 }).toBeGreaterThan(1);
  const emotions = (await voiceLog(page)).filter((e) => e.type === 'emotion');
  emotions.forEach((e, i) => expect(e.detail.speakerUtterances).toBe(i));
  const resetAt = await page.evaluate(() => {
    (window as any).__perception.resetSpeaker();
    return performance.now();
  });
  // (An utterance already being judged at the reset may still report the old count; the next one starts at 0.)
  await expect
    .poll(async () => (await voiceLog(page)).filter((e) => e.type === 'emotion' && e.t > resetAt).map((e) => e.detail.speakerUtterances), { timeout: 20_000 })
    .toContain(0);

  // The event log, for the record (test-results/…/voice-events.json).
  writeFileSync(test.info().outputPath('voice-events.json'), JSON.stringify(await voiceLog(page), null, 2));

  // Privacy: nothing was sent anywhere: every request is a GET of the page's own files, no body.
  const origin = new URL(page.url()).origin;
  for (const request of requests) {
    expect(request, `${request.method} ${request.url}`).toMatchObject({ method: 'GET', body: 0 });
    expect(request.url.startsWith(origin) || request.url.startsWith('blob:') || request.url.startsWith('data:'), request.url).toBe(true);
  }
});
