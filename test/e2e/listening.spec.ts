import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { mountAvatar, recordedEvents, waitForReady } from '../support/avatar-page';
import { fakeMediaLaunchOptions } from '../support/chromium';
import { writeFakeMicrophoneWav } from '../support/fake-microphone';
import { ROOT, SHARED } from '../support/paths';

// The fake microphone (looped): silence, one angry RAVDESS dev clip, silence.
const WAV = join(ROOT, 'test/test-results/listening-microphone.wav');
writeFakeMicrophoneWav(WAV, [
  { silenceSeconds: 1 },
  { wav: join(SHARED, 'eval/speech/dev/angry/ravdess_03-01-05-02-01-01-15.wav') },
  { silenceSeconds: 1.5 },
]);

test.use({ launchOptions: fakeMediaLaunchOptions({ microphone: WAV }) });

test('<digital-human microphone>: speaking turns the conversation to listening, and the voice reaches the affect state', async ({ page }) => {
  await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm', microphone: 'true', tts: 'none' });
  await page.evaluate(() => {
    const element = document.querySelector('digital-human')!;
    const log = ((window as any).__listening = { states: [] as string[], affect: [] as unknown[] });
    element.addEventListener('conversation', (event) => log.states.push((event as CustomEvent).detail.state));
    element.addEventListener('affect', (event) => log.affect.push((event as CustomEvent).detail));
  });
  await waitForReady(page);
  await expect.poll(() => page.evaluate(() => (window as any).__listening.states as string[]), { timeout: 30_000 }).toContain('listening');
  await expect.poll(() => page.evaluate(() => (window as any).__listening.affect.length), { timeout: 30_000 }).toBeGreaterThan(0);
  const [affect] = await page.evaluate(() => (window as any).__listening.affect as Array<{ label: string; sources: { voice: number }; arousal: number }>);
  expect(affect!.sources.voice).toBeGreaterThan(0);
  expect(typeof affect!.label).toBe('string');
  expect(await recordedEvents(page, 'error')).toEqual([]);
});

test('<digital-human microphone> with the microphone denied: says so, and the text box still works', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL!, permissions: [] });
  const page = await context.newPage();
  await page.route('**/empty.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'microphone=()' } });
  });
  await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm', microphone: 'true', tts: 'none' });
  await waitForReady(page);
  await expect.poll(async () => (await recordedEvents(page, 'error')).map((e) => e.detail.code)).toContain('microphone-denied');
  const [error] = await recordedEvents(page, 'error');
  expect(error!.detail.message).toMatch(/^Not listening: /);
  await expect(page.locator('digital-human').getByRole('alert')).toContainText('Not listening');
  await expect(page.locator('digital-human').getByRole('textbox')).toBeVisible();
  await context.close();
});
