import { expect, test } from '@playwright/test';
import { mountAvatar, waitForReady } from '../support/avatar-page';

/**
 * The offline default: no key, no network beyond the page's own files. A typed Dutch
 * question gets a Dutch answer from the scripted brain, captioned and lip-synced. (The
 * voice is `tts="none"` here: headless Chromium has no voices unless speech-dispatcher is
 * set up; the conversation paces silent speech like spoken speech.)
 */
test('a typed Dutch question gets a captioned, lip-synced Dutch answer, offline', async ({ page }) => {
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) foreignRequests.push(request.url());
  });
  await mountAvatar(page, { tts: 'none', view: 'head' });
  await waitForReady(page);

  // Record the conversation's states and every mouth movement the avatar is given.
  await page.evaluate(() => {
    const element = document.querySelector('digital-human') as HTMLElement & { human: any };
    const log = ((window as any).__talk = { states: [] as string[], mouth: [] as number[] });
    element.addEventListener('conversation', (event) => log.states.push((event as CustomEvent).detail.state));
    const setVisemes = element.human.setVisemes.bind(element.human);
    element.human.setVisemes = (weights: Record<string, number>) => {
      log.mouth.push(Object.values(weights).reduce((sum, w) => sum + w, 0));
      setVisemes(weights);
    };
  });

  const box = page.locator('digital-human').getByRole('textbox', { name: 'Typ uw vraag…' });
  await box.fill('Ik ben verhuisd, hoe geef ik mijn nieuwe adres door?');
  await box.press('Enter');

  const captions = page.locator('digital-human').getByRole('log');
  await expect(captions).toContainText('Ik ben verhuisd');
  await expect(captions.locator('.digimens-caption-avatar').first()).toContainText(/adres|verhuizing|verhuisd/i);
  await expect.poll(() => page.evaluate(() => (window as any).__talk.states.at(-1)), { timeout: 30_000 }).toBe('idle');

  const talk = await page.evaluate(() => (window as any).__talk as { states: string[]; mouth: number[] });
  expect(talk.states).toEqual(expect.arrayContaining(['thinking', 'speaking', 'idle']));
  expect(Math.max(...talk.mouth)).toBeGreaterThan(0.5); // the mouth opened
  expect(talk.mouth.at(-1)).toBe(0); // and came back to rest
  expect(foreignRequests).toEqual([]);
});
